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
import { MEDIA_FOLDER } from './variants.js';
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
    const text = fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
    if (!text.includes(`/${MEDIA_FOLDER}/`)) continue;
    for (const match of text.matchAll(REFERENCE)) names.add(match[1]!);
  }
  return names;
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
