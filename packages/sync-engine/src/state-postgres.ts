/** The sync state in the CMS's PostgreSQL database (workers on many machines share it). */
import type pg from 'pg';
import { SYNC_TABLES, readDispatchCursor, readSiteStates, DISPATCH_CURSOR } from '@pbgdpl/domain';
import { postgresReader } from './sql-readers.js';
import { ERROR_MAX_LENGTH, NEW_CURSOR, type SyncStateStore } from './state.js';

const SITES = SYNC_TABLES.sites;
const CURSOR = SYNC_TABLES.cursor;

/** Creates its two tables when missing. */
export async function postgresStateStore(pool: pg.Pool): Promise<SyncStateStore> {
  await pool.query(`CREATE TABLE IF NOT EXISTS ${SITES} (
    site varchar(80) PRIMARY KEY,
    live_release varchar(80),
    built_version bigint,
    built_at timestamptz,
    duration_ms integer,
    pages integer,
    requested_version bigint,
    requested_at timestamptz,
    last_error text,
    last_error_at timestamptz
  )`);
  await pool.query(`CREATE TABLE IF NOT EXISTS ${CURSOR} (
    name varchar(40) PRIMARY KEY,
    event_id bigint NOT NULL,
    gaps text NOT NULL DEFAULT '[]'
  )`);
  const reader = postgresReader(pool);
  return {
    cursor: async () => (await readDispatchCursor(reader)) ?? structuredClone(NEW_CURSOR),
    async saveCursor(cursor) {
      await pool.query(
        `INSERT INTO ${CURSOR} (name, event_id, gaps) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO UPDATE SET event_id = EXCLUDED.event_id, gaps = EXCLUDED.gaps`,
        [DISPATCH_CURSOR, cursor.eventId, JSON.stringify(cursor.gaps)],
      );
    },
    sites: () => readSiteStates(reader),
    async recordRequested(sites, version, at) {
      if (sites.length === 0) return;
      await pool.query(
        `INSERT INTO ${SITES} (site, requested_version, requested_at)
         SELECT s, $2, $3 FROM unnest($1::varchar[]) AS s
         ON CONFLICT (site) DO UPDATE SET
           requested_version = GREATEST(COALESCE(${SITES}.requested_version, 0), EXCLUDED.requested_version),
           requested_at = EXCLUDED.requested_at`,
        [sites, version, at],
      );
    },
    async recordSuccess(site, s) {
      await pool.query(
        `INSERT INTO ${SITES} (site, live_release, built_version, built_at, duration_ms, pages)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (site) DO UPDATE SET live_release = EXCLUDED.live_release,
           built_version = GREATEST(COALESCE(${SITES}.built_version, 0), EXCLUDED.built_version),
           built_at = EXCLUDED.built_at, duration_ms = EXCLUDED.duration_ms, pages = EXCLUDED.pages,
           last_error = NULL, last_error_at = NULL`,
        [site, s.release, s.version, s.builtAt, s.durationMs, s.pages],
      );
    },
    async recordFailure(site, error, at) {
      await pool.query(
        `INSERT INTO ${SITES} (site, last_error, last_error_at) VALUES ($1, $2, $3)
         ON CONFLICT (site) DO UPDATE SET last_error = EXCLUDED.last_error, last_error_at = EXCLUDED.last_error_at`,
        [site, error.slice(0, ERROR_MAX_LENGTH), at],
      );
    },
    close: async () => undefined,
  };
}
