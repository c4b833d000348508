/**
 * What the routes answer, built from the stored snapshots: the ranked table, one site's detail,
 * the roll-ups, the trend and the exports (CSV with a BOM for Excel, and JSON). Scope is applied
 * by the caller through the viewer's site codes.
 */
import type { Core } from '@strapi/strapi';
import {
  COVERAGE_RULE_TEXT,
  KIND_GROUPS,
  KIND_GROUP_LABELS,
  REQUIREMENTS,
  REQUIREMENT_CODES,
  REQUIREMENT_STATE_LABELS,
  SECTION_CODES,
  SITE_KIND_LABELS,
  SITE_KINDS,
  addDays,
  kindGroupOf,
  rollUps,
  toCsv,
  type KindGroup,
  type RollUps,
  type SiteKind,
} from '@pbgdpl/domain';
import { REFUSALS, codesOf, type Viewer } from './access';
import { latestDay, readDay, readPeriod, readTrend, type SnapshotRow } from './snapshots';

type Db = Core.Strapi['db']['connection'];

export const REQUIREMENT_LIST = REQUIREMENT_CODES.map((code) => ({ code, label: REQUIREMENTS[code].label }));

export interface TableFilters {
  kind?: string;
  province?: string;
}

/** A row of the ranked table (the figures behind it, flattened). */
export interface TableRow {
  rank: number;
  siteCode: string;
  siteName: string;
  kind: SiteKind;
  kindLabel: string;
  provinceCode: string | null;
  score: number;
  met: number;
  total: number;
  states: SnapshotRow['states'];
  newlyEffectiveConcerning: number;
  newlyEffectiveShown: number;
  outdatedShare: number | null;
  qaMedianHours: number | null;
  /** Latest own item per section (ISO), null when none. */
  latestOwn: Record<string, string | null>;
}

/** @throws CoverageRefusal (400) on an unknown kind. */
export function checkFilters(filters: TableFilters): TableFilters {
  if (filters.kind && !(SITE_KINDS as readonly string[]).includes(filters.kind) && !(KIND_GROUPS as readonly string[]).includes(filters.kind))
    throw REFUSALS.badParameter('kind', `“${filters.kind}” không phải loại trang (${[...KIND_GROUPS, ...SITE_KINDS].join(', ')}).`);
  return filters;
}

function matches(row: SnapshotRow, filters: TableFilters): boolean {
  if (filters.kind && row.kind !== filters.kind && kindGroupOf(row.kind) !== (filters.kind as KindGroup)) return false;
  if (filters.province && row.provinceCode !== filters.province) return false;
  return true;
}

function tableRow(row: SnapshotRow, rank: number): TableRow {
  const figures = row.figures as {
    newlyEffective?: { concerning: number; shown: number };
    outdatedShare?: number | null;
    qaResponse?: { medianHours: number | null } | null;
    sections?: Record<string, { latestOwnAt: string | null }>;
  };
  return {
    rank,
    siteCode: row.siteCode,
    siteName: row.siteName,
    kind: row.kind,
    kindLabel: SITE_KIND_LABELS[row.kind]?.vi ?? row.kind,
    provinceCode: row.provinceCode,
    score: row.score,
    met: row.met,
    total: row.total,
    states: row.states,
    newlyEffectiveConcerning: figures.newlyEffective?.concerning ?? 0,
    newlyEffectiveShown: figures.newlyEffective?.shown ?? 0,
    outdatedShare: figures.outdatedShare ?? null,
    qaMedianHours: figures.qaResponse?.medianHours ?? null,
    latestOwn: Object.fromEntries(
      Object.entries(figures.sections ?? {}).map(([code, s]) => [code, s.latestOwnAt ?? null]),
    ),
  };
}

/** Highest score first, then most requirements met, then name (Vietnamese order). */
function ranked(rows: SnapshotRow[]): SnapshotRow[] {
  return [...rows].sort(
    (a, b) => b.score - a.score || b.met - a.met || a.siteName.localeCompare(b.siteName, 'vi') || a.siteCode.localeCompare(b.siteCode),
  );
}

export interface CoverageTable {
  day: string;
  computedAt: string | null;
  rule: readonly string[];
  requirements: typeof REQUIREMENT_LIST;
  stateLabels: typeof REQUIREMENT_STATE_LABELS;
  kindGroups: Array<{ key: string; label: string }>;
  provinces: Array<{ code: string; name: string }>;
  sites: TableRow[];
}

