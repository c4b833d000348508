/**
 * Prepares the bench database: Strapi's schema and the real registry (through the CMS's own
 * seed), then the synthetic corpus written straight into Strapi's tables with batched
 * `INSERT … SELECT FROM unnest(...)` — the Document Service would take hours for 100k documents.
 * Idempotent: a database that already holds the corpus is left as it is.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { loadDataset, resolveDataDir } from '@pbgdpl/data-import';
import { generateCorpus, type RegistrySite, type SyntheticDocument } from './synthetic-corpus.ts';

/** Written into `declaredStatusSource` of every synthetic row, so a half-written corpus can be removed. */
export const SYNTHETIC_MARK = 'synthetic corpus (scripts/bench)';
const BATCH = 5_000;

export interface PrepareOptions {
  databaseUrl: string;
  cmsDir: string;
  /** Secrets and quiet settings for the seed process. */
  cmsEnv: Record<string, string>;
  documents: number;
  relations: number;
  /** Characters of real full text per document (default: the abstract's first 600). */
  fullTextChars?: number;
  /** Regenerate unless the corpus has exactly these counts (default: at least them). */
  exact?: boolean;
  log: (line: string) => void;
}

/** Creates the database named in `databaseUrl` when it does not exist. */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  await withClient(url.toString(), async (db) => {
    const found = await db.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!found.rowCount) await db.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  });
}

export interface RegistryOptions {
  databaseUrl: string;
  cmsDir: string;
  /** Secrets and quiet settings for the seed process. */
  cmsEnv: Record<string, string>;
  log: (line: string) => void;
}

/**
 * Creates the database if needed and, unless it already holds the registry, runs the CMS's own
 * seed (`--subset full`): Strapi's schema, the real registry of 3,379 sites, the real documents.
 * @returns the number of sites in the database.
 */
export async function ensureRegistry(options: RegistryOptions): Promise<number> {
  const { log } = options;
  await ensureDatabase(options.databaseUrl);
  let sites = await countSites(options.databaseUrl);
  if (sites >= 3_000) return sites;
  log('Seeding the schema and the real registry (cms seed --subset full)…');
  const seed = spawnSync(process.execPath, [path.join('dist', 'scripts', 'seed.js'), '--subset', 'full'], {
    cwd: options.cmsDir,
    env: {
      ...process.env,
      ...options.cmsEnv,
      DATABASE_URL: options.databaseUrl,
      DATABASE_CLIENT: 'postgres',
    },
    encoding: 'utf8',
  });
  sites = await countSites(options.databaseUrl);
  if (seed.status !== 0) {
    // The registry is what the benches need; a document the seed refuses is reported, not fatal.
    const last = (seed.stdout + seed.stderr).trim().split('\n').slice(-1)[0];
    if (sites < 3_000) throw new Error(`The seed failed before the registry was in place: ${last}`);
    log(`  the seed stopped after the registry (${sites} sites): ${last}`);
  }
  return sites;
}

