import type { Core } from '@strapi/strapi';

/**
 * An index the queries of a national corpus (100k documents) need and Strapi does not create.
 * Strapi already indexes (document_id, locale, published_at) and both columns of every link
 * table; each entry here names the query it serves (measured in docs/benchmarks.md).
 */
export interface IndexSpec {
  /** Always starts with `pbgdpl_`, so tools can tell ours from Strapi's. */
  name: string;
  table: string;
  /** Column list and optional WHERE, as SQL. */
  definition: string;
}

export const INDEXES: readonly IndexSpec[] = [
  // Site listings (GraphQL, published rows): `scope = …` ordered by documentId, and its count.
  {
    name: 'pbgdpl_legal_documents_published_listing_idx',
    table: 'legal_documents',
    definition: '(locale, scope, document_id, id) WHERE published_at IS NOT NULL',
  },
  // The admin list sorted by number; relations resolve their numbers with `number = …`.
  { name: 'pbgdpl_legal_documents_number_idx', table: 'legal_documents', definition: '(number)' },
  // The admin list's filters and the counts behind its pagination (draft rows).
  {
    name: 'pbgdpl_legal_documents_draft_validity_idx',
    table: 'legal_documents',
    definition: '(locale, validity_status, id) WHERE published_at IS NULL',
  },
  {
    name: 'pbgdpl_legal_documents_draft_type_idx',
    table: 'legal_documents',
    definition: '(locale, document_type, id) WHERE published_at IS NULL',
  },
  {
    name: 'pbgdpl_legal_documents_draft_effective_idx',
    table: 'legal_documents',
    definition: '(locale, effective_from, id) WHERE published_at IS NULL',
  },
  // A document's relations: content-client's getDocumentRelations and the validity recompute.
  {
    name: 'pbgdpl_document_relations_source_idx',
    table: 'document_relations',
    definition: '(source_document_id)',
  },
  {
    name: 'pbgdpl_document_relations_target_idx',
    table: 'document_relations',
    definition: '(target_document_id)',
  },
  // Change capture on every editorial write: which sites adopted the item just changed.
  {
    name: 'pbgdpl_site_adoptions_target_idx',
    table: 'site_adoptions',
    definition: '(target_document_id)',
  },
];

export type IndexReport =
  { skipped: 'not-postgres' | 'disabled'; created: [] } | { skipped: false; created: string[] };

/**
 * Creates the missing indexes of `INDEXES` on PostgreSQL (CONCURRENTLY, so a live CMS keeps
 * accepting writes), and rebuilds one left invalid by an interrupted build. SQLite (the quick
 * start) gets none: it never holds a national corpus. `DATABASE_EXTRA_INDEXES=false` turns this
 * off, for benchmarks that measure without.
 */
export async function ensureIndexes(strapi: Core.Strapi): Promise<IndexReport> {
  if (strapi.db.dialect.client !== 'postgres') {
    strapi.log.debug(`indexes: ${strapi.db.dialect.client} database, no extra index created`);
    return { skipped: 'not-postgres', created: [] };
  }
  if (process.env.DATABASE_EXTRA_INDEXES === 'false') {
    strapi.log.info('indexes: DATABASE_EXTRA_INDEXES=false, no extra index created');
    return { skipped: 'disabled', created: [] };
  }
  const knex = strapi.db.connection;
  const schema = strapi.db.getSchemaName() ?? 'public';
  const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;
  const { rows } = (await knex.raw(
    `SELECT c.relname AS name, i.indisvalid AS valid
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ? AND c.relname LIKE 'pbgdpl\\_%'`,
    [schema],
  )) as { rows: Array<{ name: string; valid: boolean }> };
  const existing = new Map(rows.map((r) => [r.name, r.valid]));
  const created: string[] = [];
  for (const index of INDEXES) {
    if (existing.get(index.name) === true) continue;
    const qualified = `${quote(schema)}.${quote(index.name)}`;
    if (existing.has(index.name)) await knex.raw(`DROP INDEX CONCURRENTLY IF EXISTS ${qualified}`);
    const started = Date.now();
    await knex.raw(
      `CREATE INDEX CONCURRENTLY IF NOT EXISTS ${quote(index.name)} ON ${quote(schema)}.${quote(index.table)} ${index.definition}`,
    );
    created.push(index.name);
    strapi.log.info(`indexes: created ${index.name} in ${Date.now() - started} ms`);
  }
  return { skipped: false, created };
}
