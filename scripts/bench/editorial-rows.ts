/**
 * Editorial items (the site sections' types) written straight into Strapi's tables, as the
 * benches need them by the tens of thousands: each item twice (the draft row and the published
 * row, locale vi, as Strapi stores a published entry), with its owning site, audience provinces
 * and fields in the link tables. One `INSERT … SELECT FROM unnest(…)` per table and batch.
 * Shared by `bench:coverage` and `bench:federation`.
 */
import type pg from 'pg';

/** An editorial type and where Strapi keeps it. */
export interface EditorialTable {
  type: string;
  table: string;
  /** The type's column in its link tables (`<table>_owning_site_lnk.<column>`). */
  column: string;
  /** Has citations (and so `may_be_outdated`). */
  citing: boolean;
}

/** The eight section types of the coverage computation (news is not a section). */
export const SECTION_TABLES: readonly EditorialTable[] = [
  { type: 'introduction', table: 'introductions', column: 'introduction_id', citing: true },
  { type: 'qa', table: 'qas', column: 'qa_id', citing: true },
  { type: 'dialogue', table: 'dialogues', column: 'dialogue_id', citing: true },
  { type: 'material', table: 'materials', column: 'material_id', citing: true },
  { type: 'video', table: 'videos', column: 'video_id', citing: true },
  { type: 'legal-situation', table: 'legal_situations', column: 'legal_situation_id', citing: true },
  { type: 'book', table: 'books', column: 'book_id', citing: false },
  { type: 'guidance', table: 'guidances', column: 'guidance_id', citing: false },
];

export const NEWS_TABLE: EditorialTable = {
  type: 'news-item',
  table: 'news_items',
  column: 'news_item_id',
  citing: false,
};

export function editorialTable(type: string): EditorialTable {
  const found = [...SECTION_TABLES, NEWS_TABLE].find((t) => t.type === type);
  if (!found) throw new Error(`Unknown editorial type "${type}"`);
  return found;
}

/** What every editorial row has. */
export interface EditorialRow {
  /** Strapi's documentId (shared by the draft and the published row). */
  documentId: string;
  slug: string;
  title: string;
  audience: string;
  /** `audienceSiteKinds` (json), or null. */
  audienceSiteKinds: string[] | null;
  /** Creation, update and publication time of both rows (the draft has no published_at). */
  publishedAt: Date;
  /** Owning site id. */
  owner: number;
  audienceProvinces: readonly number[];
  fields: readonly number[];
}

/** A further column of the type's table, its PostgreSQL type and its value for either row. */
export interface ExtraColumn<T> {
  name: string;
  /** Element type of the unnest array: 'text', 'varchar', 'boolean', 'jsonb', 'date', 'timestamp'… */
  type: string;
  value: (row: T, published: boolean) => unknown;
}

const BATCH = 5_000;

/**
 * Inserts `rows` of one type: draft and published row each, locale vi, `mandatory` false, plus
 * `extra` columns; then the link rows. Returns the number of items (not rows) written.
 */
export async function insertEditorialRows<T extends EditorialRow>(
  db: pg.Client,
  table: EditorialTable,
  rows: readonly T[],
  extra: ReadonlyArray<ExtraColumn<T>> = [],
): Promise<number> {
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const both = batch.flatMap((row) => [
      { row, published: false },
      { row, published: true },
    ]);
    const base = 8; // parameters $1…$8 below
    const extraSelect = extra.map((c) => `, u.${c.name}`).join('');
    const extraColumns = extra.map((c) => `, ${c.name}`).join('');
    const extraArrays = extra.map((c, i) => `, $${base + 1 + i}::${c.type}[]`).join('');
    const inserted = await db.query<{ id: number }>(
      `INSERT INTO ${table.table} (document_id, title, slug, audience, audience_site_kinds, mandatory${extraColumns},
         created_at, updated_at, published_at, locale)
       SELECT u.document_id, u.title, u.slug, u.audience, u.kinds::jsonb, false${extraSelect},
         u.published_at, u.published_at, CASE WHEN u.published THEN u.published_at END, 'vi'
       FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::text[], $6::timestamp[],
         $7::boolean[], $8::int[]${extraArrays})
         AS u(document_id, title, slug, audience, kinds, published_at, published, n${extraColumns})
       ORDER BY u.n
       RETURNING id`,
      [
        both.map((b) => b.row.documentId),
        both.map((b) => b.row.title),
        both.map((b) => b.row.slug),
        both.map((b) => b.row.audience),
        both.map((b) => (b.row.audienceSiteKinds ? JSON.stringify(b.row.audienceSiteKinds) : null)),
        both.map((b) => b.row.publishedAt),
        both.map((b) => b.published),
        both.map((_, i) => i),
        ...extra.map((c) => both.map((b) => c.value(b.row, b.published))),
      ],
    );
    const owner: [number[], number[]] = [[], []];
    const provinces: [number[], number[]] = [[], []];
    const fields: [number[], number[]] = [[], []];
    inserted.rows.forEach((insertedRow, index) => {
      const row = both[index]!.row;
      owner[0].push(insertedRow.id);
      owner[1].push(row.owner);
      for (const p of row.audienceProvinces) {
        provinces[0].push(insertedRow.id);
        provinces[1].push(p);
      }
      for (const f of row.fields) {
        fields[0].push(insertedRow.id);
        fields[1].push(f);
      }
    });
    const link = (suffix: string, target: string, pair: [number[], number[]]) =>
      db.query(
        `INSERT INTO ${table.table}_${suffix} (${table.column}, ${target}) SELECT a, b FROM unnest($1::int[], $2::int[]) AS u(a, b)`,
        pair,
      );
    await link('owning_site_lnk', 'site_id', owner);
    await link('audience_provinces_lnk', 'site_id', provinces);
    await link('fields_lnk', 'legal_field_id', fields);
  }
  return rows.length;
}
