/**
 * The document browser without JavaScript: every filter is a pre-built listing page
 * (van-ban/luat/, van-ban/nam/2025/, van-ban/hieu-luc/con-hieu-luc/, van-ban/linh-vuc/<field>/,
 * van-ban/co-quan/<issuer>/), paginated like van-ban/ itself and linked from a facet menu with
 * counts. Only values that have documents get a page, so a site's page count grows with its
 * documents (one listing page per 50 per facet) plus one per value — see listingPageCount.
 *
 * The type facet uses the citable path's own type segment (domain documentTypeListPath): cut a
 * document's URL after its type and you get the list of that type.
 */
import {
  DOCUMENT_TYPES,
  DOCUMENT_TYPE_INFO,
  VALIDITY_STATUSES,
  VALIDITY_STATUS_LABELS,
  documentListPath,
  documentTypeListPath,
  slugifyVietnamese,
  yearOf,
  type ValidityStatus,
} from '@pbgdpl/domain';
import type { DocumentSummary } from '../contract/snapshot-format.js';
import { archivePages, type ArchivePage } from './site-view.js';

export type FacetKey = 'type' | 'year' | 'status' | 'field' | 'issuer';

export interface FacetDefinition {
  key: FacetKey;
  /** Heading in the facet menu. */
  label: string;
  /** Path segment under van-ban/ before the value; none for the type (van-ban/<type>/). */
  segment: string | null;
}

export const FACETS: readonly FacetDefinition[] = [
  { key: 'type', label: 'Loại văn bản', segment: null },
  { key: 'status', label: 'Tình trạng hiệu lực', segment: 'hieu-luc' },
  { key: 'field', label: 'Lĩnh vực', segment: 'linh-vuc' },
  { key: 'issuer', label: 'Cơ quan ban hành', segment: 'co-quan' },
  { key: 'year', label: 'Năm ban hành', segment: 'nam' },
];

export interface FacetValue {
  facet: FacetKey;
  /** Path segment of the value ("luat", "2025", "con-hieu-luc", "bo-may-hanh-chinh"). */
  slug: string;
  /** Vietnamese label from the domain's vocabularies or the registry ("Luật", "Còn hiệu lực"). */
  label: string;
  /** First page of its listing, relative to the site's base ("van-ban/nam/2025/"). */
  path: string;
  /** Its documents in list order (newest issued first). */
  documents: DocumentSummary[];
}

/** Status of documents whose status the CMS has not computed: listed too, never hidden. */
export const UNKNOWN_STATUS_SLUG = 'chua-xac-dinh';

/** "con-hieu-luc" for in_force: the Vietnamese label as a slug. */
export function statusSlug(status: ValidityStatus | null): string {
  return status ? slugifyVietnamese(VALIDITY_STATUS_LABELS[status].vi) : UNKNOWN_STATUS_SLUG;
}

function facetPath(definition: FacetDefinition, slug: string): string {
  return `${documentListPath()}${definition.segment ? `${definition.segment}/` : ''}${slug}/`;
}

interface Bucket {
  slug: string;
  label: string;
  order: number;
  documents: DocumentSummary[];
}

/** Groups documents into buckets by key; a document may fall into several (fields, issuers). */
function bucketsOf(
  documents: readonly DocumentSummary[],
  keysOf: (doc: DocumentSummary) => Array<{ key: string; label: string; order: number }>,
): Bucket[] {
  const byKey = new Map<string, Bucket>();
  for (const doc of documents) {
    for (const { key, label, order } of keysOf(doc)) {
      let bucket = byKey.get(key);
      if (!bucket) {
        bucket = { slug: key, label, order, documents: [] };
        byKey.set(key, bucket);
      }
      if (!bucket.documents.includes(doc)) bucket.documents.push(doc);
    }
  }
  return [...byKey.values()];
}

const collator = new Intl.Collator('vi');

/** By count, then name: the fields and issuers a reader most likely wants come first. */
function byCountThenLabel(a: Bucket, b: Bucket): number {
  return b.documents.length - a.documents.length || collator.compare(a.label, b.label);
}

/**
 * Registry codes are already slugs; a code that is not becomes one, and two codes that fold to
 * one slug keep distinct paths ("-2"), given in the order of the codes so that a path does not
 * change when counts do.
 */
