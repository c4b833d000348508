/**
 * generateSites: CMS → snapshot → Astro builds in batches → `<outDir>/<code>/` for each site.
 * The CLI (cli.ts) is a thin wrapper; tests and scripts call this function directly.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createContentClient, graphqlEndpoint, type ContentClient } from '@pbgdpl/content-client';
import { NEWLY_EFFECTIVE_WINDOW_DAYS, assertIsoDate, todayInVietnam } from '@pbgdpl/domain';
import { snapshotFiles, type BatchManifest, type RunManifest } from '@pbgdpl/site-template/snapshot-format';
import { buildBatch } from './render/build-batch.js';
import { GeneratorError } from './errors.js';
import { fetchSnapshot, type SiteSelection } from './snapshot/fetch-snapshot.js';
import { writeJson } from './fs-json.js';
import { currentRelease, installRelease, installSite, measureSite } from './release/install.js';
import type { FetchAsset } from './fetch-asset.js';
import type { FetchFormToken } from './snapshot/form-settings.js';
import {
  MEDIA_STORE_DIR,
  MediaStore,
  downloadOverHttp,
  downloadWith,
  pruneMediaStore,
} from './media/store.js';
import { linkSiteMedia, type LinkedMedia } from './media/link-site.js';
import { writePublicSignals, type FetchCoverage } from './snapshot/public-signals.js';
import { finishSites, type PostBuildResult } from './finish/post-build.js';
import type { SearchIndexStats } from './search/index-site.js';
import type { SitemapStats } from './finish/sitemap.js';
import type { ServiceWorkerStats } from './finish/service-worker.js';
import { SNAPSHOTS_DIR, TEMPLATE_DIR } from './locations.js';
import { ensureNationalBundle, pruneNationalBundles, type NationalBundle } from './search/national-bundle.js';
import { nationalInputKey, nationalRecords } from './search/snapshot-records.js';
import {
  documentFingerprints,
  readRunInputs,
  type DocumentPages,
  type RunInputs,
} from './incremental/document-fingerprints.js';
import { linkReusedPages, planReuse, type ReusePlan } from './incremental/reuse.js';
import { templateHash } from './incremental/template-hash.js';
import { FULL_TEXT_CACHE_DIR, FullTextCache } from './snapshot/full-text-cache.js';

export const DEFAULT_BATCH_SIZE = 25;
export const DEFAULT_LIST_PAGE_SIZE = 50;

export interface GenerateSitesOptions {
  /** Base URL of the CMS ("http://127.0.0.1:1337"); "/graphql" is appended unless present. */
  cmsUrl: string;
  /** Site codes to build; or set `all`. */
  codes?: readonly string[];
  /** Build every enabled site of the registry. */
  all?: boolean;
  /** Absolute output folder; each site goes to `<outDir>/<code>/`. Created when missing. */
  outDir: string;
  /** Sites per Astro run. Default 25. */
  batchSize?: number;
  /** Build date (YYYY-MM-DD) for "newly effective"; default today in Vietnam. */
  asOf?: string;
  /** Documents per page of `van-ban/`. Default 50. */
  listPageSize?: number;
  /** Read-only Strapi API token, when public access is not enough. */
  token?: string;
  /** Where to write the snapshot; default a fresh folder under this package's .snapshots/. */
  snapshotDir?: string;
  /** Keep the snapshot after the build (it is removed by default). */
  keepSnapshot?: boolean;
  /** Progress and warnings; default console.log. */
  log?: (message: string) => void;
  /** Inject a client (tests); default one for `cmsUrl`. */
  client?: ContentClient;
  /** Inject the download of CMS files such as logos and captions (tests); default fetch over HTTP. */
  fetchAsset?: FetchAsset;
  /** Inject the request for each site's form token (tests); default fetch over HTTP. */
  fetchFormToken?: FetchFormToken;
  /**
   * The media store: uploads the sites show, kept by content hash and hard-linked into each site
   * (media/). Default `<outDir>/.pbgdpl-media`; keep it on the output's file system.
   */
  mediaDir?: string;
  /** Inject the request for each site's public coverage summary (tests); default fetch over HTTP. */
  fetchCoverage?: FetchCoverage;
  /** Where citizens reach the CMS (forms post there); default $PBGDPL_PUBLIC_CMS_URL, else the media base URL. */
  publicCmsUrl?: string;
  /** Public origin of the shared host serving sites without a baseUrl (forms' return address); default $PBGDPL_SITES_URL. */
  sitesUrl?: string | null;
  /** The moment dialogues' phase is taken at; default now, or noon of `asOf` in Vietnam when it is given. */
  now?: Date;
  /**
   * `flat` (default): each site is `<outDir>/<code>/`. `releases`: each build becomes
   * `<outDir>/<code>/releases/<id>/`, checked, precompressed, and `<outDir>/<code>/current` is
   * switched to it atomically; old releases are pruned (install.ts).
   */
  layout?: 'flat' | 'releases';
  /** Release id for every site of this run (layout `releases`); default a fresh time-sorted id per site. */
  releaseId?: string;
  /** Releases kept per site (layout `releases`). Default 3. */
  keepReleases?: number;
  /**
   * Index the national documents once into the shared bundle `<outDir>/_national/pagefind/<id>/`
   * that every site's search merges (default true; ADR 0004 strategy E). False: each site's index
   * holds them, as before (benchmarks compare both).
   */
  nationalSearch?: boolean;
}

