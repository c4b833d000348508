/**
 * Step 1 of a generation: read what the selected sites need from the CMS and write it as a
 * snapshot (format in snapshot-format.ts). National documents are fetched once for all
 * sites; each site adds its local ones; full texts are fetched once per document. Then the
 * editorial items (fetch-items.ts) and each site's form token (form-settings.ts).
 */
import type { ContentClient, DocumentRelation, LegalDocument, Site, SiteRef } from '@pbgdpl/content-client';
import {
  SNAPSHOT_FORMAT_VERSION,
  snapshotFiles,
  type DocumentDetail,
  type DocumentIndex,
  type DocumentSummary,
  type FacetRef,
  type RunManifest,
  type SiteSnapshot,
} from '@pbgdpl/site-template/snapshot-format';
import { assignDocumentPaths } from './document-paths.js';
import { GeneratorError } from '../errors.js';
import { mapLimit, writeJson } from '../fs-json.js';
import type { FullTextCache } from './full-text-cache.js';
import { fetchOverHttp, type FetchAsset } from '../fetch-asset.js';
import { copyLogo } from './logo.js';
import { fetchItems } from './fetch-items.js';
import { fetchFormTokenOverHttp, formSettings, type FetchFormToken } from './form-settings.js';
import { SnapshotMedia, type SnapshotMediaStats } from '../media/snapshot-media.js';
import type { MediaStore } from '../media/store.js';

export type SiteSelection = { codes: readonly string[] } | { all: true };

export interface FetchSnapshotOptions {
  client: ContentClient;
  selection: SiteSelection;
  dir: string;
  manifest: Omit<RunManifest, 'formatVersion' | 'generatedAt' | 'cmsEndpoint'>;
  log: (message: string) => void;
  /** Sites whose local documents are fetched at once. */
  concurrency?: number;
  /** Downloads a file of the CMS (the sites' logos, videos' captions); default fetch over HTTP. */
  fetchAsset?: FetchAsset;
  /** Asks the CMS for a site's form token; default fetch over HTTP. */
  fetchFormToken?: FetchFormToken;
  /**
   * Where citizens' browsers reach the CMS (the forms post there): default
   * $PBGDPL_PUBLIC_CMS_URL, else the media base URL, else the origin the CMS is read from.
   */
  publicCmsUrl?: string;
  /**
   * Public origin of the shared host serving sites that have no baseUrl (the forms' return
   * address): default $PBGDPL_SITES_URL; none → the CMS shows its own confirmation page.
   */
  sitesUrl?: string | null;
  /** The fetch time (dialogues' phase); default now. */
  now?: Date;
  /**
   * Where the uploads the sites show are copied (media/); without it pages show no
   * uploaded images and link files at the CMS.
   */
  mediaStore?: MediaStore;
  /** Full texts kept between runs (full-text-cache.ts); without it every text is fetched. */
  fullTextCache?: FullTextCache;
}

export interface FetchedSnapshot {
  /** The sites to build, in the order given (or by code for --all). */
  sites: Site[];
  documentsPerSite: Map<string, number>;
  documentCount: number;
  /** Editorial items shown on at least one of the sites. */
  itemCount: number;
  /** Uploads put in the media store for this run; null without a store. */
  media: SnapshotMediaStats | null;
}

const LOCALE = 'vi';
/** Documents per full-text request: one page of at most 200, a few MB of text. */
const TEXT_CHUNK = 50;

/**
 * @throws {GeneratorError} when a requested site code is unknown or disabled, or none is selected.
 * @throws {ContentClientError} (from @pbgdpl/content-client) when the CMS cannot be read.
 */
