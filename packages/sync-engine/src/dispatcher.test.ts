import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dispatchOnce } from './dispatcher.js';
import type { ChangePlacement } from '@pbgdpl/domain';
import type { ChangeEvent, EventSource } from './events.js';
import { syncRegistry } from './fanout.js';
import { silentLogger } from './log.js';
import type { BuildJobData, BuildQueue } from './queue/types.js';
import { reconcileOnce } from './reconciler.js';
import { fileStateStore } from './state.js';

/** In-memory stand-ins for the CMS's outbox and the queue; the state store is the real file one. */
function fakeEvents(events: ChangeEvent[], version = () => 100): EventSource {
  return {
    contentVersion: async () => version(),
    lastEventId: async () => Math.max(0, ...events.map((e) => e.id)),
    eventsAfter: async (after, limit) =>
      events
        .filter((e) => e.id > after)
        .sort((a, b) => a.id - b.id)
        .slice(0, limit),
    eventsByIds: async (ids) => events.filter((e) => ids.includes(e.id)),
    eventsFromVersion: async (v, after, limit) =>
      events.filter((e) => e.contentVersion >= v && e.id > after).slice(0, limit),
    close: async () => undefined,
  };
}
function fakeQueue() {
  const asked: BuildJobData[] = [];
  const waiting = new Set<string>();
  const queue = {
    kind: 'in-process',
    start: async () => undefined,
    enqueue: async (data: BuildJobData) => {
      asked.push(data);
      if (waiting.has(data.site)) return false;
      waiting.add(data.site);
      return true;
    },
    enqueueMany: async (list: readonly BuildJobData[]) => {
      let created = 0;
      for (const data of list) if (await queue.enqueue(data)) created += 1;
      return created;
    },
    work: async () => undefined,
    counts: async () => ({ queued: waiting.size, active: 0, deadLetters: 0 }),
    deadLetters: async () => [],
    stop: async () => undefined,
  } satisfies BuildQueue;
  return { queue, asked, waiting };
}
const registry = syncRegistry([
  { id: 'quoc-gia', kind: 'national', parentId: null },
  { id: 'ha-noi', kind: 'province', parentId: 'quoc-gia' },
  { id: 'ha-noi-ba-dinh', kind: 'commune', parentId: 'ha-noi' },
  { id: 'ho-chi-minh', kind: 'province', parentId: 'quoc-gia' },
]);
const loader = async () => registry;
const local = (site: string): ChangePlacement => ({
  kind: 'legal-document',
  scope: 'local',
  owningSite: site,
  scopeSite: site,
});
const event = (id: number, contentVersion: number, placement: ChangePlacement): ChangeEvent => ({
  id,
  uid: 'api::legal-document.legal-document',
  documentId: `doc-${id}`,
  locale: 'vi',
  action: 'publish',
  source: 'document-service',
  owningSite: null,
  placements: [placement],
  contentVersion,
  occurredAt: new Date(0),
});
const tempState = () => {
  const state = fileStateStore(
    path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sync-state-')), 'state.json'),
  );
  void state.saveCursor({ eventId: 0, gaps: [] });
  return state;
};

test('ten edits of one province in one pass ask for one build of each affected site', async () => {
  const events = Array.from({ length: 10 }, (_, i) => event(i + 1, 50 + i, local('ha-noi')));
  const { queue, asked } = fakeQueue();
  const result = await dispatchOnce({
    events: fakeEvents(events),
    state: tempState(),
    queue,
    registry: loader,
    log: silentLogger,
  });
  expect(result.sites).toEqual(['ha-noi', 'ha-noi-ba-dinh']);
  expect(asked.map((a) => [a.site, a.version])).toEqual([
    ['ha-noi', 59],
    ['ha-noi-ba-dinh', 59],
  ]);
});

test('the cursor moves on: a second pass finds nothing', async () => {
  const state = tempState();
  const { queue } = fakeQueue();
  const deps = {
    events: fakeEvents([event(1, 10, local('ha-noi'))]),
    state,
    queue,
    registry: loader,
    log: silentLogger,
  };
  expect((await dispatchOnce(deps)).events).toBe(1);
  expect((await dispatchOnce(deps)).events).toBe(0);
});

test('a late event older than the live build asks for nothing', async () => {
  const state = tempState();
  await state.recordSuccess('ho-chi-minh', {
    release: 'r1',
    version: 30,
    builtAt: new Date(),
    durationMs: 1,
    pages: 1,
  });
  const { queue, asked } = fakeQueue();
  const result = await dispatchOnce({
    events: fakeEvents([event(1, 29, local('ho-chi-minh'))]),
    state,
    queue,
    registry: loader,
    log: silentLogger,
  });
  expect(result).toMatchObject({ events: 1, enqueued: 0, upToDate: 1 });
  expect(asked).toEqual([]);
});

test('an id skipped while its transaction was open is picked up when it commits', async () => {
  const events = [event(1, 10, local('ha-noi')), event(3, 12, local('ha-noi'))];
  const state = tempState();
  const { queue, asked, waiting } = fakeQueue();
  const deps = {
    events: fakeEvents(events),
    state,
    queue,
    registry: loader,
    log: silentLogger,
    now: () => new Date(1_000),
  };
  await dispatchOnce(deps);
  expect((await state.cursor()).gaps).toEqual([{ id: 2, since: 1_000 }]);
  waiting.clear();
  events.push(event(2, 11, local('ho-chi-minh')));
  const second = await dispatchOnce(deps);
  expect(second.sites).toEqual(['ho-chi-minh']);
  expect((await state.cursor()).gaps).toEqual([]);
  expect(asked.map((a) => a.site)).toContain('ho-chi-minh');
});

test('the reconciler asks for sites never built and sites built before an event that affects them', async () => {
  const state = tempState();
  for (const site of ['quoc-gia', 'ha-noi', 'ha-noi-ba-dinh'])
    await state.recordSuccess(site, {
      release: 'r1',
      version: 20,
      builtAt: new Date(),
      durationMs: 1,
      pages: 1,
    });
  const { queue, asked } = fakeQueue();
  const result = await reconcileOnce({
    events: fakeEvents([event(1, 19, local('ha-noi')), event(2, 20, local('ha-noi-ba-dinh'))]),
    state,
    queue,
    registry: loader,
    log: silentLogger,
  });
  expect(result.neverBuilt).toEqual(['ho-chi-minh']);
  expect(result.stale).toEqual(['ha-noi-ba-dinh']);
  expect(asked.map((a) => a.site).sort()).toEqual(['ha-noi-ba-dinh', 'ho-chi-minh']);
});

test('a new deployment starts after the existing events: the reconciler builds every site once', async () => {
  const state = fileStateStore(
    path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sync-state-')), 'state.json'),
  );
  const { queue, asked } = fakeQueue();
  const deps = {
    events: fakeEvents([event(1, 10, local('ha-noi')), event(2, 11, local('ho-chi-minh'))]),
    state,
    queue,
    registry: loader,
    log: silentLogger,
  };
  expect(await dispatchOnce(deps)).toMatchObject({ events: 0, enqueued: 0 });
  expect(await state.cursor()).toEqual({ eventId: 2, gaps: [] });
  expect(asked).toEqual([]);
});
