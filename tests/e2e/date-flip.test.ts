import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addDays } from '@pbgdpl/domain';
import {
  createTestDatabase,
  startCmsProcess,
  testCmsEnv,
  type CmsProcess,
  type TestDatabase,
} from '@pbgdpl/test-support';
import { readPage } from './html';
import { CMS_DIR, dataDir, runNode } from './workspace';
import {
  adminJwt,
  apiToken,
  findDocuments,
  liveRelease,
  startSyncDriver,
  waitFor,
  syncDatabase,
  type DispatchResult,
  type ReconcileResult,
  type SyncDriver,
} from './sync-support';

/**
 * Midnight in Vietnam, driven rather than waited for: the demo data seeded in a real CMS
 * (PostgreSQL with TEST_DATABASE_URL → pg-boss; else SQLite → the in-process queue), three real
 * sites built by the sync engine with a driven clock (its `now`), and the CMS's
 * `POST /pbgdpl-sync/date-events` called with the same moments (allowed by
 * PBGDPL_ALLOW_CLOCK_OVERRIDE=1). A real law becomes effective at 00:00: before, no C-1 list
 * ("Văn bản mới có hiệu lực") shows it; after, the date's event rebuilds exactly the sites that
 * list it (release ids change, the others keep theirs), and a second call makes no build.
 * The documents and their dates are the seed's own; nothing is edited.
 */
type DateEvents = { now: string; asOf: string; driven: boolean; events: number; message: string };
type DatedDocument = { documentId: string; number: string; effectiveFrom: string };

/** The national portal, a province and one of its wards: a national law reaches all three. */
const SITES = ['quoc-gia', 'ha-noi', 'ha-noi-ba-dinh'];
const NEWLY_EFFECTIVE = 'van-ban-moi-co-hieu-luc/';
const FEED = 'nguon-tin/van-ban-moi-co-hieu-luc.xml';
let database: TestDatabase;
let cms: CmsProcess;
let engine: SyncDriver;
let jwt: string;
/** The newest national law of the seed, and the day it took effect. */
let law: DatedDocument;
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbgdpl-date-flip-'));
const started = Date.now();
const step = (what: string) =>
  process.stderr.write(`[date-flip e2e +${((Date.now() - started) / 1000).toFixed(0)} s] ${what}\n`);

/** 23:59 on the eve of `day` and 30 s past the following midnight, in Asia/Ho_Chi_Minh. */
const eveOf = (day: string) => `${addDays(day, -1)}T23:59:00+07:00`;
const justAfterMidnight = (day: string) => `${day}T00:00:30+07:00`;

const releases = () => Object.fromEntries(SITES.map((code) => [code, liveRelease(outDir, code)]));

/**
 * What a site's live release shows of C-1: the page's build date and mode, the numbers it lists,
 * those of the home page's excerpt, and the feed (which names each document "số <number>").
 */
function newlyEffective(code: string) {
  const root = path.join(outDir, code, 'current');
  const page = readPage(root, NEWLY_EFFECTIVE);
  const view = page.querySelector('[data-newly-effective-mode]');
  const numbers = (scope: ParentNode, selector: string) =>
    [...scope.querySelectorAll(selector)].map((li) => li.getAttribute('data-document-number')!);
  return {
    asOf: view?.getAttribute('data-as-of') ?? null,
    mode: view?.getAttribute('data-newly-effective-mode') ?? null,
    numbers: numbers(page, 'ul.document-list > li[data-document-number]'),
    home: numbers(readPage(root, ''), '#van-ban-moi-co-hieu-luc li[data-document-number]'),
    feed: fs.readFileSync(path.join(root, FEED), 'utf8'),
  };
}

/** The CMS's date capture as of a driven moment (what its minute cron does at that moment). */
async function dateEvents(now: string): Promise<DateEvents> {
  const res = await fetch(`${cms.url}/pbgdpl-sync/date-events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${jwt}` },
    body: JSON.stringify({ now }),
  });
  if (!res.ok) throw new Error(`date events as of ${now}: ${res.status} ${await res.text()}`);
  return (await res.json()) as DateEvents;
}

const idle = async () => {
  const counts = await engine.call<{ queued: number; active: number }>('counts');
  return counts.queued === 0 && counts.active === 0;
};

/** Waits until every site in `codes` is built from the CMS's current content version. */
async function builtFromCurrentVersion(codes: string[]) {
  const version = await engine.call<number>('version');
  for (const code of codes)
    await waitFor(`${code} built from version ${version}`, async () => {
      const sites = await engine.call<Array<{ site: string; builtVersion: number | null }>>('sites');
      return (sites.find((s) => s.site === code)?.builtVersion ?? 0) >= version;
    });
  await waitFor('an idle queue', idle);
}

/** The newest document matching REST filters, with its effective date. */
async function newest(filters: string): Promise<DatedDocument> {
  const [found] = (await findDocuments(
    cms.url,
    `${filters}&filters[effectiveFrom][$notNull]=true&sort[0]=effectiveFrom:desc`,
  )) as unknown as DatedDocument[];
  if (!found) throw new Error(`No document with an effective date for ${filters}`);
  return found;
}

