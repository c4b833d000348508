/**
 * Reads the snapshot the generator wrote (format: snapshot-format.ts) during an Astro build.
 * Runs in Node at build time only. Files are read once per build process and cached; document
 * details are read when their page renders, so full texts are never all in memory at once.
 */
import fs from 'node:fs';
import { renderFullText } from './full-text.js';
import { documentText, type DocumentText } from './document-text.js';
import { facetValues, listingPages, type FacetKey, type FacetValue, type ListingPage } from './facets.js';
import {
  BATCH_FILE_ENV,
  SNAPSHOT_DIR_ENV,
  SNAPSHOT_FORMAT_VERSION,
  snapshotFiles,
  type BatchManifest,
  type DocumentDetail,
  type DocumentIndex,
  type DocumentSummary,
  type ExplanationLink,
  type ItemDetail,
  type ItemIndex,
  type ItemSummary,
  type LogoAsset,
  type MediaManifest,
  type RunManifest,
  type SiteItemRef,
  type SiteSnapshot,
} from '../contract/snapshot-format.js';
import type { EditorialType } from '@pbgdpl/domain';

function snapshotDir(): string {
  const dir = process.env[SNAPSHOT_DIR_ENV];
  if (!dir) {
    throw new Error(
      `${SNAPSHOT_DIR_ENV} is not set: the template is built by the generator ` +
        '(pnpm sites:build --site <code> --out <dir>), not by `astro build` alone.',
    );
  }
  return dir;
}

function readJson<T>(file: string): T {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch (error) {
    throw new Error(`Cannot read snapshot file ${file}: ${(error as Error).message}`, { cause: error });
  }
}

let run: RunManifest | undefined;
export function loadRun(): RunManifest {
  if (!run) {
    const loaded = readJson<RunManifest>(snapshotFiles.run(snapshotDir()));
    if (loaded.formatVersion !== SNAPSHOT_FORMAT_VERSION) {
      throw new Error(
        `Snapshot format ${loaded.formatVersion} is not ${SNAPSHOT_FORMAT_VERSION}: regenerate it with this generator.`,
      );
    }
    run = loaded;
  }
  return run;
}

let index: Map<string, DocumentSummary> | undefined;
function loadIndex(): Map<string, DocumentSummary> {
  index ??= new Map(Object.entries(readJson<DocumentIndex>(snapshotFiles.index(snapshotDir())).documents));
  return index;
}

let batch: BatchManifest | undefined;
function loadBatch(): BatchManifest {
  if (!batch) {
    const file = process.env[BATCH_FILE_ENV];
    if (!file)
      throw new Error(`${BATCH_FILE_ENV} is not set: the generator names the batch of sites to build.`);
    batch = readJson<BatchManifest>(file);
  }
  return batch;
}

/** The site codes this Astro run builds. */
export function batchCodes(): string[] {
  return loadBatch().codes;
}

const reusedBySite = new Map<string, Set<string>>();
/** Documents of the site whose pages this run does not render: the generator links them from the live release. */
export function reusedDocuments(code: string): Set<string> {
  let reused = reusedBySite.get(code);
  if (!reused) {
    reused = new Set(loadBatch().reuse?.[code] ?? []);
    reusedBySite.set(code, reused);
  }
  return reused;
}

const sites = new Map<string, SiteSnapshot>();
export function loadSite(code: string): SiteSnapshot {
  let site = sites.get(code);
  if (!site) {
    site = readJson<SiteSnapshot>(snapshotFiles.site(snapshotDir(), code));
    sites.set(code, site);
  }
  return site;
}

const siteDocuments = new Map<string, DocumentSummary[]>();
/** The site's documents, newest issued first (ties by number), as every list shows them. */
export function loadSiteDocuments(code: string): DocumentSummary[] {
  let list = siteDocuments.get(code);
  if (!list) {
    const all = loadIndex();
    list = loadSite(code)
      .documentIds.map((id) => all.get(id))
      .filter((d): d is DocumentSummary => d !== undefined)
      .sort((a, b) =>
        a.issuedDate < b.issuedDate
          ? 1
          : a.issuedDate > b.issuedDate
            ? -1
            : a.number.localeCompare(b.number, 'vi'),
      );
    siteDocuments.set(code, list);
  }
  return list;
}

const siteDocumentIds = new Map<string, Set<string>>();
/** Whether a document is published on the site (then a relation to it can be a link). */
export function siteHasDocument(code: string, documentId: string | null): boolean {
  if (!documentId) return false;
  let ids = siteDocumentIds.get(code);
  if (!ids) {
    ids = new Set(loadSite(code).documentIds);
    siteDocumentIds.set(code, ids);
  }
  return ids.has(documentId);
}

/** The summary of any document of the run (for relation links). */
export function documentSummary(documentId: string | null): DocumentSummary | undefined {
  return documentId ? loadIndex().get(documentId) : undefined;
}

