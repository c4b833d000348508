/**
 * What the section pages show, derived from the snapshot: their links and pagination, the
 * citations of an item as links to the cited documents' pages, dates and times in Vietnam,
 * file sizes and formats, durations. Pure functions over snapshot data; the .astro files only
 * lay them out.
 */
import {
  CAPTION_LANGUAGE_LABELS,
  DIALOGUE_STATUS_LABELS,
  GUIDANCE_TYPE_LABELS,
  INTRODUCTION_TYPE_LABELS,
  MATERIAL_TYPE_LABELS,
  citedNumber,
  joinBase,
  type EditorialType,
} from '@pbgdpl/domain';
import type { DownloadFile, LegalCitation, Site } from '@pbgdpl/content-client';
import { SECTIONS, SECTION_BY_TYPE, type SectionInfo } from '../contract/sections.js';
import { citationResolver, type CitableDocument } from '../contract/citations.js';
import type { RunManifest, SiteItemRef } from '../contract/snapshot-format.js';
import { archivePages, type ArchivePage } from './site-view';
import { SECTION_FEEDS, type SectionFeedItems } from './site-feeds';
import { loadSiteDocuments, loadSiteSection, snapshotMemo, type SiteItem } from './snapshot';

export { SECTIONS, SECTION_BY_TYPE, type SectionInfo };

/** Items per page of a section's list. */
export const SECTION_PAGE_SIZE = 20;

export function sectionHref(site: Pick<Site, 'basePath'>, type: EditorialType): string {
  return joinBase(site.basePath, SECTION_BY_TYPE[type].path);
}

/** A section's list in archive pages (site-view.ts archivePages): "hoi-dap/", "hoi-dap/trang-1/"… */
export function sectionListPages(code: string, type: EditorialType): Array<ArchivePage<SiteItem>> {
  return archivePages(loadSiteSection(code, type), SECTION_PAGE_SIZE, SECTION_BY_TYPE[type].path);
}

/** A site's pages under `[site]/<section>/[...path]`: its list pages, then its items. */
export function sectionPaths(code: string, type: EditorialType) {
  const folder = SECTION_BY_TYPE[type].path;
  const inFolder = (path: string) => path.slice(folder.length).replace(/\/$/, '') || undefined;
  const pages = sectionListPages(code, type);
  return [
    ...pages.map((page) => ({
      params: { path: inFolder(page.path) },
      props: { kind: 'list' as const, page: page.number } as SectionPageProps,
    })),
    ...loadSiteSection(code, type).map((item) => ({
      params: { path: inFolder(item.ref.path) },
      props: { kind: 'item' as const, ref: item.ref } as SectionPageProps,
    })),
  ];
}

/** A list page (`page`: 0 for the first, b for archive page b) or an item's page. */
export type SectionPageProps = { kind: 'list'; page: number } | { kind: 'item'; ref: SiteItemRef };

/** One citation as the reader sees it: what is cited, and a link when the document is on the site. */
export interface CitationView {
  label: string;
  number: string;
  href: string | null;
  note: string | null;
}

function resolverFor(code: string) {
  return snapshotMemo(`citations:${code}`, () =>
    citationResolver(
      loadSiteDocuments(code).map((d): CitableDocument => ({
        documentId: d.documentId,
        number: d.number,
        path: d.path,
      })),
    ),
  );
}

/** "Điều 12, khoản 2, điểm a" — the parts as the editor gave them. */
export function citedPart(citation: Pick<LegalCitation, 'article' | 'clause' | 'point'>): string {
  const part = (prefix: string, value: string | null) => {
    const v = value?.trim();
    if (!v) return null;
    return new RegExp(`^${prefix}\\b`, 'i').test(v) ? v : `${prefix} ${v}`;
  };
  return [part('Điểm', citation.point), part('Khoản', citation.clause), part('Điều', citation.article)]
    .filter((p): p is string => p !== null)
    .join(', ');
}

/** The item's citations, each linked to the cited document's page when the site shows it. */
export function citationViews(
  site: Pick<Site, 'code' | 'basePath'>,
  citations: readonly LegalCitation[],
): CitationView[] {
  const resolve = resolverFor(site.code);
  return citations.map((citation) => {
    const document = resolve(citation);
    const part = citedPart(citation);
    // The number as the document carries it, else in its canonical spelling ("45/2019/QH14").
    const number = document?.number ?? citedNumber(citation.documentNumber) ?? citation.documentNumber;
    const name = citation.documentTitle?.trim()
      ? `${citation.documentTitle.trim()} số ${number}`
      : `Văn bản số ${number}`;
    return {
      label: part ? `${part} ${lowerFirst(name)}` : name,
      number,
      href: document ? joinBase(site.basePath, document.path) : null,
      note: citation.note?.trim() || null,
    };
  });
}

/** "Luật Đất đai" after "Điều 5" reads "Điều 5 Luật Đất đai": keep names as they are, lower "Văn bản". */
function lowerFirst(name: string): string {
  return name.startsWith('Văn bản ') ? `văn bản ${name.slice(8)}` : name;
}

