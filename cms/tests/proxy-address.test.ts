import request from 'supertest';
import { startTestCms, type TestCms } from './harness';
import { submissionEnv } from './submission-support';

/**
 * Behind the reverse proxy (PUBLIC_PROXY=true, config/server.ts) the per-address limits count the
 * citizen's address from X-Forwarded-For, not the proxy's: two citizens have a limit each, and an
 * address a client writes into the header itself does not give it a fresh one (only the entry the
 * proxy appended, the last, is read).
 */
let cms: TestCms;
const LOOK_UP = '/api/submissions/status/7K3QD-M2X9A'; // well formed, unknown: 404 after the limit

beforeAll(async () => {
  submissionEnv({ SUBMISSION_READ_LIMITS: '2/3600' });
  Object.assign(process.env, { PUBLIC_PROXY: 'true' });
  cms = await startTestCms('proxy_address');
});
afterAll(async () => {
  delete process.env.PUBLIC_PROXY;
  await cms?.stop();
});

const lookUp = (forwardedFor: string) =>
  request(cms.http).get(LOOK_UP).set('Accept', 'application/json').set('X-Forwarded-For', forwardedFor);

test('the configuration trusts the proxy and reads one hop', () => {
  expect(cms.strapi.server.app.proxy).toBe(true);
  expect(cms.strapi.server.app.maxIpsCount).toBe(1);
});

test('each citizen behind the proxy has a limit of their own; a forged first entry does not reset it', async () => {
  expect((await lookUp('203.0.113.10')).status).toBe(404);
  expect((await lookUp('203.0.113.10')).status).toBe(404);
  const limited = await lookUp('203.0.113.10');
  expect(limited.status).toBe(429);
  expect(limited.body.error.code).toBe('rate_limited');

  expect((await lookUp('198.51.100.1, 203.0.113.10')).status).toBe(429);
  expect((await lookUp('203.0.113.11')).status).toBe(404);
});
