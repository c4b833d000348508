/**
 * Roll-ups of the per-site coverage for the national oversight view: the whole country, each
 * group of site kinds (national portal; ministries, agencies and mass organisations; provinces;
 * communes) and each province's communes. Pure: input is one row per site (the latest snapshot),
 * and every group's figures add up to the national ones.
 */
import type { SiteKind } from '../site-kind.js';
import type { RequirementState } from './coverage.js';
import { REQUIREMENT_CODES, type RequirementCode } from './requirements.js';

export interface CoverageRow {
  siteCode: string;
  siteName: string;
  kind: SiteKind;
  /** The province a commune belongs to (its code); a province's own code; null otherwise. */
  provinceCode: string | null;
  score: number;
  met: number;
  total: number;
  states: Readonly<Record<RequirementCode, RequirementState>>;
}

export const KIND_GROUPS = ['national', 'central', 'province', 'commune'] as const;
export type KindGroup = (typeof KIND_GROUPS)[number];

export const KIND_GROUP_LABELS: Readonly<Record<KindGroup, string>> = {
  national: 'Cổng PBGDPL quốc gia',
  central: 'Bộ, cơ quan ngang bộ, cơ quan trung ương, đoàn thể',
  province: 'Tỉnh, thành phố trực thuộc trung ương',
  commune: 'Xã, phường, đặc khu',
};

export function kindGroupOf(kind: SiteKind): KindGroup {
  if (kind === 'national' || kind === 'province' || kind === 'commune') return kind;
  return 'central';
}

/** Score bands for the distribution chart, lowest first. */
export const SCORE_BANDS = [
  { from: 0, to: 19, label: '0–19' },
  { from: 20, to: 39, label: '20–39' },
  { from: 40, to: 59, label: '40–59' },
  { from: 60, to: 79, label: '60–79' },
  { from: 80, to: 100, label: '80–100' },
] as const;

export interface RollUp {
  key: string;
  label: string;
  sites: number;
  /** Mean score, one decimal; null for an empty group. */
  meanScore: number | null;
  /** Sites meeting every requirement. */
  fullyMet: number;
  /** Per requirement, how many sites meet it. */
  metByRequirement: Record<RequirementCode, number>;
  /** Sites per score band (SCORE_BANDS order). */
  scoreBands: number[];
  /** Sum of the scores (so groups can be added up exactly). */
  scoreSum: number;
}

/** One group's figures. */
export function rollUp(key: string, label: string, rows: readonly CoverageRow[]): RollUp {
  const metByRequirement = Object.fromEntries(REQUIREMENT_CODES.map((c) => [c, 0])) as Record<
    RequirementCode,
    number
  >;
  const scoreBands = SCORE_BANDS.map(() => 0);
  let scoreSum = 0;
  let fullyMet = 0;
  for (const row of rows) {
    scoreSum += row.score;
    if (row.met === row.total) fullyMet += 1;
    for (const code of REQUIREMENT_CODES) if (row.states[code] === 'met') metByRequirement[code] += 1;
    const band = SCORE_BANDS.findIndex((b) => row.score >= b.from && row.score <= b.to);
    scoreBands[band === -1 ? 0 : band]! += 1;
  }
  return {
    key,
    label,
    sites: rows.length,
    meanScore: rows.length === 0 ? null : Math.round((10 * scoreSum) / rows.length) / 10,
    fullyMet,
    metByRequirement,
    scoreBands,
    scoreSum,
  };
}

export interface RollUps {
  national: RollUp;
  byKind: RollUp[];
  /** Each province's communes, by province code. */
  byProvince: RollUp[];
}

/**
 * The country, each kind group (in KIND_GROUPS order, empty groups left out) and each province's
 * communes (sorted by province name). `provinceNames` gives a province's name by code.
 */
export function rollUps(rows: readonly CoverageRow[], provinceNames: ReadonlyMap<string, string>): RollUps {
  const byKind = KIND_GROUPS.map((group) =>
    rollUp(
      group,
      KIND_GROUP_LABELS[group],
      rows.filter((r) => kindGroupOf(r.kind) === group),
    ),
  ).filter((r) => r.sites > 0);
  const communesByProvince = new Map<string, CoverageRow[]>();
  for (const row of rows) {
    if (row.kind !== 'commune' || !row.provinceCode) continue;
    const list = communesByProvince.get(row.provinceCode) ?? [];
    list.push(row);
    communesByProvince.set(row.provinceCode, list);
  }
  const byProvince = [...communesByProvince.entries()]
    .map(([code, list]) => rollUp(code, provinceNames.get(code) ?? code, list))
    .sort((a, b) => a.label.localeCompare(b.label, 'vi'));
  return { national: rollUp('national', 'Toàn quốc', rows), byKind, byProvince };
}
