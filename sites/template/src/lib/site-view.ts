/**
 * What the pages show, derived from the snapshot: links under the site's base path, the
 * newly effective documents (C-1), list pagination, and a document's relations and history in
 * the reader's terms. Pure functions over snapshot data; the .astro files only lay them out.
 */
import {
  RELATION_KIND_LABELS,
  joinBase,
  newlyEffectivePath,
  documentListPath,
  selectNewlyEffective,
  sortByEffectiveDesc,
  type ValidityEvent,
} from '@pbgdpl/domain';
import type { DocumentRelation, LegalDocument, Site, SiteRef } from '@pbgdpl/content-client';
import type { DocumentSummary, RunManifest } from '../contract/snapshot-format.js';

export interface SiteLinks {
  home: string;
  documents: string;
  newlyEffective: string;
  /** About and contact of the unit. */
  about: string;
  /** The unit's child sites (a province's communes), paginated. */
  children: string;
  stylesheet: string;
}

/** About and contact page, relative to a site's base. */
export const ABOUT_PATH = 'gioi-thieu/';
/** Child sites list, relative to a site's base. */
export const CHILDREN_PATH = 'don-vi-truc-thuoc/';
/** A province has up to ~170 communes: 100 a page keeps each page light and the list short to scan. */
export const CHILD_PAGE_SIZE = 100;

export function siteLinks(site: Pick<Site, 'basePath'>): SiteLinks {
  return {
    home: joinBase(site.basePath, ''),
    documents: joinBase(site.basePath, documentListPath()),
    newlyEffective: joinBase(site.basePath, newlyEffectivePath()),
    about: joinBase(site.basePath, ABOUT_PATH),
    children: joinBase(site.basePath, CHILDREN_PATH),
    stylesheet: joinBase(site.basePath, 'site.css'),
  };
}

/** Another site of the registry (parent, child) lives at its own base path. */
export function siteHref(site: Pick<SiteRef, 'basePath'>): string {
  return joinBase(site.basePath, '');
}

export function documentHref(site: Pick<Site, 'basePath'>, doc: Pick<DocumentSummary, 'path'>): string {
  return joinBase(site.basePath, doc.path);
}

/** How many documents the fallback shows when nothing entered into force within the window. */
export const RECENT_FALLBACK_COUNT = 20;

export interface NewlyEffective {
  /** "window": documents effective within the window; "fallback": none were, so the latest effective ones. */
  mode: 'window' | 'fallback';
  documents: DocumentSummary[];
  windowDays: number;
  asOf: string;
}

/**
 * The C-1 list: documents effective within the last `newlyEffectiveWindowDays` days up to the
 * build date. When there are none (an old corpus), the most recently effective documents still
 * in force, marked as such: the page must never pretend they are new.
 */
export function newlyEffective(documents: readonly DocumentSummary[], run: RunManifest): NewlyEffective {
  const { asOf, newlyEffectiveWindowDays: windowDays } = run;
  const inWindow = selectNewlyEffective(documents, asOf, windowDays);
  if (inWindow.length > 0) return { mode: 'window', documents: inWindow, windowDays, asOf };
  const effective = documents.filter(
    (d) =>
      d.effectiveFrom !== null &&
      d.effectiveFrom <= asOf &&
      d.validityStatus !== 'expired' &&
      d.validityStatus !== 'suspended',
  );
  return {
    mode: 'fallback',
    documents: sortByEffectiveDesc(effective).slice(0, RECENT_FALLBACK_COUNT),
    windowDays,
    asOf,
  };
}

export interface ListPage {
  /** 1-based. */
  number: number;
  /** Path relative to the site base: "van-ban/" for page 1, "van-ban/trang-2/" after. */
  path: string;
  documents: DocumentSummary[];
}

/** Page `page` of a list whose first page is `first` ("van-ban/" → "van-ban/trang-2/"). */
export function listPagePath(page: number, first: string = documentListPath()): string {
  return page === 1 ? first : `${first}trang-${page}/`;
}

/**
 * A list split into even pages under `first`; one (empty) page when it has no items. For lists
 * that change seldom and are not by date (a province's communes); dated lists use archivePages.
 */
export function listPages<T = DocumentSummary>(
  items: readonly T[],
  pageSize: number,
  first: string = documentListPath(),
): Array<Omit<ListPage, 'documents'> & { documents: T[] }> {
  const count = Math.max(1, Math.ceil(items.length / pageSize));
  return Array.from({ length: count }, (_, i) => ({
    number: i + 1,
    path: listPagePath(i + 1, first),
    documents: items.slice(i * pageSize, (i + 1) * pageSize),
  }));
}

/** One page of a dated list in archive pages (archivePages). */
export interface ArchivePage<T = DocumentSummary> {
  /** 0 for the list's first page (its newest items); b ≥ 1 for archive page b, counted from the oldest. */
  number: number;
  /** Relative to the site's base: "van-ban/", "van-ban/trang-1/" (the oldest)… */
  path: string;
  /** Newest first. */
  documents: T[];
  /** The page of the next newer items (the first page from the newest archive page); null on the first page. */
  newer: string | null;
  /** The page of the next older items; null on the oldest. */
  older: string | null;
}

/**
 * A dated list (newest first) in pages that stay put as items arrive: archive pages are buckets
 * of `pageSize` counted from the oldest item (trang-1 holds the oldest), and the list's first
 * page holds the newest bucket — the `pageSize` to 2×`pageSize`−1 items after the last full
 * archive page. A new item changes the first page only; every `pageSize` items the first page
 * hands its oldest `pageSize` to a new archive page. Nothing else moves (an item dated in the
 * past moves the pages between its place and the first page, as it must). Following the `older`
 * links from the first page shows each item once.
 */
