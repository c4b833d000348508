/**
 * Strategy E of ADR 0004: the national legal documents — the same on every site, and through
 * their full texts most of every site's search index — are indexed ONCE, into a Pagefind bundle
 * shared by all sites: `<outDir>/_national/pagefind/<id>/`, served at `/_national/pagefind/<id>/`
 * on every host (`pnpm sync:nginx`, the demo server). Each site indexes only its own records and
 * its search page merges the bundle (Pagefind's `mergeIndex`, with the site's base path as
 * `baseUrl`: the bundle's URLs are relative to a site's base, src/client/search-bundles.js).
 *
 * - **Content-addressed.** `<id>` hashes what Pagefind indexes (records.ts → index-site.ts) and
 *   the Pagefind version. A build whose national records are the same finds the bundle ready;
 *   a changed document gives a new id; a site always references a bundle that holds exactly the
 *   national documents it was built with.
 * - **Written once, atomically.** Built into a dot-folder and renamed into place. Builders of one
 *   id on one volume (workers on several machines) take a lock folder, refreshed while indexing;
 *   the others wait for the bundle instead of indexing it again.
 * - **Referenced by id, kept while referenced.** A built site records the id in
 *   `pagefind/national-bundle.json`; `pruneNationalBundles` removes only bundles that no site
 *   folder or kept release names (and none younger than a grace period). `current` (a relative
 *   symlink switched by rename) names the bundle of the newest content, for operators.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { GeneratorError } from '../errors.js';
import { BUILDER_DIR } from '../locations.js';
import { writeJson } from '../fs-json.js';
import { NATIONAL_REFERENCE_FILE, measure, runPagefind, writeRecordsFile } from './index-site.js';
import type { SearchRecord } from './records.js';

/** Folder under the output (never a site code: codes are [a-z0-9-]). */
export const NATIONAL_DIR = '_national';
/** Where every host serves the bundles (a path, so the search page needs no other origin). */
export const NATIONAL_SEARCH_PATH = `/${NATIONAL_DIR}/pagefind/`;
export const CURRENT_BUNDLE_LINK = 'current';
/** In a bundle: its id, records, when it was built and the newest fetch it serves. */
const MANIFEST_FILE = 'bundle.json';
/** Bumped when the way records become a bundle changes without changing the records' HTML. */
const BUNDLE_FORMAT = 1;
const BUNDLE_ID = /^[0-9a-f]{16}$/;

export interface NationalReference {
  id: string;
  /** URL path of the bundle ("/_national/pagefind/<id>/"). */
  path: string;
}

export interface NationalBundle extends NationalReference {
  /** False when the bundle was already there (built by an earlier run or another worker). */
  built: boolean;
  records: number;
  files: number;
  bytes: number;
  ms: number;
}

interface BundleManifest {
  id: string;
  records: number;
  builtAt: string;
  /** The newest fetch of the CMS whose national records are this bundle (orders `current`). */
  fetchedAt: string;
}

export interface EnsureNationalBundleOptions {
  outDir: string;
  /** Records with URLs relative to a site's base, in a stable order (by documentId); read only when needed. */
  records: Iterable<SearchRecord>;
  /**
   * A key of everything the records are made from (snapshot-records.ts `nationalInputKey`): when a
   * bundle was already made from the same inputs, it is found without making the records, whose
   * folding of the full texts costs seconds.
   */
  inputKey?: string;
  /** ISO time the records were fetched at. */
  fetchedAt: string;
  log?: (message: string) => void;
  /** A lock not refreshed for this long is taken over (its builder died). Default 2 min. */
  staleLockMs?: number;
}

export const nationalBundlesDir = (outDir: string) => path.join(outDir, NATIONAL_DIR, 'pagefind');

/**
 * Makes sure the bundle of `records` exists under `<outDir>/_national/pagefind/` and returns it;
 * null when there is no record (no national document: sites then index alone).
 * @throws {GeneratorError} when Pagefind fails (callers fall back to indexing per site).
 */
