/**
 * Reading a dataset in pages with constant memory: keyset pagination on the row id (`id > last
 * ORDER BY id LIMIT n`), never an offset (which rescans) and never the whole table. Each page
 * goes through the Query Engine, which reads the page's relations, media and components with one
 * query per attribute. Only what a reader of the sites may see: published versions of draft &
 * publish types, items whose owning site is enabled, plus the dataset's own conditions.
 */
import type { Core, UID } from '@strapi/strapi';
import type { Dataset } from './catalogue';
import { populateFor, schemaOf, type Column } from './columns';

export type Row = Record<string, unknown> & { id: number; documentId: string };

const SITE = 'api::site.site';

/** The `where` of a dataset's public rows. */
export function publicWhere(strapi: Core.Strapi, dataset: Dataset): Record<string, unknown> {
  const schema = schemaOf(strapi, dataset.uid);
  const where: Record<string, unknown> = { ...(dataset.where ?? {}) };
  if (schema.options?.draftAndPublish) where.publishedAt = { $notNull: true };
  // An item of a disabled site appears on no site (syndication rule 1), so not here either; an
  // item without an owner appears nowhere.
  if (schema.attributes.owningSite?.target === SITE) where.owningSite = { enabled: true };
  return where;
}

/** The scalar attributes to select (relations, media and components come through populate). */
function selectFor(columns: readonly Column[]): string[] {
  const scalar = columns.filter((c) => c.kind !== 'relation' && c.kind !== 'media' && c.kind !== 'component');
  return ['id', ...new Set(scalar.map((c) => c.name))];
}

/** Pages of public rows in id order; `pageSize` bounds the memory held at once. */
export async function* queryPages(
  strapi: Core.Strapi,
  dataset: Dataset,
  columns: readonly Column[],
  pageSize: number,
): AsyncGenerator<Row[]> {
  const where = publicWhere(strapi, dataset);
  const select = selectFor(columns);
  const populate = populateFor(strapi, columns);
  let after = 0;
  for (;;) {
    const rows = (await strapi.db.query(dataset.uid as UID.ContentType).findMany({
      select,
      where: { ...where, id: { $gt: after } },
      orderBy: { id: 'asc' },
      limit: pageSize,
      populate,
    })) as Row[];
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.id;
  }
}
