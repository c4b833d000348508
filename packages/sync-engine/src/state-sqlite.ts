/**
 * The sync state in the quick start's SQLite file — the CMS's own database, beside its change
 * events — so the CMS's page "Đồng bộ trang" reads it exactly as on PostgreSQL. One sync process
 * writes here (the in-process queue's worker); Strapi writes the same file. SQLite serialises
 * writers: each statement here is one short write, and it waits up to `timeout` for Strapi's
 * (better-sqlite3's busy wait) instead of failing. Timestamps are stored as ISO 8601 text.
 */
import Database from 'better-sqlite3';
import {
  BUILD_QUEUE,
  DEAD_LETTER_QUEUE,
  DISPATCH_CURSOR,
  SYNC_TABLES,
  readDispatchCursor,
  readSiteStates,
} from '@pbgdpl/domain';
import type { DeadLetter } from './queue/types.js';
import { sqliteReader } from './sql-readers.js';
import { ERROR_MAX_LENGTH, NEW_CURSOR, type QueueSnapshot, type SyncStateStore } from './state.js';

const SITES = SYNC_TABLES.sites;
const CURSOR = SYNC_TABLES.cursor;
const QUEUE = SYNC_TABLES.queue;

/** How long a write waits for the CMS's own write to finish (ms). */
const BUSY_TIMEOUT_MS = 15_000;

/** Opens the CMS's SQLite file read-write and creates the engine's tables when missing. */
export function sqliteStateStore(file: string): SyncStateStore {
  const db = new Database(file, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  db.exec(`CREATE TABLE IF NOT EXISTS ${SITES} (
    site TEXT PRIMARY KEY,
    live_release TEXT,
    built_version INTEGER,
    built_at TEXT,
    duration_ms INTEGER,
    pages INTEGER,
    requested_version INTEGER,
    requested_at TEXT,
    last_error TEXT,
    last_error_at TEXT
  );
  CREATE TABLE IF NOT EXISTS ${CURSOR} (
    name TEXT PRIMARY KEY,
    event_id INTEGER NOT NULL,
    gaps TEXT NOT NULL DEFAULT '[]'
  );
  CREATE TABLE IF NOT EXISTS ${QUEUE} (
    name TEXT NOT NULL,
    state TEXT NOT NULL,
    jobs INTEGER NOT NULL,
    dead_letters TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (name, state)
  );`);
  const reader = sqliteReader(db);
  const iso = (date: Date) => date.toISOString();
  const requested = db.prepare(
    `INSERT INTO ${SITES} (site, requested_version, requested_at) VALUES (?, ?, ?)
     ON CONFLICT (site) DO UPDATE SET
       requested_version = max(coalesce(${SITES}.requested_version, 0), excluded.requested_version),
       requested_at = excluded.requested_at`,
  );
  const requestMany = db.transaction((sites: readonly string[], version: number, at: string) => {
    for (const site of sites) requested.run(site, version, at);
  });
  const queueRow = db.prepare(
    `INSERT INTO ${QUEUE} (name, state, jobs, dead_letters, updated_at) VALUES (?, ?, ?, ?, ?)`,
  );
  const replaceQueue = db.transaction((rows: Array<[string, string, number, string | null]>, at: string) => {
    db.prepare(`DELETE FROM ${QUEUE}`).run();
    for (const [name, state, jobs, deadLetters] of rows) queueRow.run(name, state, jobs, deadLetters, at);
  });
  return {
    cursor: async () => (await readDispatchCursor(reader)) ?? structuredClone(NEW_CURSOR),
    async saveCursor(cursor) {
      db.prepare(
        `INSERT INTO ${CURSOR} (name, event_id, gaps) VALUES (?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET event_id = excluded.event_id, gaps = excluded.gaps`,
      ).run(DISPATCH_CURSOR, cursor.eventId, JSON.stringify(cursor.gaps));
    },
    sites: () => readSiteStates(reader),
    async recordRequested(sites, version, at) {
      if (sites.length > 0) requestMany(sites, version, iso(at));
    },
    async recordSuccess(site, s) {
      db.prepare(
        `INSERT INTO ${SITES} (site, live_release, built_version, built_at, duration_ms, pages)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (site) DO UPDATE SET live_release = excluded.live_release,
           built_version = max(coalesce(${SITES}.built_version, 0), excluded.built_version),
           built_at = excluded.built_at, duration_ms = excluded.duration_ms, pages = excluded.pages,
           last_error = NULL, last_error_at = NULL`,
      ).run(site, s.release, s.version, iso(s.builtAt), s.durationMs, s.pages);
    },
    async recordFailure(site, error, at) {
      db.prepare(
        `INSERT INTO ${SITES} (site, last_error, last_error_at) VALUES (?, ?, ?)
         ON CONFLICT (site) DO UPDATE SET last_error = excluded.last_error, last_error_at = excluded.last_error_at`,
      ).run(site, error.slice(0, ERROR_MAX_LENGTH), iso(at));
    },
    // Rows shaped like pg-boss's job counts (queue, state, jobs), so one query reads either.
    async recordQueue({ counts, deadLetters }) {
      replaceQueue(
        [
          [BUILD_QUEUE, 'created', counts.queued, null],
          [BUILD_QUEUE, 'active', counts.active, null],
          [DEAD_LETTER_QUEUE, 'created', counts.deadLetters, JSON.stringify(deadLetters)],
        ],
        iso(new Date()),
      );
    },
    async queueSnapshot(): Promise<QueueSnapshot> {
      const rows = db
        .prepare(`SELECT name, state, jobs, dead_letters, updated_at FROM ${QUEUE}`)
        .all() as Array<{
        name: string;
        state: string;
        jobs: number;
        dead_letters: string | null;
        updated_at: string;
      }>;
      const jobs = (name: string, state: string) =>
        rows.find((r) => r.name === name && r.state === state)?.jobs ?? 0;
      const dead = rows.find((r) => r.name === DEAD_LETTER_QUEUE)?.dead_letters;
      return {
        counts: {
          queued: jobs(BUILD_QUEUE, 'created'),
          active: jobs(BUILD_QUEUE, 'active'),
          deadLetters: jobs(DEAD_LETTER_QUEUE, 'created'),
        },
        deadLetters: dead
          ? (JSON.parse(dead) as DeadLetter[]).map((d) => ({
              ...d,
              failedAt: d.failedAt ? new Date(d.failedAt) : null,
            }))
          : [],
        at: rows[0] ? new Date(rows[0].updated_at) : null,
      };
    },
    async close() {
      db.close();
    },
  };
}
