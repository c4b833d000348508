/**
 * The benchmark federation's database (issue 6, "Performance goals"): the real registry of 3,379
 * sites and the real documents through the CMS's own seed (`ensureRegistry`, as bench:cms does),
 * then content for every site written straight into Strapi's tables (the Document Service would
 * take hours), deterministic and idempotent:
 *
 * - national: the real national documents of the seed, topped up to `national` (default 200)
 *   with synthetic national documents whose title, abstract and full text are a real document's;
 *   every site lists them;
 * - per province `province` (300), per central unit `central` (200), per commune `commune` (20)
 *   items owned by the site, published, for that site only: half local legal documents (scope
 *   local, the site's territory; titles and abstracts from real documents, the full text a real
 *   text's beginning — `synthetic-corpus.ts`), half editorial items of the sections
 *   (introductions quoting a real text, guidance and news presenting a real document by its
 *   title and abstract, audience `own_site`) — central units have no local documents, so only
 *   items.
 *
 * Numbers, dates and owners are synthetic; no legal text is written that a real document does not
 * contain. Rows carry FEDERATION_MARK (documents) or the slug prefix `bench-fed-` (items).
 */
import type pg from 'pg';
import { loadDataset, resolveDataDir, type DocumentRecord } from '@pbgdpl/data-import';
import { ensureRegistry, insertDocuments, withClient } from './bench-database.ts';
import {
  editorialTable,
  insertEditorialRows,
  type EditorialRow,
  type ExtraColumn,
} from './editorial-rows.ts';
import { kindGroup, type KindGroup } from './federation-sample.ts';
import {
  seededRandom,
  syntheticDocument,
  syntheticIds,
  type RegistrySite,
  type SyntheticDocument,
} from './synthetic-corpus.ts';

export const FEDERATION_MARK = 'benchmark federation (scripts/bench)';
export const ITEM_SLUG_PREFIX = 'bench-fed-';
/** The editorial types the federation's items rotate through. */
export const ITEM_TYPES = ['introduction', 'guidance', 'news-item'] as const;
/** Characters of a real full text kept as a synthetic local document's text. */
const LOCAL_TEXT_CHARS = 2_000;
const DOCUMENT_BATCH = 5_000;

export interface FederationShape {
  national: number;
  province: number;
  central: number;
  commune: number;
}

export const DEFAULT_SHAPE: FederationShape = { national: 200, province: 300, central: 200, commune: 20 };

export interface FederationCounts {
  sites: Record<KindGroup, number>;
  /** National documents published (vi): the seed's real ones and the synthetic top-up. */
  nationalReal: number;
  nationalSynthetic: number;
  localDocuments: number;
  items: Record<string, number>;
}

export interface SeedOptions {
  databaseUrl: string;
  cmsDir: string;
  cmsEnv: Record<string, string>;
  shape: FederationShape;
  log: (line: string) => void;
}

interface Site extends RegistrySite {
  group: KindGroup;
}

/** Local documents and items a site owns, by its group. */
export function perSite(shape: FederationShape, group: KindGroup): { documents: number; items: number } {
  const total = group === 'national' ? 0 : shape[group];
  const documents = group === 'province' || group === 'commune' ? Math.floor(total / 2) : 0;
  return { documents, items: total - documents };
}

/** The beginning of a text, cut at a line end before `chars`. */
export function textBeginning(text: string, chars: number): string {
  if (text.length <= chars) return text;
  const cut = text.lastIndexOf('\n', chars);
  return text.slice(0, cut > chars / 2 ? cut : chars).trimEnd();
}

/**
 * Seeds the federation unless it is already in place with this shape (then counts it).
 * @returns what the database holds.
 */
