import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import Database from 'better-sqlite3';
import {
  createTestDatabase,
  startCmsProcess,
  testCmsEnv,
  type CmsProcess,
  type TestDatabase,
} from '@pbgdpl/test-support';
import { CMS_DIR, dataDir, runNode } from './workspace';
import {
  apiToken,
  astroChildren,
  findDocuments,
  liveRelease,
  liveSiteContains,
  publishTitle,
  startSyncDriver,
  waitFor,
  syncDatabase,
  type DispatchResult,
  type ReconcileResult,
  type SyncDriver,
} from './sync-support';

/**
 * The sync engine end to end: a real CMS (PostgreSQL with TEST_DATABASE_URL → pg-boss; else
 * SQLite → the in-process queue) seeded with the demo data, real site builds of four sites, and
 * an editor's publish through the API. Each scenario compares release ids: what the change
 * reaches is rebuilt and switched, the rest is untouched.
 */
const SITES = ['quoc-gia', 'ha-noi', 'ha-noi-ba-dinh', 'ho-chi-minh'];
let database: TestDatabase;
let cms: CmsProcess;
let engine: SyncDriver;
let token: string;
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbgdpl-sync-'));
const started = Date.now();
/** Progress on stderr: the setup takes minutes (seed, CMS, four cold builds). */
const step = (what: string) =>
  process.stderr.write(`[sync e2e +${((Date.now() - started) / 1000).toFixed(0)} s] ${what}\n`);
const logFile = path.join(outDir, 'sync.log');

const releases = () => Object.fromEntries(SITES.map((code) => [code, liveRelease(outDir, code)]));
type SiteRow = { site: string; builtVersion: number | null; lastError: string | null };
const siteStates = () => engine.call<SiteRow[]>('sites');
const builtVersion = async (code: string) =>
  (await siteStates()).find((s) => s.site === code)?.builtVersion ?? null;
const idle = async () => {
  const counts = await engine.call<{ queued: number; active: number }>('counts');
  return counts.queued === 0 && counts.active === 0;
};

/** Runs SQL on the CMS's database (PostgreSQL or the SQLite file), for event-level scenarios. */
async function sql(statement: string, params: unknown[] = []): Promise<Array<Record<string, unknown>>> {
  if (database.env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: database.env.DATABASE_URL });
    await client.connect();
    try {
      return (await client.query(statement, params)).rows;
    } finally {
      await client.end();
    }
  }
  const db = new Database(path.resolve(CMS_DIR, database.env.DATABASE_FILENAME!));
  try {
    const prepared = db.prepare(statement.replace(/\$\d+/g, '?'));
    return prepared.reader
      ? (prepared.all(...params) as Array<Record<string, unknown>>)
      : (prepared.run(...params), []);
  } finally {
    db.close();
  }
}

/** Publishes a title change and waits until the sites it should reach are built from it. */
async function publishAndWait(documentId: string, title: string, expected: string[]) {
  await publishTitle(cms.url, token, documentId, title);
  const dispatched = await waitFor('the publish to be dispatched', async () => {
    const result = await engine.call<DispatchResult>('dispatch');
    return result.sites.length > 0 ? result : null;
  });
  expect(dispatched.sites).toEqual([...expected].sort());
  const version = await engine.call<number>('version');
  for (const code of expected)
    await waitFor(
      `${code} built from version ${version}`,
      async () => ((await builtVersion(code)) ?? 0) >= version,
    );
  await waitFor('an idle queue', idle);
}

