import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { startTestCms, type TestCms } from './harness';
import { toJsonLine } from '../src/extensions/observability/log-format';
import { runWithRequestId } from '../src/extensions/observability/request-id';

/**
 * What an operator watches on the CMS (issue 19): request ids in and out and on the change
 * events a request writes, JSON log lines, the METRICS_TOKEN-protected /metrics endpoint with
 * each metric moving when its cause happens, and health reporting the sync engine's workers.
 */
const METRICS_TOKEN = 'kiem-thu-chi-so-0123456789abcdef';
let cms: TestCms;
let token = '';

const metricsText = async () =>
  (await request(cms.http).get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200)).text;

/** The value of one series (`name{labels}`) in the exposition text; null when absent. */
function series(text: string, name: string, labels: Record<string, string> = {}): number | null {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const m = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = (m[2] ?? '').split(',').filter(Boolean);
    if (wanted.every((w) => have.includes(w)) && (wanted.length > 0 || have.length === 0))
      return Number(m[3]);
  }
  return null;
}

const knex = () => cms.strapi.db.connection;

beforeAll(async () => {
  process.env.METRICS_TOKEN = METRICS_TOKEN;
  cms = await startTestCms('observability');
  token = (
    await cms.strapi
      .service('admin::api-token')
      .create({ name: 'giam-sat', type: 'full-access', lifespan: null })
  ).accessKey as string;
});
afterAll(async () => {
  delete process.env.METRICS_TOKEN;
  await cms?.stop();
});

