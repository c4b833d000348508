/**
 * Sorting and filtering of the ranked table on the page (pure, so it is the same on every
 * render and testable without a browser).
 */
export interface SiteRow {
  rank: number;
  siteCode: string;
  siteName: string;
  kind: string;
  kindLabel: string;
  provinceCode: string | null;
  score: number;
  met: number;
  total: number;
  states: Record<string, string>;
  newlyEffectiveConcerning: number;
  newlyEffectiveShown: number;
  outdatedShare: number | null;
  qaMedianHours: number | null;
}

export type SortKey = 'rank' | 'siteName' | 'kindLabel' | 'score' | 'met' | 'outdatedShare' | 'qaMedianHours';
export type SortDirection = 'ascending' | 'descending';

const CENTRAL = new Set(['ministry', 'ministry_agency', 'government_agency', 'central_body', 'mass_organisation']);

export function kindGroup(kind: string): string {
  return CENTRAL.has(kind) ? 'central' : kind;
}

export function filterRows(rows: readonly SiteRow[], filters: { group: string; province: string; text: string }): SiteRow[] {
  const text = filters.text.trim().toLocaleLowerCase('vi');
  return rows.filter(
    (r) =>
      (filters.group === '' || kindGroup(r.kind) === filters.group) &&
      (filters.province === '' || r.provinceCode === filters.province) &&
      (text === '' || r.siteName.toLocaleLowerCase('vi').includes(text) || r.siteCode.includes(text)),
  );
}

/** Nulls last whatever the direction; ties by rank. */
export function sortRows(rows: readonly SiteRow[], key: SortKey, direction: SortDirection): SiteRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a[key];
    const y = b[key];
    if (x === null && y !== null) return 1;
    if (y === null && x !== null) return -1;
    const order =
      typeof x === 'string' && typeof y === 'string' ? x.localeCompare(y, 'vi') : Number(x ?? 0) - Number(y ?? 0);
    return order === 0 ? a.rank - b.rank : sign * order;
  });
}
