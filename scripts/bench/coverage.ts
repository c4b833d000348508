/**
 * `pnpm bench:coverage [--database-url URL] [--runs 3] [--documents 100000]`
 * The national oversight's nightly computation (issue 8) on the whole registry: the bench
 * database of `bench:cms` (Strapi's schema, the real registry of 3,379 sites through the CMS seed,
 * the synthetic legal corpus), plus editorial content for every site written straight into
 * Strapi's tables (published items of every section with the audiences the federation uses,
 * opt-outs, items flagged "may be outdated", citizens' questions with response times) and the
 * sync engine's release records. Then runs `coverage:compute` (the compiled CLI) `--runs` times
 * and prints the computation time (boot excluded) and, last, one JSON line.
 * Needs the CMS built (`pnpm --filter @pbgdpl/cms build`) and a PostgreSQL server.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { testCmsEnv } from '@pbgdpl/test-support';
import { prepareBenchDatabase } from './bench-database.ts';
import { seededRandom } from './synthetic-corpus.ts';
import {
  SECTION_TABLES,
  insertEditorialRows,
  type EditorialTable,
  type ExtraColumn,
} from './editorial-rows.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CMS_DIR = path.join(ROOT, 'cms');
/** Slug prefix of every synthetic editorial row, so a re-run can find and replace them. */
const MARK = 'bench-cov-';

const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    'database-url': {
      type: 'string',
      default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:55432/pbgdpl_bench_coverage',
    },
    runs: { type: 'string', default: '3' },
    documents: { type: 'string', default: '100000' },
    relations: { type: 'string', default: '20000' },
  },
});
const databaseUrl = args['database-url']!;

type TypeTable = EditorialTable;

const TYPES = SECTION_TABLES;

/** Items per site and type by kind (mean; each site draws 0…2× it), so coverage varies. */
const PER_SITE: Record<string, Record<string, number>> = {
  national: {
    introduction: 300,
    qa: 400,
    dialogue: 40,
    material: 200,
    video: 120,
    'legal-situation': 150,
    book: 200,
    guidance: 150,
  },
  central: {
    introduction: 30,
    qa: 60,
    dialogue: 4,
    material: 20,
    video: 8,
    'legal-situation': 10,
    book: 10,
    guidance: 15,
  },
  province: {
    introduction: 40,
    qa: 120,
    dialogue: 6,
    material: 30,
    video: 10,
    'legal-situation': 15,
    book: 15,
    guidance: 25,
  },
  commune: {
    introduction: 3,
    qa: 6,
    dialogue: 0.4,
    material: 2,
    video: 0.5,
    'legal-situation': 1,
    book: 0.6,
    guidance: 2,
  },
};

interface Site {
  id: number;
  kind: string;
  parent: number | null;
}

interface Item {
  type: TypeTable;
  owner: number;
  audience: string;
  kinds: string[] | null;
  provinces: number[];
  fields: number[];
  outdated: boolean;
  publishedAt: Date;
  qa?: { receivedAt: Date; respondedAt: Date | null };
}

function generate(sites: Site[], fieldIds: number[], now: Date): Item[] {
  const random = seededRandom(2026_11_29);
  const provinces = sites.filter((s) => s.kind === 'province').map((s) => s.id);
  const items: Item[] = [];
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  for (const site of sites) {
    const group =
      site.kind === 'national' || site.kind === 'province' || site.kind === 'commune' ? site.kind : 'central';
    // A quarter of communes and a tenth of the others have done nothing yet.
    if (random() < (group === 'commune' ? 0.25 : group === 'national' ? 0 : 0.1)) continue;
    for (const type of TYPES) {
      const mean = PER_SITE[group]![type.type]!;
      const count = Math.floor(mean * 2 * random() + random());
      for (let i = 0; i < count; i += 1) {
        // Published within the last two years, a few long ago (stale sections).
        const ageDays = random() < 0.8 ? random() * 200 : 200 + random() * 900;
        const publishedAt = new Date(now.getTime() - ageDays * 86_400_000);
        let audience = 'own_site';
        let kinds: string[] | null = null;
        let itemProvinces: number[] = [];
        if (group === 'national') {
          const r = random();
          if (r < 0.6) audience = 'all_sites';
          else if (r < 0.8) {
            audience = 'filtered';
            kinds = [pick(['commune', 'province', 'ministry'])];
            if (random() < 0.5) itemProvinces = [pick(provinces)];
          }
        } else if (group === 'province' && random() < 0.5) audience = 'own_and_descendants';
        const receivedAt = new Date(publishedAt.getTime() - (1 + random() * 20) * 86_400_000);
        items.push({
          type,
          owner: site.id,
          audience,
          kinds,
          provinces: itemProvinces,
          fields: fieldIds.length > 0 && random() < 0.9 ? [pick(fieldIds)] : [],
          outdated: type.citing && random() < 0.08,
          publishedAt,
          qa:
            type.type === 'qa'
              ? {
                  receivedAt,
                  respondedAt:
                    random() < 0.9 ? new Date(receivedAt.getTime() + random() * 20 * 86_400_000) : null,
                }
              : undefined,
        });
      }
    }
  }
  return items;
}