const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const dateTimeFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hourCycle: 'h23',
});

/** "2026-03-01T01:00:00Z" → "08:00 ngày 01/03/2026" (Vietnam time); null for no time. */
export function viDateTime(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return null;
  const parts = Object.fromEntries(
    dateTimeFormat.formatToParts(new Date(time)).map((p) => [p.type, p.value]),
  );
  return `${parts.hour}:${parts.minute} ngày ${parts.day}/${parts.month}/${parts.year}`;
}

/** Strapi reports sizes in kB (bytes / 1000): "850 KB", "2,4 MB". */
export function fileSize(kilobytes: number | null | undefined): string | null {
  if (kilobytes === null || kilobytes === undefined || !(kilobytes >= 0)) return null;
  if (kilobytes < 1000) return `${Math.max(1, Math.round(kilobytes))} KB`;
  return `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(kilobytes / 1000)} MB`;
}

/** "PDF", "EPUB", "DOCX": the file's extension, else its MIME subtype. */
export function fileFormat(file: Pick<DownloadFile, 'ext' | 'mime'>): string {
  const ext = file.ext?.replace(/^\./, '');
  if (ext) return ext.toUpperCase();
  const subtype = file.mime.split('/')[1] ?? file.mime;
  return subtype.toUpperCase();
}

/** Files readers can open in the browser (the bookshelf's "Đọc trực tuyến"). */
export function readableOnline(file: Pick<DownloadFile, 'ext' | 'mime'>): boolean {
  return file.mime === 'application/pdf' || fileFormat(file) === 'PDF' || file.mime.startsWith('text/html');
}

/** A file of the CMS at its public address (uploads are served by the CMS, not the site). */
export function mediaHref(
  run: Pick<RunManifest, 'mediaBaseUrl' | 'cmsEndpoint'>,
  url: string,
): string | null {
  try {
    const resolved = new URL(url, run.mediaBaseUrl ?? new URL(run.cmsEndpoint).origin);
    return resolved.protocol === 'https:' || resolved.protocol === 'http:' ? resolved.href : null;
  } catch {
    return null;
  }
}

/** 125 → "2 phút 5 giây". */
export function duration(seconds: number | null | undefined): string | null {
  if (!seconds || seconds <= 0) return null;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.round(seconds % 60);
  return [h ? `${h} giờ` : '', m ? `${m} phút` : '', s ? `${s} giây` : ''].filter(Boolean).join(' ');
}

/** ISO 8601 duration for schema.org: 125 → "PT2M5S". */
export function isoDuration(seconds: number | null | undefined): string | null {
  if (!seconds || seconds <= 0) return null;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.round(seconds % 60);
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${s}S` : ''}`;
}

/** The label lists show beside an item's date, per section. */
export const DATE_LABELS: Readonly<Record<EditorialType, string>> = {
  introduction: 'Đăng ngày',
  qa: 'Trả lời ngày',
  dialogue: 'Bắt đầu nhận câu hỏi',
  material: 'Đăng ngày',
  video: 'Đăng ngày',
  'legal-situation': 'Đăng ngày',
  book: 'Đăng ngày',
  guidance: 'Ban hành ngày',
  'news-item': 'Ngày',
};

/** A policy dialogue's phase (planned, open, live, closed) as readers see it, or null. */
export function dialoguePhaseLabel(phase: string | undefined): string | null {
  return phase ? (DIALOGUE_STATUS_LABELS[phase as keyof typeof DIALOGUE_STATUS_LABELS]?.vi ?? null) : null;
}

export const introductionTypeLabel = (value: string) =>
  INTRODUCTION_TYPE_LABELS[value as keyof typeof INTRODUCTION_TYPE_LABELS]?.vi ?? null;
export const materialTypeLabel = (value: string) =>
  MATERIAL_TYPE_LABELS[value as keyof typeof MATERIAL_TYPE_LABELS]?.vi ?? null;
export const guidanceTypeLabel = (value: string) =>
  GUIDANCE_TYPE_LABELS[value as keyof typeof GUIDANCE_TYPE_LABELS]?.vi ?? null;
export const captionLanguageLabel = (value: string) =>
  CAPTION_LANGUAGE_LABELS[value as keyof typeof CAPTION_LANGUAGE_LABELS]?.vi ?? value;

/** The path of a video's caption file beside its page: "video/<slug>/phu-de-vi.vtt". */
export function captionPath(itemPath: string, language: string, index: number): string {
  return `${itemPath}phu-de-${language}${index > 0 ? `-${index + 1}` : ''}.vtt`;
}

/** The items of the sections that have a feed (site-feeds.ts), for the feeds and their page. */
export function sectionFeedItems(code: string): SectionFeedItems {
  return Object.fromEntries(SECTION_FEEDS.map(({ type }) => [type, loadSiteSection(code, type)]));
}
