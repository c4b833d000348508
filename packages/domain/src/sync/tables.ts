/**
 * The tables the CMS and the sync engine share (ADR 0004), in the CMS's database — PostgreSQL, or
 * the SQLite file of the quick start. The CMS writes the change events and the content version;
 * the sync engine writes its dispatch cursor, each site's build state and, with its in-process
 * queue, a snapshot of that queue. Each side imports these names; neither spells them itself.
 */
export const SYNC_TABLES = {
  /** The outbox: one row per public change, written in the change's own transaction (append-only). */
  changeEvents: 'pbgdpl_change_events',
  /** One row (id 1) counting content writes: a build from version v includes every event below v. */
  contentVersion: 'pbgdpl_content_version',
  /** Per site: live release, version it was built from, last build, last error. */
  sites: 'pbgdpl_sync_sites',
  /** The dispatcher's position in the outbox, and the ids it skipped (gaps). */
  cursor: 'pbgdpl_sync_cursor',
  /** The in-process queue's jobs by queue and state (SQLite), as pg-boss's job table tells them on PostgreSQL. */
  queue: 'pbgdpl_sync_queue',
} as const;

/** The row of `pbgdpl_sync_cursor` the dispatcher keeps its position in. */
export const DISPATCH_CURSOR = 'dispatch';

/** The build queue (one coalesced job per site) and the dead letters of jobs that failed every retry. */
export const BUILD_QUEUE = 'pbgdpl-site-build';
export const DEAD_LETTER_QUEUE = 'pbgdpl-site-build-dead';
/** pg-boss's schema on PostgreSQL, where its job table lies. */
export const PG_BOSS_SCHEMA = 'pgboss';
/**
 * The PostgreSQL advisory lock the elected dispatcher/reconciler holds while it lives (an
 * arbitrary constant): the engine takes it, the CMS's health check looks for it.
 */
export const DISPATCHER_LOCK = 7_320_416;

/** A row of `pbgdpl_change_events` as the CMS writes it and the sync engine reads it. */
export interface ChangeEventRow {
  id: string | number;
  /** What makes two events the same (a retried cron, a second CMS process): unique. */
  dedupe_key: string;
  /** The content type's uid, e.g. `api::legal-document.legal-document`. */
  uid: string;
  document_id: string;
  locale: string | null;
  action: string;
  source: string;
  /** The owning site's code. */
  owning_site: string | null;
  /** JSON: `ChangePlacement[]` (placements.ts) of the item before and after the change. */
  placements: string;
  placement_format: number;
  /** The content version read before the change's own bump. */
  content_version: string | number;
  occurred_at: string | number | Date;
  /** The X-Request-Id of the request that made the change (null for cron and validity changes). */
  request_id: string | null;
}

/** The columns the sync engine reads of an event (all but the dedupe key and the format). */
export const CHANGE_EVENT_COLUMNS = [
  'id',
  'uid',
  'document_id',
  'locale',
  'action',
  'source',
  'owning_site',
  'placements',
  'content_version',
  'occurred_at',
] as const;