export interface SiteResult {
  code: string;
  ok: boolean;
  /** `<outDir>/<code>` when built. */
  dir: string | null;
  /** HTML files written. */
  pages: number;
  bytes: number;
  /** Documents listed on the site. */
  documents: number;
  /** 1-based batch this site was built in, and that batch's Astro time (shared by its sites). */
  batch: number;
  batchMs: number;
  error: string | null;
  /** The site's Pagefind index (records, files, bytes under pagefind/); null when not built. */
  search?: SearchIndexStats | null;
  /** sitemap.xml (URLs listed, files written); null when not built. */
  sitemap?: SitemapStats | null;
  /** sw.js: its version (a hash of the build) and how many URLs it stores at install. */
  serviceWorker?: ServiceWorkerStats | null;
  /** Layout `releases`: the release now live; null when the site was not released. */
  release?: string | null;
  /** Media files linked into the site's `media/` (files, bytes); null when not built. */
  media?: LinkedMedia | null;
  /** Document page files linked from the live release instead of rendered (layout `releases`). */
  reusedPages?: number;
  /** Where the site's time went: its batch's Astro run (shared), its post-build steps, its install (precompression, switch). */
  timings?: { astroMs: number; postMs: number; installMs: number };
}

export interface GenerateSitesResult {
  ok: boolean;
  sites: SiteResult[];
  /** The national search bundle the run's sites merge; null when each site indexed everything. */
  national: NationalBundle | null;
  fetchMs: number;
  elapsedMs: number;
  asOf: string;
  /** Present when keepSnapshot is true. */
  snapshotDir: string | null;
}

/**
 * Generates the static sites. A batch whose Astro build fails marks its sites failed and the
 * others still build; check `ok` (the CLI exits 1 then).
 * @throws {GeneratorError} on invalid options, an unknown or disabled site code, an empty registry.
 * @throws {ContentClientError} (from @pbgdpl/content-client) when the CMS cannot be read.
 */