async function insertItems(db: pg.Client, items: Item[]): Promise<void> {
  for (const type of TYPES) {
    const rows = items
      .filter((i) => i.type === type)
      .map((item, n) => ({
        ...item,
        documentId: `${MARK}${type.type}-${n}`,
        slug: `${MARK}${type.type}-${n}`,
        title: `Bài thử nghiệm ${type.type} ${n}`,
        audienceSiteKinds: item.kinds,
        audienceProvinces: item.provinces,
      }));
    if (rows.length === 0) continue;
    type Row = (typeof rows)[number];
    const extra: Array<ExtraColumn<Row>> = [];
    if (type.citing) extra.push({ name: 'may_be_outdated', type: 'boolean', value: (r) => r.outdated });
    if (type.type === 'qa')
      extra.push(
        { name: 'tracking_code', type: 'varchar', value: (r, published) => (published ? null : r.slug) },
        { name: 'received_at', type: 'timestamp', value: (r) => r.qa?.receivedAt ?? null },
        { name: 'responded_at', type: 'timestamp', value: (r) => r.qa?.respondedAt ?? null },
        { name: 'handling_status', type: 'varchar', value: () => 'published' },
        { name: 'question', type: 'text', value: (r) => r.title },
      );
    await insertEditorialRows(db, type, rows, extra);
  }
}

async function prepareContent(now: Date): Promise<{ items: number; sites: number }> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const existing = Number(
      (await db.query(`SELECT count(*) AS n FROM introductions WHERE slug LIKE $1`, [`${MARK}%`])).rows[0].n,
    );
    const sites = (
      await db.query<Site>(
        'SELECT s.id, s.kind, l.inv_site_id AS parent FROM sites s LEFT JOIN sites_parent_lnk l ON l.site_id = s.id WHERE s.enabled IS TRUE',
      )
    ).rows;
    if (existing > 0) {
      const items = Number(
        (
          await db.query(
            TYPES.map(
              (t) => `SELECT count(*) AS n FROM ${t.table} WHERE slug LIKE $1 AND published_at IS NOT NULL`,
            ).join(' UNION ALL '),
            [`${MARK}%`],
          )
        ).rows.reduce((n, r) => n + Number(r.n), 0),
      );
      console.log(`Editorial content already in place: ${items} published items.`);
      return { items, sites: sites.length };
    }
    const started = Date.now();
    const fieldIds = (await db.query<{ id: number }>('SELECT id FROM legal_fields')).rows.map((r) => r.id);
    const items = generate(sites, fieldIds, now);
    await insertItems(db, items);
    // Ten sites opt out of a few fields (their everywhere items are expanded and filtered).
    const optOuts = sites.filter((s) => s.kind === 'province').slice(0, 10);
    for (const site of optOuts)
      await db.query(
        'INSERT INTO sites_opted_out_fields_lnk (site_id, legal_field_id) SELECT $1, id FROM legal_fields ORDER BY id LIMIT 5',
        [site.id],
      );
    // The sync engine's release records: 90 % of sites built recently, the rest never.
    await db.query(`CREATE TABLE IF NOT EXISTS pbgdpl_sync_sites (
      site varchar(80) PRIMARY KEY, live_release varchar(80), built_version bigint, built_at timestamptz,
      duration_ms integer, pages integer, requested_version bigint, requested_at timestamptz,
      last_error text, last_error_at timestamptz)`);
    await db.query(
      `INSERT INTO pbgdpl_sync_sites (site, built_version, built_at)
       SELECT code, CASE WHEN random() < 0.9 THEN 1000000 END, now() FROM sites ON CONFLICT (site) DO NOTHING`,
    );
    console.log(
      `Wrote ${items.length} published items (and their drafts) for ${sites.length} sites in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
    return { items: items.length, sites: sites.length };
  } finally {
    await db.end();
  }
}

async function main() {
  const env = {
    ...testCmsEnv(),
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    DATABASE_CLIENT: 'postgres',
  };
  const corpus = await prepareBenchDatabase({
    databaseUrl,
    cmsDir: CMS_DIR,
    cmsEnv: env,
    documents: Number(args.documents),
    relations: Number(args.relations),
    log: (line) => console.log(line),
  });
  const content = await prepareContent(new Date());
  const runs: Array<{ durationMs: number; bootMs: number; sites: number; day: string }> = [];
  for (let i = 0; i < Number(args.runs); i += 1) {
    const run = spawnSync(process.execPath, [path.join('dist', 'scripts', 'coverage-compute.js'), '--json'], {
      cwd: CMS_DIR,
      env: { ...process.env, ...env, LOG_LEVEL: 'error' },
      encoding: 'utf8',
    });
    const line = run.stdout.trim().split('\n').pop() ?? '';
    if (run.status !== 0 || !line.startsWith('{'))
      throw new Error(
        `coverage:compute failed: ${(run.stderr || run.stdout).trim().split('\n').slice(-3).join(' | ')}`,
      );
    const figures = JSON.parse(line) as (typeof runs)[number];
    runs.push(figures);
    console.log(
      `run ${i + 1}: ${figures.sites} sites computed in ${(figures.durationMs / 1000).toFixed(2)} s (CMS boot ${(figures.bootMs / 1000).toFixed(1)} s)`,
    );
  }
  const times = runs.map((r) => r.durationMs).sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(
    `\nNightly coverage computation: ${runs[0]?.sites} sites, median ${(median / 1000).toFixed(2)} s over ${runs.length} runs (goal ≤ 60 s).`,
  );
  console.log(JSON.stringify({ bench: 'coverage', corpus, content, runs, medianMs: median }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