export async function prepareBenchDatabase(
  options: PrepareOptions,
): Promise<{ documents: number; relations: number }> {
  const { log } = options;
  await ensureRegistry(options);
  return withClient(options.databaseUrl, async (db) => {
    const counts = await corpusCounts(db);
    const enough = options.exact
      ? counts.documents === options.documents && counts.relations === options.relations
      : counts.documents >= options.documents && counts.relations >= options.relations;
    if (enough) {
      log(`Corpus already in place: ${counts.documents} synthetic documents, ${counts.relations} relations.`);
      return counts;
    }
    await removeSynthetic(db);
    const started = Date.now();
    const dataset = await loadDataset({
      dataDir: resolveDataDir(process.env, options.cmsDir),
      subset: 'full',
    });
    const sites = (await db.query<RegistrySite>('SELECT id, code, name, kind FROM sites')).rows;
    const organizationIds = (await db.query<{ id: number }>('SELECT id FROM organizations')).rows.map(
      (r) => r.id,
    );
    const fieldIds = (await db.query<{ id: number }>('SELECT id FROM legal_fields')).rows.map((r) => r.id);
    const corpus = generateCorpus({
      templates: dataset.documents,
      sites,
      organizationIds,
      fieldIds,
      documents: options.documents,
      relations: options.relations,
      fullTextChars: options.fullTextChars,
    });
    log(`Generated ${corpus.documents.length} documents, ${corpus.relations.length} relations; inserting…`);
    await db.query('BEGIN');
    for (let i = 0; i < corpus.documents.length; i += BATCH) {
      await insertDocuments(db, corpus.documents.slice(i, i + BATCH));
    }
    for (let i = 0; i < corpus.relations.length; i += BATCH) {
      await insertRelations(db, corpus.relations.slice(i, i + BATCH));
    }
    await db.query('COMMIT');
    await db.query('ANALYZE');
    log(`Inserted in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    return corpusCounts(db);
  });
}

async function countSites(databaseUrl: string): Promise<number> {
  return withClient(databaseUrl, async (db) => {
    const exists = await db.query("SELECT to_regclass('public.sites') AS t");
    if (!exists.rows[0].t) return 0;
    return Number((await db.query('SELECT count(*) AS n FROM sites')).rows[0].n);
  });
}

async function corpusCounts(db: pg.Client): Promise<{ documents: number; relations: number }> {
  const documents = await db.query(
    'SELECT count(DISTINCT document_id) AS n FROM legal_documents WHERE declared_status_source = $1',
    [SYNTHETIC_MARK],
  );
  const relations = await db.query('SELECT count(*) AS n FROM document_relations WHERE note = $1', [
    SYNTHETIC_MARK,
  ]);
  return { documents: Number(documents.rows[0].n), relations: Number(relations.rows[0].n) };
}

/** Link rows go with their documents (ON DELETE CASCADE). */
async function removeSynthetic(db: pg.Client): Promise<void> {
  await db.query('DELETE FROM legal_documents WHERE declared_status_source = $1', [SYNTHETIC_MARK]);
  await db.query('DELETE FROM document_relations WHERE note = $1', [SYNTHETIC_MARK]);
}

/**
 * Each document twice, as Strapi stores it: the draft row and the published row, locale vi.
 * `mark` goes into `declaredStatusSource`, so the rows can be found and removed again.
 */
export async function insertDocuments(
  db: pg.Client,
  docs: SyntheticDocument[],
  mark: string = SYNTHETIC_MARK,
): Promise<void> {
  const rows = docs.flatMap((d) => [
    { d, published: false },
    { d, published: true },
  ]);
  const col = <T>(f: (d: SyntheticDocument) => T) => rows.map((r) => f(r.d));
  const inserted = await db.query<{ id: number; document_id: string; published: boolean }>(
    `INSERT INTO legal_documents (document_id, number, document_type, title, abstract, full_text, issued_date,
       effective_from, scope, validity_status, validity_basis, declared_status_source, created_at, updated_at,
       published_at, locale)
     SELECT u.document_id, u.number, u.document_type, u.title, u.abstract, u.full_text, u.issued_date,
       u.effective_from, u.scope, u.validity_status, u.validity_basis, $11, now(), now(),
       CASE WHEN u.published THEN now() END, 'vi'
     FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::text[], $6::text[], $7::date[],
       $8::date[], $9::varchar[], $10::varchar[], $12::varchar[], $13::boolean[])
       AS u(document_id, number, document_type, title, abstract, full_text, issued_date, effective_from, scope,
            validity_status, validity_basis, published)
     RETURNING id, document_id, published_at IS NOT NULL AS published`,
    [
      col((d) => d.documentId),
      col((d) => d.number),
      col((d) => d.documentType),
      col((d) => d.title),
      col((d) => d.abstract),
      col((d) => d.fullText),
      col((d) => d.issuedDate),
      col((d) => d.effectiveFrom),
      col((d) => d.scope),
      col((d) => d.validityStatus),
      mark,
      col(() => 'dates_only'),
      rows.map((r) => r.published),
    ],
  );
  const byKey = new Map(docs.map((d) => [d.documentId, d]));
  const links = { owning: [[], []], scope: [[], []], issuers: [[], []], fields: [[], []] } as Record<
    string,
    [number[], number[]]
  >;
  for (const row of inserted.rows) {
    const d = byKey.get(row.document_id)!;
    const add = (pair: [number[], number[]], target: number) => {
      pair[0].push(row.id);
      pair[1].push(target);
    };
    add(links.owning!, d.owningSiteId);
    if (d.scopeSiteId !== null) add(links.scope!, d.scopeSiteId);
    for (const o of d.issuerIds) add(links.issuers!, o);
    for (const f of d.fieldIds) add(links.fields!, f);
  }
  const link = (table: string, target: string, pair: [number[], number[]], ord?: string) =>
    db.query(
      `INSERT INTO ${table} (legal_document_id, ${target}${ord ? `, ${ord}` : ''})
       SELECT a, b${ord ? ', 1' : ''} FROM unnest($1::int[], $2::int[]) AS u(a, b)`,
      pair,
    );
  await link('legal_documents_owning_site_lnk', 'site_id', links.owning!);
  await link('legal_documents_scope_site_lnk', 'site_id', links.scope!);
  await link('legal_documents_issuers_lnk', 'organization_id', links.issuers!, 'organization_ord');
  await link('legal_documents_fields_lnk', 'legal_field_id', links.fields!, 'legal_field_ord');
}

/** One row each: `document-relation` has no draft & publish and is not localized. */
async function insertRelations(db: pg.Client, relations: ReturnType<typeof generateCorpus>['relations']) {
  const col = <T>(f: (r: (typeof relations)[number]) => T) => relations.map(f);
  await db.query(
    `INSERT INTO document_relations (document_id, source_number, kind, target_number, target_title,
       source_document_id, target_document_id, partial, effective_date, note, created_at, updated_at, published_at)
     SELECT u.*, $10, now(), now(), now()
     FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[],
       $7::varchar[], $8::boolean[], $9::date[]) AS u`,
    [
      col((r) => r.documentId),
      col((r) => r.source.number),
      col((r) => r.kind),
      col((r) => r.target.number),
      col((r) => r.target.title.slice(0, 255)),
      col((r) => r.source.documentId),
      col((r) => r.target.documentId),
      col((r) => r.partial),
      col((r) => r.effectiveDate),
      SYNTHETIC_MARK,
    ],
  );
}

export async function withClient<T>(url: string, run: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    return await run(db);
  } finally {
    await db.end();
  }
}