beforeAll(async () => {
  database = await createTestDatabase('sync_e2e', path.join(CMS_DIR, '.tmp'));
  const env = { ...process.env, ...testCmsEnv(), ...database.env, PBGDPL_DATA_DIR: dataDir() };
  runNode(
    path.join(CMS_DIR, 'dist', 'scripts', 'seed.js'),
    ['--subset', 'demo', '--demo-admin', '--report', path.join(outDir, 'report.json')],
    {
      cwd: CMS_DIR,
      env,
    },
  );
  step('seeded');
  cms = await startCmsProcess({ cmsDir: CMS_DIR, env: { ...testCmsEnv(), ...database.env } });
  token = await apiToken(cms.url);
  step('CMS started, token created');
  engine = await startSyncDriver({
    logFile,
    database: syncDatabase(database.env),
    cmsUrl: cms.url,
    token,
    outDir,
    sites: SITES,
    batchSize: SITES.length,
    // Scenarios drive the dispatcher and reconciler themselves.
    dispatchIntervalMs: 0,
    reconcileIntervalMs: 0,
    retry: { retryLimit: 2, retryDelaySeconds: 1 },
    pgBoss: { superviseIntervalSeconds: 2, pollingIntervalSeconds: 0.5, heartbeatSeconds: 30 },
  });
  step('sync engine started');
  // Events of the seed are older than the first builds: start the dispatcher after them.
  const [last] = await sql('SELECT max(id) AS id FROM pbgdpl_change_events');
  await engine.call('saveCursor', { eventId: Number(last?.id ?? 0), gaps: [] });
  const cold = await engine.call<ReconcileResult>('reconcile');
  expect(cold.neverBuilt).toEqual([...SITES].sort());
  for (const code of SITES) await waitFor(`${code} built`, async () => liveRelease(outDir, code));
  await waitFor('an idle queue', idle);
  step('cold builds done');
}, 900_000);

afterAll(async () => {
  await engine?.stop();
  await cms?.stop();
  await database?.drop();
  if (!process.env.PBGDPL_KEEP_SYNC_OUT) fs.rmSync(outDir, { recursive: true, force: true });
  else step(`kept ${outDir}`);
});

test('every site starts with a checked, precompressed release behind its current link', () => {
  for (const code of SITES) {
    const current = path.join(outDir, code, 'current');
    expect(fs.readlinkSync(current)).toMatch(/^releases\/\d{8}T\d{6}Z-[0-9a-f]{6}$/);
    expect(fs.existsSync(path.join(current, 'index.html'))).toBe(true);
    expect(fs.existsSync(path.join(current, 'index.html.gz'))).toBe(true);
    expect(fs.existsSync(path.join(current, 'index.html.br'))).toBe(true);
  }
});

test("a province's own document, published, rebuilds the province and its commune only", async () => {
  const before = releases();
  const [local] = await findDocuments(
    cms.url,
    'filters[scope][$eq]=local&filters[scopeSite][code][$eq]=ha-noi',
  );
  expect(local).toBeDefined();
  const title = `${local!.title} (sửa đổi đồng bộ)`;
  await publishAndWait(local!.documentId, title, ['ha-noi', 'ha-noi-ba-dinh']);
  const after = releases();
  expect(after['ha-noi']).not.toBe(before['ha-noi']);
  expect(after['ha-noi-ba-dinh']).not.toBe(before['ha-noi-ba-dinh']);
  expect(after['quoc-gia']).toBe(before['quoc-gia']);
  expect(after['ho-chi-minh']).toBe(before['ho-chi-minh']);
  expect(liveSiteContains(outDir, 'ha-noi', title)).toBe(true);
  expect(liveSiteContains(outDir, 'ho-chi-minh', title)).toBe(false);
});

test('a national document reaches every targeted site', async () => {
  const before = releases();
  const [national] = await findDocuments(
    cms.url,
    'filters[scope][$eq]=national&filters[documentType][$eq]=law',
  );
  const title = `${national!.title} (bản cập nhật quốc gia)`;
  await publishAndWait(national!.documentId, title, SITES);
  const after = releases();
  for (const code of SITES) {
    expect(after[code]).not.toBe(before[code]);
    expect(liveSiteContains(outDir, code, title)).toBe(true);
  }
});

