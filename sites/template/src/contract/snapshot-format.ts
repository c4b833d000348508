/**
 * The snapshot: what the builder fetched from the CMS, written as JSON files that the Astro
 * pages read at build time. It is the only thing the pages see, so a site differs from another
 * by these files alone. The template owns the format (its pages read it, src/lib/snapshot.ts);
 * the builder (@pbgdpl/site-builder, snapshot/fetch-snapshot.ts) writes it.
 *
 *   <dir>/run.json                  RunManifest: build date, settings
 *   <dir>/documents/index.json      DocumentIndex: a summary of every document of the run
 *   <dir>/documents/<documentId>.json  DocumentDetail: one document in full, with its relations
 *   <dir>/sites/<code>.json         SiteSnapshot: the registry entry, its document ids, its section items
 *   <dir>/items/index.json          ItemIndex: a summary of every editorial item of the run, by type
 *   <dir>/items/<type>/<documentId>.json  ItemDetail: one item in full (captions' text included)
 *   <dir>/assets/<code>/logo.<ext>  the site's logo, copied from the CMS (pages never call the CMS)
 *   <dir>/media.json                MediaManifest: which media-store file stands for which CMS upload URL
 *   <dir>/batches/<n>.json          BatchManifest: the site codes one Astro run builds
 *
 * Documents and items are stored once per run, not once per site: every site shows the national
 * ones. What differs per site — which items it shows, at which path, and who explains which
 * document — is in its SiteSnapshot.
 */
import path from 'node:path';
import type { DocumentRelation, EditorialItems, LegalDocument, Site, SiteRef } from '@pbgdpl/content-client';
import type { CaptionLanguage, EditorialType } from '@pbgdpl/domain';
import type { CardImage } from './media-variants.js';

/** Bumped when a field changes meaning, so pages refuse a snapshot written by another version. */
export const SNAPSHOT_FORMAT_VERSION = 4;

export interface RunManifest {
  formatVersion: number;
  /** ISO timestamp of the fetch. */
  generatedAt: string;
  /** The build date in Vietnam (YYYY-MM-DD): "newly effective" is counted back from it. */
  asOf: string;
  cmsEndpoint: string;
  /**
   * Public origin under which readers download the CMS's uploaded files (a document's original
   * file): $PBGDPL_MEDIA_BASE_URL, else the origin the builder read the CMS from — which is
   * only right when that address is public.
   */
  mediaBaseUrl?: string;
  /** Documents effective within this many days up to asOf are "newly effective" (C-1). */
  newlyEffectiveWindowDays: number;
  /** Documents per page of the list `van-ban/`. */
  listPageSize: number;
  /**
   * The shared search bundle of the national documents that the search pages merge
   * (the builder's search/national-bundle.ts): its id and URL path. Absent or null: each site's own
   * index holds the national documents too.
   */
  nationalSearch?: { id: string; path: string } | null;
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
  /** The logo when the registry has one the builder could copy; null: the neutral emblem. */
  logo?: LogoAsset | null;
  /** Policy dialogues open for questions or live at the fetch (the home page's slot). */
  openDialogues?: OpenDialogueLink[];
  /**
   * The editorial items the site shows, per section, in list order: its own and those other
   * sites syndicate to it (the federation rules, @pbgdpl/domain `placementOnSite`).
   */
  sections?: Partial<Record<EditorialType, SiteItemRef[]>>;
  /**
   * "Được giải thích bởi": for each document of the site (documentId), the items shown on the site
   * that cite it. Per site, because which items a site shows, and their URLs, differ.
   */
  explainedBy?: Record<string, ExplanationLink[]>;
  /** What the public forms need (docs/forms.md); null when the CMS gave no form token. */
  forms?: FormSettings | null;
}

/** One item as a site shows it. */
export interface SiteItemRef {
  documentId: string;
  /** Relative to the site's base, e.g. "hoi-dap/thoi-gian-thu-viec/". */
  path: string;
  /** Set when another site owns the item: its name and the item's URL there (rel=canonical). */
  source: { name: string; url: string } | null;
  /** Set when the site adopted the item (api::site-adoption): home-page pinning and its local note. */
  adoption?: AdoptionNote;
}