beforeAll(async () => {
  database = await createTestDatabase('date_flip_e2e', path.join(CMS_DIR, '.tmp'));
  const env = { ...process.env, ...testCmsEnv(), ...database.env, PBGDPL_DATA_DIR: dataDir() };
  runNode(
    path.join(CMS_DIR, 'dist', 'scripts', 'seed.js'),
    ['--subset', 'demo', '--demo-admin', '--report', path.join(outDir, 'report.json')],
    { cwd: CMS_DIR, env },
  );
  step('seeded');
  cms = await startCmsProcess({
    cmsDir: CMS_DIR,
    env: { ...testCmsEnv(), ...database.env, PBGDPL_ALLOW_CLOCK_OVERRIDE: '1' },
  });
  jwt = await adminJwt(cms.url);
  const token = await apiToken(cms.url);
  law = await newest('filters[scope][$eq]=national&filters[documentType][$eq]=law');
  step(`CMS started; the newest national law is ${law.number}, effective ${law.effectiveFrom}`);
  engine = await startSyncDriver({
    logFile: path.join(outDir, 'sync.log'),
    database: syncDatabase(database.env),
    cmsUrl: cms.url,
    token,
    outDir,
    sites: SITES,
    batchSize: SITES.length,
    clock: eveOf(law.effectiveFrom),
    // The scenarios drive the dispatcher and the reconciler themselves.
    dispatchIntervalMs: 0,
    reconcileIntervalMs: 0,
    retry: { retryLimit: 2, retryDelaySeconds: 1 },
    pgBoss: { superviseIntervalSeconds: 2, pollingIntervalSeconds: 0.5, heartbeatSeconds: 30 },
  });
  // A new deployment's first pass starts after the seed's events; the reconciler builds the sites.
  await engine.call<DispatchResult>('dispatch');
  const cold = await engine.call<ReconcileResult>('reconcile');
  expect(cold.neverBuilt).toEqual([...SITES].sort());
  await builtFromCurrentVersion(SITES);
  step('sites built at 23:59 on the eve');
}, 900_000);

afterAll(async () => {
  await engine?.stop();
  await cms?.stop();
  await database?.drop();
  if (!process.env.PBGDPL_KEEP_SYNC_OUT) fs.rmSync(outDir, { recursive: true, force: true });
  else step(`kept ${outDir}`);
});

test('at 23:59 on the eve no C-1 list shows the law, and no date has come yet', async () => {
  for (const code of SITES) {
    const list = newlyEffective(code);
    expect(list.asOf).toBe(addDays(law.effectiveFrom, -1));
    expect(list.numbers).not.toContain(law.number);
    expect(list.home).not.toContain(law.number);
    expect(list.feed).not.toContain(`số ${law.number}`);
  }
  expect(await dateEvents(eveOf(law.effectiveFrom))).toMatchObject({ driven: true, events: 0 });
  expect((await engine.call<DispatchResult>('dispatch')).events).toBe(0);
});

test("just after midnight the law's date rebuilds every site, whose C-1 list now leads with it", async () => {
  const before = releases();
  const midnight = justAfterMidnight(law.effectiveFrom);
  await engine.call('setClock', midnight);
  const flip = await dateEvents(midnight);
  expect(flip).toMatchObject({ asOf: law.effectiveFrom, driven: true });
  expect(flip.events).toBeGreaterThanOrEqual(1);
  const dispatched = await engine.call<DispatchResult>('dispatch');
  expect(dispatched.events).toBe(flip.events);
  expect(dispatched.sites).toEqual([...SITES].sort());
  await builtFromCurrentVersion(SITES);
  step('sites rebuilt after midnight');
  const after = releases();
  for (const code of SITES) {
    expect(after[code]).not.toBe(before[code]);
    const list = newlyEffective(code);
    expect(list).toMatchObject({ asOf: law.effectiveFrom, mode: 'window' });
    expect(list.numbers[0]).toBe(law.number);
    expect(list.home[0]).toBe(law.number);
    expect(list.feed).toContain(`số ${law.number}`);
  }
});

test('the same moment again adds no event and builds nothing', async () => {
  const before = releases();
  const again = await dateEvents(justAfterMidnight(law.effectiveFrom));
  expect(again.events).toBe(0);
  const dispatched = await engine.call<DispatchResult>('dispatch');
  expect(dispatched).toMatchObject({ events: 0, sites: [], enqueued: 0 });
  expect(await idle()).toBe(true);
  expect(releases()).toEqual(before);
});

test("a province's resolution taking effect rebuilds the province and its ward; the national portal keeps its release", async () => {
  const resolution = await newest('filters[scope][$eq]=local&filters[scopeSite][code][$eq]=ha-noi');
  expect(resolution.effectiveFrom > law.effectiveFrom).toBe(true);
  const before = releases();
  for (const code of ['ha-noi', 'ha-noi-ba-dinh']) {
    expect(newlyEffective(code).numbers).not.toContain(resolution.number);
    expect(newlyEffective(code).home).not.toContain(resolution.number);
  }
  const midnight = justAfterMidnight(resolution.effectiveFrom);
  await engine.call('setClock', midnight);
  const flip = await dateEvents(midnight);
  expect(flip.events).toBeGreaterThanOrEqual(1);
  const dispatched = await engine.call<DispatchResult>('dispatch');
  expect(dispatched.sites).toEqual(['ha-noi', 'ha-noi-ba-dinh']);
  await builtFromCurrentVersion(['ha-noi', 'ha-noi-ba-dinh']);
  step("the province's sites rebuilt");
  const after = releases();
  expect(after['quoc-gia']).toBe(before['quoc-gia']);
  for (const code of ['ha-noi', 'ha-noi-ba-dinh']) {
    expect(after[code]).not.toBe(before[code]);
    const list = newlyEffective(code);
    expect(list.asOf).toBe(resolution.effectiveFrom);
    expect(list.numbers).toContain(resolution.number);
    expect(list.home).toContain(resolution.number);
    expect(list.feed).toContain(`số ${resolution.number}`);
  }
});