describe('request ids', () => {
  test('an id from the proxy comes back on the answer; without one (or with a malformed one) the CMS makes one', async () => {
    const given = 'a3f1c2d4e5b60718293a4b5c6d7e8f90';
    expect(
      (await request(cms.http).get('/api/health').set('X-Request-Id', given)).headers['x-request-id'],
    ).toBe(given);
    const made = (await request(cms.http).get('/api/health')).headers['x-request-id'];
    expect(made).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const forged = (await request(cms.http).get('/api/health').set('X-Request-Id', 'x" injected=1')).headers[
      'x-request-id'
    ];
    expect(forged).not.toContain('injected');
    expect(forged).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('a change event carries the id of the request that made the change', async () => {
    const requestId = 'publish-0123456789-test';
    await request(cms.http)
      .post('/api/sites')
      .set('Authorization', `Bearer ${token}`)
      .set('X-Request-Id', requestId)
      .send({
        data: { code: 'quoc-gia', name: 'Cổng PBGDPL quốc gia', kind: 'national', basePath: '/quoc-gia/' },
      })
      .expect(201);
    const events = (await knex()('pbgdpl_change_events').where({ uid: 'api::site.site' })) as Array<{
      request_id: string | null;
    }>;
    expect(events.map((e) => e.request_id)).toEqual([requestId]);
  });

  test('a log line is one JSON object with the request id, and Strapi’s request line is split into fields', () => {
    const line = runWithRequestId('abcdef0123456789', () =>
      toJsonLine(
        { level: 'http', message: 'GET /api/qas?locale=vi (12 ms) 200' },
        new Date('2026-12-08T02:00:00Z'),
      ),
    );
    expect(JSON.parse(line)).toEqual({
      time: '2026-12-08T02:00:00.000Z',
      level: 'http',
      msg: 'GET /api/qas?locale=vi (12 ms) 200',
      requestId: 'abcdef0123456789',
      method: 'GET',
      url: '/api/qas?locale=vi',
      durationMs: 12,
      status: 200,
    });
    expect(JSON.parse(toJsonLine({ level: 'info', message: 'boot', extra: 1 }, new Date(0)))).toEqual({
      time: '1970-01-01T00:00:00.000Z',
      level: 'info',
      msg: 'boot',
      extra: 1,
    });
  });
});

describe('/metrics', () => {
  test('answers only with the operators’ bearer token', async () => {
    expect((await request(cms.http).get('/metrics')).status).toBe(401);
    const wrong = await request(cms.http)
      .get('/metrics')
      .set('Authorization', 'Bearer sai-ma-truy-cap-0000000000');
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.message).toContain('METRICS_TOKEN');
    const ok = await request(cms.http).get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`);
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toContain('text/plain');
    expect(ok.text).toContain('# TYPE pbgdpl_http_request_duration_seconds histogram');
    expect(ok.text).toContain('process_resident_memory_bytes');
  });

  test('request durations are labelled by route pattern, never by a raw path', async () => {
    await request(cms.http).get('/api/health').expect(200);
    await request(cms.http).get('/api/legal-documents/khong-co-that').expect(404);
    const text = await metricsText();
    expect(
      series(text, 'pbgdpl_http_request_duration_seconds_count', { route: '/api/health', status: '200' }),
    ).toBeGreaterThan(0);
    expect(text).toContain('route="/api/legal-documents/:id"');
    expect(text).not.toContain('khong-co-that');
  });

  test('a refused admin login counts as a login failure', async () => {
    const before =
      series(await metricsText(), 'pbgdpl_login_failures_total', {
        realm: 'admin',
        reason: 'invalid_credentials',
      }) ?? 0;
    await request(cms.http)
      .post('/admin/login')
      .send({ email: 'khong-ai@pbgdpl.test', password: 'SaiMatKhau1' })
      .expect(400);
    expect(
      series(await metricsText(), 'pbgdpl_login_failures_total', {
        realm: 'admin',
        reason: 'invalid_credentials',
      }),
    ).toBe(before + 1);
  });

  test('a citizen’s submission counts by kind and outcome (a refusal by its code)', async () => {
    await request(cms.http)
      .post('/api/submissions/questions')
      .set('Accept', 'application/json')
      .set('Origin', 'https://trang-la.example')
      .send({ site: 'quoc-gia', question: 'Câu hỏi thử nghiệm từ một trang không đăng ký.' })
      .expect(403);
    expect(
      series(await metricsText(), 'pbgdpl_submissions_total', {
        kind: 'questions',
        outcome: 'foreign_origin',
      }),
    ).toBe(1);
  });

  test('the outbox backlog is the change events after the dispatcher’s cursor, with the oldest one’s age', async () => {
    const [{ max }] = (await knex()('pbgdpl_change_events').max('id as max')) as [{ max: number }];
    expect(series(await metricsText(), 'pbgdpl_change_events_undispatched')).toBeGreaterThanOrEqual(1);
    await knex().schema.createTable('pbgdpl_sync_cursor', (t) => {
      t.string('name', 40).primary();
      t.bigInteger('event_id').notNullable();
      t.text('gaps').notNullable().defaultTo('[]');
    });
    await knex()('pbgdpl_sync_cursor').insert({ name: 'dispatch', event_id: Number(max) - 1, gaps: '[]' });
    const text = await metricsText();
    expect(series(text, 'pbgdpl_change_events_undispatched')).toBe(1);
    expect(series(text, 'pbgdpl_change_events_oldest_undispatched_age_seconds')).toBeGreaterThanOrEqual(0);
    await knex()('pbgdpl_sync_cursor').update({ event_id: Number(max) });
    const caughtUp = await metricsText();
    expect(series(caughtUp, 'pbgdpl_change_events_undispatched')).toBe(0);
    expect(series(caughtUp, 'pbgdpl_change_events_oldest_undispatched_age_seconds')).toBe(0);
  });

  test('the email outbox backlog counts messages by status', async () => {
    const now = new Date();
    const message = {
      kind: 'staff-new-question',
      recipient: 'can-bo@pbgdpl.test',
      subject: 'Thử',
      body: 'Thử',
      attempts: 0,
      next_attempt_at: new Date(now.getTime() + 3600_000),
      created_at: now,
    };
    await knex()('pbgdpl_email_outbox').insert([
      { ...message, status: 'pending' },
      { ...message, status: 'pending' },
      { ...message, status: 'failed' },
    ]);
    const text = await metricsText();
    expect(series(text, 'pbgdpl_email_outbox_messages', { status: 'pending' })).toBe(2);
    expect(series(text, 'pbgdpl_email_outbox_messages', { status: 'failed' })).toBe(1);
  });
});

describe('the sync engine seen from the CMS', () => {
  test('health says the sync engine is not deployed while its tables do not exist', async () => {
    const res = await request(cms.http).get('/api/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', database: 'ok', sync: { status: 'not-deployed' } });
  });

  test('per site: release age, build duration, stale and failing, from the workers’ table; health reports no worker', async () => {
    await knex().schema.createTable('pbgdpl_sync_sites', (t) => {
      t.string('site', 80).primary();
      t.string('live_release', 80);
      t.bigInteger('built_version');
      t.timestamp('built_at', { useTz: true });
      t.integer('duration_ms');
      t.integer('pages');
      t.bigInteger('requested_version');
      t.timestamp('requested_at', { useTz: true });
      t.text('last_error');
      t.timestamp('last_error_at', { useTz: true });
    });
    const hourAgo = new Date(Date.now() - 3600_000);
    await knex()('pbgdpl_sync_sites').insert([
      {
        site: 'ha-noi',
        live_release: 'r1',
        built_version: 10,
        built_at: hourAgo,
        duration_ms: 4200,
        requested_version: 12,
      },
      {
        site: 'quoc-gia',
        live_release: 'r2',
        built_version: 12,
        built_at: hourAgo,
        duration_ms: 900,
        // Built from a version above every change asked for: not stale (a request of 12 would be).
        requested_version: 11,
        last_error: 'Astro build failed',
        last_error_at: new Date(),
      },
    ]);
    const text = await metricsText();
    expect(series(text, 'pbgdpl_site_release_age_seconds', { site: 'ha-noi' })).toBeGreaterThanOrEqual(3600);
    expect(series(text, 'pbgdpl_site_build_duration_seconds', { site: 'ha-noi' })).toBe(4.2);
    expect(series(text, 'pbgdpl_site_stale', { site: 'ha-noi' })).toBe(1);
    expect(series(text, 'pbgdpl_site_stale', { site: 'quoc-gia' })).toBe(0);
    expect(series(text, 'pbgdpl_site_build_failing', { site: 'quoc-gia' })).toBe(1);
    expect(series(text, 'pbgdpl_site_build_failing', { site: 'ha-noi' })).toBe(0);
    expect(series(text, 'pbgdpl_sync_workers_live')).toBe(0);
    const expected = cms.strapi.db.dialect.client === 'postgres' ? 'no-worker' : 'unknown';
    // Public: the status only. With the operators' token: the figures behind it.
    expect((await request(cms.http).get('/api/health').expect(200)).body.sync).toEqual({ status: expected });
    const health = (
      await request(cms.http).get('/api/health').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200)
    ).body;
    expect(health.sync).toMatchObject({
      status: expected,
      deployed: true,
      liveWorkers: 0,
      dispatcherLive: false,
      lastBuildAt: hourAgo.toISOString(),
    });
  });
});

test('every metric the sample alert rules name is one the CMS exposes', async () => {
  const rules = fs.readFileSync(
    path.resolve(__dirname, '..', '..', 'ops', 'prometheus', 'pbgdpl-alerts.yml'),
    'utf8',
  );
  const named = [
    ...new Set([...rules.matchAll(/\b(pbgdpl_[a-z_]+?)(_bucket|_count|_sum)?\b/g)].map((m) => m[1]!)),
  ];
  expect(named.length).toBeGreaterThanOrEqual(8);
  const exposed = new Set([...(await metricsText()).matchAll(/^# TYPE (\S+) /gm)].map((m) => m[1]!));
  expect(named.filter((name) => !exposed.has(name))).toEqual([]);
});
