/**
 * What the search index holds: one record per thing a reader can look for, built from the
 * snapshot (not from the built pages, so a page's markup and weight are untouched and the folded
 * copies live only in the index): one per document (`documentRecords`) and one per item of every
 * section the site shows (`itemRecords`); the index, filters and search page take them as they are.
 */
import type { EditorialItem } from '@pbgdpl/content-client';
import {
  DOCUMENT_TYPE_INFO,
  GUIDANCE_TYPE_LABELS,
  INTRODUCTION_TYPE_LABELS,
  MATERIAL_TYPE_LABELS,
  type EditorialType,
  VALIDITY_STATUS_LABELS,
  formatVietnameseDate,
  isIsoDate,
} from '@pbgdpl/domain';
import type {
  DocumentDetail,
  DocumentSummary,
  ItemDetail,
  ItemSummary,
  SiteSnapshot,
} from '@pbgdpl/site-template/snapshot-format';
import { SECTIONS, SECTION_BY_TYPE } from '@pbgdpl/site-template/sections';
import { plainText } from './plain-text.js';

/** The filters the search page offers; values are Vietnamese, shown as they are. */
export type SearchFilterKey = 'section' | 'type' | 'status';

export interface SearchRecord {
  /**
   * Path under the site's base ("van-ban/luat/2024/31-2024-qh15/"): the search page gives Pagefind
   * the site's base path as `baseUrl`, so one national bundle serves every site (national-bundle.ts).
   */
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

/** Section names as the search page shows and filters them (the editorial sections by their own names). */
export const SEARCH_SECTIONS = {
  documents: 'Văn bản pháp luật',
  ...Object.fromEntries(SECTIONS.map((s) => [s.type, s.label])),
} as { documents: string } & Record<EditorialType, string>;

export interface DocumentRecordSource {
  /** The documents (summaries); full texts are read one at a time through `detail`. */
  documents: readonly DocumentSummary[];
  detail: (documentId: string) => DocumentDetail;
}

/** One record per document: number, title, issuers, signer, fields, abstract, full text. */
export function* documentRecords(source: DocumentRecordSource): Generator<SearchRecord> {
  for (const summary of source.documents)
    yield documentRecord(summary, source.detail(summary.documentId).document);
}

/** The record of one document; the same on every site that lists it (its URL is under the site's base). */
export function documentRecord(summary: DocumentSummary, document: DocumentDetail['document']): SearchRecord {
  const type = DOCUMENT_TYPE_INFO[summary.documentType]?.vi ?? summary.documentType;
  const status = summary.validityStatus ? VALIDITY_STATUS_LABELS[summary.validityStatus]?.vi : undefined;
  const signer = [document.signerTitle, document.signerName].filter(Boolean).join(' ');
  return {
    url: summary.path,
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

export interface ItemRecordSource {
  site: SiteSnapshot;
  /** The run's item summaries, by type and documentId. */
  summary: (type: EditorialType, documentId: string) => ItemSummary | undefined;
  detail: (type: EditorialType, documentId: string) => ItemDetail;
}

/** One record per item the site shows, in every section: title, summary, its text, what it cites. */
export function* itemRecords(source: ItemRecordSource): Generator<SearchRecord> {
  for (const section of SECTIONS) {
    for (const ref of source.site.sections?.[section.type] ?? []) {
      const summary = source.summary(section.type, ref.documentId);
      if (!summary) continue;
      const { item } = source.detail(section.type, ref.documentId);
      const type = itemTypeLabel(section.type, item);
      yield {
        url: ref.path,
        title: summary.title,
        section: SECTION_BY_TYPE[section.type].label,
        ...(type ? { filters: { type } } : {}),
        date: summary.date,
        ...(summary.summary ? { summary: summary.summary } : {}),
        body: itemText(section.type, item),
      };
    }
  }
}

/** The kind of item within its section, as a search filter ("Tờ gấp", "Kế hoạch"…), when the section has kinds. */
function itemTypeLabel(type: EditorialType, item: EditorialItem): string | undefined {
  const value = (item as unknown as Record<string, unknown>)[
    type === 'material' ? 'materialType' : type === 'guidance' ? 'guidanceType' : 'introductionType'
  ];
  if (typeof value !== 'string') return undefined;
  const labels: Record<string, { vi: string }> =
    type === 'material'
      ? MATERIAL_TYPE_LABELS
      : type === 'guidance'
        ? GUIDANCE_TYPE_LABELS
        : type === 'introduction'
          ? INTRODUCTION_TYPE_LABELS
          : {};
  return labels[value]?.vi;
}

/** Everything findable in an item, as plain text: its texts, rich texts, citations and fields. */
function itemText(type: EditorialType, item: EditorialItem): string {
  const record = item as unknown as Record<string, unknown>;
  const texts = [
    'question',
    'topic',
    'scenario',
    'description',
    'authors',
    'publisher',
    'number',
    'transcript',
  ]
    .map((key) => record[key])
    .filter((v): v is string => typeof v === 'string');
  const rich = ['body', 'answer', 'analysis', 'transcript'].map((key) => blocksText(record[key]));
  const quiz = type === 'legal-situation' ? (item as EditorialItem<'legal-situation'>).quiz : null;
  const citations =
    'citations' in item
      ? item.citations.map((c) => [c.documentTitle, c.documentNumber].filter(Boolean).join(' '))
      : [];
  return [
    ...texts,
    ...rich,
    quiz ? [quiz.prompt, ...quiz.options.map((o) => o.text), quiz.explanation].join('\n') : '',
    ...citations,
    item.fields.map((f) => f.name).join(', '),
  ]
    .filter((t) => t.trim() !== '')
    .join('\n');
}

/** Strapi blocks as plain text, one line per block (no markup ever reaches the index). */
export function blocksText(blocks: unknown): string {
  if (!Array.isArray(blocks)) return '';
  const text = (node: unknown): string => {
    if (!node || typeof node !== 'object') return '';
    const n = node as { text?: unknown; children?: unknown };
    if (typeof n.text === 'string') return n.text;
    return Array.isArray(n.children)
      ? n.children
          .map(text)
          .join(n.children.some((c) => (c as { type?: string })?.type === 'list-item') ? '\n' : '')
      : '';
  };
  return blocks
    .map(text)
    .filter((line) => line.trim() !== '')
    .join('\n');
}