export async function generateSites(options: GenerateSitesOptions): Promise<GenerateSitesResult> {
  const started = Date.now();
  const log = options.log ?? ((message: string) => console.log(message));
  const selection = checkedSelection(options);
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new GeneratorError(`--batch-size must be a whole number ≥ 1, not ${batchSize}.`);
  if (!path.isAbsolute(options.outDir))
    throw new GeneratorError(`outDir must be absolute, not "${options.outDir}".`);
  const asOf = options.asOf === undefined ? todayInVietnam(new Date()) : checkedDate(options.asOf);
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

  const client =
    options.client ??
    createContentClient({
      endpoint: graphqlEndpoint(options.cmsUrl),
      ...(options.token ? { token: options.token } : {}),
    });
  // Unique even for two runs started in the same millisecond by one process (a worker building
  // two batches at once): they must not share a snapshot folder.
  const runId = `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}-${crypto.randomBytes(3).toString('hex')}`;
  const snapshotDir = path.resolve(options.snapshotDir ?? path.join(SNAPSHOTS_DIR, runId));
  fs.mkdirSync(options.outDir, { recursive: true });
  // Built beside the output so that installing a site is a rename on one file system.
  const workDir = path.join(options.outDir, `.pbgdpl-build-${runId}`);
  const fullTextCache = new FullTextCache(path.join(options.outDir, FULL_TEXT_CACHE_DIR));
  const mediaStore = new MediaStore({
    root: options.mediaDir ?? path.join(options.outDir, MEDIA_STORE_DIR),
    download: options.fetchAsset ? downloadWith(options.fetchAsset) : downloadOverHttp,
    ...mediaMaxBytes(),
  });

  try {
    log(`Fetching from ${client.endpoint} (build date ${asOf}) …`);
    const fetched = await fetchSnapshot({
      client,
      selection,
      dir: snapshotDir,
      manifest: {
        asOf,
        newlyEffectiveWindowDays: NEWLY_EFFECTIVE_WINDOW_DAYS,
        listPageSize: options.listPageSize ?? DEFAULT_LIST_PAGE_SIZE,
      },
      log: (m) => log(`  ${m}`),
      ...(options.fetchAsset ? { fetchAsset: options.fetchAsset } : {}),
      ...(options.fetchFormToken ? { fetchFormToken: options.fetchFormToken } : {}),
      ...(options.publicCmsUrl ? { publicCmsUrl: options.publicCmsUrl } : {}),
      ...(options.sitesUrl !== undefined ? { sitesUrl: options.sitesUrl } : {}),
      mediaStore,
      fullTextCache,
      now: options.now ?? (options.asOf === undefined ? new Date() : new Date(`${asOf}T12:00:00+07:00`)),
    });
    // The about page's coverage summary and the search beacon's address (issue 8); never fatal.
    await writePublicSignals({
      dir: snapshotDir,
      codes: fetched.sites.map((s) => s.code),
      cmsOrigin: new URL(client.endpoint).origin,
      publicCmsUrl: options.publicCmsUrl ?? (process.env.PBGDPL_PUBLIC_CMS_URL || null),
      ...(options.fetchCoverage ? { fetchCoverage: options.fetchCoverage } : {}),
      log: (m) => log(`  ${m}`),
    });
    const fetchMs = Date.now() - started;
    const codes = fetched.sites.map((s) => s.code);
    log(
      `Snapshot ready: ${codes.length} site(s), ${fetched.documentCount} document(s), ${fetched.itemCount} item(s) in ${elapsed()}`,
    );
    const national =
      options.nationalSearch === false ? null : await nationalBundle(options.outDir, snapshotDir, log);

    const results: SiteResult[] = [];
    const batches = chunk(codes, batchSize);
    // Layout `releases`: document pages unchanged since the live release are linked, not rendered.
    const runInputs =
      options.layout === 'releases' ? readRunInputs(snapshotDir, templateHash(TEMPLATE_DIR)) : null;
    for (const [index, batchCodes] of batches.entries()) {
      const batchNumber = index + 1;
      const batchFile = snapshotFiles.batch(snapshotDir, batchNumber);
      const plans = new Map<string, SiteReuse>();
      if (runInputs)
        for (const code of batchCodes)
          plans.set(code, siteReuse(options.outDir, snapshotDir, code, runInputs));
      writeJson(batchFile, {
        codes: batchCodes,
        reuse: Object.fromEntries([...plans].map(([code, plan]) => [code, plan.reused])),
      } satisfies BatchManifest);
      const batchOut = path.join(workDir, `batch-${batchNumber}`);
      const batchStarted = Date.now();
      let failure: string | null = null;
      try {
        await buildBatch({
          templateDir: TEMPLATE_DIR,
          snapshotDir,
          batchFile,
          codes: batchCodes,
          outDir: batchOut,
          cacheDir: path.join(snapshotDir, 'astro-cache'),
        });
      } catch (error) {
        failure = (error as Error).message;
        log(`  batch ${batchNumber}/${batches.length} FAILED: ${failure}`);
      }
      const astroMs = Date.now() - batchStarted;
      const postMs = new Map<string, number>();
      // Search index, sitemap, service worker: inside each built site, before it is installed.
      const finished = new Map<string, PostBuildResult>();
      const postBuildFailures = new Map<string, string>();
      const toFinish: string[] = [];
      for (const code of failure === null ? batchCodes : []) {
        if (!fs.existsSync(path.join(batchOut, code, 'index.html'))) continue;
        const linkStarted = Date.now();
        try {
          const plan = plans.get(code);
          if (plan?.previousDir)
            plan.linked = linkReusedPages(plan.previousDir, path.join(batchOut, code), plan.paths);
          toFinish.push(code);
        } catch (error) {
          postBuildFailures.set(
            code,
            `Unchanged pages of ${code} could not be linked: ${(error as Error).message}`,
          );
          log(`  ${postBuildFailures.get(code)}`);
        }
        postMs.set(code, Date.now() - linkStarted);
      }
      // One Pagefind process for the batch; the post-build time is shared evenly.
      const postStarted = Date.now();
      const posts = await finishSites(
        toFinish.map((code) => ({
          siteDir: path.join(batchOut, code),
          code,
          snapshotDir,
          templateDir: TEMPLATE_DIR,
          national,
          previousDir: plans.get(code)?.liveDir ?? null,
        })),
      );
      const postShare = toFinish.length > 0 ? (Date.now() - postStarted) / toFinish.length : 0;
      for (const [i, code] of toFinish.entries()) {
        const post = posts[i]!;
        postMs.set(code, (postMs.get(code) ?? 0) + postShare);
        if (post instanceof Error) {
          postBuildFailures.set(code, `Post-build steps of ${code} failed: ${post.message}`);
          log(`  ${postBuildFailures.get(code)}`);
        } else {
          finished.set(code, post);
        }
      }
      // Then the media its pages name, linked from the store (after sw.js: its version hashes the
      // pages, which name each file by its content hash, so the files need not be read again).
      const linked = new Map<string, LinkedMedia>();
      for (const code of finished.keys()) {
        const mediaStarted = Date.now();
        try {
          linked.set(code, linkSiteMedia(path.join(batchOut, code), mediaStore));
        } catch (error) {
          postBuildFailures.set(code, `Media of ${code} could not be linked: ${(error as Error).message}`);
          log(`  ${postBuildFailures.get(code)}`);
        }
        postMs.set(code, (postMs.get(code) ?? 0) + Date.now() - mediaStarted);
      }
      const batchMs = Date.now() - batchStarted;
      for (const code of batchCodes) {
        const post = finished.get(code);
        const installStarted = Date.now();
        results.push({
          ...(await installResult(
            code,
            batchOut,
            options.outDir,
            failure ?? postBuildFailures.get(code) ?? null,
            fetched.documentsPerSite.get(code) ?? 0,
            batchNumber,
            batchMs,
            options,
            plans.get(code)?.fingerprints,
          )),
          reusedPages: plans.get(code)?.linked ?? 0,
          search: post?.search ?? null,
          sitemap: post?.sitemap ?? null,
          serviceWorker: post?.serviceWorker ?? null,
          media: linked.get(code) ?? null,
          timings: { astroMs, postMs: postMs.get(code) ?? 0, installMs: Date.now() - installStarted },
        });
      }
      const batchResults = results.slice(-batchCodes.length);
      const total = (key: 'postMs' | 'installMs') =>
        batchResults.reduce((sum, r) => sum + (r.timings?.[key] ?? 0), 0);
      log(
        `  batch ${batchNumber}: Astro ${(astroMs / 1000).toFixed(1)} s, post-build ${(total('postMs') / 1000).toFixed(1)} s, install ${(total('installMs') / 1000).toFixed(1)} s; ${batchResults.reduce((sum, r) => sum + (r.reusedPages ?? 0), 0)} page file(s) reused`,
      );
      fs.rmSync(batchOut, { recursive: true, force: true });
      const done = results.length;
      log(
        `[${done}/${codes.length} sites] batch ${batchNumber}/${batches.length} (${batchCodes.join(', ')}) in ${(batchMs / 1000).toFixed(1)} s — elapsed ${elapsed()}`,
      );
    }
    // A new bundle may have replaced the one older releases name: drop those no site references.
    if (national?.built)
      for (const id of pruneNationalBundles(options.outDir))
        log(`National search bundle ${id} removed (no site references it)`);
    const ok = results.every((r) => r.ok);
    const failed = results.filter((r) => !r.ok).map((r) => r.code);
    log(
      ok
        ? `Done: ${results.length} site(s) in ${options.outDir} (${elapsed()})`
        : `Finished with failures: ${failed.join(', ')} (${elapsed()})`,
    );
    return {
      ok,
      sites: results,
      national,
      fetchMs,
      elapsedMs: Date.now() - started,
      asOf,
      snapshotDir: options.keepSnapshot ? snapshotDir : null,
    };
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
    if (!options.keepSnapshot) fs.rmSync(snapshotDir, { recursive: true, force: true });
    try {
      fullTextCache.prune();
    } catch (error) {
      log(
        `warning: the full-text cache ${fullTextCache.dir} could not be pruned: ${(error as Error).message}`,
      );
    }
    try {
      const removed = pruneMediaStore(mediaStore.root);
      if (removed > 0) log(`Media store: ${removed} file(s) no site uses any more removed`);
    } catch (error) {
      log(`warning: the media store ${mediaStore.root} could not be pruned: ${(error as Error).message}`);
    }
  }
}