test('duplicate and late (out-of-order) events change nothing', async () => {
  const before = releases();
  const [latest] = await sql('SELECT * FROM pbgdpl_change_events ORDER BY id DESC LIMIT 1');
  /** The latest event again, under `dedupeKey` and at `contentVersion`. */
  const insertCopy = (dedupeKey: unknown, contentVersion: unknown) =>
    sql(
      'INSERT INTO pbgdpl_change_events (dedupe_key, uid, document_id, locale, action, source, owning_site, placements, placement_format, content_version, occurred_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)',
      [
        dedupeKey,
        latest!.uid,
        latest!.document_id,
        latest!.locale,
        latest!.action,
        latest!.source,
        latest!.owning_site,
        latest!.placements,
        1,
        contentVersion,
        new Date().toISOString(),
      ],
    );
  // The same event again: the dedupe key refuses it.
  await expect(insertCopy(latest!.dedupe_key, latest!.content_version)).rejects.toThrow();
  // A late copy (another key, an older content version) arrives after the sites were built from newer content.
  await insertCopy(`late:${latest!.dedupe_key}`, Number(latest!.content_version) - 1);
  const result = await engine.call<DispatchResult>('dispatch');
  expect(result.events).toBe(1);
  expect(result.enqueued).toBe(0);
  expect(result.upToDate).toBe(SITES.length);
  expect(releases()).toEqual(before);
});

test('the reconciler rebuilds a site whose event was never dispatched', async () => {
  const before = releases();
  const [local] = await findDocuments(
    cms.url,
    'filters[scope][$eq]=local&filters[scopeSite][code][$eq]=ho-chi-minh',
  );
  const title = `${local!.title} (sự kiện bị mất)`;
  await publishTitle(cms.url, token, local!.documentId, title);
  // The dispatcher "crashes" after moving its cursor, before asking for any build.
  const [last] = await sql('SELECT max(id) AS id FROM pbgdpl_change_events');
  await engine.call('saveCursor', { eventId: Number(last!.id), gaps: [] });
  expect((await engine.call<DispatchResult>('dispatch')).events).toBe(0);
  const repaired = await engine.call<ReconcileResult>('reconcile');
  expect(repaired.stale).toEqual(['ho-chi-minh']);
  await waitFor(
    'ho-chi-minh rebuilt',
    async () => liveRelease(outDir, 'ho-chi-minh') !== before['ho-chi-minh'],
  );
  await waitFor('an idle queue', idle);
  expect(liveSiteContains(outDir, 'ho-chi-minh', title)).toBe(true);
  expect(releases()['quoc-gia']).toBe(before['quoc-gia']);
});

test('a build killed midway leaves the previous release live, and the retry releases the change', async () => {
  const before = releases();
  const [local] = await findDocuments(
    cms.url,
    'filters[scope][$eq]=local&filters[scopeSite][code][$eq]=ho-chi-minh',
  );
  const title = `${local!.title} (dựng lại sau sự cố)`;
  const failuresBefore = engine.sites.filter((b) => !b.ok).length;
  await publishTitle(cms.url, token, local!.documentId, title);
  await waitFor(
    'the publish to be dispatched',
    async () => (await engine.call<DispatchResult>('dispatch')).sites.length > 0,
  );
  const [astro] = await waitFor('an Astro build to be running', async () => {
    const pids = astroChildren();
    return pids.length > 0 ? pids : null;
  });
  process.kill(astro!, 'SIGKILL');
  await waitFor(
    'the failed attempt to be recorded',
    async () => engine.sites.filter((b) => !b.ok).length > failuresBefore,
  );
  expect(liveRelease(outDir, 'ho-chi-minh')).toBe(before['ho-chi-minh']);
  expect(fs.existsSync(path.join(outDir, 'ho-chi-minh', 'current', 'index.html'))).toBe(true);
  await waitFor(
    'the retry to release ho-chi-minh',
    async () => liveRelease(outDir, 'ho-chi-minh') !== before['ho-chi-minh'],
  );
  await waitFor('an idle queue', idle);
  expect(liveSiteContains(outDir, 'ho-chi-minh', title)).toBe(true);
  expect((await siteStates()).find((s) => s.site === 'ho-chi-minh')?.lastError).toBeNull();
});
