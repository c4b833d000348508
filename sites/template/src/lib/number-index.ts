/**
 * The server-free fallback of search: every document of a site by number, grouped by year of
 * issue (newest year first) and by number within a year, so a reader without JavaScript finds a
 * document with the browser's own Find. A site with very many documents gets one page per year.
 */
import type { DocumentSummary } from '../contract/snapshot-format.js';

/** Above this many documents the index is split into one page per year (a page stays light). */
export const NUMBER_INDEX_SINGLE_PAGE_LIMIT = 1500;

export interface NumberIndexYear {
  /** "2019", or "Không rõ năm" when the issue date is missing. */
  year: string;
  documents: DocumentSummary[];
}

export function numberIndexYears(documents: readonly DocumentSummary[]): NumberIndexYear[] {
  const byYear = new Map<string, DocumentSummary[]>();
  for (const doc of documents) {
    const year = /^\d{4}/.exec(doc.issuedDate ?? '')?.[0] ?? 'Không rõ năm';
    byYear.set(year, [...(byYear.get(year) ?? []), doc]);
  }
  return [...byYear.entries()]
    .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0))
    .map(([year, docs]) => ({ year, documents: docs.sort(byNumber) }));
}

/** "9/2019/…" before "45/2019/…": by the leading number, then by the whole number as text. */
function byNumber(a: DocumentSummary, b: DocumentSummary): number {
  const lead = (n: string) => Number(/^\d+/.exec(n)?.[0] ?? Number.MAX_SAFE_INTEGER);
  return lead(a.number) - lead(b.number) || a.number.localeCompare(b.number, 'vi');
}

/** The folder of a year's page under tim-kiem/so-ky-hieu/ ("2019", or "khong-ro-nam"). */
export function yearSlug(y: NumberIndexYear): string {
  return /^\d{4}$/.test(y.year) ? y.year : 'khong-ro-nam';
}