/** $PBGDPL_MEDIA_MAX_BYTES: files above it stay download links to the CMS. */
function mediaMaxBytes(): { maxBytes?: number } {
  const value = process.env.PBGDPL_MEDIA_MAX_BYTES;
  if (!value) return {};
  const bytes = Number(value);
  if (!Number.isInteger(bytes) || bytes < 1)
    throw new GeneratorError(`PBGDPL_MEDIA_MAX_BYTES must be a whole number of bytes, not "${value}".`);
  return { maxBytes: bytes };
}

/**
 * The run's national search bundle (built unless it exists), recorded in the run manifest so the
 * search pages merge it. Null — with a warning — when it cannot be had: the sites then index the
 * national documents themselves, so search keeps working.
 */
async function nationalBundle(
  outDir: string,
  snapshotDir: string,
  log: (m: string) => void,
): Promise<NationalBundle | null> {
  const runFile = snapshotFiles.run(snapshotDir);
  const manifest = JSON.parse(fs.readFileSync(runFile, 'utf8')) as RunManifest;
  let bundle: NationalBundle | null = null;
  try {
    bundle = await ensureNationalBundle({
      outDir,
      records: nationalRecords(snapshotDir),
      inputKey: nationalInputKey(snapshotDir),
      fetchedAt: manifest.generatedAt,
      log: (m) => log(`  ${m}`),
    });
  } catch (error) {
    log(
      `warning: no national search bundle (${(error as Error).message}); each site indexes the national documents itself.`,
    );
  }
  writeJson(runFile, {
    ...manifest,
    nationalSearch: bundle ? { id: bundle.id, path: bundle.path } : null,
  } satisfies RunManifest);
  return bundle;
}

