/**
 * The coverage rule: how far one site carries the required content (requirements.ts), as a state
 * per requirement, a count of requirements met and a score out of 100. Pure: the CMS gathers the
 * facts with a few set-based queries (cms/src/extensions/coverage) and passes them here. The rule
 * is written for people in COVERAGE_RULE_TEXT (shown on the dashboard) and docs/coverage.md.
 */
import { DomainError } from '../errors.js';
import {
  REQUIREMENTS,
  REQUIREMENT_CODES,
  SECTION_CODES,
  type RequirementCode,
  type SectionCode,
} from './requirements.js';

/** What one section of a site holds (published items, one per document whatever the locales). */
export interface SectionFacts {
  /** Items the site owns. */
  own: number;
  /** Items the site shows: its own plus those syndicated to it by the federation's rules. */
  shown: number;
  /** When its latest own item was published (ISO date-time), or null. */
  latestOwnAt: string | null;
  /** When the latest item it shows was published, or null. */
  latestShownAt: string | null;
  /** Own items of citing types, and how many of them are flagged "may be outdated". */
  ownCiting: number;
  ownOutdated: number;
}

export interface NewlyEffectiveFacts {
  /** Newly effective national documents that concern the site (see docs/coverage.md). */
  concerning: number;
  /** How many of them the site's live release shows. */
  shown: number;
  /**
   * `sync`: counted from the sync engine's record of each site's live release; `template`: no
   * release record exists (no sync engine on this database), so the site template's listing rule
   * stands in — it lists every national document, so shown = concerning.
   */
  basis: 'sync' | 'template';
}

export interface SiteCoverageFacts {
  newlyEffective: NewlyEffectiveFacts;
  sections: Readonly<Record<SectionCode, SectionFacts>>;
}

export type RequirementState = 'met' | 'partial' | 'stale' | 'outdated' | 'inherited' | 'missing';

export const REQUIREMENT_STATE_LABELS: Readonly<Record<RequirementState, string>> = {
  met: 'Đạt',
  partial: 'Chưa đủ',
  stale: 'Lâu chưa cập nhật',
  outdated: 'Nhiều bài có thể đã lỗi thời',
  inherited: 'Chỉ có nội dung cấp trên',
  missing: 'Chưa có',
};

/** Points a state earns (C-1's `partial` earns the share shown instead). */
export const STATE_POINTS: Readonly<Record<Exclude<RequirementState, 'partial'>, number>> = {
  met: 1,
  stale: 0.5,
  outdated: 0.5,
  inherited: 0.5,
  missing: 0,
};

/** A section whose own citing items are at least this share flagged is "outdated". */
export const OUTDATED_SHARE_LIMIT = 0.5;

export interface RequirementResult {
  code: RequirementCode;
  label: string;
  state: RequirementState;
  stateLabel: string;
  met: boolean;
  /** 0…1. */
  points: number;
  /** Why, in Vietnamese, for the dashboard and the weekly digest. */
  note: string;
}

export interface SiteCoverage {
  requirements: RequirementResult[];
  met: number;
  total: number;
  /** 0…100, whole number: 100 × (sum of points) / number of requirements. */
  score: number;
  /** Own citing items flagged "may be outdated" over own citing items, 0…1; null without any. */
  outdatedShare: number | null;
}

/**
 * Applies the rule to one site's facts on `asOf` (the computation day, ISO date).
 *
 * C-1: met when every concerning newly effective national document is shown (or none concerns
 * the site); otherwise `partial` (some shown, points = share shown) or `missing` (none shown).
 * Every other requirement, checked in this order:
 * 1. `missing` — the site shows no published item in the section (0 points);
 * 2. `inherited` — it shows only items of the national portal or its province, none of its own (½);
 * 3. `stale` — its latest own item is older than the section's freshness window (½);
 * 4. `outdated` — at least half of its own items of a citing section are flagged "may be
 *    outdated" because a law they cite changed (½);
 * 5. `met` (1).
 * @throws {DomainError} when asOf is not a date or a count is negative.
 */