export async function fetchSnapshot(options: FetchSnapshotOptions): Promise<FetchedSnapshot> {
  const { client, dir, log } = options;
  const concurrency = options.concurrency ?? 4;
  const { sites, registry } = await selectSites(client, options.selection);
  log(`Registry: ${sites.length} site(s) to build`);

  const national = await client.listNationalDocuments({ locale: LOCALE, withFullText: false });
  log(`National documents: ${national.length}`);
  const summaries = new Map<string, LegalDocument>(national.map((d) => [d.documentId, d]));
  const nationalIds = national.map((d) => d.documentId);

  let fetchedSites = 0;
  const perSite = await mapLimit(sites, concurrency, async (site) => {
    const local = await client.listLocalDocuments(site, { locale: LOCALE, withFullText: false });
    for (const doc of local) summaries.set(doc.documentId, doc);
    const children = registry
      ? childrenFrom(registry, site.code)
      : site.kind === 'commune'
        ? []
        : await client.listChildSites(site.code);
    const logo = await copyLogo({
      site,
      cmsEndpoint: client.endpoint,
      target: (file) => snapshotFiles.asset(dir, site.code, file),
      fetchAsset: options.fetchAsset ?? fetchOverHttp,
      warn: (m) => log(`warning: ${m}`),
    });
    fetchedSites += 1;
    if (fetchedSites % 100 === 0 || fetchedSites === sites.length)
      log(`Local documents and child sites: ${fetchedSites}/${sites.length} sites`);
    return { site, localIds: local.map((d) => d.documentId), children, logo };
  });

  const allIds = [...summaries.keys()].sort();
  const relations = groupRelations(await client.getDocumentRelations(allIds));
  const paths = assignDocumentPaths(summaries.values(), (m) => log(`warning: ${m}`));

  const present = await writeDetails(
    client,
    dir,
    allIds,
    relations,
    paths,
    log,
    options.fullTextCache ? { summaries, texts: options.fullTextCache } : undefined,
  );
  const index: DocumentIndex = { documents: {} };
  for (const id of allIds) {
    const doc = summaries.get(id);
    if (doc && present.has(id)) index.documents[id] = summarize(doc, paths.get(id) ?? '');
  }
  writeJson(snapshotFiles.index(dir), index);

  const siteDocumentIds = new Map<string, string[]>();
  for (const { site, localIds } of perSite) {
    siteDocumentIds.set(
      site.code,
      [...new Set([...nationalIds, ...localIds])].filter((id) => present.has(id)).sort(),
    );
  }
  const now = options.now ?? new Date();
  const cmsOrigin = new URL(client.endpoint).origin;
  const mediaBaseUrl = process.env.PBGDPL_MEDIA_BASE_URL || cmsOrigin;
  const media = options.mediaStore ? new SnapshotMedia(options.mediaStore, client.endpoint, log) : undefined;
  const items = await fetchItems({
    client,
    dir,
    sites,
    registry,
    siteDocuments: (code) =>
      (siteDocumentIds.get(code) ?? []).map((id) => ({
        documentId: id,
        number: index.documents[id]?.number ?? '',
        path: index.documents[id]?.path ?? '',
      })),
    fetchAsset: options.fetchAsset ?? fetchOverHttp,
    ...(media ? { media } : {}),
    now,
    concurrency,
    log,
  });
  // The documents' original files ("Tải văn bản gốc"), served by the sites like the items' files.
  for (const id of present) media?.file(summaries.get(id)?.originalFile);
  const mediaStats = media ? await media.finish(dir, concurrency) : null;
  if (mediaStats)
    log(
      `Media: ${mediaStats.files} file(s) for the sites — ${mediaStats.downloaded} downloaded (${(mediaStats.downloadedBytes / 1e6).toFixed(1)} MB), ${mediaStats.reused} already in the store, ${mediaStats.failed} not copied`,
    );

  const documentsPerSite = new Map<string, number>();
  await mapLimit(perSite, concurrency, async ({ site, children, logo }) => {
    const documentIds = siteDocumentIds.get(site.code) ?? [];
    const placement = items.placements.get(site.code);
    const forms = await formSettings({
      site,
      cmsOrigin,
      publicCmsUrl: options.publicCmsUrl ?? (process.env.PBGDPL_PUBLIC_CMS_URL || mediaBaseUrl),
      sitesUrl: options.sitesUrl === undefined ? process.env.PBGDPL_SITES_URL || null : options.sitesUrl,
      fields: siteFields(documentIds.map((id) => index.documents[id])),
      fetchToken: options.fetchFormToken ?? fetchFormTokenOverHttp,
      warn: (m) => log(`warning: ${m}`),
    });
    const snapshot: SiteSnapshot = {
      site,
      children: sortByName(children),
      documentIds,
      logo,
      sections: placement?.sections ?? {},
      explainedBy: placement?.explainedBy ?? {},
      openDialogues: placement?.openDialogues ?? [],
      forms,
    };
    writeJson(snapshotFiles.site(dir, site.code), snapshot);
    documentsPerSite.set(site.code, documentIds.length);
  });

  const manifest: RunManifest = {
    formatVersion: SNAPSHOT_FORMAT_VERSION,
    generatedAt: now.toISOString(),
    cmsEndpoint: client.endpoint,
    mediaBaseUrl,
    ...options.manifest,
  };
  writeJson(snapshotFiles.run(dir), manifest);
  return {
    sites,
    documentsPerSite,
    documentCount: present.size,
    itemCount: items.itemCount,
    media: mediaStats,
  };
}

/** The legal fields of a site's documents, once each: what its question form offers. */
function siteFields(documents: ReadonlyArray<DocumentSummary | undefined>): FacetRef[] {
  const byCode = new Map<string, FacetRef>();
  for (const document of documents) for (const field of document?.fields ?? []) byCode.set(field.code, field);
  return [...byCode.values()];
}

