import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildHandler, type SiteBuilder } from './build.js';
import { dispatchOnce } from './dispatcher.js';
import type { ChangePlacement } from '@pbgdpl/domain';
import type { ChangeEvent, EventSource } from './events.js';
import { syncRegistry } from './fanout.js';
import { silentLogger } from './log.js';
import { NATIONAL_INDEX_KEY, touchesNationalIndex, type NationalIndexBuilder } from './national-index.js';
import { inProcessQueue } from './queue/in-process.js';
import type { BuildJobData, BuildQueue } from './queue/types.js';
import { fileStateStore } from './state.js';

const registry = syncRegistry([
  { id: 'quoc-gia', kind: 'national', parentId: null },
  { id: 'ha-noi', kind: 'province', parentId: 'quoc-gia' },
  { id: 'ha-noi-ba-dinh', kind: 'commune', parentId: 'ha-noi' },
]);
const national: ChangePlacement = {
  kind: 'legal-document',
  scope: 'national',
  owningSite: 'quoc-gia',
  scopeSite: null,
};
const local: ChangePlacement = {
  kind: 'legal-document',
  scope: 'local',
  owningSite: 'ha-noi',
  scopeSite: 'ha-noi',
};
const item: ChangePlacement = {
  kind: 'editorial',
  owningSite: 'quoc-gia',
  audience: 'all_sites',
  audienceSiteKinds: [],
  audienceProvinces: [],
  mandatory: false,
  fields: [],
};
const event = (id: number, placements: ChangePlacement[]): ChangeEvent => ({
  id,
  uid: 'api::legal-document.legal-document',
  documentId: `doc-${id}`,
  locale: 'vi',
  action: 'publish',
  source: 'document-service',
  owningSite: null,
  placements,
  contentVersion: 40 + id,
  occurredAt: new Date(0),
});
const events = (list: ChangeEvent[]): EventSource => ({
  contentVersion: async () => 100,
  lastEventId: async () => list.length,
  eventsAfter: async (after) => list.filter((e) => e.id > after),
  eventsByIds: async () => [],
  eventsFromVersion: async () => [],
  close: async () => undefined,
});
const tempState = () => {
  const state = fileStateStore(
    path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sync-national-')), 'state.json'),
  );
  void state.saveCursor({ eventId: 0, gaps: [] });
  return state;
};
function recordingQueue() {
  const asked: BuildJobData[] = [];
  const queue = {
    kind: 'in-process',
    start: async () => undefined,
    enqueue: async (data: BuildJobData) => (asked.push(data), true),
    enqueueMany: async (list: readonly BuildJobData[]) => (asked.push(...list), list.length),
    work: async () => undefined,
    counts: async () => ({ queued: 0, active: 0, deadLetters: 0 }),
    deadLetters: async () => [],
    stop: async () => undefined,
  } satisfies BuildQueue;
  return { queue, asked };
}

test('national documents and vocabularies change the national bundle; local documents and items do not', () => {
  expect(touchesNationalIndex([national])).toBe(true);
  expect(touchesNationalIndex([{ kind: 'everywhere' }])).toBe(true);
  // A document moved from national to local scope: its placements before and after.
  expect(touchesNationalIndex([local, national])).toBe(true);
  expect(touchesNationalIndex([local])).toBe(false);
  expect(touchesNationalIndex([item])).toBe(false);
  expect(touchesNationalIndex([{ kind: 'site', code: 'ha-noi', parent: 'quoc-gia' }])).toBe(false);
});

test('a national change asks for one national-index job, ahead of the sites; a local change does not', async () => {
  const { queue, asked } = recordingQueue();
  const state = tempState();
  const deps = {
    events: events([event(1, [local]), event(2, [national]), event(3, [national])]),
    state,
    queue,
    registry: async () => registry,
    log: silentLogger,
    nationalIndex: true,
  };
  const result = await dispatchOnce(deps);
  expect(result).toMatchObject({
    sites: ['ha-noi', 'ha-noi-ba-dinh', 'quoc-gia'],
    national: true,
    enqueued: 4,
  });
  expect(asked.filter((a) => a.site === NATIONAL_INDEX_KEY)).toEqual([
    expect.objectContaining({
      version: 43,
      priority: 1,
      reason: '2 changes (first: publish legal-document)',
    }),
  ]);
  expect(asked.filter((a) => a.site !== NATIONAL_INDEX_KEY).every((a) => a.priority === undefined)).toBe(
    true,
  );

  const onlyLocal = recordingQueue();
  const localResult = await dispatchOnce({
    ...deps,
    events: events([event(1, [local])]),
    state: tempState(),
    queue: onlyLocal.queue,
  });
  expect(localResult.national).toBe(false);
  expect(onlyLocal.asked.map((a) => a.site).sort()).toEqual(['ha-noi', 'ha-noi-ba-dinh']);
});