export async function ensureNationalBundle(
  options: EnsureNationalBundleOptions,
): Promise<NationalBundle | null> {
  const started = Date.now();
  const root = nationalBundlesDir(options.outDir);
  fs.mkdirSync(root, { recursive: true });
  const known = options.inputKey ? readInputKey(root, options.inputKey) : null;
  if (known) {
    noteFetch(path.join(root, known), options.fetchedAt);
    switchCurrentIfNewer(root, known);
    return found(root, known, started, options.log);
  }
  const recordsFile = path.join(
    root,
    `.records-${process.pid}-${crypto.randomBytes(4).toString('hex')}.jsonl`,
  );
  try {
    const { count, sha256 } = writeRecordsFile(options.records, recordsFile);
    if (count === 0) return null;
    const id = crypto
      .createHash('sha256')
      .update(`${BUNDLE_FORMAT}\n${pagefindVersion()}\n${sha256}`)
      .digest('hex')
      .slice(0, 16);
    const dir = path.join(root, id);
    const built = await buildOnce({
      root,
      id,
      dir,
      recordsFile,
      fetchedAt: options.fetchedAt,
      staleLockMs: options.staleLockMs ?? 120_000,
    });
    noteFetch(dir, options.fetchedAt);
    switchCurrentIfNewer(root, id);
    if (options.inputKey) writeInputKey(root, options.inputKey, id);
    const bundle: NationalBundle = {
      id,
      path: `${NATIONAL_SEARCH_PATH}${id}/`,
      built,
      records: count,
      ...measure(dir),
      ms: Date.now() - started,
    };
    options.log?.(
      `National search bundle ${id}: ${count} records, ${(bundle.bytes / 1048576).toFixed(1)} MB, ${built ? `built in ${(bundle.ms / 1000).toFixed(1)} s` : 'already built'}`,
    );
    return bundle;
  } finally {
    fs.rmSync(recordsFile, { force: true });
  }
}

/** Input keys are remembered as `.keys/<key>` files holding the bundle id (dropped with the bundle). */
const KEYS_DIR = '.keys';

function readInputKey(root: string, key: string): string | null {
  try {
    const id = fs.readFileSync(path.join(root, KEYS_DIR, key), 'utf8').trim();
    return BUNDLE_ID.test(id) && fs.existsSync(path.join(root, id, MANIFEST_FILE)) ? id : null;
  } catch {
    return null;
  }
}

function writeInputKey(root: string, key: string, id: string): void {
  if (!/^[0-9a-f]{64}$/.test(key)) throw new GeneratorError(`Not an input key: "${key}"`);
  fs.mkdirSync(path.join(root, KEYS_DIR), { recursive: true });
  const temp = path.join(root, KEYS_DIR, `.${key}.${process.pid}.tmp`);
  fs.writeFileSync(temp, id);
  fs.renameSync(temp, path.join(root, KEYS_DIR, key));
}

function found(root: string, id: string, started: number, log?: (message: string) => void): NationalBundle {
  const dir = path.join(root, id);
  const bundle: NationalBundle = {
    id,
    path: `${NATIONAL_SEARCH_PATH}${id}/`,
    built: false,
    records: readManifest(dir)?.records ?? 0,
    ...measure(dir),
    ms: Date.now() - started,
  };
  log?.(`National search bundle ${id}: ${bundle.records} records, found by its inputs in ${bundle.ms} ms`);
  return bundle;
}

interface BuildOnceOptions {
  root: string;
  id: string;
  dir: string;
  recordsFile: string;
  fetchedAt: string;
  staleLockMs: number;
}

