/**
 * The one way pages reach content. Every read goes to the snapshot of the page being rendered:
 * the one a warm renderer handed to the request (withSnapshot, called by src/middleware.ts), else
 * the one `astro build` was pointed at on disk ($PBGDPL_SNAPSHOT_DIR, src/lib/snapshot-source.ts).
 *
 * What pages derive from a snapshot (its sites' sorted documents, facets, section lists…) is
 * cached per snapshot and content version, so a warm renderer never serves one snapshot's lists
 * with another's data; a document's rendered text is cached by its content across snapshots,
 * because a national law's text is the same on every site and in every version that did not
 * change it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import type { EditorialType } from '@pbgdpl/domain';
import { renderFullText } from './full-text.js';
import { documentText, type DocumentText } from './document-text.js';
import { facetValues, listingPages, type FacetKey, type FacetValue, type ListingPage } from './facets.js';
import { diskSnapshotSource, type SnapshotSource } from './snapshot-source.js';
import {
  BATCH_FILE_ENV,
  SNAPSHOT_DIR_ENV,
  type BatchManifest,
  type DocumentDetail,
  type DocumentSummary,
  type ExplanationLink,
  type ItemDetail,
  type ItemSummary,
  type LogoAsset,
  type MediaManifest,
  type RunManifest,
  type SiteItemRef,
  type SiteSnapshot,
} from '../contract/snapshot-format.js';
import type { CoverageSummary } from '../contract/public-signals-format.js';

/** One snapshot as the pages see it: its source, and what was derived from it so far. */
class SnapshotView {
  private readonly memos = new Map<string, unknown>();
  constructor(
    readonly source: SnapshotSource,
    readonly version: string,
  ) {}

  /** The value `make` gives for `key`, computed once per snapshot version. */
  memo<T>(key: string, make: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const value = make();
    this.memos.set(key, value);
    return value;
  }
}

const requestSnapshot = new AsyncLocalStorage<SnapshotView>();
const views = new WeakMap<SnapshotSource, SnapshotView>();

function viewOf(source: SnapshotSource): SnapshotView {
  let view = views.get(source);
  if (!view || view.version !== source.version) {
    view = new SnapshotView(source, source.version);
    views.set(source, view);
  }
  return view;
}

/**
 * Runs `render` with `source` as the snapshot of every read it makes (a warm renderer's request).
 * Concurrent renders of different snapshots do not see each other's.
 */
export function withSnapshot<T>(source: SnapshotSource, render: () => T): T {
  return requestSnapshot.run(viewOf(source), render);
}

let diskSource: SnapshotSource | undefined;
function current(): SnapshotView {
  const view = requestSnapshot.getStore();
  if (view) return view;
  if (!diskSource) {
    const dir = process.env[SNAPSHOT_DIR_ENV];
    if (!dir) {
      throw new Error(
        `${SNAPSHOT_DIR_ENV} is not set: the template is built by the generator ` +
          '(pnpm sites:build --site <code> --out <dir>), not by `astro build` alone.',
      );
    }
    diskSource = diskSnapshotSource(dir);
  }
  return viewOf(diskSource);
}

export function loadRun(): RunManifest {
  return current().source.run();
}

function loadIndex(): Map<string, DocumentSummary> {
  const view = current();
  return view.memo('index', () => new Map(Object.entries(view.source.documentIndex().documents)));
}