export function archivePages<T>(items: readonly T[], pageSize: number, first: string): Array<ArchivePage<T>> {
  const archived = Math.max(0, Math.floor(items.length / pageSize) - 1);
  const path = (b: number) => (b === 0 ? first : `${first}trang-${b}/`);
  // Archive page b holds the items at oldest-first positions [(b-1)×size, b×size).
  const bucket = (b: number) => items.slice(items.length - b * pageSize, items.length - (b - 1) * pageSize);
  return [
    {
      number: 0,
      path: first,
      documents: items.slice(0, items.length - archived * pageSize),
      newer: null,
      older: archived > 0 ? path(archived) : null,
    },
    ...Array.from({ length: archived }, (_, i) => {
      const b = i + 1;
      return {
        number: b,
        path: path(b),
        documents: bucket(b),
        newer: path(b === archived ? 0 : b + 1),
        older: b > 1 ? path(b - 1) : null,
      };
    }),
  ];
}

export interface RelationView {
  /** "incoming": another document acts on this one (amends it…); "outgoing": this one acts on another. */
  direction: 'incoming' | 'outgoing';
  kind: DocumentRelation['kind'];
  /** Vietnamese label as seen from this document ("Được sửa đổi, bổ sung bởi", "Thay thế"). */
  label: string;
  otherNumber: string;
  otherDocumentId: string | null;
  partial: boolean;
  affectedPart: string | null;
  effectiveDate: string | null;
  note: string | null;
}

/** The document's relations in both directions: what acts on it first, then what it acts on. */
export function relationViews(documentId: string, relations: readonly DocumentRelation[]): RelationView[] {
  const views: RelationView[] = [];
  for (const r of relations) {
    const labels = RELATION_KIND_LABELS[r.kind];
    const common = {
      kind: r.kind,
      partial: r.partial,
      affectedPart: r.affectedPart,
      effectiveDate: r.effectiveDate,
      note: r.note,
    };
    if (r.targetDocumentId === documentId) {
      views.push({
        ...common,
        direction: 'incoming',
        label: labels?.onTarget.vi ?? r.kind,
        otherNumber: r.sourceNumber,
        otherDocumentId: r.sourceDocumentId,
      });
    }
    if (r.sourceDocumentId === documentId) {
      views.push({
        ...common,
        direction: 'outgoing',
        label: labels?.onSource.vi ?? r.kind,
        otherNumber: r.targetNumber,
        otherDocumentId: r.targetDocumentId,
      });
    }
  }
  const order = (v: RelationView) => (v.direction === 'incoming' ? 0 : 1);
  return views.sort(
    (a, b) =>
      order(a) - order(b) ||
      (b.effectiveDate ?? '').localeCompare(a.effectiveDate ?? '') ||
      a.otherNumber.localeCompare(b.otherNumber, 'vi'),
  );
}

/** What caused one step of the status history, in words; for a relation, without the acting document's number. */
export function historyCause(event: ValidityEvent): string {
  switch (event.cause) {
    case 'entry_into_force':
      return event.assumedFromIssuedDate
        ? 'Bắt đầu có hiệu lực (lấy theo ngày ban hành vì chưa có ngày có hiệu lực)'
        : 'Bắt đầu có hiệu lực';
    case 'effective_to':
      return 'Hết thời hạn có hiệu lực';
    case 'declared':
      return event.declaredBy ? `Theo công bố của ${event.declaredBy}` : 'Theo công bố của nguồn chính thức';
    case 'relation': {
      return event.kind ? (RELATION_KIND_LABELS[event.kind]?.onTarget.vi ?? event.kind) : 'Văn bản tác động';
    }
    default:
      return '';
  }
}

/** A plain statement of how sure the status is, for the reader. */
export function basisExplanation(
  doc: Pick<LegalDocument, 'validityBasis' | 'declaredStatusSource' | 'declaredStatusAsOf'>,
  /** Whether documents acting on this one (amending, guiding…) are recorded. */
  hasIncomingRelations: boolean,
): string {
  switch (doc.validityBasis) {
    case 'relations':
      return 'Tình trạng hiệu lực được xác định từ ngày có hiệu lực và các văn bản sửa đổi, thay thế, bãi bỏ, đình chỉ có trong cơ sở dữ liệu.';
    case 'declared':
      return `Tình trạng hiệu lực theo công bố của nguồn chính thức${doc.declaredStatusSource ? ` (${doc.declaredStatusSource})` : ''}, vì các văn bản tác động chưa có trong cơ sở dữ liệu.`;
    case 'dates_only':
      if (hasIncomingRelations) {
        return 'Tình trạng hiệu lực được suy ra từ ngày có hiệu lực và ngày hết hiệu lực; các văn bản tác động ghi nhận dưới đây không làm thay đổi tình trạng này. Có thể còn văn bản sửa đổi, thay thế hoặc bãi bỏ chưa có trong cơ sở dữ liệu.';
      }
      return 'Tình trạng hiệu lực chỉ được suy ra từ ngày có hiệu lực và ngày hết hiệu lực; chưa được đối chiếu với các văn bản sửa đổi, bổ sung, thay thế hoặc bãi bỏ. Hãy kiểm tra thêm trước khi áp dụng.';
    default:
      return 'Tình trạng hiệu lực chưa được xác định.';
  }
}

/** What a site's children are called: a province's communes, else the units under it. */
export function childrenHeading(site: Pick<Site, 'kind'>): string {
  return site.kind === 'province' ? 'Các xã, phường, đặc khu' : 'Các đơn vị trực thuộc';
}
