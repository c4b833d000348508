import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUILD_QUEUE } from '@pbgdpl/domain';
import {
  createTestDatabase,
  startCmsProcess,
  testCmsEnv,
  type CmsProcess,
  type TestDatabase,
} from '@pbgdpl/test-support';
import { cmsRequest, registerFirstAdmin } from './cms-api';
import { startSyncDriver, syncDatabase, waitFor, type SyncDriver } from './sync-support';
import { CMS_DIR } from './workspace';

/**
 * The operator's page "Đồng bộ trang" reads what the sync engine records, through the one
 * contract of @pbgdpl/domain, on either database: a real CMS (PostgreSQL with TEST_DATABASE_URL,
 * else the quick start's SQLite file) and a real sync engine on that database (pg-boss, or the
 * in-process queue), whose state store records builds as a worker does; the CMS's admin route
 * the page calls (`GET /pbgdpl-sync/status`) must show each site's condition and the queue. No
 * site is built: the state written is the worker's own API, the reading is the point.
 */
let database: TestDatabase;
let cms: CmsProcess;
let engine: SyncDriver;
let adminJwt: string;
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbgdpl-sync-status-'));

interface SiteRow {
  site: string;
  liveRelease: string | null;
  builtVersion: number | null;
  requestedVersion: number | null;
  lastError: string | null;
  condition: string;
  conditionLabel: string;
}
interface StatusBody {
  contentVersion: number;
  events: { total: number; lastId: number; dispatchedUpTo: number };
  queue: Array<{ name: string; state: string; jobs: number }>;
  sites: SiteRow[];
}
const status = () => cmsRequest<StatusBody>(cms.url, 'GET', '/pbgdpl-sync/status', undefined, adminJwt);

beforeAll(async () => {
  database = await createTestDatabase('sync_status', path.join(CMS_DIR, '.tmp'));
  cms = await startCmsProcess({ cmsDir: CMS_DIR, env: { ...testCmsEnv(), ...database.env } });
  adminJwt = await registerFirstAdmin(cms.url, {
    firstname: 'Vận',
    lastname: 'Hành',
    email: 'van-hanh@pbgdpl.test',
    password: 'MatKhau2026',
  });
  engine = await startSyncDriver({
    logFile: path.join(outDir, 'sync.log'),
    database: syncDatabase(database.env),
    cmsUrl: cms.url,
    outDir,
    // Nothing is built or dispatched here: the test records what a worker would.
    work: false,
    dispatchIntervalMs: 0,
    reconcileIntervalMs: 0,
  });
}, 300_000);

afterAll(async () => {
  await engine?.stop();
  await cms?.stop();
  await database?.drop();
  fs.rmSync(outDir, { recursive: true, force: true });
});

test(`the status page shows every site the engine recorded, with its condition (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, async () => {
  const before = await status();
  expect(before.sites).toEqual([]);
  const version = await engine.call<number>('version');
  expect(before.contentVersion).toBe(version);

  const at = new Date().toISOString();
  await engine.call('recordRequested', ['ha-noi', 'ha-noi-ba-dinh', 'quoc-gia'], version, at);
  await engine.call('recordSuccess', 'ha-noi', {
    release: '20260101T000010Z-aaaaaa',
    version: version + 1,
    builtAt: at,
    durationMs: 9500,
    pages: 142,
  });
  await engine.call('recordSuccess', 'quoc-gia', {
    release: '20260101T000011Z-bbbbbb',
    version,
    builtAt: at,
    durationMs: 8100,
    pages: 139,
  });
  await engine.call(
    'recordFailure',
    'ha-noi-ba-dinh',
    'Astro build of ha-noi-ba-dinh exited with code 1',
    at,
  );

  const after = await status();
  expect(
    after.sites.map((s) => [s.site, s.liveRelease, s.builtVersion, s.condition, s.conditionLabel]),
  ).toEqual([
    ['ha-noi', '20260101T000010Z-aaaaaa', version + 1, 'fresh', 'Mới nhất'],
    ['ha-noi-ba-dinh', null, null, 'error', 'Lỗi'],
    // Built from the version a change asked for: asked for again since, so it waits.
    ['quoc-gia', '20260101T000011Z-bbbbbb', version, 'waiting', 'Đang chờ dựng lại'],
  ]);
  expect(after.sites[1]!.lastError).toBe('Astro build of ha-noi-ba-dinh exited with code 1');
});

test('the status page shows the build queue, from pg-boss or from the in-process queue', async () => {
  expect(
    await engine.call<boolean>('enqueue', { site: 'ha-noi', version: 1, reason: 'sync-status e2e' }),
  ).toBe(true);
  // The in-process queue publishes its counts about once a second; pg-boss's job is there at once.
  const queue = await waitFor(
    'the queued job on the status page',
    async () => {
      const rows = (await status()).queue.filter((q) => q.name === BUILD_QUEUE);
      return rows.length > 0 ? rows : null;
    },
    30_000,
  );
  expect(queue).toEqual([{ name: BUILD_QUEUE, state: 'created', jobs: 1 }]);
});

test('the status route answers administrators only', async () => {
  const res = await fetch(`${cms.url}/pbgdpl-sync/status`);
  expect(res.status).toBe(401);
});
