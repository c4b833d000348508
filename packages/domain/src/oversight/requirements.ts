/**
 * The content every PBGDPL site must carry (Decision 471/QĐ-TTg: C-1…C-5; Decision 39/2025/QĐ-TTg:
 * the legal bookshelf; M-2: direction and guidance of PBGDPL work), as the national oversight
 * view counts it. Each requirement but C-1 is a section of editorial types; C-1 is the list of
 * newly effective legal documents, which the site template fills from the national corpus.
 */

export const REQUIREMENT_CODES = ['C-1', 'C-2', 'C-3', 'C-4', 'C-5', 'TS', 'HD'] as const;
export type RequirementCode = (typeof REQUIREMENT_CODES)[number];

/** The requirements measured by editorial sections (every one but C-1). */
export type SectionCode = Exclude<RequirementCode, 'C-1'>;
export const SECTION_CODES: readonly SectionCode[] = ['C-2', 'C-3', 'C-4', 'C-5', 'TS', 'HD'];

export interface RequirementInfo {
  code: RequirementCode;
  /** Vietnamese, as the dashboard and the sites print it. */
  label: string;
  /** Editorial types (singular names) whose published items fill the section; none for C-1. */
  types: readonly string[];
  /**
   * Days after which the latest own item counts as stale. A commune is not expected to hold a
   * dialogue every month; a Q&A or an introduction every half year is the least a live site shows.
   */
  freshDays: number | null;
  /** Whether the section's types cite documents and can be flagged "may be outdated". */
  citing: boolean;
}

export const REQUIREMENTS: Readonly<Record<RequirementCode, RequirementInfo>> = {
  'C-1': {
    code: 'C-1',
    label: 'Văn bản mới có hiệu lực',
    types: [],
    freshDays: null,
    citing: false,
  },
  'C-2': {
    code: 'C-2',
    label: 'Giới thiệu văn bản mới',
    types: ['introduction'],
    freshDays: 180,
    citing: true,
  },
  'C-3': {
    code: 'C-3',
    label: 'Hỏi đáp, tư vấn pháp luật trực tuyến',
    types: ['qa'],
    freshDays: 180,
    citing: true,
  },
  'C-4': {
    code: 'C-4',
    label: 'Đối thoại chính sách pháp luật',
    types: ['dialogue'],
    freshDays: 365,
    citing: true,
  },
  'C-5': {
    code: 'C-5',
    label: 'Tài liệu, video tiểu phẩm, tình huống pháp luật',
    types: ['material', 'video', 'legal-situation'],
    freshDays: 180,
    citing: true,
  },
  TS: {
    code: 'TS',
    label: 'Tủ sách pháp luật điện tử',
    types: ['book'],
    freshDays: 365,
    citing: false,
  },
  HD: {
    code: 'HD',
    label: 'Chỉ đạo, hướng dẫn công tác PBGDPL',
    types: ['guidance'],
    freshDays: 365,
    citing: false,
  },
};

/** The section an editorial type counts for, or null (news items count for none). */
export function sectionOfType(type: string): SectionCode | null {
  for (const code of SECTION_CODES) if (REQUIREMENTS[code].types.includes(type)) return code;
  return null;
}
