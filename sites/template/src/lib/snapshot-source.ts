/**
 * Where the pages' content comes from: one interface, two sources. `astro build` reads the
 * snapshot the generator wrote to disk (diskSnapshotSource, named by $PBGDPL_SNAPSHOT_DIR); a warm
 * renderer holds a snapshot in memory and hands it to each request (memorySnapshotSource, through
 * the middleware, src/middleware.ts). The pages see the same objects either way, so the HTML is
 * the same bytes.
 *
 * A source only answers reads; what the pages derive from it (sorted lists, facets, rendered
 * texts) is cached per source and version by src/lib/snapshot.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { EditorialType } from '@pbgdpl/domain';
import {
  SNAPSHOT_FORMAT_VERSION,
  snapshotFiles,
  type DocumentDetail,
  type DocumentIndex,
  type ItemDetail,
  type ItemIndex,
  type MediaManifest,
  type RunManifest,
  type SiteSnapshot,
} from '../contract/snapshot-format.js';
import {
  publicSignalFiles,
  type CoverageSummary,
  type PublicSignalsRun,
} from '../contract/public-signals-format.js';

export interface SnapshotSource {
  /**
   * Changes whenever the content does (a content version, a fetch time): everything the pages
   * derive from the source is cached under this version and recomputed when it changes.
   */
  readonly version: string;
  run(): RunManifest;
  documentIndex(): DocumentIndex;
  /** @throws {Error} when the snapshot has no such document */
  documentDetail(documentId: string): DocumentDetail;
  hasSite(code: string): boolean;
  /** @throws {Error} when the snapshot has no such site */
  site(code: string): SiteSnapshot;
  itemIndex(): ItemIndex;
  /** @throws {Error} when the snapshot has no such item */
  itemDetail<T extends EditorialType>(type: T, documentId: string): ItemDetail<T>;
  media(): MediaManifest;
  /** A file the generator copied for a site (its logo). @throws {Error} when it is missing */
  asset(code: string, file: string): Buffer;
  /** The site's public coverage summary; null when the CMS gave none. */
  coverage(code: string): CoverageSummary | null;
  /** The run's public signals (the search beacon); null when none were written. */
  publicSignals(): PublicSignalsRun | null;
}

function readJson<T>(file: string): T {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch (error) {
    throw new Error(`Cannot read snapshot file ${file}: ${(error as Error).message}`, { cause: error });
  }
}

function readJsonIfPresent<T>(file: string): T | null {
  return fs.existsSync(file) ? readJson<T>(file) : null;
}

/** The manifest of a snapshot folder, refused when another format wrote it. */
function readRunManifest(dir: string): RunManifest {
  const run = readJson<RunManifest>(snapshotFiles.run(dir));
  if (run.formatVersion !== SNAPSHOT_FORMAT_VERSION) {
    throw new Error(
      `Snapshot format ${run.formatVersion} is not ${SNAPSHOT_FORMAT_VERSION}: regenerate it with this generator.`,
    );
  }
  return run;
}

/**
 * The snapshot folder the generator wrote (generator/snapshot-format.ts), read file by file when
 * asked. Nothing is kept here: src/lib/snapshot.ts keeps what the pages use.
 */
export function diskSnapshotSource(dir: string): SnapshotSource {
  const run = readRunManifest(dir);
  return {
    version: `${dir}@${run.generatedAt}`,
    run: () => run,
    documentIndex: () => readJson<DocumentIndex>(snapshotFiles.index(dir)),
    documentDetail: (documentId) => readJson<DocumentDetail>(snapshotFiles.document(dir, documentId)),
    hasSite: (code) => /^[A-Za-z0-9_-]+$/.test(code) && fs.existsSync(snapshotFiles.site(dir, code)),
    site: (code) => readJson<SiteSnapshot>(snapshotFiles.site(dir, code)),
    itemIndex: () => readJson<ItemIndex>(snapshotFiles.itemIndex(dir)),
    itemDetail: <T extends EditorialType>(type: T, documentId: string) =>
      readJson<ItemDetail<T>>(snapshotFiles.item(dir, type, documentId)),
    media: () => readJsonIfPresent<MediaManifest>(snapshotFiles.media(dir)) ?? { files: {} },
    asset: (code, file) => fs.readFileSync(snapshotFiles.asset(dir, code, file)),
    coverage: (code) => readJsonIfPresent<CoverageSummary>(publicSignalFiles.coverage(dir, code)),
    publicSignals: () => readJsonIfPresent<PublicSignalsRun>(publicSignalFiles.run(dir)),
  };
}