export async function seedFederation(
  options: SeedOptions,
): Promise<{ counts: FederationCounts; seeded: boolean }> {
  const { log } = options;
  await ensureRegistry(options);
  return withClient(options.databaseUrl, async (db) => {
    const sites = (
      await db.query<RegistrySite>(
        'SELECT id, code, name, kind FROM sites WHERE enabled IS NOT FALSE ORDER BY code',
      )
    ).rows.map((s) => ({ ...s, group: kindGroup(s.kind) }));
    const expected = expectedCounts(sites, options.shape);
    const found = await currentCounts(db);
    const nationalReal = await realNationalCount(db);
    const wantedTopUp = Math.max(0, options.shape.national - nationalReal);
    if (
      found.localDocuments === expected.localDocuments &&
      found.nationalSynthetic === wantedTopUp &&
      ITEM_TYPES.every((t) => (found.items[t] ?? 0) === (expected.items[t] ?? 0))
    ) {
      log('Federation content already in place.');
      return { counts: { ...found, nationalReal, sites: countGroups(sites) }, seeded: false };
    }
    log('Writing the federation content (straight into Strapi tables)…');
    const dataset = await loadDataset({
      dataDir: resolveDataDir(process.env, options.cmsDir),
      subset: 'full',
    });
    const fieldIds = (await db.query<{ id: number }>('SELECT id FROM legal_fields ORDER BY id')).rows.map(
      (r) => r.id,
    );
    const organizationIds = (
      await db.query<{ id: number }>('SELECT id FROM organizations ORDER BY id')
    ).rows.map((r) => r.id);
    await db.query('BEGIN');
    try {
      await removeFederation(db);
      const random = seededRandom(2026_11_29);
      const documentId = syntheticIds(random);
      const ordinals = new Map<string, number>();
      const common = { random, ordinals, documentId, organizationIds, fieldIds };

      // National top-up: real national documents (texts whole) under synthetic numbers, those the
      // seed did not store first.
      const stored = new Set(
        (
          await db.query<{ number: string }>("SELECT number FROM legal_documents WHERE scope = 'national'")
        ).rows.map((r) => r.number),
      );
      const nationalTemplates = dataset.documents
        .filter((d) => d.scope === 'national' && d.fullText.length > 0)
        .sort((a, b) => Number(stored.has(a.number)) - Number(stored.has(b.number)));
      const portal = sites.find((s) => s.group === 'national');
      if (!portal) throw new Error('The registry has no national portal.');
      const documents: SyntheticDocument[] = [];
      for (let i = 0; i < wantedTopUp; i += 1) {
        const template = nationalTemplates[i % nationalTemplates.length]!;
        documents.push(
          syntheticDocument({
            ...common,
            template,
            level: 'national',
            owner: portal,
            fullText: template.fullText,
          }),
        );
      }
      // Local documents and items, site by site.
      const items = new Map<string, Array<EditorialRow & { extra: ItemExtra }>>(
        ITEM_TYPES.map((t) => [t, []]),
      );
      const templates = dataset.documents.filter((d) => d.fullText.length > 0);
      let t = 0;
      const now = Date.now();
      for (const site of sites) {
        const own = perSite(options.shape, site.group);
        for (let i = 0; i < own.documents; i += 1) {
          const template = templates[t++ % templates.length]!;
          documents.push(
            syntheticDocument({
              ...common,
              template,
              level: site.group === 'province' ? 'province' : 'commune',
              owner: site,
              fullText: textBeginning(template.fullText, LOCAL_TEXT_CHARS),
            }),
          );
        }
        for (let i = 0; i < own.items; i += 1) {
          const type = ITEM_TYPES[i % ITEM_TYPES.length]!;
          const template = templates[t++ % templates.length]!;
          const publishedAt = new Date(now - Math.floor(random() * 400) * 86_400_000);
          items.get(type)!.push(item(type, template, site, i, publishedAt, documentId(), fieldIds, random));
        }
      }
      for (let i = 0; i < documents.length; i += DOCUMENT_BATCH)
        await insertDocuments(db, documents.slice(i, i + DOCUMENT_BATCH), FEDERATION_MARK);
      for (const type of ITEM_TYPES) await insertItems(db, type, items.get(type)!);
      await db.query('COMMIT');
    } catch (error) {
      await db.query('ROLLBACK');
      throw error;
    }
    await db.query('ANALYZE');
    const counts = await currentCounts(db);
    return { counts: { ...counts, nationalReal, sites: countGroups(sites) }, seeded: true };
  });
}

function countGroups(sites: readonly Site[]): Record<KindGroup, number> {
  const counts: Record<KindGroup, number> = { national: 0, province: 0, central: 0, commune: 0 };
  for (const s of sites) counts[s.group] += 1;
  return counts;
}

function expectedCounts(sites: readonly Site[], shape: FederationShape) {
  let localDocuments = 0;
  const items: Record<string, number> = Object.fromEntries(ITEM_TYPES.map((t) => [t, 0]));
  for (const site of sites) {
    const own = perSite(shape, site.group);
    localDocuments += own.documents;
    for (let i = 0; i < own.items; i += 1) {
      const type = ITEM_TYPES[i % ITEM_TYPES.length]!;
      items[type] = (items[type] ?? 0) + 1;
    }
  }
  return { localDocuments, items };
}