/** The latest day in the viewer's scope, ranked. @throws CoverageRefusal (404) before the first computation. */
export async function coverageTable(db: Db, viewer: Viewer, filters: TableFilters, day?: string): Promise<CoverageTable> {
  const chosen = day ?? (await latestDay(db));
  if (!chosen) throw REFUSALS.noFigures();
  const all = await readDay(db, chosen, codesOf(viewer), { figures: true });
  const provinces = all
    .filter((r) => r.kind === 'province')
    .map((r) => ({ code: r.siteCode, name: r.siteName }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  const rows = ranked(all.filter((r) => matches(r, filters)));
  return {
    day: chosen,
    computedAt: all[0]?.computedAt ?? null,
    rule: COVERAGE_RULE_TEXT,
    requirements: REQUIREMENT_LIST,
    stateLabels: REQUIREMENT_STATE_LABELS,
    kindGroups: KIND_GROUPS.map((key) => ({ key, label: KIND_GROUP_LABELS[key] })),
    provinces,
    sites: rows.map((row, i) => tableRow(row, i + 1)),
  };
}

const CSV_HEADER = [
  'Hạng',
  'Mã trang',
  'Tên trang',
  'Loại trang',
  'Tỉnh, thành phố',
  'Điểm',
  'Số yêu cầu đạt',
  'Tổng số yêu cầu',
  ...REQUIREMENT_CODES.map((c) => `${c} ${REQUIREMENTS[c].label}`),
  'Văn bản mới có hiệu lực liên quan',
  'Văn bản mới có hiệu lực đang hiển thị',
  'Tỉ lệ bài có thể lỗi thời',
  'Thời gian trả lời hỏi đáp, trung vị (giờ)',
  ...SECTION_CODES.map((c) => `Bài mới nhất của đơn vị ${c}`),
  'Ngày số liệu',
];

export function tableCsv(table: CoverageTable): string {
  return toCsv(
    CSV_HEADER,
    table.sites.map((s) => [
      s.rank,
      s.siteCode,
      s.siteName,
      s.kindLabel,
      s.provinceCode,
      s.score,
      s.met,
      s.total,
      ...REQUIREMENT_CODES.map((c) => REQUIREMENT_STATE_LABELS[s.states[c]] ?? s.states[c]),
      s.newlyEffectiveConcerning,
      s.newlyEffectiveShown,
      s.outdatedShare,
      s.qaMedianHours,
      ...SECTION_CODES.map((c) => s.latestOwn[c]?.slice(0, 10) ?? null),
      table.day,
    ]),
  );
}

/** One site's full figures. @throws CoverageRefusal 404/403. */
export async function siteDetail(db: Db, viewer: Viewer, code: string, siteName: string | null) {
  if (siteName === null) throw REFUSALS.unknownSite(code);
  if (!viewer.all && !viewer.siteCodes.includes(code)) throw REFUSALS.site(siteName);
  const day = await latestDay(db);
  if (!day) throw REFUSALS.noFigures();
  const [row] = await readDay(db, day, [code], { figures: true });
  if (!row) throw REFUSALS.noFigures();
  return { day, site: { code: row.siteCode, name: row.siteName, kind: row.kind }, score: row.score, met: row.met, total: row.total, states: row.states, ...row.figures, computedAt: row.computedAt };
}

export async function coverageRollUps(db: Db, viewer: Viewer): Promise<{ day: string } & RollUps> {
  const day = await latestDay(db);
  if (!day) throw REFUSALS.noFigures();
  const rows = await readDay(db, day, codesOf(viewer));
  const names = new Map(rows.filter((r) => r.kind === 'province').map((r) => [r.siteCode, r.siteName]));
  return { day, ...rollUps(rows, names) };
}

export interface TrendSeries {
  key: string;
  label: string;
  points: Array<{ day: string; sites: number; meanScore: number | null; fullyMet: number }>;
}

/** Mean score and sites meeting everything per day, for the viewer's sites and per kind group. */
export async function coverageTrend(db: Db, viewer: Viewer, days: number, today: string): Promise<{ from: string; to: string; series: TrendSeries[] }> {
  const from = addDays(today, -(days - 1));
  const points = await readTrend(db, from, today, codesOf(viewer));
  const dayList = [...new Set(points.map((p) => p.day))].sort();
  const series = (key: string, label: string, include: (kind: SiteKind) => boolean): TrendSeries => ({
    key,
    label,
    points: dayList.map((day) => {
      const ofDay = points.filter((p) => p.day === day && include(p.kind));
      const sites = ofDay.reduce((n, p) => n + p.sites, 0);
      const sum = ofDay.reduce((n, p) => n + p.scoreSum, 0);
      return { day, sites, meanScore: sites === 0 ? null : Math.round((10 * sum) / sites) / 10, fullyMet: ofDay.reduce((n, p) => n + p.fullyMet, 0) };
    }),
  });
  const groups = KIND_GROUPS.filter((g) => points.some((p) => kindGroupOf(p.kind) === g));
  return {
    from,
    to: today,
    series: [
      series('all', viewer.all ? 'Toàn quốc' : 'Các trang được xem', () => true),
      ...groups.map((g) => series(g, KIND_GROUP_LABELS[g], (kind) => kindGroupOf(kind) === g)),
    ],
  };
}

/** Snapshot rows of a period for export. @throws CoverageRefusal (400) on a bad period. */
export async function snapshotExport(db: Db, viewer: Viewer, from: string, to: string) {
  const rows = await readPeriod(db, from, to, codesOf(viewer));
  return rows;
}

export function snapshotsCsv(rows: readonly SnapshotRow[]): string {
  return toCsv(
    ['Ngày', 'Mã trang', 'Tên trang', 'Loại trang', 'Tỉnh, thành phố', 'Điểm', 'Số yêu cầu đạt', 'Tổng số yêu cầu', ...REQUIREMENT_CODES],
    rows.map((r) => [r.day, r.siteCode, r.siteName, SITE_KIND_LABELS[r.kind]?.vi ?? r.kind, r.provinceCode, r.score, r.met, r.total, ...REQUIREMENT_CODES.map((c) => r.states[c])]),
  );
}