export function assessCoverage(facts: SiteCoverageFacts, asOf: string): SiteCoverage {
  const day = Date.parse(`${asOf.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(day)) throw new DomainError(`asOf must be an ISO date, got "${asOf}".`);
  const results: RequirementResult[] = [newlyEffectiveResult(facts.newlyEffective)];
  for (const code of SECTION_CODES) results.push(sectionResult(code, facts.sections[code], day));
  let ownCiting = 0;
  let ownOutdated = 0;
  for (const code of SECTION_CODES) {
    ownCiting += facts.sections[code].ownCiting;
    ownOutdated += facts.sections[code].ownOutdated;
  }
  const points = results.reduce((sum, r) => sum + r.points, 0);
  return {
    requirements: results,
    met: results.filter((r) => r.met).length,
    total: results.length,
    score: Math.round((100 * points) / results.length),
    outdatedShare: ownCiting === 0 ? null : round3(ownOutdated / ownCiting),
  };
}

function newlyEffectiveResult(facts: NewlyEffectiveFacts): RequirementResult {
  const { concerning, shown } = facts;
  if (concerning < 0 || shown < 0) throw new DomainError('Document counts cannot be negative.');
  const visible = Math.min(shown, concerning);
  const base = { code: 'C-1' as const, label: REQUIREMENTS['C-1'].label };
  if (concerning === 0 || visible === concerning) {
    const note =
      concerning === 0
        ? 'Không có văn bản mới có hiệu lực nào liên quan trong 90 ngày qua.'
        : `Trang hiển thị đủ ${concerning} văn bản mới có hiệu lực liên quan.`;
    return { ...base, state: 'met', stateLabel: REQUIREMENT_STATE_LABELS.met, met: true, points: 1, note };
  }
  const state: RequirementState = visible === 0 ? 'missing' : 'partial';
  return {
    ...base,
    state,
    stateLabel: REQUIREMENT_STATE_LABELS[state],
    met: false,
    points: round3(visible / concerning),
    note: `Trang mới hiển thị ${visible}/${concerning} văn bản mới có hiệu lực liên quan (bản đang chạy cũ hơn văn bản).`,
  };
}

function sectionResult(code: SectionCode, facts: SectionFacts, asOfDay: number): RequirementResult {
  const info = REQUIREMENTS[code];
  if ([facts.own, facts.shown, facts.ownCiting, facts.ownOutdated].some((n) => n < 0))
    throw new DomainError(`Counts of section ${code} cannot be negative.`);
  const shown = Math.max(facts.shown, facts.own);
  const latestOwn = facts.latestOwnAt ? Date.parse(facts.latestOwnAt) : NaN;
  const ageDays = Number.isNaN(latestOwn) ? null : Math.floor((asOfDay - latestOwn) / 86_400_000);
  let state: RequirementState;
  let note: string;
  if (shown === 0) {
    state = 'missing';
    note = 'Chưa có bài nào.';
  } else if (facts.own === 0) {
    state = 'inherited';
    note = `Chỉ có ${shown} bài của cấp trên (quốc gia, tỉnh); đơn vị chưa đăng bài nào.`;
  } else if (ageDays !== null && info.freshDays !== null && ageDays > info.freshDays) {
    state = 'stale';
    note = `Bài mới nhất của đơn vị đã ${ageDays} ngày (quá ${info.freshDays} ngày).`;
  } else if (
    info.citing &&
    facts.ownCiting > 0 &&
    facts.ownOutdated / facts.ownCiting >= OUTDATED_SHARE_LIMIT
  ) {
    state = 'outdated';
    note = `${facts.ownOutdated}/${facts.ownCiting} bài của đơn vị có thể đã lỗi thời (văn bản được viện dẫn đã thay đổi hiệu lực).`;
  } else {
    state = 'met';
    note = `${facts.own} bài của đơn vị, ${shown} bài hiển thị.`;
  }
  const points = STATE_POINTS[state as Exclude<RequirementState, 'partial'>];
  return {
    code,
    label: info.label,
    state,
    stateLabel: REQUIREMENT_STATE_LABELS[state],
    met: state === 'met',
    points,
    note,
  };
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Facts of a site with nothing at all (a new unit), for callers that fill them in. */
export function emptyCoverageFacts(): SiteCoverageFacts {
  const section = (): SectionFacts => ({
    own: 0,
    shown: 0,
    latestOwnAt: null,
    latestShownAt: null,
    ownCiting: 0,
    ownOutdated: 0,
  });
  return {
    newlyEffective: { concerning: 0, shown: 0, basis: 'template' },
    sections: Object.fromEntries(SECTION_CODES.map((c) => [c, section()])) as Record<
      SectionCode,
      SectionFacts
    >,
  };
}

/**
 * The rule in Vietnamese, one line each, for the dashboard (and mirrored in docs/coverage.md).
 */
export const COVERAGE_RULE_TEXT: readonly string[] = [
  `Mỗi trang được đánh giá theo ${REQUIREMENT_CODES.length} yêu cầu: ${REQUIREMENT_CODES.map((c) => `${c} ${REQUIREMENTS[c].label}`).join('; ')}.`,
  'C-1 đạt khi trang đang chạy hiển thị đủ các văn bản mới có hiệu lực (90 ngày qua) của trung ương liên quan đến đơn vị; chưa đủ thì được điểm theo tỉ lệ đã hiển thị.',
  'Văn bản trung ương liên quan đến mọi đơn vị, trừ khi đơn vị đã bỏ theo dõi tất cả lĩnh vực của văn bản.',
  'Các yêu cầu còn lại: “Chưa có” (0 điểm) khi trang không có bài nào; “Chỉ có nội dung cấp trên” (½ điểm) khi chỉ có bài của quốc gia, tỉnh; “Lâu chưa cập nhật” (½ điểm) khi bài mới nhất của đơn vị quá hạn (180 ngày với C-2, C-3, C-5; 365 ngày với C-4, tủ sách, hướng dẫn); “Nhiều bài có thể đã lỗi thời” (½ điểm) khi từ một nửa số bài của đơn vị bị đánh dấu có thể lỗi thời; còn lại “Đạt” (1 điểm).',
  'Điểm = 100 × tổng điểm các yêu cầu ÷ 7, làm tròn. Thời gian trả lời hỏi đáp (trung vị) được hiển thị để theo dõi, không tính vào điểm.',
];
