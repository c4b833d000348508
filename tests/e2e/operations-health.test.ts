import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  createTestDatabase,
  startCmsProcess,
  testCmsEnv,
  type CmsProcess,
  type TestDatabase,
} from '@pbgdpl/test-support';
import { startSyncDriver, syncDatabase, waitFor, type SyncDriver } from './sync-support';
import { CMS_DIR } from './workspace';

/**
 * The CMS's health and metrics see the real sync engine (issue 19): a CMS process, then a sync
 * engine (pg-boss workers and the elected dispatcher, `startSyncEngine` in its own process) on
 * the same PostgreSQL → /api/health reports a live worker and dispatcher and /metrics counts
 * them; the engine stopped → "no-worker". This also pins the contract the CMS reads (pg-boss's
 * instance table, the dispatcher's advisory lock). On SQLite the engine keeps its state in a file
 * the CMS cannot see: health says "not-deployed" with the engine running.
 */
const METRICS_TOKEN = 'kiem-thu-van-hanh-0123456789';
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbgdpl-ops-health-'));
let database: TestDatabase;
let cms: CmsProcess;
let engine: SyncDriver | null = null;

type Health = { status: string; sync: { status: string; liveWorkers?: number; dispatcherLive?: boolean } };
/** Health as an operator reads it (the figures behind sync.status need the metrics token). */
const health = async () =>
  (await (
    await fetch(`${cms.url}/api/health`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
  ).json()) as Health;
const metric = async (name: string) => {
  const text = await (
    await fetch(`${cms.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
  ).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(' ')[1]) : null;
};

beforeAll(async () => {
  database = await createTestDatabase('operations_health', path.join(CMS_DIR, '.tmp'));
  cms = await startCmsProcess({ cmsDir: CMS_DIR, env: { ...testCmsEnv(), ...database.env, METRICS_TOKEN } });
});

afterAll(async () => {
  await engine?.stop();
  await cms?.stop();
  await database?.drop();
  fs.rmSync(outDir, { recursive: true, force: true });
});

test('before any sync engine ran against its database, health says the engine is not deployed', async () => {
  expect(await health()).toMatchObject({ status: 'ok', sync: { status: 'not-deployed' } });
});

test('with a sync engine running, health and /metrics report its worker and dispatcher; stopped, no worker', async () => {
  engine = await startSyncDriver({
    logFile: path.join(outDir, 'sync.log'),
    database: syncDatabase(database.env),
    cmsUrl: cms.url,
    outDir,
    dispatchIntervalMs: 300,
    reconcileIntervalMs: 0,
  });
  if (!database.env.DATABASE_URL) {
    await engine.call('dispatch');
    expect((await health()).sync.status).toBe('not-deployed');
    return;
  }
  const live = await waitFor(
    'a live worker and dispatcher in /api/health',
    async () => {
      const h = await health();
      return h.sync.status === 'ok' ? h : null;
    },
    60_000,
  );
  expect(live.sync.liveWorkers).toBeGreaterThanOrEqual(1);
  expect(live.sync.dispatcherLive).toBe(true);
  expect(await metric('pbgdpl_sync_workers_live')).toBeGreaterThanOrEqual(1);
  expect(await metric('pbgdpl_sync_dispatcher_live')).toBe(1);

  await engine.stop();
  engine = null;
  const gone = await waitFor(
    'the stopped engine to leave /api/health',
    async () => {
      const h = await health();
      return h.sync.status === 'no-worker' && h.sync.dispatcherLive === false ? h : null;
    },
    120_000,
  );
  expect(gone.sync.liveWorkers).toBe(0);
  expect(await metric('pbgdpl_sync_dispatcher_live')).toBe(0);
});
