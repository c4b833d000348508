/**
 * Reading a dataset in pages with constant memory, and in time proportional to the page: keyset
 * pagination on the row id, in two steps per page —
 *
 * 1. the next page of public row ids, in SQL (`id > last … ORDER BY id LIMIT n`, joined to the
 *    owning site to keep enabled owners only): the primary key's order, so the database reads
 *    about one page of rows, never the rest of the table;
 * 2. those rows through the Query Engine (`id IN (…)`), which reads their relations, media and
 *    components with one query per attribute.
 *
 * (Asking the Query Engine for "owning site enabled" directly makes it `SELECT DISTINCT` over the
 * joined rows, which sorts everything after `last` on every page: quadratic over 100k rows.)
 * Only what a reader of the sites may see: published versions of draft & publish types, items
 * whose owning site is enabled, plus the dataset's own conditions.
 */
import type { Core, UID } from '@strapi/strapi';
import { linkOf, q, tableOf } from '../coverage/tables';
import type { Dataset } from './catalogue';
import { populateFor, schemaOf, type Column } from './columns';
import type { Db } from './relations';
import { CONTENT_TYPES } from '../../content-types';

export type Row = Record<string, unknown> & { id: number; documentId: string };

const SITE = CONTENT_TYPES.site;

/** `SELECT id` of the next page of public rows: published, owning site enabled (when it has one). */
export function publicIdsSql(strapi: Core.Strapi, dataset: Dataset): string {
  const schema = schemaOf(strapi, dataset.uid);
  const joins: string[] = [];
  const conditions = ['t.id > :after'];
  if (schema.options?.draftAndPublish) conditions.push('t.published_at IS NOT NULL');
  // An item of a disabled site appears on no site (syndication rule 1), so not here either; an
  // item without an owner appears nowhere.
  if (schema.attributes.owningSite?.target === SITE) {
    const owner = linkOf(strapi, dataset.uid, 'owningSite');
    joins.push(
      // The repeated bound lets the database start the link's index at the page too.
      `JOIN ${q(owner.table)} o ON o.${q(owner.from)} = t.id AND o.${q(owner.from)} > :after`,
      `JOIN ${q(tableOf(strapi, SITE))} s ON s.id = o.${q(owner.to)} AND s.enabled IS TRUE`,
    );
  }
  return `SELECT t.id FROM ${q(tableOf(strapi, dataset.uid))} t ${joins.join(' ')}
    WHERE ${conditions.join(' AND ')} ORDER BY t.id LIMIT :limit`;
}

/** Rows of a raw query with named bindings (`:name`), on either dialect. */
async function namedRows<T>(db: Db, sql: string, bindings: Record<string, unknown>): Promise<T[]> {
  const result = (await db.raw(sql, bindings as never)) as { rows?: T[] } | T[];
  return Array.isArray(result) ? result : (result.rows ?? []);
}

/** The scalar attributes to select (relations, media and components come through populate). */
function selectFor(columns: readonly Column[]): string[] {
  const scalar = columns.filter((c) => c.kind !== 'relation' && c.kind !== 'media' && c.kind !== 'component');
  return ['id', ...new Set(scalar.map((c) => c.name))];
}

/** Pages of public rows in id order; `pageSize` bounds the memory held at once. */
export async function* queryPages(
  strapi: Core.Strapi,
  db: Db,
  dataset: Dataset,
  columns: readonly Column[],
  pageSize: number,
): AsyncGenerator<Row[]> {
  const idsSql = publicIdsSql(strapi, dataset);
  const select = selectFor(columns);
  const populate = populateFor(strapi, columns);
  let after = 0;
  for (;;) {
    const found = await namedRows<{ id: number | string }>(db, idsSql, { after, limit: pageSize });
    const ids = found.map((r) => Number(r.id));
    if (ids.length === 0) return;
    const rows = (await strapi.db.query(dataset.uid as UID.ContentType).findMany({
      select,
      where: { ...(dataset.where ?? {}), id: { $in: ids } },
      orderBy: { id: 'asc' },
      populate,
    })) as Row[];
    if (rows.length > 0) yield rows;
    if (ids.length < pageSize) return;
    after = ids[ids.length - 1]!;
  }
}
