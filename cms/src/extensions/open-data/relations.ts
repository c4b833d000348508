/**
 * Relations between documents for the open data. A relation row is public when the document
 * that acts (its source) is public — published and owned by an enabled site; the document acted
 * on keeps its number and title, and its documentId only when it is public too (a draft's id is
 * not given away). Raw SQL on Strapi's own table names: the ends are plain documentId columns
 * the Query Engine cannot join on.
 */
import type { Core } from '@strapi/strapi';
import { columnOf, linkOf, q, rawRows, tableOf } from '../coverage/tables';
import type { Column } from './columns';
import type { Row } from './read';

const DOCUMENT = 'api::legal-document.legal-document';
const RELATION = 'api::document-relation.document-relation';
const SITE = 'api::site.site';

/** The knex instance, or the open snapshot's transaction. */
export type Db = Core.Strapi['db']['connection'];

/** `EXISTS (…)`: the documentId in `column` names a published document of an enabled site. */
function publicDocumentSql(strapi: Core.Strapi, column: string): string {
  const owner = linkOf(strapi, DOCUMENT, 'owningSite');
  return `EXISTS (SELECT 1 FROM ${q(tableOf(strapi, DOCUMENT))} d
    JOIN ${q(owner.table)} l ON l.${q(owner.from)} = d.id
    JOIN ${q(tableOf(strapi, SITE))} s ON s.id = l.${q(owner.to)}
    WHERE d.document_id = ${column} AND d.published_at IS NOT NULL AND s.enabled IS TRUE)`;
}

/** SELECT list of a relation row: its attributes by name, and whether each end is public. */
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
  return [
    'r.id AS id',
    ...fields,
    `${publicDocumentSql(strapi, 'r.target_document_id')} AS ${q('targetPublic')}`,
    `${publicDocumentSql(strapi, 'r.source_document_id')} AS ${q('sourcePublic')}`,
  ].join(', ');
}

/** Booleans as either dialect returns them (SQLite: 0/1). */
const truthy = (value: unknown) => value === true || value === 1 || value === '1' || value === 't';

function publicShape(row: Record<string, unknown>): Row {
  const { targetPublic, sourcePublic, ...rest } = row;
  void sourcePublic;
  if (!truthy(targetPublic)) rest.targetDocumentId = null;
  if ('partial' in rest && rest.partial !== null) rest.partial = truthy(rest.partial);
  return rest as Row;
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
      `SELECT ${select} FROM ${table} r
       WHERE r.id > ? AND ${publicDocumentSql(strapi, 'r.source_document_id')}
       ORDER BY r.id LIMIT ?`,
      [after, pageSize],
    );
    if (rows.length === 0) return;
    yield rows.map(publicShape);
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

/** The public relations of a page of documents (one query), by documentId. */
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
  for (const raw of rows) {
    const sourcePublic = truthy(raw.sourcePublic);
    const row = publicShape(raw);
    const source = out.get(String(row.sourceDocumentId));
    if (source) source.actsOn.push(relationView(row, 'target'));
    const target = out.get(String(raw.targetDocumentId));
    if (target && sourcePublic) target.actedOnBy.push(relationView(row, 'source'));
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

/** Which of these documentIds name public documents (published, of an enabled site): one query. */
export async function publicDocumentIds(
  strapi: Core.Strapi,
  db: Db,
  documentIds: readonly string[],
): Promise<Set<string>> {
  const ids = [...new Set(documentIds)];
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