/** Builds the bundle unless it exists or appears while waiting for another builder's lock. */
async function buildOnce(o: BuildOnceOptions): Promise<boolean> {
  const lock = path.join(o.root, `.lock-${o.id}`);
  for (;;) {
    if (fs.existsSync(o.dir)) return false;
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (Date.now() - mtimeMs(lock) > o.staleLockMs) fs.rmSync(lock, { recursive: true, force: true });
    else await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const heartbeat = setInterval(() => touch(lock), Math.max(1000, o.staleLockMs / 4));
  const temp = path.join(o.root, `.building-${o.id}-${process.pid}-${crypto.randomBytes(3).toString('hex')}`);
  try {
    if (fs.existsSync(o.dir)) return false;
    const records = await runPagefind(o.recordsFile, temp);
    const manifest: BundleManifest = {
      id: o.id,
      records,
      builtAt: new Date().toISOString(),
      fetchedAt: o.fetchedAt,
    };
    writeJson(path.join(temp, MANIFEST_FILE), manifest);
    fs.renameSync(temp, o.dir);
    return true;
  } finally {
    clearInterval(heartbeat);
    fs.rmSync(temp, { recursive: true, force: true });
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** The bundle now also serves a fetch at `fetchedAt`: keeps `current` ordered and the bundle fresh for pruning. */
function noteFetch(dir: string, fetchedAt: string): void {
  const manifest = readManifest(dir);
  if (manifest && manifest.fetchedAt < fetchedAt)
    writeJson(path.join(dir, MANIFEST_FILE), { ...manifest, fetchedAt });
  else touch(path.join(dir, MANIFEST_FILE));
}

/** Points `current` at `id` unless it names a bundle of newer content (one rename of a fresh symlink). */
function switchCurrentIfNewer(root: string, id: string): void {
  const live = readCurrent(root);
  if (live === id) return;
  const mine = readManifest(path.join(root, id));
  const theirs = live ? readManifest(path.join(root, live)) : null;
  if (theirs && mine && theirs.fetchedAt > mine.fetchedAt) return;
  const temp = path.join(
    root,
    `.${CURRENT_BUNDLE_LINK}-${process.pid}-${crypto.randomBytes(3).toString('hex')}`,
  );
  fs.symlinkSync(id, temp);
  fs.renameSync(temp, path.join(root, CURRENT_BUNDLE_LINK));
}

/** The bundle `current` names, or null. */
export function currentNationalBundle(outDir: string): string | null {
  return readCurrent(nationalBundlesDir(outDir));
}

function readCurrent(root: string): string | null {
  try {
    return path.basename(fs.readlinkSync(path.join(root, CURRENT_BUNDLE_LINK)));
  } catch {
    return null;
  }
}

/** Records in a built site which bundle its search page merges (read back by the pruning). */
export function writeNationalReference(siteDir: string, reference: NationalReference): void {
  writeJson(path.join(siteDir, 'pagefind', NATIONAL_REFERENCE_FILE), {
    id: reference.id,
    path: reference.path,
  });
}

export function readNationalReference(siteDir: string): NationalReference | null {
  try {
    const value = JSON.parse(
      fs.readFileSync(path.join(siteDir, 'pagefind', NATIONAL_REFERENCE_FILE), 'utf8'),
    ) as NationalReference;
    return BUNDLE_ID.test(value.id) ? value : null;
  } catch {
    return null;
  }
}

/**
 * Bundle ids referenced by a site of `outDir`: flat sites (`<code>/`) and every kept release
 * (`<code>/releases/<id>/`), so a reader of a previous release still finds its bundle.
 */
export function referencedNationalBundles(outDir: string): Set<string> {
  const ids = new Set<string>();
  const add = (siteDir: string) => {
    const reference = readNationalReference(siteDir);
    if (reference) ids.add(reference.id);
  };
  for (const entry of safeReaddir(outDir)) {
    if (entry.startsWith('.') || entry === NATIONAL_DIR) continue;
    const siteRoot = path.join(outDir, entry);
    add(siteRoot);
    for (const release of safeReaddir(path.join(siteRoot, 'releases')))
      add(path.join(siteRoot, 'releases', release));
  }
  return ids;
}

export interface PruneNationalOptions {
  /** Newest bundles kept whatever references them. Default 2. */
  keep?: number;
  /** Bundles built or used more recently than this are kept (a build may be about to reference one). Default 1 h. */
  graceMs?: number;
  now?: number;
}

/**
 * Removes the bundles no site or kept release references, except `current`, the newest `keep`
 * and those used within `graceMs`; and leftovers of builders that died (older than 6 h).
 * @returns the removed bundle ids.
 */
export function pruneNationalBundles(outDir: string, options: PruneNationalOptions = {}): string[] {
  const root = nationalBundlesDir(outDir);
  if (!fs.existsSync(root)) return [];
  const now = options.now ?? Date.now();
  const graceMs = options.graceMs ?? 3_600_000;
  const bundles = safeReaddir(root)
    .filter((name) => BUNDLE_ID.test(name))
    .map((id) => ({
      id,
      usedAt: mtimeMs(path.join(root, id, MANIFEST_FILE)) || mtimeMs(path.join(root, id)),
    }))
    .sort((a, b) => b.usedAt - a.usedAt);
  const kept = new Set([
    ...referencedNationalBundles(outDir),
    ...bundles.slice(0, options.keep ?? 2).map((b) => b.id),
    currentNationalBundle(outDir) ?? '',
  ]);
  const removed: string[] = [];
  for (const bundle of bundles) {
    if (kept.has(bundle.id) || now - bundle.usedAt < graceMs) continue;
    fs.rmSync(path.join(root, bundle.id), { recursive: true, force: true });
    removed.push(bundle.id);
  }
  for (const key of safeReaddir(path.join(root, KEYS_DIR))) {
    if (readInputKey(root, key) === null) fs.rmSync(path.join(root, KEYS_DIR, key), { force: true });
  }
  for (const name of safeReaddir(root)) {
    if (!/^\.(building|records|lock)-/.test(name)) continue;
    const file = path.join(root, name);
    if (now - mtimeMs(file) > 6 * 3_600_000) fs.rmSync(file, { recursive: true, force: true });
  }
  return removed;
}

function readManifest(dir: string): BundleManifest | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')) as BundleManifest;
  } catch {
    return null;
  }
}

function pagefindVersion(): string {
  try {
    const file = path.join(BUILDER_DIR, 'node_modules', 'pagefind', 'package.json');
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    throw new GeneratorError(
      `Cannot read Pagefind's version under ${BUILDER_DIR}/node_modules/pagefind: run pnpm install.`,
    );
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

function mtimeMs(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function touch(file: string): void {
  const at = new Date();
  try {
    fs.utimesSync(file, at, at);
  } catch {
    // Gone already (the build finished): nothing to keep fresh.
  }
}