async function currentCounts(db: pg.Client): Promise<Omit<FederationCounts, 'sites' | 'nationalReal'>> {
  const docs = await db.query<{ scope: string; n: string }>(
    `SELECT scope, count(*) AS n FROM legal_documents
     WHERE declared_status_source = $1 AND published_at IS NOT NULL AND locale = 'vi' GROUP BY scope`,
    [FEDERATION_MARK],
  );
  const byScope = new Map(docs.rows.map((r) => [r.scope, Number(r.n)]));
  const items: Record<string, number> = {};
  for (const type of ITEM_TYPES) {
    const { table } = editorialTable(type);
    items[type] = Number(
      (
        await db.query(`SELECT count(*) AS n FROM ${table} WHERE slug LIKE $1 AND published_at IS NOT NULL`, [
          `${ITEM_SLUG_PREFIX}%`,
        ])
      ).rows[0].n,
    );
  }
  return {
    nationalSynthetic: byScope.get('national') ?? 0,
    localDocuments: byScope.get('local') ?? 0,
    items,
  };
}

/** National documents published in vi that the federation did not write (the seed's real ones). */
async function realNationalCount(db: pg.Client): Promise<number> {
  const { rows } = await db.query(
    `SELECT count(*) AS n FROM legal_documents
     WHERE scope = 'national' AND locale = 'vi' AND published_at IS NOT NULL
       AND declared_status_source IS DISTINCT FROM $1 AND declared_status_source IS DISTINCT FROM $2`,
    [FEDERATION_MARK, 'synthetic corpus (scripts/bench)'],
  );
  return Number(rows[0].n);
}

/** Link rows go with their rows (ON DELETE CASCADE). */
async function removeFederation(db: pg.Client): Promise<void> {
  await db.query('DELETE FROM legal_documents WHERE declared_status_source = $1', [FEDERATION_MARK]);
  for (const type of ITEM_TYPES)
    await db.query(`DELETE FROM ${editorialTable(type).table} WHERE slug LIKE $1`, [`${ITEM_SLUG_PREFIX}%`]);
}

type Blocks = Array<Record<string, unknown>>;
interface ItemExtra {
  summary: string;
  body: Blocks;
  kindValue: string | null;
  eventDate: string | null;
}

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
const quote = (text: string) => ({ type: 'quote', children: [{ type: 'text', text }] });

/**
 * One editorial item presenting a real document: an introduction quotes the beginning of its
 * text word for word; guidance (the document itself) and news give its title and abstract.
 */
function item(
  type: (typeof ITEM_TYPES)[number],
  template: DocumentRecord,
  site: Site,
  n: number,
  publishedAt: Date,
  documentId: string,
  fieldIds: readonly number[],
  random: () => number,
): EditorialRow & { extra: ItemExtra } {
  const title =
    type === 'introduction'
      ? `Giới thiệu ${template.title} số ${template.number}`
      : type === 'guidance'
        ? `${template.title} số ${template.number}`
        : `Phổ biến ${template.title} số ${template.number}`;
  const summary = template.abstract.slice(0, 1000);
  const body: Blocks =
    type === 'introduction'
      ? [
          paragraph(summary),
          ...textBeginning(template.fullText, 1_500)
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean)
            .map(quote),
        ]
      : [paragraph(summary)];
  return {
    documentId,
    slug: `${ITEM_SLUG_PREFIX}${type}-${site.code}-${n}`,
    title: title.slice(0, 255),
    audience: 'own_site',
    audienceSiteKinds: null,
    publishedAt,
    owner: site.id,
    audienceProvinces: [],
    fields: fieldIds.length ? [fieldIds[Math.floor(random() * fieldIds.length)]!] : [],
    extra: {
      summary,
      body,
      kindValue: type === 'introduction' ? 'new_document' : type === 'guidance' ? 'other' : null,
      eventDate: type === 'news-item' ? publishedAt.toISOString().slice(0, 10) : null,
    },
  };
}

async function insertItems(
  db: pg.Client,
  type: (typeof ITEM_TYPES)[number],
  rows: ReadonlyArray<EditorialRow & { extra: ItemExtra }>,
): Promise<void> {
  type Row = (typeof rows)[number];
  const extra: Array<ExtraColumn<Row>> = [
    { name: 'summary', type: 'text', value: (r: Row) => r.extra.summary },
    { name: 'body', type: 'jsonb', value: (r: Row) => JSON.stringify(r.extra.body) },
  ];
  if (type === 'introduction')
    extra.push({ name: 'introduction_type', type: 'varchar', value: (r) => r.extra.kindValue });
  if (type === 'guidance')
    extra.push({ name: 'guidance_type', type: 'varchar', value: (r) => r.extra.kindValue });
  if (type === 'news-item') extra.push({ name: 'event_date', type: 'date', value: (r) => r.extra.eventDate });
  await insertEditorialRows(db, editorialTable(type), rows, extra);
}
