/**
 * The weekly coverage digest a unit administrator receives: what is missing or stale on the
 * sites they administer, in Vietnamese, as plain text (the notifications extension sends it).
 */
import type { RequirementState } from './coverage.js';

export interface DigestSite {
  code: string;
  name: string;
  score: number;
  met: number;
  total: number;
  /** Requirements not met, with the rule's note. */
  gaps: ReadonlyArray<{
    code: string;
    label: string;
    state: RequirementState;
    stateLabel: string;
    note: string;
  }>;
}

export interface DigestEmail {
  subject: string;
  text: string;
}

/**
 * One message for one administrator, or null when every site they administer meets every
 * requirement (nobody needs a weekly "all fine"). Sites are listed lowest score first.
 */
export function coverageDigestEmail(input: {
  sites: readonly DigestSite[];
  /** ISO date of the snapshot the figures come from. */
  day: string;
  dashboardUrl: string | null;
  /** At most this many sites are listed (a province administrator may have a hundred communes). */
  maxSites?: number;
}): DigestEmail | null {
  const lacking = input.sites
    .filter((s) => s.gaps.length > 0)
    .sort((a, b) => a.score - b.score || a.code.localeCompare(b.code));
  if (lacking.length === 0) return null;
  const [year, month, dayOfMonth] = input.day.split('-');
  const lines = [
    `Tình hình nội dung bắt buộc trên trang PBGDPL của đơn vị, số liệu ngày ${dayOfMonth}/${month}/${year}.`,
    `${lacking.length} trang còn yêu cầu chưa đạt:`,
    '',
  ];
  const listed = lacking.slice(0, input.maxSites ?? 30);
  for (const site of listed) {
    lines.push(
      `■ ${site.name} (${site.code}): đạt ${site.met}/${site.total} yêu cầu, điểm ${site.score}/100`,
    );
    for (const gap of site.gaps) lines.push(`  - ${gap.code} ${gap.label}: ${gap.stateLabel}. ${gap.note}`);
    lines.push('');
  }
  if (lacking.length > listed.length)
    lines.push(`… và ${lacking.length - listed.length} trang khác: xem đủ trên trang giám sát nội dung.`, '');
  if (input.dashboardUrl) lines.push(`Xem chi tiết: ${input.dashboardUrl}`);
  lines.push('Thư này được gửi tự động mỗi tuần tới quản trị viên đơn vị.');
  const subject =
    lacking.length === 1
      ? `[PBGDPL] ${lacking[0]!.name}: ${lacking[0]!.total - lacking[0]!.met} yêu cầu nội dung chưa đạt`
      : `[PBGDPL] ${lacking.length} trang còn yêu cầu nội dung chưa đạt`;
  return { subject, text: lines.join('\n') };
}
