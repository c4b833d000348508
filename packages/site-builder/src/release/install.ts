/**
 * Step 3: put a freshly built site in place, in one of two layouts.
 *
 * - **flat** (`installSite`, the default of `pnpm sites:build`): `<out>/<code>/` is the site. The
 *   new folder is built beside the output (same file system) and swapped in with two renames
 *   (Linux cannot rename a directory over a non-empty one); between them (microseconds) the
 *   folder is absent.
 * - **releases** (`installRelease`, the sync engine's): `<out>/<code>/releases/<id>/` holds each
 *   checked release and `<out>/<code>/current` is a relative symlink to the live one, switched
 *   by renaming a new symlink over it — one atomic rename, never a moment without a site. Old
 *   releases are pruned (the newest `keep`, and always the live one, stay), so a reader still
 *   downloading from the previous release finishes from intact files.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { precompressSite, type PrecompressStats } from './precompress.js';
import type { DocumentPages } from '../incremental/document-fingerprints.js';
import { pruneFingerprints, writeFingerprints } from '../incremental/reuse.js';

export const RELEASES_DIR = 'releases';
export const CURRENT_LINK = 'current';
export const DEFAULT_KEEP_RELEASES = 3;

/**
 * Moves `builtDir` to `<outDir>/<code>`, replacing what was there.
 * @throws the file system's error when a rename fails; the old site is then put back.
 */
export function installSite(builtDir: string, outDir: string, code: string): string {
  const target = path.join(outDir, code);
  const old = path.join(outDir, `.${code}.old-${process.pid}-${Date.now()}`);
  const hadOld = fs.existsSync(target);
  if (hadOld) fs.renameSync(target, old);
  try {
    fs.renameSync(builtDir, target);
  } catch (error) {
    if (hadOld) fs.renameSync(old, target);
    throw error;
  }
  if (hadOld) fs.rmSync(old, { recursive: true, force: true });
  return target;
}

/** Pages (index.html files) and bytes in a built site. */
export function measureSite(dir: string): { pages: number; bytes: number } {
  let pages = 0;
  let bytes = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    bytes += fs.statSync(path.join(entry.parentPath, entry.name)).size;
    if (entry.name.endsWith('.html')) pages += 1;
  }
  return { pages, bytes };
}

/** A release id that sorts by time: `20261128T221530Z-1a2b3c`. */
export function newReleaseId(now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${crypto.randomBytes(3).toString('hex')}`;
}

export interface InstallReleaseOptions {
  releaseId?: string;
  /** Releases kept (the live one always is). Default 3. */
  keep?: number;
  /** Write .gz and .br copies of text files (default true); files equal to the live release's reuse its copies. */
  precompress?: boolean;
  /** The document pages' fingerprints, recorded so the next build can reuse this release's pages (incremental/reuse.ts). */
  fingerprints?: Map<string, DocumentPages>;
}

export interface InstalledRelease {
  releaseId: string;
  /** `<out>/<code>/releases/<id>`. */
  dir: string;
  /** Release ids removed by pruning. */
  pruned: string[];
  compressed: PrecompressStats | null;
}

/** Thrown when a built site fails the check before it would go live. */
export class ReleaseCheckError extends Error {
  override name = 'ReleaseCheckError';
}

/**
 * Checks `builtDir` (an index.html, at least one page), precompresses it, moves it to
 * `<outDir>/<code>/releases/<id>/`, switches `current` to it and prunes old releases.
 * A site still in the flat layout is first moved into a release of its own (`…-legacy`).
 * @throws {ReleaseCheckError} when the build is not fit to go live (nothing is switched).
 */
export async function installRelease(
  builtDir: string,
  outDir: string,
  code: string,
  options: InstallReleaseOptions = {},
): Promise<InstalledRelease> {
  checkBuiltSite(builtDir, code);
  const siteRoot = path.join(outDir, code);
  const live = currentRelease(siteRoot);
  const liveDir = live ? path.join(siteRoot, RELEASES_DIR, live) : null;
  const compressed =
    options.precompress === false
      ? null
      : await precompressSite(builtDir, liveDir && fs.existsSync(liveDir) ? liveDir : null);
  adoptFlatSite(siteRoot, code);
  const releases = path.join(siteRoot, RELEASES_DIR);
  fs.mkdirSync(releases, { recursive: true });
  const releaseId = options.releaseId ?? newReleaseId();
  const dir = path.join(releases, releaseId);
  fs.renameSync(builtDir, dir);
  switchCurrent(siteRoot, releaseId);
  const pruned = pruneReleases(siteRoot, options.keep ?? DEFAULT_KEEP_RELEASES);
  if (options.fingerprints) writeFingerprints(siteRoot, releaseId, options.fingerprints);
  pruneFingerprints(siteRoot);
  return { releaseId, dir, pruned, compressed };
}

/** @throws {ReleaseCheckError} */
export function checkBuiltSite(builtDir: string, code: string): void {
  if (!fs.existsSync(path.join(builtDir, 'index.html')))
    throw new ReleaseCheckError(`The build of ${code} has no index.html: not released.`);
  if (measureSite(builtDir).pages < 1)
    throw new ReleaseCheckError(`The build of ${code} has no page: not released.`);
}

/** Points `<siteRoot>/current` at `releases/<id>` with one rename of a fresh symlink over it. */
export function switchCurrent(siteRoot: string, releaseId: string): void {
  const temp = path.join(
    siteRoot,
    `.${CURRENT_LINK}-${process.pid}-${crypto.randomBytes(3).toString('hex')}`,
  );
  fs.symlinkSync(path.join(RELEASES_DIR, releaseId), temp);
  fs.renameSync(temp, path.join(siteRoot, CURRENT_LINK));
}

/** The live release id of a site, or null (no `current` link). */
export function currentRelease(siteRoot: string): string | null {
  try {
    return path.basename(fs.readlinkSync(path.join(siteRoot, CURRENT_LINK)));
  } catch {
    return null;
  }
}

/** Release ids of a site, oldest first. */
export function listReleases(siteRoot: string): string[] {
  const dir = path.join(siteRoot, RELEASES_DIR);
  return fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort()
    : [];
}

/** Removes all but the newest `keep` releases, never the live one. Returns the removed ids. */
export function pruneReleases(siteRoot: string, keep: number): string[] {
  const live = currentRelease(siteRoot);
  const all = listReleases(siteRoot);
  const doomed = all.slice(0, Math.max(0, all.length - keep)).filter((id) => id !== live);
  for (const id of doomed) fs.rmSync(path.join(siteRoot, RELEASES_DIR, id), { recursive: true, force: true });
  return doomed;
}

/** A flat `<out>/<code>/` (built before releases) becomes release `…-legacy` of the new layout. */
function adoptFlatSite(siteRoot: string, code: string): void {
  if (!fs.existsSync(path.join(siteRoot, 'index.html')) || fs.existsSync(path.join(siteRoot, RELEASES_DIR)))
    return;
  const parked = path.join(path.dirname(siteRoot), `.${code}.flat-${process.pid}-${Date.now()}`);
  fs.renameSync(siteRoot, parked);
  fs.mkdirSync(path.join(siteRoot, RELEASES_DIR), { recursive: true });
  // Dated by the old folder's time, so it sorts (and is pruned) before every new release.
  const id = `${newReleaseId(fs.statSync(parked).mtime)}-legacy`;
  fs.renameSync(parked, path.join(siteRoot, RELEASES_DIR, id));
  switchCurrent(siteRoot, id);
}