let batch: BatchManifest | undefined;
/** The batch `astro build` was asked to build (static builds only: a warm renderer is asked per URL). */
function loadBatch(): BatchManifest {
  if (!batch) {
    const file = process.env[BATCH_FILE_ENV];
    if (!file)
      throw new Error(`${BATCH_FILE_ENV} is not set: the generator names the batch of sites to build.`);
    batch = JSON.parse(fs.readFileSync(file, 'utf8')) as BatchManifest;
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

/** Whether the snapshot has this site (an on-demand URL may name any). */
export function hasSite(code: string): boolean {
  const view = current();
  return view.memo(`has:${code}`, () => view.source.hasSite(code));
}

export function loadSite(code: string): SiteSnapshot {
  const view = current();
  return view.memo(`site:${code}`, () => view.source.site(code));
}

/** The site's documents, newest issued first (ties by number), as every list shows them. */
export function loadSiteDocuments(code: string): DocumentSummary[] {
  return current().memo(`documents:${code}`, () => {
    const all = loadIndex();
    return loadSite(code)
      .documentIds.map((id) => all.get(id))
      .filter((d): d is DocumentSummary => d !== undefined)
      .sort((a, b) =>
        a.issuedDate < b.issuedDate
          ? 1
          : a.issuedDate > b.issuedDate
            ? -1
            : a.number.localeCompare(b.number, 'vi'),
      );
  });
}

/** Whether a document is published on the site (then a relation to it can be a link). */
export function siteHasDocument(code: string, documentId: string | null): boolean {
  if (!documentId) return false;
  return current()
    .memo(`documentIds:${code}`, () => new Set(loadSite(code).documentIds))
    .has(documentId);
}

/** The summary of any document of the run (for relation links). */
export function documentSummary(documentId: string | null): DocumentSummary | undefined {
  return documentId ? loadIndex().get(documentId) : undefined;
}

/**
 * One document in full. Kept for the snapshot's life: a long law's document page and each of its
 * text pages read it, and reading its JSON again for each was a quarter of their rendering.
 */
export function loadDocumentDetail(documentId: string): DocumentDetail {
  const view = current();
  return view.memo(`detail:${documentId}`, () => view.source.documentDetail(documentId));
}

/** The site's logo file as copied by the generator, or null (the page shows the neutral emblem). */
export function loadLogo(code: string): { asset: LogoAsset; bytes: Buffer } | null {
  const asset = loadSite(code).logo;
  if (!asset) return null;
  return { asset, bytes: current().source.asset(code, asset.file) };
}

/** Which media-store file stands for which CMS upload (none when the run copied no media). */
export function loadMediaManifest(): MediaManifest {
  const view = current();
  return view.memo('media', () => view.source.media());
}

/**
 * Rendered texts by document, least recently used first, across snapshots: a text is rendered
 * again only when the document's full text changed. Many sites show the same national documents
 * one after another, and rendering a law's text is most of a document page's cost.
 */
const renderedTexts = new Map<string, { fullText: string; text: DocumentText; bytes: number }>();
let renderedBytes = 0;
/** Rendered HTML kept, in UTF-16 code units (≈ 2 bytes each in memory). */
const RENDERED_TEXT_BUDGET = 64 * 1024 * 1024;

/** A document's rendered text, its contents and its text pages (rendered once while kept). */
export function loadDocumentText(documentId: string): DocumentText {
  const fullText = loadDocumentDetail(documentId).document.fullText ?? '';
  const cached = renderedTexts.get(documentId);
  if (cached && cached.fullText === fullText) {
    renderedTexts.delete(documentId);
    renderedTexts.set(documentId, cached);
    return cached.text;
  }
  if (cached) {
    renderedTexts.delete(documentId);
    renderedBytes -= cached.bytes;
  }
  const text = documentText(fullText ? renderFullText(fullText) : '');
  const bytes = text.parts.reduce((sum, part) => sum + part.html.length, 0);
  renderedTexts.set(documentId, { fullText, text, bytes });
  renderedBytes += bytes;
  while (renderedBytes > RENDERED_TEXT_BUDGET && renderedTexts.size > 1) {
    const [oldest, entry] = renderedTexts.entries().next().value as [string, { bytes: number }];
    renderedTexts.delete(oldest);
    renderedBytes -= entry.bytes;
  }
  return text;
}

/** How many separate text pages (toan-van/…) a document has: 0 when its text is on its own page. */
export function textPageCount(documentId: string): number {
  return current().memo(`textPages:${documentId}`, () => {
    const text = loadDocumentText(documentId);
    return text.inline ? 0 : text.parts.length;
  });
}

/** The site's document browser: facet values and every listing page (computed once per site and snapshot). */
export function loadSiteListings(code: string): {
  values: Record<FacetKey, FacetValue[]>;
  pages: ListingPage[];
} {
  return current().memo(`listings:${code}`, () => {
    const documents = loadSiteDocuments(code);
    return { values: facetValues(documents), pages: listingPages(documents, loadRun().listPageSize) };
  });
}

/** An item as a site lists it: where it is on the site, and its summary. */
export interface SiteItem {
  ref: SiteItemRef;
  summary: ItemSummary;
}

/** The items a site shows in one section, in list order (newest first; the bookshelf by reading order). */
export function loadSiteSection(code: string, type: EditorialType): SiteItem[] {
  const view = current();
  return view.memo(`section:${code}|${type}`, () => {
    const summaries = view.memo('items', () => view.source.itemIndex()).items[type] ?? {};
    return (loadSite(code).sections?.[type] ?? []).flatMap((ref) => {
      const summary = summaries[ref.documentId];
      return summary ? [{ ref, summary }] : [];
    });
  });
}

/** One item in full (kept for the snapshot's life, like documents). */
export function loadItemDetail<T extends EditorialType>(type: T, documentId: string): ItemDetail<T> {
  const view = current();
  return view.memo(`item:${type}/${documentId}`, () => view.source.itemDetail(type, documentId));
}

/** The items of the site that cite a document ("Được giải thích bởi"). */
export function siteExplanations(code: string, documentId: string): ExplanationLink[] {
  return loadSite(code).explainedBy?.[documentId] ?? [];
}

/** The site's public coverage summary; null when the CMS gave none. */
export function loadCoverage(code: string): CoverageSummary | null {
  const view = current();
  return view.memo(`coverage:${code}`, () => view.source.coverage(code));
}

/** Where the search page sends queries; null: it sends nothing. */
export function searchBeacon(): string | null {
  const view = current();
  return view.memo('publicSignals', () => view.source.publicSignals())?.searchBeacon ?? null;
}

/**
 * A value derived from the current snapshot by another module (a site's citation resolver…),
 * computed once per snapshot version: module-level caches would outlive the snapshot.
 */
export function snapshotMemo<T>(key: string, make: () => T): T {
  return current().memo(key, make);
}
