/**
 * Reusing a site's live release (layout `releases`): the document pages whose fingerprint
 * (document-fingerprints.ts) is the one recorded for the live release are not rendered again;
 * their files are hard-linked from the live release into the new one. A release's fingerprints
 * are kept beside the releases, at `<out>/<code>/fingerprints/<release id>.json`, outside every
 * served folder, and go when their release is pruned.
 *
 * Anything unexpected (no live release, no or unreadable fingerprints, a file missing from the
 * live release) means "render": reuse is an optimisation, never a source of truth.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DocumentPages } from './document-fingerprints.js';

export const FINGERPRINTS_DIR = 'fingerprints';
const FORMAT = 1;
/** A document's own page and its full-text pages (src/lib/document-text.ts textPartPath). */
const TEXT_PAGES_DIR = 'toan-van';

interface FingerprintFile {
  format: number;
  documents: Record<string, DocumentPages>;
}

export interface ReusePlan {
  /** The live release's folder, or null when there is nothing to reuse. */
  previousDir: string | null;
  /** Documents whose pages are linked from `previousDir` instead of rendered. */
  reused: string[];
}

/** Which of the site's documents can be taken from its live release `liveRelease` (an id under `<siteRoot>/releases/`). */
export function planReuse(
  siteRoot: string,
  liveRelease: string | null,
  current: Map<string, DocumentPages>,
): ReusePlan {
  if (!liveRelease) return { previousDir: null, reused: [] };
  const previousDir = path.join(siteRoot, 'releases', liveRelease);
  const recorded = readFingerprints(siteRoot, liveRelease);
  if (!recorded) return { previousDir: null, reused: [] };
  const reused: string[] = [];
  for (const [documentId, pages] of current) {
    const before = recorded.documents[documentId];
    if (before?.fingerprint !== pages.fingerprint || before.path !== pages.path) continue;
    if (!fs.existsSync(path.join(previousDir, pages.path, 'index.html'))) continue;
    reused.push(documentId);
  }
  return { previousDir, reused };
}

/**
 * Hard-links the reused documents' pages (page and full-text pages, not their compressed copies:
 * precompress.ts links those when the page is the same file) from the live release into `builtDir`.
 * @returns how many files were linked.
 */
export function linkReusedPages(previousDir: string, builtDir: string, paths: readonly string[]): number {
  let linked = 0;
  for (const pagePath of paths) {
    const from = path.join(previousDir, pagePath);
    const to = path.join(builtDir, pagePath);
    const files = [path.join(from, 'index.html')];
    const textDir = path.join(from, TEXT_PAGES_DIR);
    if (fs.existsSync(textDir))
      for (const entry of fs.readdirSync(textDir, { withFileTypes: true, recursive: true }))
        if (entry.isFile() && entry.name === 'index.html')
          files.push(path.join(entry.parentPath, entry.name));
    for (const file of files) {
      const target = path.join(to, path.relative(from, file));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.rmSync(target, { force: true });
      fs.linkSync(file, target);
      linked += 1;
    }
  }
  return linked;
}

export function writeFingerprints(
  siteRoot: string,
  releaseId: string,
  documents: Map<string, DocumentPages>,
): void {
  const dir = path.join(siteRoot, FINGERPRINTS_DIR);
  fs.mkdirSync(dir, { recursive: true });
  const file: FingerprintFile = { format: FORMAT, documents: Object.fromEntries(documents) };
  const temp = path.join(dir, `.${releaseId}.json-${process.pid}`);
  fs.writeFileSync(temp, JSON.stringify(file));
  fs.renameSync(temp, path.join(dir, `${releaseId}.json`));
}

/** Removes the fingerprints of releases that no longer exist. */
export function pruneFingerprints(siteRoot: string): void {
  const dir = path.join(siteRoot, FINGERPRINTS_DIR);
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) {
    const id = name.replace(/\.json$/, '');
    if (name.startsWith('.') || !fs.existsSync(path.join(siteRoot, 'releases', id)))
      fs.rmSync(path.join(dir, name), { force: true });
  }
}

function readFingerprints(siteRoot: string, releaseId: string): FingerprintFile | null {
  try {
    const parsed = JSON.parse(
      fs.readFileSync(path.join(siteRoot, FINGERPRINTS_DIR, `${releaseId}.json`), 'utf8'),
    ) as FingerprintFile;
    return parsed.format === FORMAT && parsed.documents ? parsed : null;
  } catch {
    return null;
  }
}
