import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BUILD_QUEUE, DEAD_LETTER_QUEUE, readQueueJobs, readSiteStates } from '@pbgdpl/domain';
import { sqliteReader } from './sql-readers.js';
import { sqliteStateStore } from './state-sqlite.js';
import type { SyncStateStore } from './state.js';

/**
 * The quick start's sync state lives in the CMS's SQLite file, beside its change events: what
 * the store writes, the shared queries of @pbgdpl/domain read back from another connection — as
 * the CMS's page and `pnpm sync:status` do. A real SQLite file (better-sqlite3), no fakes.
 */
let dir: string;
let file: string;
let store: SyncStateStore;
/** Another connection to the file, as the CMS holds one. */
let other: Database.Database;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbgdpl-state-sqlite-'));
  file = path.join(dir, 'data.db');
  new Database(file).close(); // the CMS created its database first
  store = sqliteStateStore(file);
  other = new Database(file, { readonly: true });
});
afterEach(async () => {
  other.close();
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a site asked for, built, then failing is read back the same by another connection', async () => {
  await store.recordRequested(['ha-noi', 'ha-noi-ba-dinh'], 7, new Date('2026-01-01T00:00:00Z'));
  await store.recordRequested(['ha-noi'], 5, new Date('2026-01-01T00:00:01Z')); // a late, older event
  await store.recordSuccess('ha-noi', {
    release: '20260101-000010-aaaa',
    version: 8,
    builtAt: new Date('2026-01-01T00:00:10Z'),
    durationMs: 9500,
    pages: 142,
  });
  await store.recordFailure('ha-noi-ba-dinh', 'x'.repeat(5000), new Date('2026-01-01T00:00:12Z'));

  const sites = await readSiteStates(sqliteReader(other));
  expect(sites).toEqual(await store.sites());
  expect(sites.map((s) => [s.site, s.liveRelease, s.builtVersion, s.requestedVersion])).toEqual([
    ['ha-noi', '20260101-000010-aaaa', 8, 7],
    ['ha-noi-ba-dinh', null, null, 7],
  ]);
  expect(sites[0]!.builtAt).toEqual(new Date('2026-01-01T00:00:10Z'));
  expect(sites[1]!.lastError).toHaveLength(4000);
  expect(sites[1]!.lastErrorAt).toEqual(new Date('2026-01-01T00:00:12Z'));
});

test('the dispatcher’s cursor starts before the first event and keeps its gaps', async () => {
  expect(await store.cursor()).toEqual({ eventId: -1, gaps: [] });
  await store.saveCursor({ eventId: 41, gaps: [{ id: 39, since: 1767225600000 }] });
  await store.saveCursor({ eventId: 42, gaps: [] });
  expect(await store.cursor()).toEqual({ eventId: 42, gaps: [] });
});

test('the in-process queue’s counts are read as pg-boss’s job counts would be, dead letters kept', async () => {
  expect(await store.queueSnapshot!()).toEqual({
    counts: { queued: 0, active: 0, deadLetters: 0 },
    deadLetters: [],
    at: null,
  });
  const failedAt = new Date('2026-01-01T01:00:00Z');
  await store.recordQueue!({
    counts: { queued: 3, active: 1, deadLetters: 1 },
    deadLetters: [{ site: 'ha-noi', error: 'Astro exited 1', failedAt }],
  });
  expect(await readQueueJobs(sqliteReader(other))).toEqual([
    { name: BUILD_QUEUE, state: 'active', jobs: 1 },
    { name: BUILD_QUEUE, state: 'created', jobs: 3 },
    { name: DEAD_LETTER_QUEUE, state: 'created', jobs: 1 },
  ]);
  const snapshot = await store.queueSnapshot!();
  expect(snapshot.counts).toEqual({ queued: 3, active: 1, deadLetters: 1 });
  expect(snapshot.deadLetters).toEqual([{ site: 'ha-noi', error: 'Astro exited 1', failedAt }]);

  await store.recordQueue!({ counts: { queued: 0, active: 0, deadLetters: 0 }, deadLetters: [] });
  expect(await readQueueJobs(sqliteReader(other))).toEqual([]);
});
