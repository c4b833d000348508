/**
 * Step 2c: after a site is built (and its search index, sitemap and service worker written), the
 * media files its pages name (`<base>media/<hash>.<ext>`) are hard-linked from the media store
 * into its `media/` folder: only the copies some page uses, each once however many pages use it,
 * and no bytes copied (a copy only when the file system cannot link). The pages are read, not
 * trusted to list what they use, so a file a page names is never missing from the site.
 */
import fs from 'node:fs';
import path from 'node:path';
import { GeneratorError } from '../errors.js';
import { MEDIA_FOLDER } from '@pbgdpl/site-template/media-variants';
import type { MediaStore } from './store.js';

/** Files whose text may name a media file: pages, feeds, the sitemap, JSON-LD, the manifest. */
const TEXT_FILES = /\.(html|xml|json|webmanifest)$/;
const REFERENCE = new RegExp(`/${MEDIA_FOLDER}/([0-9a-f]{24}\\.[a-z0-9]{2,5})(?=["'\\s?#,)<]|$)`, 'g');

export interface LinkedMedia {
  files: number;
  bytes: number;
}

/** The store names the site's pages refer to. */
export function referencedMedia(siteDir: string): Set<string> {
  const names = new Set<string>();
  for (const entry of fs.readdirSync(siteDir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !TEXT_FILES.test(entry.name)) continue;
    for (const name of fileReferences(path.join(entry.parentPath, entry.name))) names.add(name);
  }
  return names;
}

/**
 * The media a page names, read once per inode while this process lives: a page kept from the
 * live release by hard link is the same, immutable file (a long-lived worker rebuilds sites with
 * mostly such pages). Bounded, so a worker's memory stays flat.
 */
const referencesByInode = new Map<string, string[]>();
const REFERENCE_CACHE_LIMIT = 200_000;

function fileReferences(file: string): string[] {
  const stat = fs.statSync(file);
  const key = stat.nlink > 1 ? `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeMs}` : null;
  const known = key ? referencesByInode.get(key) : undefined;
  if (known) return known;
  const text = fs.readFileSync(file, 'utf8');
  const found = text.includes(`/${MEDIA_FOLDER}/`) ? [...text.matchAll(REFERENCE)].map((m) => m[1]!) : [];
  if (key) {
    if (referencesByInode.size >= REFERENCE_CACHE_LIMIT) referencesByInode.clear();
    referencesByInode.set(key, found);
  }
  return found;
}

/**
 * Links every media file the site's pages name into `<siteDir>/media/`.
 * @throws {GeneratorError} when a page names a file the store does not have (the site is then not installed).
 */
export function linkSiteMedia(siteDir: string, store: MediaStore): LinkedMedia {
  const names = referencedMedia(siteDir);
  if (names.size === 0) return { files: 0, bytes: 0 };
  const folder = path.join(siteDir, MEDIA_FOLDER);
  fs.mkdirSync(folder, { recursive: true });
  let bytes = 0;
  for (const name of [...names].sort()) {
    const source = store.filePath(name);
    const target = path.join(folder, name);
    if (!fs.existsSync(source))
      throw new GeneratorError(
        `A page names ${MEDIA_FOLDER}/${name}, which is not in the media store ${store.root}.`,
      );
    try {
      fs.linkSync(source, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Another file system, or one without hard links: a copy, once per build. EEXIST: linked already.
      if (code === 'EXDEV' || code === 'EPERM' || code === 'ENOTSUP') fs.copyFileSync(source, target);
      else if (code !== 'EEXIST') throw error;
    }
    bytes += fs.statSync(target).size;
  }
  return { files: names.size, bytes };
}
