/**
 * Relations between documents for the open data. A relation row is public when the document
 * that acts (its source) is public — published and owned by an enabled site; the document acted
 * on keeps its number and title, and its documentId only when it is public too (a draft's id is
 * not given away). Raw SQL on Strapi's own table names: the ends are plain documentId columns
 * the Query Engine cannot join on. Which ends are public is asked once per page, for that page's
 * ids only (an `EXISTS` per row lets the database hash the whole link table on every page).
 */
import type { Core } from '@strapi/strapi';
import { columnOf, linkOf, q, rawRows, tableOf } from '../coverage/tables';
import type { Column } from './columns';
import type { Row } from './read';
import { CONTENT_TYPES } from '../../content-types';

const DOCUMENT = CONTENT_TYPES.legalDocument;
const RELATION = CONTENT_TYPES.documentRelation;
const SITE = CONTENT_TYPES.site;

/** The knex instance, or the open snapshot's transaction. */
export type Db = Core.Strapi['db']['connection'];

/** Which of these documentIds name public documents (published, of an enabled site): one query. */
export async function publicDocumentIds(
  strapi: Core.Strapi,
  db: Db,
  documentIds: readonly string[],
): Promise<Set<string>> {
  const ids = [...new Set(documentIds.filter((id) => typeof id === 'string' && id !== ''))];
  if (ids.length === 0) return new Set();
  const owner = linkOf(strapi, DOCUMENT, 'owningSite');
  const rows = await rawRows<{ document_id: string }>(
    db,
    `SELECT DISTINCT d.document_id FROM ${q(tableOf(strapi, DOCUMENT))} d
     JOIN ${q(owner.table)} l ON l.${q(owner.from)} = d.id
     JOIN ${q(tableOf(strapi, SITE))} s ON s.id = l.${q(owner.to)}
     WHERE d.document_id IN (${ids.map(() => '?').join(', ')}) AND d.published_at IS NOT NULL AND s.enabled IS TRUE`,
    ids,
  );
  return new Set(rows.map((r) => r.document_id));
}

/** SELECT list of a relation row: its attributes by name. */
function relationSelect(strapi: Core.Strapi, columns: readonly Column[]): string {
  const fields = columns
    .filter((c) => c.kind === 'value' || c.kind === 'datetime')
    .map((c) => {
      const column =
        c.name === 'documentId'
          ? 'document_id'
          : c.name === 'updatedAt'
            ? 'updated_at'
            : columnOf(strapi, RELATION, c.name);
      return column ? `r.${q(column)} AS ${q(c.name)}` : null;
    })
    .filter((f): f is string => f !== null);
  return ['r.id AS id', ...fields].join(', ');
}

/** Booleans as either dialect returns them (SQLite: 0/1). */
const truthy = (value: unknown) => value === true || value === 1 || value === '1' || value === 't';

/** A relation row as published: the target's id only when the target is public. */
function publicShape(row: Record<string, unknown>, visible: ReadonlySet<string>): Row {
  const out = { ...row };
  if (!visible.has(String(out.targetDocumentId))) out.targetDocumentId = null;
  if ('partial' in out && out.partial !== null) out.partial = truthy(out.partial);
  return out as Row;
}

function endsOf(rows: ReadonlyArray<Record<string, unknown>>): string[] {
  return rows.flatMap((r) => [String(r.sourceDocumentId ?? ''), String(r.targetDocumentId ?? '')]);
}

/** Pages of public relation rows in id order (keyset pagination, like queryPages). */
export async function* relationPages(
  strapi: Core.Strapi,
  db: Db,
  columns: readonly Column[],
  pageSize: number,
): AsyncGenerator<Row[]> {
  const select = relationSelect(strapi, columns);
  const table = q(tableOf(strapi, RELATION));
  let after = 0;
  for (;;) {
    const rows = await rawRows<Record<string, unknown>>(
      db,
      `SELECT ${select} FROM ${table} r WHERE r.id > ? ORDER BY r.id LIMIT ?`,
      [after, pageSize],
    );
    if (rows.length === 0) return;
    const visible = await publicDocumentIds(strapi, db, endsOf(rows));
    const page = rows
      .filter((r) => visible.has(String(r.sourceDocumentId)))
      .map((r) => publicShape(r, visible));
    if (page.length > 0) yield page;
    if (rows.length < pageSize) return;
    after = Number(rows[rows.length - 1]!.id);
  }
}

/** A document's relations as its JSON Lines record carries them. */
export interface DocumentRelations {
  /** What this document does to others (it amends, replaces, guides… them). */
  actsOn: Array<Record<string, unknown>>;
  /** What other public documents do to this one. */
  actedOnBy: Array<Record<string, unknown>>;
}

/** The public relations of a page of documents (two queries), by documentId. */
export async function relationsOfDocuments(
  strapi: Core.Strapi,
  db: Db,
  columns: readonly Column[],
  documentIds: readonly string[],
): Promise<Map<string, DocumentRelations>> {
  const out = new Map<string, DocumentRelations>();
  const ids = [...new Set(documentIds)];
  for (const id of ids) out.set(id, { actsOn: [], actedOnBy: [] });
  if (ids.length === 0) return out;
  const marks = ids.map(() => '?').join(', ');
  const rows = await rawRows<Record<string, unknown>>(
    db,
    `SELECT ${relationSelect(strapi, columns)} FROM ${q(tableOf(strapi, RELATION))} r
     WHERE r.source_document_id IN (${marks}) OR r.target_document_id IN (${marks})
     ORDER BY r.id`,
    [...ids, ...ids],
  );
  const visible = await publicDocumentIds(strapi, db, endsOf(rows));
  for (const raw of rows) {
    const row = publicShape(raw, visible);
    const source = out.get(String(raw.sourceDocumentId));
    if (source) source.actsOn.push(relationView(row, 'target'));
    const target = out.get(String(raw.targetDocumentId));
    if (target && visible.has(String(raw.sourceDocumentId)))
      target.actedOnBy.push(relationView(row, 'source'));
  }
  return out;
}

/** One relation seen from a document: the kind, the other document, and the details. */
function relationView(row: Row, other: 'source' | 'target'): Record<string, unknown> {
  return {
    kind: row.kind ?? null,
    [`${other}Number`]: row[`${other}Number`] ?? null,
    [`${other}DocumentId`]: row[`${other}DocumentId`] ?? null,
    ...(other === 'target' ? { targetTitle: row.targetTitle ?? null } : {}),
    partial: row.partial ?? null,
    affectedPart: row.affectedPart ?? null,
    effectiveDate: dateOnly(row.effectiveDate),
  };
}

/** A date column as YYYY-MM-DD whichever way the driver returned it. */
function dateOnly(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return new Date(value).toISOString().slice(0, 10);
  return String(value).slice(0, 10);
}
