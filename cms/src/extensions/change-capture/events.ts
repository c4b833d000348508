/**
 * The change-event outbox: `pbgdpl_change_events`, append-only. Each row says that the public
 * state of one item changed (or may have: a date came), and carries what the sync engine needs
 * to find the affected sites without asking the CMS again — the item's placements before and
 * after the change. The row, the placements and the tables' names are the contract with
 * `@pbgdpl/sync-engine`, written once in `@pbgdpl/domain` (src/sync/; docs/adr/0004-sync-engine.md).
 */
import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { currentRequestId } from '../observability/request-id';
import {
  PLACEMENT_FORMAT,
  SYNC_TABLES,
  type ChangeEventRow,
  type ChangePlacement,
  type ChangeSource,
} from '@pbgdpl/domain';

export const CHANGE_EVENTS_TABLE = SYNC_TABLES.changeEvents;
const CONTENT_VERSION_TABLE = SYNC_TABLES.contentVersion;

/** Strapi's knex, or a transaction of it (callable the same way). */
export type Db = Core.Strapi['db']['connection'];

export interface ChangeEventInput {
  uid: string;
  documentId: string;
  locale: string | null;
  action: string;
  source: ChangeSource;
  owningSite: string | null;
  placements: ChangePlacement[];
  /** What makes this event the same as another (a retried cron, a second CMS process). */
  dedupeKey: string;
  occurredAt?: Date;
}

/** Bootstrap: the table and its indexes exist (idempotent). */
export async function ensureChangeEventsTable(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  if (await knex.schema.hasTable(CHANGE_EVENTS_TABLE)) {
    // Tables made before request ids were carried get the column (nullable: old rows have none).
    if (!(await knex.schema.hasColumn(CHANGE_EVENTS_TABLE, 'request_id')))
      await knex.schema.alterTable(CHANGE_EVENTS_TABLE, (table) =>
        table.string('request_id', 128).nullable(),
      );
    return;
  }
  await knex.schema.createTable(CHANGE_EVENTS_TABLE, (table) => {
    table.bigIncrements('id').primary();
    table.string('dedupe_key', 255).notNullable().unique();
    table.string('uid', 120).notNullable();
    table.string('document_id', 64).notNullable();
    table.string('locale', 16).nullable();
    table.string('action', 32).notNullable();
    table.string('source', 32).notNullable();
    table.string('owning_site', 80).nullable();
    table.text('placements').notNullable();
    table.integer('placement_format').notNullable();
    table.bigInteger('content_version').notNullable();
    table.timestamp('occurred_at', { useTz: true }).notNullable();
    // The X-Request-Id of the request that made the change (null for cron and validity changes),
    // so the sync workers can log it with the builds it causes.
    table.string('request_id', 128).nullable();
  });
  await knex.schema.alterTable(CHANGE_EVENTS_TABLE, (table) => {
    table.index(['occurred_at'], 'pbgdpl_change_events_occurred_idx');
  });
}

/**
 * Appends one event; a second event with the same dedupe key is dropped (returns false). `db` is the
 * transaction of the write the event describes when there is one, so both commit or neither.
 * The event records the content version read before the write's own bump (read-cache moves it
 * after this returns): a build that read a version greater than this one sees the change.
 */
export async function appendChangeEvent(db: Db, event: ChangeEventInput): Promise<boolean> {
  const key = event.dedupeKey.slice(0, 255);
  if (await db(CHANGE_EVENTS_TABLE).where({ dedupe_key: key }).first('id')) return false;
  const version = (await db(CONTENT_VERSION_TABLE).where({ id: 1 }).first('version')) as
    { version: string | number } | undefined;
  const placements = dedupePlacements(event.placements);
  const row: Omit<ChangeEventRow, 'id'> = {
    dedupe_key: key,
    uid: event.uid,
    document_id: event.documentId,
    locale: event.locale,
    action: event.action,
    source: event.source,
    owning_site: event.owningSite,
    placements: JSON.stringify(placements),
    placement_format: PLACEMENT_FORMAT,
    content_version: version ? Number(version.version) : 0,
    occurred_at: event.occurredAt ?? new Date(),
    request_id: currentRequestId(),
  };
  await db(CHANGE_EVENTS_TABLE).insert(row).onConflict('dedupe_key').ignore();
  return true;
}

export function dedupePlacements(placements: readonly ChangePlacement[]): ChangePlacement[] {
  const seen = new Map<string, ChangePlacement>();
  for (const p of placements) seen.set(stableJson(p), p);
  return [...seen.values()];
}

/** A short digest of any JSON value, for dedupe keys. */
export function digest(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('hex').slice(0, 16);
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}