async function selectSites(
  client: ContentClient,
  selection: SiteSelection,
): Promise<{ sites: Site[]; registry: Site[] | null }> {
  if ('all' in selection) {
    const registry = await client.listSites({ all: true });
    if (registry.length === 0)
      throw new GeneratorError('The registry has no enabled site: nothing to build. Seed the CMS first.');
    return { sites: registry, registry };
  }
  const codes = [...new Set(selection.codes)];
  if (codes.length === 0)
    throw new GeneratorError('No site code given: pass --site <code>[,<code>…] or --all.');
  const found = await client.listSites({ codes });
  const byCode = new Map(found.map((s) => [s.code, s]));
  const missing = codes.filter((c) => !byCode.has(c));
  if (missing.length > 0) {
    throw new GeneratorError(
      `Unknown site code${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}. ` +
        `Codes are lower-case and hyphenated (e.g. "ha-noi", "ha-noi-ba-dinh"); the CMS registry at ${client.endpoint} lists them.`,
    );
  }
  const disabled = found.filter((s) => !s.enabled).map((s) => s.code);
  if (disabled.length > 0) {
    throw new GeneratorError(
      `Site${disabled.length > 1 ? 's' : ''} disabled in the registry: ${disabled.join(', ')}. Enable them in the CMS first.`,
    );
  }
  return { sites: codes.map((c) => byCode.get(c) as Site), registry: null };
}

function childrenFrom(registry: readonly Site[], parentCode: string): SiteRef[] {
  return registry
    .filter((s) => s.parent?.code === parentCode && s.enabled)
    .map(({ documentId, code, name, kind, basePath, enabled }) => ({
      documentId,
      code,
      name,
      kind,
      basePath,
      enabled,
    }));
}

const collator = new Intl.Collator('vi');
function sortByName(sites: SiteRef[]): SiteRef[] {
  return [...sites].sort((a, b) => collator.compare(a.name, b.name) || (a.code < b.code ? -1 : 1));
}

function groupRelations(relations: readonly DocumentRelation[]): Map<string, DocumentRelation[]> {
  const byDocument = new Map<string, DocumentRelation[]>();
  const add = (id: string | null, relation: DocumentRelation) => {
    if (!id) return;
    const list = byDocument.get(id) ?? [];
    if (!list.includes(relation)) list.push(relation);
    byDocument.set(id, list);
  };
  for (const relation of relations) {
    add(relation.sourceDocumentId, relation);
    add(relation.targetDocumentId, relation);
  }
  return byDocument;
}

/** Fetches full texts in chunks and writes one detail file per document; returns the ids written. */
export async function writeDetails(
  client: ContentClient,
  dir: string,
  ids: readonly string[],
  relations: Map<string, DocumentRelation[]>,
  paths: Map<string, string>,
  log: (message: string) => void,
  cached?: { summaries: Map<string, LegalDocument>; texts: FullTextCache },
): Promise<Set<string>> {
  const written = new Set<string>();
  const write = (fetched: LegalDocument) => {
    // The text last, whichever way it came: equal documents give equal files (their fingerprints compare them).
    const { fullText, ...rest } = fetched;
    const detail: DocumentDetail = {
      document: { ...rest, fullText },
      relations: relations.get(fetched.documentId) ?? [],
      path: paths.get(fetched.documentId) ?? '',
    };
    writeJson(snapshotFiles.document(dir, fetched.documentId), detail);
    written.add(fetched.documentId);
  };
  // A text unchanged since an earlier run (same updatedAt) comes from the cache, with this run's summary.
  const toFetch: string[] = [];
  for (const id of ids) {
    const summary = cached?.summaries.get(id);
    const text = summary ? cached!.texts.get(id, summary.updatedAt) : undefined;
    if (summary && text !== undefined) write({ ...summary, fullText: text });
    else toFetch.push(id);
  }
  if (cached)
    log(
      `Full texts: ${ids.length - toFetch.length} unchanged since an earlier run, ${toFetch.length} to fetch`,
    );
  const chunks: string[][] = [];
  for (let i = 0; i < toFetch.length; i += TEXT_CHUNK) chunks.push(toFetch.slice(i, i + TEXT_CHUNK));
  await mapLimit(chunks, 2, async (chunk) => {
    const documents = await client.listDocuments(
      { documentId: { in: chunk } },
      { locale: LOCALE, withFullText: true },
    );
    for (const document of documents) {
      write(document);
      cached?.texts.set(document.documentId, document.updatedAt, document.fullText);
    }
  });
  const vanished = ids.filter((id) => !written.has(id));
  if (vanished.length > 0)
    log(
      `warning: ${vanished.length} document(s) were unpublished while fetching and are left out: ${vanished.join(', ')}`,
    );
  log(`Documents with full text: ${written.size}`);
  return written;
}

/** What list pages (and search records) need of a document. */
export function summarize(doc: LegalDocument, path: string): DocumentSummary {
  return {
    documentId: doc.documentId,
    number: doc.number,
    documentType: doc.documentType,
    title: doc.title,
    issuedDate: doc.issuedDate,
    effectiveFrom: doc.effectiveFrom,
    effectiveTo: doc.effectiveTo,
    validityStatus: doc.validityStatus,
    scope: doc.scope,
    issuerNames: doc.issuers.map((i) => i.name),
    issuers: doc.issuers.map(({ code, name }) => ({ code, name })),
    fields: doc.fields.map(({ code, name }) => ({ code, name })),
    path,
  };
}