/** What a site added to an item it adopted, never a copy of the item itself. */
export interface AdoptionNote {
  /** First in its section's list on the home page. */
  pinned: boolean;
  /** Order among the pinned items (smallest first; null last). */
  position: number | null;
  /** The unit's note shown above the original (Strapi blocks), and its heading. */
  noteTitle: string | null;
  note: Array<Record<string, unknown>> | null;
}

/** What a list needs of an item, small because every site's lists read it. */
export interface ItemSummary {
  documentId: string;
  type: EditorialType;
  title: string;
  /** One plain line under the title (the summary, the question, the topic…). */
  summary: string | null;
  /** The date lists show and sort by (YYYY-MM-DD in Vietnam), when the type has one. */
  date: string | null;
  mayBeOutdated: boolean;
  /** A policy dialogue's phase at the fetch (planned, open, live, closed). */
  phase?: string;
  /** The item's picture as its card shows it (media/variants.ts `cardImage`); absent: none. */
  image?: CardImage | null;
}

export interface ItemIndex {
  items: Partial<Record<EditorialType, Record<string, ItemSummary>>>;
}

/** A caption track copied from the CMS, served beside the video's page. */
export interface CaptionText {
  language: CaptionLanguage;
  label: string;
  /** The WebVTT file's text. */
  vtt: string;
}

export interface ItemDetail<T extends EditorialType = EditorialType> {
  type: T;
  item: EditorialItems[T];
  /** A video's caption tracks (uploaded videos); those that could not be copied are left out. */
  captions?: CaptionText[];
  /** A dialogue's phase at the fetch (its stored phase moved forward by its dates). */
  phase?: string;
}

/** The question forms' settings for one site (docs/forms.md). */
export interface FormSettings {
  /** The CMS's public origin, where the forms post ("https://cms.pbgdpl.gov.vn"). */
  cmsUrl: string;
  /** A form token for the site, valid for weeks (`GET /api/submissions/token?for=page`). */
  token: string;
  expiresAt: string | null;
  /** Absolute address of the Q&A confirmation page (returnTo); null when the site's public origin is unknown. */
  returnTo: string | null;
  /** Absolute address of the report form's confirmation page (`phan-anh/da-gui/`); null as for returnTo. */
  reportReturnTo?: string | null;
  /** Legal fields offered in the question form (code and name), sorted by name. */
  fields: FacetRef[];
}

/**
 * The uploads copied into the media store for this run (the builder's media/), by the URL the CMS
 * gives them under ("/uploads/small_x.jpg"): pages serve `<base>media/<file>` instead.
 */
export interface MediaManifest {
  files: Record<string, { file: string; mime: string; bytes: number }>;
}

export interface BatchManifest {
  codes: string[];
  /**
   * Per site, the documents whose pages are not rendered by this run: their fingerprint is the one
   * of the site's live release, whose files the builder links instead (its incremental/reuse.ts).
   */
  reuse?: Record<string, string[]>;
}

/** Environment variables through which the builder tells an Astro run what to build. */
export const SNAPSHOT_DIR_ENV = 'PBGDPL_SNAPSHOT_DIR';
export const BATCH_FILE_ENV = 'PBGDPL_BATCH_FILE';

export const snapshotFiles = {
  run: (dir: string) => path.join(dir, 'run.json'),
  index: (dir: string) => path.join(dir, 'documents', 'index.json'),
  document: (dir: string, documentId: string) => path.join(dir, 'documents', `${safeName(documentId)}.json`),
  site: (dir: string, code: string) => path.join(dir, 'sites', `${safeName(code)}.json`),
  itemIndex: (dir: string) => path.join(dir, 'items', 'index.json'),
  media: (dir: string) => path.join(dir, 'media.json'),
  item: (dir: string, type: EditorialType, documentId: string) =>
    path.join(dir, 'items', safeName(type), `${safeName(documentId)}.json`),
  asset: (dir: string, code: string, file: string) =>
    path.join(dir, 'assets', safeName(code), safeFileName(file)),
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
