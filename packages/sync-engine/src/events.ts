/**
 * Change events as the CMS writes them (`cms/src/extensions/change-capture`, table
 * `pbgdpl_change_events`): the contract between the CMS and the sync engine. The engine only
 * reads that table and `pbgdpl_content_version`; content itself is read over GraphQL.
 */

/** Where an item shows (site codes). Mirrors the CMS's `Placement`, format 1. */
export type Placement =
  | {
      kind: 'legal-document';
      scope: 'national' | 'local' | null;
      owningSite: string | null;
      scopeSite: string | null;
    }
  | {
      kind: 'editorial';
      owningSite: string | null;
      audience: string | null;
      audienceSiteKinds: string[];
      audienceProvinces: string[];
      mandatory: boolean;
      fields: string[];
    }
  | { kind: 'site'; code: string; parent: string | null }
  /** A site that adopted the item (or whose adoption this is): that site alone. */
  | { kind: 'adoption'; adoptingSite: string }
  | { kind: 'everywhere' };

export interface ChangeEvent {
  /** Position in the table (ascending with insertion). */
  id: number;
  uid: string;
  documentId: string;
  locale: string | null;
  action: string;
  source: string;
  owningSite: string | null;
  placements: Placement[];
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

export interface EventRow {
  id: string | number;
  uid: string;
  document_id: string;
  locale: string | null;
  action: string;
  source: string;
  owning_site: string | null;
  placements: string;
  content_version: string | number;
  occurred_at: string | number | Date;
}

export function eventFromRow(row: EventRow): ChangeEvent {
  let placements: Placement[];
  try {
    placements = JSON.parse(row.placements) as Placement[];
  } catch {
    // An unreadable placement list cannot be narrowed: treat the event as reaching every site.
    placements = [{ kind: 'everywhere' }];
  }
  return {
    id: Number(row.id),
    uid: row.uid,
    documentId: row.document_id,
    locale: row.locale,
    action: row.action,
    source: row.source,
    owningSite: row.owning_site,
    placements,
    contentVersion: Number(row.content_version),
    occurredAt: new Date(row.occurred_at),
  };
}
