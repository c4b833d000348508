/**
 * What the sync engine remembers: the dispatcher's cursor in the event table, and per site the
 * live release, the content version it was built from, when and how long the build took, and
 * the last error. In PostgreSQL (tables `pbgdpl_sync_sites`, `pbgdpl_sync_cursor`) for workers on
 * many machines; in a JSON file for the in-process quick start.
 */
import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';

export interface SiteState {
  site: string;
  liveRelease: string | null;
  /** Content version read before the live release's build started; null when never built. */
  builtVersion: number | null;
  builtAt: Date | null;
  durationMs: number | null;
  pages: number | null;
  /** Highest event content version dispatched to the site. */
  requestedVersion: number | null;
  requestedAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
}

export interface DispatchCursor {
  /** Highest event id handled; -1 before the first pass of a new deployment. */
  eventId: number;
  /** Ids below `eventId` not seen yet (a transaction still open when the cursor moved past them), with when first missed. */
  gaps: Array<{ id: number; since: number }>;
}

export interface BuildSuccess {
  release: string;
  version: number;
  builtAt: Date;
  durationMs: number;
  pages: number;
}

export interface SyncStateStore {
  cursor(): Promise<DispatchCursor>;
  saveCursor(cursor: DispatchCursor): Promise<void>;
  sites(): Promise<SiteState[]>;
  recordRequested(sites: readonly string[], version: number, at: Date): Promise<void>;
  recordSuccess(site: string, success: BuildSuccess): Promise<void>;
  recordFailure(site: string, error: string, at: Date): Promise<void>;
  close(): Promise<void>;
}

const emptyState = (site: string): SiteState => ({
  site,
  liveRelease: null,
  builtVersion: null,
  builtAt: null,
  durationMs: null,
  pages: null,
  requestedVersion: null,
  requestedAt: null,
  lastError: null,
  lastErrorAt: null,
});

/** PostgreSQL: creates its two tables when missing. */
export async function postgresStateStore(pool: pg.Pool): Promise<SyncStateStore> {
  await pool.query(`CREATE TABLE IF NOT EXISTS pbgdpl_sync_sites (
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
  await pool.query(`CREATE TABLE IF NOT EXISTS pbgdpl_sync_cursor (
    name varchar(40) PRIMARY KEY,
    event_id bigint NOT NULL,
    gaps text NOT NULL DEFAULT '[]'
  )`);
  type Row = Record<string, unknown>;
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const date = (v: unknown) => (v ? new Date(v as string) : null);
  return {
    async cursor() {
      const { rows } = await pool.query<Row>(
        `SELECT event_id, gaps FROM pbgdpl_sync_cursor WHERE name = 'dispatch'`,
      );
      const row = rows[0];
      return row
        ? { eventId: Number(row.event_id), gaps: JSON.parse(String(row.gaps)) }
        : { eventId: -1, gaps: [] };
    },
    async saveCursor(cursor) {
      await pool.query(
        `INSERT INTO pbgdpl_sync_cursor (name, event_id, gaps) VALUES ('dispatch', $1, $2)
         ON CONFLICT (name) DO UPDATE SET event_id = EXCLUDED.event_id, gaps = EXCLUDED.gaps`,
        [cursor.eventId, JSON.stringify(cursor.gaps)],
      );
    },
    async sites() {
      const { rows } = await pool.query<Row>('SELECT * FROM pbgdpl_sync_sites ORDER BY site');
      return rows.map((r) => ({
        site: String(r.site),
        liveRelease: (r.live_release as string) ?? null,
        builtVersion: num(r.built_version),
        builtAt: date(r.built_at),
        durationMs: num(r.duration_ms),
        pages: num(r.pages),
        requestedVersion: num(r.requested_version),
        requestedAt: date(r.requested_at),
        lastError: (r.last_error as string) ?? null,
        lastErrorAt: date(r.last_error_at),
      }));
    },
    async recordRequested(sites, version, at) {
      if (sites.length === 0) return;
      await pool.query(
        `INSERT INTO pbgdpl_sync_sites (site, requested_version, requested_at)
         SELECT s, $2, $3 FROM unnest($1::varchar[]) AS s
         ON CONFLICT (site) DO UPDATE SET
           requested_version = GREATEST(COALESCE(pbgdpl_sync_sites.requested_version, 0), EXCLUDED.requested_version),
           requested_at = EXCLUDED.requested_at`,
        [sites, version, at],
      );
    },
    async recordSuccess(site, s) {
      await pool.query(
        `INSERT INTO pbgdpl_sync_sites (site, live_release, built_version, built_at, duration_ms, pages)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (site) DO UPDATE SET live_release = EXCLUDED.live_release,
           built_version = GREATEST(COALESCE(pbgdpl_sync_sites.built_version, 0), EXCLUDED.built_version),
           built_at = EXCLUDED.built_at, duration_ms = EXCLUDED.duration_ms, pages = EXCLUDED.pages,
           last_error = NULL, last_error_at = NULL`,
        [site, s.release, s.version, s.builtAt, s.durationMs, s.pages],
      );
    },
    async recordFailure(site, error, at) {
      await pool.query(
        `INSERT INTO pbgdpl_sync_sites (site, last_error, last_error_at) VALUES ($1, $2, $3)
         ON CONFLICT (site) DO UPDATE SET last_error = EXCLUDED.last_error, last_error_at = EXCLUDED.last_error_at`,
        [site, error.slice(0, 4000), at],
      );
    },
    close: async () => undefined,
  };
}

/** A JSON file (the in-process quick start): one process owns it. */
export function fileStateStore(file: string): SyncStateStore {
  type Stored = { cursor: DispatchCursor; sites: Record<string, SiteState> };
  const revive = (s: SiteState): SiteState => ({
    ...s,
    builtAt: s.builtAt ? new Date(s.builtAt) : null,
    requestedAt: s.requestedAt ? new Date(s.requestedAt) : null,
    lastErrorAt: s.lastErrorAt ? new Date(s.lastErrorAt) : null,
  });
  let data: Stored = { cursor: { eventId: -1, gaps: [] }, sites: {} };
  if (fs.existsSync(file)) {
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Stored;
    data = {
      cursor: raw.cursor,
      sites: Object.fromEntries(Object.entries(raw.sites).map(([k, v]) => [k, revive(v)])),
    };
  }
  const save = () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(data, null, 1));
    fs.renameSync(temp, file);
  };
  const site = (code: string) => (data.sites[code] ??= emptyState(code));
  return {
    async cursor() {
      return structuredClone(data.cursor);
    },
    async saveCursor(cursor) {
      data.cursor = structuredClone(cursor);
      save();
    },
    async sites() {
      return Object.values(data.sites)
        .map((s) => ({ ...s }))
        .sort((a, b) => a.site.localeCompare(b.site));
    },
    async recordRequested(sites, version, at) {
      for (const code of sites) {
        const s = site(code);
        s.requestedVersion = Math.max(s.requestedVersion ?? 0, version);
        s.requestedAt = at;
      }
      save();
    },
    async recordSuccess(code, success) {
      const s = site(code);
      s.liveRelease = success.release;
      s.builtVersion = Math.max(s.builtVersion ?? 0, success.version);
      s.builtAt = success.builtAt;
      s.durationMs = success.durationMs;
      s.pages = success.pages;
      s.lastError = null;
      s.lastErrorAt = null;
      save();
    },
    async recordFailure(code, error, at) {
      const s = site(code);
      s.lastError = error.slice(0, 4000);
      s.lastErrorAt = at;
      save();
    },
    close: async () => undefined,
  };
}
