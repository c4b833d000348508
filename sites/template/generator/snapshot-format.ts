/**
 * The snapshot: what the generator fetched from the CMS, written as JSON files that the Astro
 * pages read at build time. It is the only thing the pages see, so a site differs from another
 * by these files alone. Written by generator/fetch-snapshot.ts, read by src/lib/snapshot.ts (the
 * pages import this file from generator/, which owns the format).
 *
 *   <dir>/run.json                  RunManifest: build date, settings
 *   <dir>/documents/index.json      DocumentIndex: a summary of every document of the run
 *   <dir>/documents/<documentId>.json  DocumentDetail: one document in full, with its relations
 *   <dir>/sites/<code>.json         SiteSnapshot: the registry entry and its document ids
 *   <dir>/assets/<code>/logo.<ext>  the site's logo, copied from the CMS (pages never call the CMS)
 *   <dir>/batches/<n>.json          BatchManifest: the site codes one Astro run builds
 *
 * Documents are stored once per run, not once per site: every site shows the national ones.
 */
import path from 'node:path';
import type { DocumentRelation, LegalDocument, Site, SiteRef } from '@pbgdpl/content-client';

/** Bumped when a field changes meaning, so pages refuse a snapshot written by another version. */
export const SNAPSHOT_FORMAT_VERSION = 2;

export interface RunManifest {
  formatVersion: number;
  /** ISO timestamp of the fetch. */
  generatedAt: string;
  /** The build date in Vietnam (YYYY-MM-DD): "newly effective" is counted back from it. */
  asOf: string;
  cmsEndpoint: string;
  /**
   * Public origin under which readers download the CMS's uploaded files (a document's original
   * file): $PBGDPL_MEDIA_BASE_URL, else the origin the generator read the CMS from — which is
   * only right when that address is public.
   */
  mediaBaseUrl?: string;
  /** Documents effective within this many days up to asOf are "newly effective" (C-1). */
  newlyEffectiveWindowDays: number;
  /** Documents per page of the list `van-ban/`. */
  listPageSize: number;
}

/** What list pages need of a document: small, because every site's lists read it. */
export interface DocumentSummary {
  documentId: string;
  number: string;
  documentType: LegalDocument['documentType'];
  title: string;
  issuedDate: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  validityStatus: LegalDocument['validityStatus'];
  scope: LegalDocument['scope'];
  issuerNames: string[];
  /** Issuing bodies and fields by code, for the browser's facets (van-ban/co-quan/…, van-ban/linh-vuc/…). */
  issuers: FacetRef[];
  fields: FacetRef[];
  /** Citable path relative to a site's base, e.g. "van-ban/bo-luat/2019/45-2019-qh14/". */
  path: string;
}

/** An issuer or a field as the document browser groups by it. */
export interface FacetRef {
  code: string;
  name: string;
}

export interface DocumentIndex {
  documents: Record<string, DocumentSummary>;
}

export interface DocumentDetail {
  document: LegalDocument;
  /** Relations in which the document is the source or the target. */
  relations: DocumentRelation[];
  /** Citable path relative to a site's base (same as in the index). */
  path: string;
  /**
   * Dissemination items that cite this document ("Được giải thích bởi"). Absent until the
   * citing types (introduction, Q&A, material…) are fetched; the page then shows nothing.
   */
  explainedBy?: ExplanationLink[];
}

/** One item that explains a document: its title, its URL (absolute or under the site's base), its section. */
export interface ExplanationLink {
  title: string;
  url: string;
  /** The section's Vietnamese name, e.g. "Hỏi đáp pháp luật". */
  section: string;
}

/** A policy dialogue open for comments (C-4), as the home page announces it. */
export interface OpenDialogueLink {
  title: string;
  url: string;
  /** ISO date the dialogue closes, when known. */
  closesOn: string | null;
}

/** The site's logo, downloaded into the snapshot so a page never requests the CMS. */
export interface LogoAsset {
  /** File name under <dir>/assets/<code>/, e.g. "logo.png". */
  file: string;
  mime: string;
  alt: string | null;
  width: number | null;
  height: number | null;
}

export interface SiteSnapshot {
  site: Site;
  /** Enabled child sites (a province's communes), sorted by name. */
  children: SiteRef[];
  /** Every document that concerns the site (see content-client listSiteDocuments). */
  documentIds: string[];
  /** The logo when the registry has one the generator could copy; null: the neutral emblem. */
  logo?: LogoAsset | null;
  /** Open policy dialogues; absent until dialogues are fetched (the home page's slot stays empty). */
  openDialogues?: OpenDialogueLink[];
}

export interface BatchManifest {
  codes: string[];
}

/** Environment variables through which the generator tells an Astro run what to build. */
export const SNAPSHOT_DIR_ENV = 'PBGDPL_SNAPSHOT_DIR';
export const BATCH_FILE_ENV = 'PBGDPL_BATCH_FILE';

export const snapshotFiles = {
  run: (dir: string) => path.join(dir, 'run.json'),
  index: (dir: string) => path.join(dir, 'documents', 'index.json'),
  document: (dir: string, documentId: string) => path.join(dir, 'documents', `${safeName(documentId)}.json`),
  site: (dir: string, code: string) => path.join(dir, 'sites', `${safeName(code)}.json`),
  asset: (dir: string, code: string, file: string) => path.join(dir, 'assets', safeName(code), safeFileName(file)),
  batch: (dir: string, index: number) => path.join(dir, 'batches', `${index}.json`),
};

/** "logo.png": one name and one extension, nothing that could leave the folder. */
function safeFileName(name: string): string {
  if (!/^[A-Za-z0-9_-]+\.[a-z0-9]+$/.test(name)) throw new Error(`Unsafe snapshot file name "${name}"`);
  return name;
}

/** documentIds and site codes are [a-z0-9-]; anything else must not become a path. */
function safeName(name: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new Error(`Unsafe snapshot file name "${name}"`);
  return name;
}