test('a duplicate national event after the bundle was built from a newer version asks for nothing', async () => {
  const state = tempState();
  for (const site of [NATIONAL_INDEX_KEY, 'quoc-gia', 'ha-noi', 'ha-noi-ba-dinh'])
    await state.recordSuccess(site, {
      release: 'r',
      version: 60,
      builtAt: new Date(),
      durationMs: 1,
      pages: 1,
    });
  const { queue, asked } = recordingQueue();
  const result = await dispatchOnce({
    events: events([event(2, [national])]),
    state,
    queue,
    registry: async () => registry,
    log: silentLogger,
    nationalIndex: true,
  });
  // The bundle's job is not counted among the sites that were up to date.
  expect(result).toMatchObject({ enqueued: 0, upToDate: 3, national: false, sites: [] });
  expect(asked).toEqual([]);
});

test('without a national builder, no national-index job is asked for', async () => {
  const { queue, asked } = recordingQueue();
  await dispatchOnce({
    events: events([event(1, [national])]),
    state: tempState(),
    queue,
    registry: async () => registry,
    log: silentLogger,
  });
  expect(asked.map((a) => a.site)).not.toContain(NATIONAL_INDEX_KEY);
});

test('a batch builds the national bundle before its sites and records it as the state of `_national`', async () => {
  const order: string[] = [];
  const nationalBuilder: NationalIndexBuilder = async () => {
    order.push('national');
    return { ok: true, bundle: '0123456789abcdef', built: true, records: 45, error: null };
  };
  const builder: SiteBuilder = async ({ codes }) => {
    order.push(...codes);
    return codes.map((code) => ({ code, ok: true, release: 'r2', pages: 10, error: null }));
  };
  const state = tempState();
  const handle = buildHandler({
    events: events([]),
    state,
    builder,
    nationalBuilder,
    outDir: '/tmp/unused',
    log: silentLogger,
  });
  const job = (site: string) => ({
    id: `job-${site}`,
    data: { site, version: 50, reason: 'test' },
    retryCount: 0,
  });
  const outcomes = await handle([job('ha-noi'), job(NATIONAL_INDEX_KEY), job('quoc-gia')]);
  expect(order).toEqual(['national', 'ha-noi', 'quoc-gia']);
  expect(outcomes.every((o) => o.ok)).toBe(true);
  expect((await state.sites()).find((s) => s.site === NATIONAL_INDEX_KEY)).toEqual(
    expect.objectContaining({ liveRelease: '0123456789abcdef', builtVersion: 100, pages: 45 }),
  );

  // A failed national build fails its job (retried) but not the sites, which build the bundle themselves.
  const failing: NationalIndexBuilder = async () => ({
    ok: false,
    bundle: null,
    built: false,
    records: 0,
    error: 'Pagefind failed',
  });
  const second = await buildHandler({
    events: events([]),
    state,
    builder,
    nationalBuilder: failing,
    outDir: '/tmp/unused',
    log: silentLogger,
  })([job(NATIONAL_INDEX_KEY), job('ha-noi')]);
  expect(second).toEqual([
    { id: `job-${NATIONAL_INDEX_KEY}`, ok: false, error: 'Pagefind failed' },
    { id: 'job-ha-noi', ok: true },
  ]);
});

test('the in-process queue takes a higher-priority job first', async () => {
  const queue = inProcessQueue({ pollMs: 10 });
  await queue.start();
  await queue.enqueueMany([
    { site: 'ha-noi', version: 1, reason: 'x' },
    { site: NATIONAL_INDEX_KEY, version: 1, reason: 'x', priority: 1 },
    { site: 'quoc-gia', version: 1, reason: 'x' },
  ]);
  const batches: string[][] = [];
  await queue.work({ concurrency: 1, batchSize: 2 }, async (jobs) => {
    batches.push(jobs.map((j) => j.data.site));
    return jobs.map((j) => ({ id: j.id, ok: true }));
  });
  while (batches.length < 2) await new Promise((r) => setTimeout(r, 10));
  await queue.stop();
  expect(batches[0]).toEqual([NATIONAL_INDEX_KEY, 'ha-noi']);
});
