/**
 * The sync state as operators read it — `pnpm sync:status` and the CMS's page "Đồng bộ trang" —
 * written once: the queries over the shared tables (tables.ts), what a row means, and the rule
 * that says whether a site shows everything published. The caller runs the SQL on a connection of
 * its own (knex in the CMS, pg or better-sqlite3 in the sync engine) through `SqlReader`; nothing
 * here opens one. The same queries answer on PostgreSQL and on the SQLite file of the quick
 * start, where the sync engine keeps its state in the CMS's database too.
 */
import { BUILD_QUEUE, DEAD_LETTER_QUEUE, DISPATCH_CURSOR, PG_BOSS_SCHEMA, SYNC_TABLES } from './tables.js';

export type SqlDialect = 'postgres' | 'sqlite';

/** A read-only way into the shared database: one SELECT with `?` placeholders → its rows. */
export interface SqlReader {
  readonly dialect: SqlDialect;
  rows<T extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

/** What the sync engine records of one site (or of the national search bundle, `_national`). */
export interface SiteSyncState {
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

/** Jobs of one queue in one state (pg-boss's states: created, retry, active, completed, failed…). */
export interface QueueJobCount {
  name: string;
  state: string;
  jobs: number;
}

/** Whether a site shows everything published, as the operator's page says it. */
export type SiteSyncCondition = 'error' | 'never-built' | 'waiting' | 'fresh' | 'fresh-unaffected';

export const SITE_SYNC_CONDITION_LABELS: Readonly<Record<SiteSyncCondition, string>> = {
  error: 'Lỗi',
  'never-built': 'Chưa dựng',
  waiting: 'Đang chờ dựng lại',
  fresh: 'Mới nhất',
  'fresh-unaffected': 'Mới nhất (không có thay đổi liên quan)',
};

/** Asked for since its live build (by the dispatcher or the reconciler), or never built. */
export function isSiteStale(site: Pick<SiteSyncState, 'builtVersion' | 'requestedVersion'>): boolean {
  return (
    site.builtVersion === null ||
    (site.requestedVersion !== null && site.requestedVersion >= site.builtVersion)
  );
}

/** Its last build failed after its live one (or it failed and never had one). */
export function isSiteFailing(site: Pick<SiteSyncState, 'builtAt' | 'lastError' | 'lastErrorAt'>): boolean {
  return (
    Boolean(site.lastError) && (!site.builtAt || (site.lastErrorAt?.getTime() ?? 0) > site.builtAt.getTime())
  );
}

/**
 * The site's condition: its last build failed after its live one; never built; asked for again
 * since its live build; or up to date — built from the newest content version, or from an older
 * one when no change since then concerned it.
 */
export function siteSyncCondition(
  site: Pick<SiteSyncState, 'builtVersion' | 'builtAt' | 'requestedVersion' | 'lastError' | 'lastErrorAt'>,
  contentVersion: number,
): SiteSyncCondition {
  if (isSiteFailing(site)) return 'error';
  if (site.builtVersion === null) return 'never-built';
  if (isSiteStale(site)) return 'waiting';
  return site.builtVersion >= contentVersion ? 'fresh' : 'fresh-unaffected';
}

/** Whether a table exists (the sync engine creates its tables when it first starts). */
export async function hasTable(db: SqlReader, table: string): Promise<boolean> {
  const rows =
    db.dialect === 'postgres'
      ? await db.rows<{ found: string | null }>('SELECT to_regclass(?)::text AS found', [table])
      : await db.rows<{ found: string }>(
          "SELECT name AS found FROM sqlite_master WHERE type = 'table' AND name = ?",
          [table],
        );
  return Boolean(rows[0]?.found);
}

/** The CMS's content version (its table exists once the CMS has started). */
export async function readContentVersion(db: SqlReader): Promise<number> {
  const rows = await db.rows<{ version: unknown }>(
    `SELECT version FROM ${SYNC_TABLES.contentVersion} WHERE id = 1`,
  );
  return Number(rows[0]?.version ?? 0);
}

/** The highest change event id (0 when there is none); cheap enough for every dispatcher pass. */
export async function readLastEventId(db: SqlReader): Promise<number> {
  const rows = await db.rows<{ last: unknown }>(`SELECT max(id) AS last FROM ${SYNC_TABLES.changeEvents}`);
  return Number(rows[0]?.last ?? 0);
}

/** How many change events exist (a scan of the outbox: for the operator's report), and the highest id. */
export async function readEventTotals(db: SqlReader): Promise<{ total: number; lastId: number }> {
  const rows = await db.rows<{ total: unknown; last: unknown }>(
    `SELECT count(id) AS total, max(id) AS last FROM ${SYNC_TABLES.changeEvents}`,
  );
  return { total: Number(rows[0]?.total ?? 0), lastId: Number(rows[0]?.last ?? 0) };
}

/** The dispatcher's cursor; null before the first dispatcher pass. */
export async function readDispatchCursor(db: SqlReader): Promise<DispatchCursor | null> {
  if (!(await hasTable(db, SYNC_TABLES.cursor))) return null;
  const rows = await db.rows<{ event_id: unknown; gaps: unknown }>(
    `SELECT event_id, gaps FROM ${SYNC_TABLES.cursor} WHERE name = ?`,
    [DISPATCH_CURSOR],
  );
  const row = rows[0];
  return row ? { eventId: Number(row.event_id), gaps: JSON.parse(String(row.gaps)) } : null;
}

/** Every site the sync engine has a record of, by code. */
export async function readSiteStates(db: SqlReader): Promise<SiteSyncState[]> {
  if (!(await hasTable(db, SYNC_TABLES.sites))) return [];
  const rows = await db.rows<Record<string, unknown>>(
    `SELECT site, live_release, built_version, built_at, duration_ms, pages, requested_version,
            requested_at, last_error, last_error_at FROM ${SYNC_TABLES.sites} ORDER BY site`,
  );
  return rows.map(siteStateFromRow);
}

/** A row of `pbgdpl_sync_sites` (timestamps as Date on PostgreSQL, ISO text on SQLite). */
export function siteStateFromRow(row: Record<string, unknown>): SiteSyncState {
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const date = (v: unknown) => (v === null || v === undefined || v === '' ? null : new Date(v as string));
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    site: String(row.site),
    liveRelease: text(row.live_release),
    builtVersion: num(row.built_version),
    builtAt: date(row.built_at),
    durationMs: num(row.duration_ms),
    pages: num(row.pages),
    requestedVersion: num(row.requested_version),
    requestedAt: date(row.requested_at),
    lastError: text(row.last_error),
    lastErrorAt: date(row.last_error_at),
  };
}

/**
 * The build jobs by queue and state: pg-boss's job table on PostgreSQL; on SQLite the counts the
 * in-process queue publishes while its worker runs (empty when none ever ran).
 */
export async function readQueueJobs(db: SqlReader): Promise<QueueJobCount[]> {
  const table = db.dialect === 'postgres' ? `${PG_BOSS_SCHEMA}.job` : SYNC_TABLES.queue;
  if (!(await hasTable(db, table))) return [];
  const rows = await db.rows<{ name: string; state: string; jobs: unknown }>(
    db.dialect === 'postgres'
      ? `SELECT name, state, count(*) AS jobs FROM ${table} WHERE name IN (?, ?) GROUP BY name, state ORDER BY name, state`
      : `SELECT name, state, jobs FROM ${table} WHERE name IN (?, ?) AND jobs > 0 ORDER BY name, state`,
    [BUILD_QUEUE, DEAD_LETTER_QUEUE],
  );
  return rows.map((r) => ({ name: r.name, state: r.state, jobs: Number(r.jobs) }));
}

/** What the operator's page shows: the content version, the outbox, the queue, every site's state. */
export interface SyncReport {
  contentVersion: number;
  events: { total: number; lastId: number; dispatchedUpTo: number };
  queue: QueueJobCount[];
  sites: Array<SiteSyncState & { condition: SiteSyncCondition; conditionLabel: string }>;
}

export async function readSyncReport(db: SqlReader): Promise<SyncReport> {
  const contentVersion = await readContentVersion(db);
  const events = await readEventTotals(db);
  const cursor = await readDispatchCursor(db);
  const queue = await readQueueJobs(db);
  const sites = await readSiteStates(db);
  return {
    contentVersion,
    events: { ...events, dispatchedUpTo: Math.max(0, cursor?.eventId ?? 0) },
    queue,
    sites: sites.map((site) => {
      const condition = siteSyncCondition(site, contentVersion);
      return { ...site, condition, conditionLabel: SITE_SYNC_CONDITION_LABELS[condition] };
    }),
  };
}