/** One document in full; read from disk each time (pages render once). */
export function loadDocumentDetail(documentId: string): DocumentDetail {
  return readJson<DocumentDetail>(snapshotFiles.document(snapshotDir(), documentId));
}

/** The site's logo file as copied by the generator, or null (the page shows the neutral emblem). */
export function loadLogo(code: string): { asset: LogoAsset; bytes: Buffer } | null {
  const asset = loadSite(code).logo;
  if (!asset) return null;
  return { asset, bytes: fs.readFileSync(snapshotFiles.asset(snapshotDir(), code, asset.file)) };
}

let media: MediaManifest | undefined;
/** Which media-store file stands for which CMS upload (none when the run copied no media). */
export function loadMediaManifest(): MediaManifest {
  if (!media) {
    const file = snapshotFiles.media(snapshotDir());
    media = fs.existsSync(file) ? readJson<MediaManifest>(file) : { files: {} };
  }
  return media;
}

const textPartCounts = new Map<string, number>();
/**
 * Rendered texts, least recently used first. A batch builds many sites that show the same
 * national documents one site after another, and rendering a law's text is most of a document
 * page's cost: each text is rendered once per batch while the cache holds it.
 */
const renderedTexts = new Map<string, { text: DocumentText; bytes: number }>();
let renderedBytes = 0;
/** Rendered HTML kept, in UTF-16 code units (≈ 2 bytes each in memory). */
const RENDERED_TEXT_BUDGET = 64 * 1024 * 1024;

/** A document's rendered text, its contents and its text pages (rendered once per batch while kept). */
export function loadDocumentText(documentId: string): DocumentText {
  const cached = renderedTexts.get(documentId);
  if (cached) {
    renderedTexts.delete(documentId);
    renderedTexts.set(documentId, cached);
    return cached.text;
  }
  const fullText = loadDocumentDetail(documentId).document.fullText;
  const text = documentText(fullText ? renderFullText(fullText) : '');
  const bytes = text.parts.reduce((sum, part) => sum + part.html.length, 0);
  renderedTexts.set(documentId, { text, bytes });
  renderedBytes += bytes;
  while (renderedBytes > RENDERED_TEXT_BUDGET && renderedTexts.size > 1) {
    const [oldest, entry] = renderedTexts.entries().next().value as [string, { bytes: number }];
    renderedTexts.delete(oldest);
    renderedBytes -= entry.bytes;
  }
  textPartCounts.set(documentId, text.inline ? 0 : text.parts.length);
  return text;
}

/** How many separate text pages (toan-van/…) a document has: 0 when its text is on its own page. */
export function textPageCount(documentId: string): number {
  const known = textPartCounts.get(documentId);
  if (known !== undefined) return known;
  loadDocumentText(documentId);
  return textPartCounts.get(documentId) ?? 0;
}

const facetCache = new Map<string, { values: Record<FacetKey, FacetValue[]>; pages: ListingPage[] }>();
/** The site's document browser: facet values and every listing page (computed once per site and build). */
export function loadSiteListings(code: string): {
  values: Record<FacetKey, FacetValue[]>;
  pages: ListingPage[];
} {
  let cached = facetCache.get(code);
  if (!cached) {
    const documents = loadSiteDocuments(code);
    cached = { values: facetValues(documents), pages: listingPages(documents, loadRun().listPageSize) };
    facetCache.set(code, cached);
  }
  return cached;
}

let items: ItemIndex | undefined;
function loadItemIndex(): ItemIndex {
  items ??= readJson<ItemIndex>(snapshotFiles.itemIndex(snapshotDir()));
  return items;
}

/** An item as a site lists it: where it is on the site, and its summary. */
export interface SiteItem {
  ref: SiteItemRef;
  summary: ItemSummary;
}

const sectionCache = new Map<string, SiteItem[]>();
/** The items a site shows in one section, in list order (newest first; the bookshelf by reading order). */
export function loadSiteSection(code: string, type: EditorialType): SiteItem[] {
  const key = `${code}|${type}`;
  let list = sectionCache.get(key);
  if (!list) {
    const summaries = loadItemIndex().items[type] ?? {};
    list = (loadSite(code).sections?.[type] ?? []).flatMap((ref) => {
      const summary = summaries[ref.documentId];
      return summary ? [{ ref, summary }] : [];
    });
    sectionCache.set(key, list);
  }
  return list;
}

/** One item in full; read from disk each time (its page renders once). */
export function loadItemDetail<T extends EditorialType>(type: T, documentId: string): ItemDetail<T> {
  return readJson<ItemDetail<T>>(snapshotFiles.item(snapshotDir(), type, documentId));
}

/** The items of the site that cite a document ("Được giải thích bởi"). */
export function siteExplanations(code: string, documentId: string): ExplanationLink[] {
  return loadSite(code).explainedBy?.[documentId] ?? [];
}