async function installResult(
  code: string,
  batchOut: string,
  outDir: string,
  failure: string | null,
  documents: number,
  batch: number,
  batchMs: number,
  install: Pick<GenerateSitesOptions, 'layout' | 'releaseId' | 'keepReleases'> = {},
  fingerprints?: Map<string, DocumentPages>,
): Promise<SiteResult> {
  const base = { code, documents, batch, batchMs };
  if (failure !== null) return { ...base, ok: false, dir: null, pages: 0, bytes: 0, error: failure };
  const built = path.join(batchOut, code);
  if (!fs.existsSync(path.join(built, 'index.html'))) {
    return {
      ...base,
      ok: false,
      dir: null,
      pages: 0,
      bytes: 0,
      error: `Astro produced no ${code}/index.html`,
    };
  }
  // Astro writes the [site]/404 route as a folder; servers look for <code>/404.html.
  const notFound = path.join(built, '404', 'index.html');
  if (fs.existsSync(notFound)) {
    fs.renameSync(notFound, path.join(built, '404.html'));
    fs.rmSync(path.join(built, '404'), { recursive: true, force: true });
  }
  const { pages, bytes } = measureSite(built);
  try {
    if (install.layout === 'releases') {
      const release = await installRelease(built, outDir, code, {
        ...(install.releaseId ? { releaseId: install.releaseId } : {}),
        ...(install.keepReleases ? { keep: install.keepReleases } : {}),
        ...(fingerprints ? { fingerprints } : {}),
      });
      return { ...base, ok: true, dir: release.dir, pages, bytes, error: null, release: release.releaseId };
    }
    return { ...base, ok: true, dir: installSite(built, outDir, code), pages, bytes, error: null };
  } catch (error) {
    return {
      ...base,
      ok: false,
      dir: null,
      pages: 0,
      bytes: 0,
      error: `Could not install ${code}: ${(error as Error).message}`,
    };
  }
}

