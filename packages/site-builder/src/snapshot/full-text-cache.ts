/**
 * Full texts kept between runs: `<dir>/<documentId>.json` holds a document's text with the
 * `updatedAt` it was fetched at. A run fetches the documents' summaries anyway (without text);
 * a document whose summary carries the same `updatedAt` takes its text from here instead of the
 * CMS. A whole law is the largest part of a fetch, and after any publish the CMS's read cache is
 * empty, so a small edit no longer pays for every text of the site again.
 *
 * The CMS bumps `updatedAt` on every edit of the document, so a changed text is always fetched.
 * Entries not used for `MAX_AGE_DAYS` are pruned.
 */
import fs from 'node:fs';
import path from 'node:path';

export const FULL_TEXT_CACHE_DIR = '.pbgdpl-cache/full-texts';
const MAX_AGE_DAYS = 30;

interface Entry {
  updatedAt: string;
  fullText: string | null;
}

export class FullTextCache {
  hits = 0;
  constructor(readonly dir: string) {}

  /** The cached text of `documentId` as of `updatedAt`; undefined when not cached (null is a cached "no text"). */
  get(documentId: string, updatedAt: string | null): string | null | undefined {
    if (!updatedAt || !isSafe(documentId)) return undefined;
    const file = this.file(documentId);
    try {
      const entry = JSON.parse(fs.readFileSync(file, 'utf8')) as Entry;
      if (entry.updatedAt !== updatedAt) return undefined;
      const now = new Date();
      fs.utimesSync(file, now, now);
      this.hits += 1;
      return entry.fullText;
    } catch {
      return undefined;
    }
  }

  set(documentId: string, updatedAt: string | null, fullText: string | null): void {
    if (!updatedAt || !isSafe(documentId)) return;
    fs.mkdirSync(this.dir, { recursive: true });
    const file = this.file(documentId);
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify({ updatedAt, fullText } satisfies Entry));
    fs.renameSync(temp, file);
  }

  /** Removes entries not read or written for 30 days; returns how many. */
  prune(now = Date.now()): number {
    if (!fs.existsSync(this.dir)) return 0;
    let removed = 0;
    for (const name of fs.readdirSync(this.dir)) {
      const file = path.join(this.dir, name);
      if (now - fs.statSync(file).mtimeMs > MAX_AGE_DAYS * 86_400_000) {
        fs.rmSync(file, { force: true });
        removed += 1;
      }
    }
    return removed;
  }

  private file(documentId: string): string {
    return path.join(this.dir, `${documentId}.json`);
  }
}

function isSafe(documentId: string): boolean {
  return /^[A-Za-z0-9_-]+$/.test(documentId);
}
