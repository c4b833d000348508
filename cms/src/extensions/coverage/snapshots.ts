/**
 * Daily snapshots (`pbgdpl_coverage_snapshots`, created by the migration in cms/database/migrations):
 * one row per site and day. A day is written whole in one transaction (a re-run the same day
 * replaces it), and days older than the retention are pruned in the same transaction.
 */
import type { Core } from '@strapi/strapi';
import { addDays, type RequirementCode, type RequirementState, type SiteKind } from '@pbgdpl/domain';
import { isoOf } from './tables';

export const SNAPSHOTS_TABLE = 'pbgdpl_coverage_snapshots';
const INSERT_BATCH = 400;

type Db = Core.Strapi['db']['connection'];

export interface SnapshotRow {
  day: string;
  siteCode: string;
  siteName: string;
  kind: SiteKind;
  provinceCode: string | null;
  score: number;
  met: number;
  total: number;
  states: Record<RequirementCode, RequirementState>;
  /** Everything behind the score: requirements with notes, section counts, C-1, response time. */
  figures: Record<string, unknown>;
  computedAt: string;
}

export async function writeSnapshot(
  db: Db,
  day: string,
  rows: readonly SnapshotRow[],
  options: { keepDays: number },
): Promise<void> {
  await db.transaction(async (trx) => {
    await trx(SNAPSHOTS_TABLE).where({ day }).delete();
    for (let i = 0; i < rows.length; i += INSERT_BATCH) {
      await trx(SNAPSHOTS_TABLE).insert(
        rows.slice(i, i + INSERT_BATCH).map((r) => ({
          day: r.day,
          site_code: r.siteCode,
          site_name: r.siteName,
          kind: r.kind,
          province_code: r.provinceCode,
          score: r.score,
          met: r.met,
          total: r.total,
          states: JSON.stringify(r.states),
          figures: JSON.stringify(r.figures),
          computed_at: new Date(r.computedAt),
        })),
      );
    }
    await trx(SNAPSHOTS_TABLE).where('day', '<', addDays(day, -options.keepDays)).delete();
  });
}

export async function latestDay(db: Db): Promise<string | null> {
  const row = (await db(SNAPSHOTS_TABLE).max('day as day').first()) as { day: string | null } | undefined;
  return row?.day ?? null;
}

type Raw = Record<string, unknown>;

function fromRaw(row: Raw, withFigures: boolean): SnapshotRow {
  return {
    day: String(row.day),
    siteCode: String(row.site_code),
    siteName: String(row.site_name),
    kind: row.kind as SiteKind,
    provinceCode: (row.province_code as string | null) ?? null,
    score: Number(row.score),
    met: Number(row.met),
    total: Number(row.total),
    states: JSON.parse(String(row.states)) as SnapshotRow['states'],
    figures: withFigures ? (JSON.parse(String(row.figures)) as Record<string, unknown>) : {},
    computedAt: isoOf(row.computed_at) ?? '',
  };
}

/** The rows of one day, optionally for some sites only (null: every site). */
export async function readDay(
  db: Db,
  day: string,
  siteCodes: readonly string[] | null,
  options: { figures?: boolean } = {},
): Promise<SnapshotRow[]> {
  const query = db(SNAPSHOTS_TABLE).where({ day });
  if (siteCodes) query.whereIn('site_code', siteCodes as string[]);
  const columns = ['day', 'site_code', 'site_name', 'kind', 'province_code', 'score', 'met', 'total', 'states', 'computed_at'];
  if (options.figures) columns.push('figures');
  const rows = (await query.select(columns).orderBy('site_code')) as Raw[];
  return rows.map((r) => fromRaw(r, options.figures === true));
}

/** Rows of a period (inclusive), for the snapshot export. */
export async function readPeriod(
  db: Db,
  from: string,
  to: string,
  siteCodes: readonly string[] | null,
): Promise<SnapshotRow[]> {
  const query = db(SNAPSHOTS_TABLE).whereBetween('day', [from, to]);
  if (siteCodes) query.whereIn('site_code', siteCodes as string[]);
  const rows = (await query
    .select(['day', 'site_code', 'site_name', 'kind', 'province_code', 'score', 'met', 'total', 'states', 'computed_at'])
    .orderBy([{ column: 'day' }, { column: 'site_code' }])) as Raw[];
  return rows.map((r) => fromRaw(r, false));
}

export interface TrendPoint {
  day: string;
  kind: SiteKind;
  sites: number;
  scoreSum: number;
  fullyMet: number;
}

/** Per day and site kind: sites, sum of scores, sites meeting everything (one grouped query). */
export async function readTrend(
  db: Db,
  from: string,
  to: string,
  siteCodes: readonly string[] | null,
): Promise<TrendPoint[]> {
  const query = db(SNAPSHOTS_TABLE)
    .whereBetween('day', [from, to])
    .select('day', 'kind')
    .count({ sites: '*' })
    .sum({ score_sum: 'score' })
    .select(db.raw('SUM(CASE WHEN met = total THEN 1 ELSE 0 END) AS fully_met'))
    .groupBy('day', 'kind')
    .orderBy('day');
  if (siteCodes) query.whereIn('site_code', siteCodes as string[]);
  const rows = (await query) as Raw[];
  return rows.map((r) => ({
    day: String(r.day),
    kind: r.kind as SiteKind,
    sites: Number(r.sites),
    scoreSum: Number(r.score_sum),
    fullyMet: Number(r.fully_met),
  }));
}
