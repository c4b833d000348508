/**
 * generateNationalIndex: the national search bundle alone, without building a site — what the
 * sync engine's "national-index" job runs when a national document changes (ADR 0004, strategy
 * E), so that the sites rebuilt after it find the bundle ready. It fetches exactly what a site
 * run fetches of the national documents (the same listing, paths and full texts, into a snapshot
 * of its own) and writes the same records, so both arrive at the same content-addressed bundle.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createContentClient, graphqlEndpoint, type ContentClient } from '@pbgdpl/content-client';
import { assignDocumentPaths } from './snapshot/document-paths.js';
import { GeneratorError } from './errors.js';
import { summarize, writeDetails } from './snapshot/fetch-snapshot.js';
import { writeJson } from './fs-json.js';
import { ensureNationalBundle, pruneNationalBundles, type NationalBundle } from './search/national-bundle.js';
import { nationalInputKey, nationalRecords } from './search/snapshot-records.js';
import { snapshotFiles, type DocumentIndex } from '@pbgdpl/site-template/snapshot-format';
import { SNAPSHOTS_DIR } from './locations.js';

export interface GenerateNationalIndexOptions {
  /** Base URL of the CMS; "/graphql" is appended unless present. */
  cmsUrl: string;
  /** Absolute output folder of the sites (the bundle goes to `<outDir>/_national/pagefind/<id>/`). */
  outDir: string;
  token?: string;
  client?: ContentClient;
  log?: (message: string) => void;
}

export interface NationalIndexResult {
  /** Null when there is no national document. */
  bundle: NationalBundle | null;
  /** Bundles removed because no site or kept release references them any more. */
  pruned: string[];
  elapsedMs: number;
}

/**
 * @throws {GeneratorError} for a relative outDir, or when Pagefind fails.
 * @throws {ContentClientError} (from @pbgdpl/content-client) when the CMS cannot be read.
 */
export async function generateNationalIndex(
  options: GenerateNationalIndexOptions,
): Promise<NationalIndexResult> {
  const started = Date.now();
  const log = options.log ?? ((message: string) => console.log(message));
  if (!path.isAbsolute(options.outDir))
    throw new GeneratorError(`outDir must be absolute, not "${options.outDir}".`);
  const client =
    options.client ??
    createContentClient({
      endpoint: graphqlEndpoint(options.cmsUrl),
      ...(options.token ? { token: options.token } : {}),
    });
  fs.mkdirSync(SNAPSHOTS_DIR, { recursive: true });
  const snapshotDir = fs.mkdtempSync(path.join(SNAPSHOTS_DIR, 'national-'));
  try {
    const fetchedAt = new Date().toISOString();
    const national = await client.listNationalDocuments({ locale: 'vi', withFullText: false });
    const paths = assignDocumentPaths(national, (m) => log(`warning: ${m}`));
    const ids = national.map((d) => d.documentId).sort();
    const present = await writeDetails(client, snapshotDir, ids, new Map(), paths, (m) => log(`  ${m}`));
    const index: DocumentIndex = { documents: {} };
    for (const document of national)
      if (present.has(document.documentId))
        index.documents[document.documentId] = summarize(document, paths.get(document.documentId) ?? '');
    writeJson(snapshotFiles.index(snapshotDir), index);
    const bundle = await ensureNationalBundle({
      outDir: options.outDir,
      records: nationalRecords(snapshotDir),
      inputKey: nationalInputKey(snapshotDir),
      fetchedAt,
      log,
    });
    const pruned = pruneNationalBundles(options.outDir);
    return { bundle, pruned, elapsedMs: Date.now() - started };
  } finally {
    fs.rmSync(snapshotDir, { recursive: true, force: true });
  }
}
