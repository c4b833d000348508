/**
 * Change events as the CMS writes them (`cms/src/extensions/change-capture`, table
 * `pbgdpl_change_events`): the contract between the CMS and the sync engine, written once in
 * `@pbgdpl/domain` (src/sync/: the tables, the row, the placements). The engine only reads that
 * table and the content version; content itself is read over GraphQL.
 */
import { parseChangePlacements, type ChangeEventRow, type ChangePlacement } from '@pbgdpl/domain';

export interface ChangeEvent {
  /** Position in the table (ascending with insertion). */
  id: number;
  uid: string;
  documentId: string;
  locale: string | null;
  action: string;
  source: string;
  owningSite: string | null;
  placements: ChangePlacement[];
  /** The content version read before the change's own bump: a build from a greater version includes it. */
  contentVersion: number;
  occurredAt: Date;
}

/** Read side of the CMS's outbox and content version. */
export interface EventSource {
  /** The CMS's current content version. */
  contentVersion(): Promise<number>;
  /** The highest event id (0 when there is none). */
  lastEventId(): Promise<number>;
  /** Events with id > `afterId`, ascending, at most `limit`. */
  eventsAfter(afterId: number, limit: number): Promise<ChangeEvent[]>;
  /** The events among `ids` that exist now (a gap that filled in). */
  eventsByIds(ids: readonly number[]): Promise<ChangeEvent[]>;
  /** Events with contentVersion ≥ `version`, ascending by id, for the reconciler. */
  eventsFromVersion(version: number, afterId: number, limit: number): Promise<ChangeEvent[]>;
  close(): Promise<void>;
}

/** The columns of an event the engine reads (`CHANGE_EVENT_COLUMNS`). */
export type EventRow = Omit<ChangeEventRow, 'dedupe_key' | 'placement_format' | 'request_id'>;

export function eventFromRow(row: EventRow): ChangeEvent {
  return {
    id: Number(row.id),
    uid: row.uid,
    documentId: row.document_id,
    locale: row.locale,
    action: row.action,
    source: row.source,
    owningSite: row.owning_site,
    placements: parseChangePlacements(row.placements),
    contentVersion: Number(row.content_version),
    occurredAt: new Date(row.occurred_at),
  };
}
