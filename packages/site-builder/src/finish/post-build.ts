/**
 * Step 2b: what a site needs after its Astro build and before it is installed, run inside the
 * site's build folder: the search index (Pagefind; only the site's own records when the run has
 * a national bundle, search/national-bundle.ts), sitemap.xml and robots.txt (from the pages
 * written), and last the service worker (its version hashes everything else).
 */
import fs from 'node:fs';
import { snapshotFiles, type SiteSnapshot } from '@pbgdpl/site-template/snapshot-format';
import { writeSearchIndexes, type SearchIndexStats } from '../search/index-site.js';
import { writeNationalReference, type NationalReference } from '../search/national-bundle.js';
import { siteRecords } from '../search/snapshot-records.js';
import { writeSitemap, type SitemapStats } from './sitemap.js';
import { writeServiceWorker, type ServiceWorkerStats } from './service-worker.js';

export interface PostBuildResult {
  search: SearchIndexStats;
  sitemap: SitemapStats;
  serviceWorker: ServiceWorkerStats;
}

export interface PostBuildOptions {
  /** The site's freshly built folder (not yet installed). */
  siteDir: string;
  code: string;
  snapshotDir: string;
  /** The site template: the service worker's source is its src/client/service-worker.js. */
  templateDir: string;
  /** The run's national search bundle: the site indexes its own records only and merges it. Null: the site indexes everything. */
  national?: NationalReference | null;
  /** The site's live release: its search index is reused when built from the same records. */
  previousDir?: string | null;
}

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T;

/** @throws {GeneratorError} when the search index cannot be written (the site is then not installed). */
export async function finishSite(options: PostBuildOptions): Promise<PostBuildResult> {
  const [result] = await finishSites([options]);
  if (result instanceof Error) throw result;
  return result!;
}

/**
 * The post-build steps of a batch of sites, their search indexes built by one Pagefind process
 * (search/index-site.ts). @returns per site, in order, its result or the error that stops it.
 */
export async function finishSites(
  list: readonly PostBuildOptions[],
): Promise<Array<PostBuildResult | Error>> {
  const snapshots = list.map((o) => readJson<SiteSnapshot>(snapshotFiles.site(o.snapshotDir, o.code)));
  const searches = await writeSearchIndexes(
    list.map((options, i) => ({
      siteDir: options.siteDir,
      records: siteRecords({
        snapshotDir: options.snapshotDir,
        site: snapshots[i]!,
        withoutNational: (options.national ?? null) !== null,
      }),
      previousDir: options.previousDir ?? null,
    })),
  );
  return list.map((options, i) => {
    const search = searches[i]!;
    if (search instanceof Error) return search;
    try {
      const { siteDir, code } = options;
      const site = snapshots[i]!;
      const national = options.national ?? null;
      if (national) writeNationalReference(siteDir, national);
      const sitemap = writeSitemap({ siteDir, basePath: site.site.basePath, baseUrl: site.site.baseUrl });
      const serviceWorker = writeServiceWorker({
        siteDir,
        code,
        basePath: site.site.basePath,
        templateDir: options.templateDir,
      });
      return { search: { ...search, national: national?.id ?? null }, sitemap, serviceWorker };
    } catch (error) {
      return error as Error;
    }
  });
}