function uniqueSlugs(buckets: Bucket[]): Bucket[] {
  const used = new Set<string>();
  const slugs = new Map<Bucket, string>();
  for (const bucket of [...buckets].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))) {
    const base = slugifyVietnamese(bucket.slug) || slugifyVietnamese(bucket.label) || 'khac';
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    slugs.set(bucket, slug);
  }
  return buckets.map((bucket) => ({ ...bucket, slug: slugs.get(bucket)! }));
}

/** Every facet's values that have documents, in menu order. */
export function facetValues(documents: readonly DocumentSummary[]): Record<FacetKey, FacetValue[]> {
  const typeOrder = new Map<string, number>(DOCUMENT_TYPES.map((t, i) => [t, i]));
  const statusOrder = new Map<string, number>(VALIDITY_STATUSES.map((s, i) => [s, i]));
  const groups: Record<FacetKey, Bucket[]> = {
    type: bucketsOf(documents, (d) => [
      {
        key: DOCUMENT_TYPE_INFO[d.documentType]?.slug ?? slugifyVietnamese(d.documentType),
        label: DOCUMENT_TYPE_INFO[d.documentType]?.vi ?? d.documentType,
        order: typeOrder.get(d.documentType) ?? DOCUMENT_TYPES.length,
      },
    ]).sort((a, b) => a.order - b.order),
    status: bucketsOf(documents, (d) => [
      {
        key: statusSlug(d.validityStatus),
        label: d.validityStatus ? VALIDITY_STATUS_LABELS[d.validityStatus].vi : 'Chưa xác định',
        order: d.validityStatus ? (statusOrder.get(d.validityStatus) ?? 99) : 99,
      },
    ]).sort((a, b) => a.order - b.order),
    field: uniqueSlugs(
      bucketsOf(documents, (d) =>
        (d.fields ?? []).map((f) => ({ key: f.code, label: f.name, order: 0 })),
      ).sort(byCountThenLabel),
    ),
    issuer: uniqueSlugs(
      bucketsOf(documents, (d) =>
        (d.issuers ?? []).map((i) => ({ key: i.code, label: i.name, order: 0 })),
      ).sort(byCountThenLabel),
    ),
    year: bucketsOf(documents, (d) => {
      const year = yearOf(d.issuedDate);
      return [{ key: String(year), label: String(year), order: -year }];
    }).sort((a, b) => a.order - b.order),
  };
  const result = {} as Record<FacetKey, FacetValue[]>;
  for (const definition of FACETS) {
    result[definition.key] = groups[definition.key].map((bucket) => ({
      facet: definition.key,
      slug: bucket.slug,
      label: bucket.label,
      path: facetPath(definition, bucket.slug),
      documents: bucket.documents,
    }));
  }
  return result;
}

export interface ListingPage {
  /** Null for the unfiltered van-ban/. */
  facet: FacetValue | null;
  page: ArchivePage;
  /** All pages of this listing, its first page first (for pagination). */
  pages: ArchivePage[];
  /** How many documents the listing has in all (shown on its first page only). */
  total: number;
}

/**
 * Every page of the browser: van-ban/ and each facet value's listing, each in archive pages
 * (site-view.ts archivePages), so a new document changes the first page of each listing it is in.
 */
export function listingPages(documents: readonly DocumentSummary[], pageSize: number): ListingPage[] {
  const listings: Array<{ facet: FacetValue | null; documents: readonly DocumentSummary[]; path: string }> = [
    { facet: null, documents, path: documentListPath() },
  ];
  const values = facetValues(documents);
  for (const definition of FACETS) {
    for (const value of values[definition.key])
      listings.push({ facet: value, documents: value.documents, path: value.path });
  }
  return listings.flatMap(({ facet, documents: docs, path }) => {
    const pages = archivePages(docs, pageSize, path);
    return pages.map((page) => ({ facet, page, pages, total: docs.length }));
  });
}

/** The facet definition of a key. */
export function facetDefinition(key: FacetKey): FacetDefinition {
  return FACETS.find((f) => f.key === key) as FacetDefinition;
}

/** Type listings are documentTypeListPath; re-exported so tests and pages agree on one rule. */
export { documentTypeListPath };