/** A whole snapshot as plain data in memory: what a warm renderer keeps between changes. */
export interface SnapshotData {
  version: string;
  run: RunManifest;
  documents: DocumentIndex;
  details: ReadonlyMap<string, DocumentDetail>;
  sites: ReadonlyMap<string, SiteSnapshot>;
  items: ItemIndex;
  /** By `<type>/<documentId>`. */
  itemDetails: ReadonlyMap<string, ItemDetail>;
  media: MediaManifest;
  /** By `<code>/<file>`. */
  assets: ReadonlyMap<string, Buffer>;
  coverage: ReadonlyMap<string, CoverageSummary>;
  publicSignals: PublicSignalsRun | null;
}

function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`The snapshot in memory has no ${what}.`);
  return value;
}

/** A snapshot held in memory (a warm renderer's), answering as the disk source would. */
export function memorySnapshotSource(data: SnapshotData): SnapshotSource {
  return {
    version: data.version,
    run: () => data.run,
    documentIndex: () => data.documents,
    documentDetail: (documentId) => found(data.details.get(documentId), `document ${documentId}`),
    hasSite: (code) => data.sites.has(code),
    site: (code) => found(data.sites.get(code), `site ${code}`),
    itemIndex: () => data.items,
    itemDetail: <T extends EditorialType>(type: T, documentId: string) =>
      found(data.itemDetails.get(`${type}/${documentId}`), `${type} ${documentId}`) as ItemDetail<T>,
    media: () => data.media,
    asset: (code, file) => found(data.assets.get(`${code}/${file}`), `file ${file} of ${code}`),
    coverage: (code) => data.coverage.get(code) ?? null,
    publicSignals: () => data.publicSignals,
  };
}

/** Reads a snapshot folder whole into memory (a warm renderer loading what the generator fetched). */
export function readSnapshotData(dir: string, version?: string): SnapshotData {
  const run = readRunManifest(dir);
  const list = (sub: string) =>
    fs.existsSync(path.join(dir, sub))
      ? fs.readdirSync(path.join(dir, sub)).filter((f) => f.endsWith('.json') && f !== 'index.json')
      : [];
  const details = new Map(
    list('documents').map((f) => {
      const detail = readJson<DocumentDetail>(path.join(dir, 'documents', f));
      return [detail.document.documentId, detail] as const;
    }),
  );
  const sites = new Map(
    list('sites').map((f) => [f.replace(/\.json$/, ''), readJson<SiteSnapshot>(path.join(dir, 'sites', f))]),
  );
  const itemDetails = new Map<string, ItemDetail>();
  const itemsDir = path.join(dir, 'items');
  if (fs.existsSync(itemsDir))
    for (const type of fs.readdirSync(itemsDir, { withFileTypes: true }).filter((e) => e.isDirectory()))
      for (const f of list(path.join('items', type.name)))
        itemDetails.set(
          `${type.name}/${f.replace(/\.json$/, '')}`,
          readJson<ItemDetail>(path.join(itemsDir, type.name, f)),
        );
  const assets = new Map<string, Buffer>();
  const assetsDir = path.join(dir, 'assets');
  if (fs.existsSync(assetsDir))
    for (const code of fs.readdirSync(assetsDir))
      for (const file of fs.readdirSync(path.join(assetsDir, code)))
        assets.set(`${code}/${file}`, fs.readFileSync(path.join(assetsDir, code, file)));
  const coverage = new Map<string, CoverageSummary>();
  for (const code of sites.keys()) {
    const summary = readJsonIfPresent<CoverageSummary>(publicSignalFiles.coverage(dir, code));
    if (summary) coverage.set(code, summary);
  }
  return {
    version: version ?? `memory:${dir}@${run.generatedAt}`,
    run,
    documents: readJson<DocumentIndex>(snapshotFiles.index(dir)),
    details,
    sites,
    items: readJsonIfPresent<ItemIndex>(snapshotFiles.itemIndex(dir)) ?? { items: {} },
    itemDetails,
    media: readJsonIfPresent<MediaManifest>(snapshotFiles.media(dir)) ?? { files: {} },
    assets,
    coverage,
    publicSignals: readJsonIfPresent<PublicSignalsRun>(publicSignalFiles.run(dir)),
  };
}
