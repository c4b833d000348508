/**
 * Writes a built site's service worker (<site>/sw.js): src/client/service-worker.js with its
 * CONFIG — the precache list (the shell, and the bookshelf's pages when the site has tu-sach/)
 * and a version that is a hash of every other file of the site, so a changed build gets fresh
 * cache names and an unchanged one keeps the reader's caches.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { joinBase } from '@pbgdpl/domain';
import { pagePath, siteFiles } from './site-files.js';

/** How many recently read pages stay on the device. */
export const RECENT_PAGE_LIMIT = 30;
/** The bookshelf's pages are stored at install up to this many bytes (books' files are not). */
export const BOOKSHELF_PRECACHE_BYTES = 5 * 1024 * 1024;

/** Always stored: the pages and files every visit needs. */
const SHELL = [
  '',
  'site.css',
  'ung-dung.js',
  'manifest.webmanifest',
  'ngoai-tuyen/',
  'icons/icon-192.png',
  'icons/icon-512.png',
];

export interface ServiceWorkerStats {
  version: string;
  precache: number;
  bookshelfPages: number;
}

export interface ServiceWorkerOptions {
  siteDir: string;
  code: string;
  basePath: string;
  /** sites/template: holds src/client/service-worker.js. */
  templateDir: string;
}

export function writeServiceWorker(options: ServiceWorkerOptions): ServiceWorkerStats {
  const { siteDir, basePath } = options;
  const files = siteFiles(siteDir).filter((file) => file !== 'sw.js');
  const hash = crypto.createHash('sha256');
  for (const file of files) {
    hash.update(file).update('\0');
    // A hard link (a page or index kept from the live release) is immutable: its inode stands for
    // its bytes, which need not be read again. Files written by this build are read.
    const stat = fs.statSync(path.join(siteDir, file));
    if (stat.nlink > 1) hash.update(`${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeMs}`);
    else hash.update(fs.readFileSync(path.join(siteDir, file)));
  }
  const version = hash.digest('hex').slice(0, 16);

  const shell = SHELL.filter((relative) =>
    fs.existsSync(
      path.join(siteDir, relative.endsWith('/') || relative === '' ? `${relative}index.html` : relative),
    ),
  );
  const logo = files.find((file) => /^logo\.[a-z]+$/.test(file));
  if (logo) shell.push(logo);
  let budget = BOOKSHELF_PRECACHE_BYTES;
  const bookshelf: string[] = [];
  for (const file of files) {
    if (!file.startsWith('tu-sach/') || !file.endsWith('.html')) continue;
    budget -= fs.statSync(path.join(siteDir, file)).size;
    if (budget < 0) break;
    bookshelf.push(pagePath(file));
  }
  const config = {
    site: options.code,
    base: joinBase(basePath, ''),
    version,
    offline: joinBase(basePath, 'ngoai-tuyen/'),
    precache: [...shell, ...bookshelf].map((relative) => joinBase(basePath, relative)),
    recentLimit: RECENT_PAGE_LIMIT,
  };
  const template = fs.readFileSync(
    path.join(options.templateDir, 'src', 'client', 'service-worker.js'),
    'utf8',
  );
  fs.writeFileSync(
    path.join(siteDir, 'sw.js'),
    `const CONFIG = ${JSON.stringify(config)};\n${template.replace(/^(?:\/\*.*\*\/\n)?\/\/ @ts-nocheck.*\n/, '')}`,
  );
  return { version, precache: config.precache.length, bookshelfPages: bookshelf.length };
}
