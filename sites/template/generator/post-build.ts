/**
 * Step 2b: what a site needs after its Astro build and before it is installed, run inside the
 * site's build folder: the search index (Pagefind), sitemap.xml and robots.txt (from the pages
 * written), and last the service worker (its version hashes everything else).
 */
import fs from 'node:fs';
import {
  snapshotFiles,
  type DocumentDetail,
  type DocumentIndex,
  type DocumentSummary,
  type ItemDetail,
  type ItemIndex,
  type SiteSnapshot,
} from './snapshot-format.js';
import { documentRecords, itemRecords, type SearchRecord } from './search/records.js';
import { writeSearchIndex, type SearchIndexStats } from './search/index-site.js';
import { writeSitemap, type SitemapStats } from './sitemap.js';
import { writeServiceWorker, type ServiceWorkerStats } from './pwa/service-worker.js';

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
  templateDir: string;
}

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T;

/** @throws {GeneratorError} when the search index cannot be written (the site is then not installed). */
export async function finishSite(options: PostBuildOptions): Promise<PostBuildResult> {
  const { siteDir, code, snapshotDir } = options;
  const site = readJson<SiteSnapshot>(snapshotFiles.site(snapshotDir, code));
  const index = readJson<DocumentIndex>(snapshotFiles.index(snapshotDir)).documents;
  const documents = site.documentIds
    .map((id) => index[id])
    .filter((d): d is DocumentSummary => d !== undefined);
  const itemFile = snapshotFiles.itemIndex(snapshotDir);
  const items = fs.existsSync(itemFile) ? readJson<ItemIndex>(itemFile).items : {};
  function* records(): Generator<SearchRecord> {
    yield* documentRecords({
      site,
      documents,
      detail: (id) => readJson<DocumentDetail>(snapshotFiles.document(snapshotDir, id)),
    });
    yield* itemRecords({
      site,
      summary: (type, id) => items[type]?.[id],
      detail: (type, id) => readJson<ItemDetail>(snapshotFiles.item(snapshotDir, type, id)),
    });
  }
  const search = await writeSearchIndex({ siteDir, templateDir: options.templateDir, records: records() });
  const sitemap = writeSitemap({ siteDir, basePath: site.site.basePath, baseUrl: site.site.baseUrl });
  const serviceWorker = writeServiceWorker({
    siteDir,
    code,
    basePath: site.site.basePath,
    templateDir: options.templateDir,
  });
  return { search, sitemap, serviceWorker };
}