interface SiteReuse extends ReusePlan {
  /** The live release's folder (its search index may be reused even when no page is). */
  liveDir: string | null;
  fingerprints: Map<string, DocumentPages>;
  /** The reused documents' paths. */
  paths: string[];
  /** Files linked, once done. */
  linked: number;
}

function siteReuse(outDir: string, snapshotDir: string, code: string, run: RunInputs): SiteReuse {
  const siteRoot = path.join(outDir, code);
  const fingerprints = documentFingerprints(snapshotDir, code, run);
  const live = currentRelease(siteRoot);
  const liveDir = live ? path.join(siteRoot, 'releases', live) : null;
  const plan = planReuse(siteRoot, live, fingerprints);
  const paths = plan.reused.map((id) => fingerprints.get(id)!.path);
  return {
    ...plan,
    liveDir: liveDir && fs.existsSync(liveDir) ? liveDir : null,
    fingerprints,
    paths,
    linked: 0,
  };
}

function checkedSelection(options: GenerateSitesOptions): SiteSelection {
  const codes = options.codes ?? [];
  if (options.all && codes.length > 0) throw new GeneratorError('Give either site codes or all, not both.');
  if (options.all) return { all: true };
  if (codes.length === 0)
    throw new GeneratorError('No site selected: give site codes (--site) or all (--all).');
  return { codes };
}

function checkedDate(value: string): string {
  try {
    return assertIsoDate(value, 'asOf');
  } catch {
    throw new GeneratorError(`--as-of must be a date YYYY-MM-DD, not "${value}".`);
  }
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
