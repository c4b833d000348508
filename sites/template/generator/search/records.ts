/**
 * What the search index holds: one record per thing a reader can look for, built from the
 * snapshot (not from the built pages, so a page's markup and weight are untouched and the folded
 * copies live only in the index). Documents today; each coming section (news, Q&A, introductions…)
 * adds its own producer of `SearchRecord`s, and the index, filters and search page take them as
 * they are.
 */
import {
  DOCUMENT_TYPE_INFO,
  VALIDITY_STATUS_LABELS,
  formatVietnameseDate,
  isIsoDate,
  joinBase,
} from '@pbgdpl/domain';
import type { DocumentDetail, DocumentSummary, SiteSnapshot } from '../snapshot-format.js';
import { plainText } from './plain-text.js';

/** The filters the search page offers; values are Vietnamese, shown as they are. */
export type SearchFilterKey = 'section' | 'type' | 'status';

export interface SearchRecord {
  /** Path from the host root ("/ha-noi/van-ban/luat/2024/31-2024-qh15/"), as the site links it. */
  url: string;
  title: string;
  /** The section it belongs to, e.g. "Văn bản pháp luật"; also a filter. */
  section: string;
  /** Other filters: document type, validity… (absent keys: the record is not in that filter). */
  filters?: Partial<Record<Exclude<SearchFilterKey, 'section'>, string>>;
  /** A document number ("45/2019/QH14"): indexed as a word of its own and compared exactly. */
  number?: string;
  /** ISO date shown in results and used to sort by newest. */
  date?: string | null;
  /** One line shown under the title (the abstract, a question…). */
  summary?: string;
  /** Everything else that should be findable, as plain text. */
  body: string;
}

/** Section names as the search page shows and filters them. */
export const SEARCH_SECTIONS = {
  documents: 'Văn bản pháp luật',
} as const;

export interface DocumentRecordSource {
  site: SiteSnapshot;
  /** The site's documents (summaries); full texts are read one at a time through `detail`. */
  documents: readonly DocumentSummary[];
  detail: (documentId: string) => DocumentDetail;
}

/** One record per document of the site: number, title, issuers, signer, fields, abstract, full text. */
export function* documentRecords(source: DocumentRecordSource): Generator<SearchRecord> {
  const base = source.site.site.basePath;
  for (const summary of source.documents) {
    const { document } = source.detail(summary.documentId);
    const type = DOCUMENT_TYPE_INFO[summary.documentType]?.vi ?? summary.documentType;
    const status = summary.validityStatus ? VALIDITY_STATUS_LABELS[summary.validityStatus]?.vi : undefined;
    const signer = [document.signerTitle, document.signerName].filter(Boolean).join(' ');
    yield {
      url: joinBase(base, summary.path),
      title: summary.title,
      section: SEARCH_SECTIONS.documents,
      filters: { type, ...(status ? { status } : {}) },
      number: summary.number,
      date: summary.issuedDate,
      summary: document.abstract && document.abstract !== summary.title ? document.abstract : type,
      body: [
        `${type} số ${summary.number}`,
        summary.issuerNames.join(', '),
        signer,
        document.fields.map((f) => f.name).join(', '),
        isIsoDate(summary.issuedDate) ? `Ban hành ngày ${formatVietnameseDate(summary.issuedDate)}` : '',
        plainText(document.fullText),
      ]
        .filter(Boolean)
        .join('\n'),
    };
  }
}
