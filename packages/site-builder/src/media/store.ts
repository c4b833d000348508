/**
 * The media store: every file the sites serve from the CMS's media library, downloaded once and
 * kept under its content hash (`files/<sha256:24>.<ext>`) beside the output folder
 * (`<out>/.pbgdpl-media/`). A site gets the files its pages use as hard links into its own
 * `media/` folder (link-site.ts), so a national photo on 3,400 sites is one file on disk, and a
 * rebuild — the sync engine rebuilds a site for every change — neither downloads nor copies a file
 * it already has.
 *
 * Which download a file came from is remembered per source (`sources/<sha256 of key>.json`), the
 * key being the URL and the upload's `updatedAt`: Strapi keeps a file's URL when an editor
 * replaces it, and moves `updatedAt`. One small file per source, so concurrent workers never
 * rewrite a shared index; files appear by rename, so a reader never sees half of one.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FetchAsset } from '../fetch-asset.js';
import { MEDIA_FILE_NAME, mediaExtension } from '@pbgdpl/site-template/media-variants';

/** The store's folder under the output folder (a dot-folder: never served, never taken for a site). */
export const MEDIA_STORE_DIR = '.pbgdpl-media';

/** Files above this size stay download links to the CMS (PBGDPL_MEDIA_MAX_BYTES). */
export const DEFAULT_MEDIA_MAX_BYTES = 600 * 1024 * 1024;

/** A file nothing links to any more is removed once it is this old (it may be about to be linked). */
export const MEDIA_PRUNE_AFTER_MS = 24 * 3600 * 1000;

/** Writes the body of `url` to `file`; says its type and size, or why it failed. */
export type DownloadMedia = (
  url: string,
  file: string,
) => Promise<{ ok: true; mime: string; bytes: number } | { ok: false; reason: string }>;

/** Streams to disk: an uploaded video of hundreds of MB never sits in memory. */
export const downloadOverHttp: DownloadMedia = async (url, file) => {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(15 * 60_000) });
    if (!response.ok || !response.body) return { ok: false, reason: `HTTP ${response.status}` };
    await pipeline(Readable.fromWeb(response.body as never), fs.createWriteStream(file));
    const mime = (response.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
    return { ok: true, mime, bytes: fs.statSync(file).size };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
};

/** The generator's injectable `fetchAsset` (tests) as a download to a file. */
export function downloadWith(fetchAsset: FetchAsset): DownloadMedia {
  return async (url, file) => {
    const fetched = await fetchAsset(url);
    if (!fetched.ok) return fetched;
    fs.writeFileSync(file, fetched.bytes);
    return { ok: true, mime: fetched.mime, bytes: fetched.bytes.byteLength };
  };
}

/** One file of the store. */
export interface StoredMedia {
  /** `<hash>.<ext>`: its name in the store and in every site's `media/`. */
  file: string;
  mime: string;
  bytes: number;
}

export type EnsureResult = ({ ok: true; reused: boolean } & StoredMedia) | { ok: false; reason: string };

export interface MediaStoreStats {
  downloaded: number;
  downloadedBytes: number;
  reused: number;
  failed: number;
}

export interface MediaStoreOptions {
  /** Usually `<out>/.pbgdpl-media`: on the output's file system, so sites can hard-link. */
  root: string;
  download?: DownloadMedia;
  maxBytes?: number;
}

interface SourceRecord extends StoredMedia {
  key: string;
}

export class MediaStore {
  readonly root: string;
  readonly stats: MediaStoreStats = { downloaded: 0, downloadedBytes: 0, reused: 0, failed: 0 };
  private readonly download: DownloadMedia;
  private readonly maxBytes: number;
  private readonly pending = new Map<string, Promise<EnsureResult>>();

  constructor(options: MediaStoreOptions) {
    this.root = options.root;
    this.download = options.download ?? downloadOverHttp;
    this.maxBytes = options.maxBytes ?? DEFAULT_MEDIA_MAX_BYTES;
  }

  /** The absolute path of a stored file. @throws {Error} for a name that is not a store name. */
  filePath(file: string): string {
    if (!MEDIA_FILE_NAME.test(file)) throw new Error(`"${file}" is not a media store file name`);
    return path.join(this.root, 'files', file);
  }

  /**
   * The stored copy of `url` (absolute, where the generator downloads it), downloading it unless
   * the same source (URL and `updatedAt`) was stored before. `declaredMime` is the type the CMS
   * gives; a type sites must not serve (mediaExtension) is refused before anything is downloaded.
   */
  ensure(url: string, declaredMime: string | null, updatedAt: string | null = null): Promise<EnsureResult> {
    const key = `${url}#${updatedAt ?? ''}`;
    let result = this.pending.get(key);
    if (!result) {
      result = this.fetchOnce(key, url, declaredMime);
      this.pending.set(key, result);
    }
    return result;
  }

  private async fetchOnce(key: string, url: string, declaredMime: string | null): Promise<EnsureResult> {
    if (declaredMime && !mediaExtension(declaredMime))
      return this.fail(`${declaredMime} is not a type the sites serve themselves`);
    const record = this.readSource(key);
    if (record && fs.existsSync(this.filePath(record.file))) {
      // Touched, so a prune running in another worker does not take it before it is linked.
      const now = new Date();
      fs.utimesSync(this.filePath(record.file), now, now);
      this.stats.reused += 1;
      return { ok: true, reused: true, file: record.file, mime: record.mime, bytes: record.bytes };
    }
    // Beside the store (same file system, so the rename below is atomic); the store's folders are
    // made only once a file is kept, so a run that keeps nothing leaves nothing behind.
    fs.mkdirSync(path.dirname(this.root), { recursive: true });
    const temporary = `${this.root}.${process.pid}-${crypto.randomBytes(6).toString('hex')}.part`;
    try {
      const fetched = await this.download(url, temporary);
      if (!fetched.ok) return this.fail(fetched.reason);
      const mime = declaredMime ?? fetched.mime;
      const extension = mediaExtension(mime);
      if (!extension)
        return this.fail(`${mime || 'an unknown type'} is not a type the sites serve themselves`);
      if (fetched.bytes > this.maxBytes)
        return this.fail(
          `${size(fetched.bytes)} is over the ${size(this.maxBytes)} copied into sites (PBGDPL_MEDIA_MAX_BYTES)`,
        );
      const file = `${(await sha256(temporary)).slice(0, 24)}.${extension}`;
      const target = this.filePath(file);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      if (fs.existsSync(target)) fs.rmSync(temporary);
      else fs.renameSync(temporary, target);
      this.writeSource({ key, file, mime, bytes: fetched.bytes });
      this.stats.downloaded += 1;
      this.stats.downloadedBytes += fetched.bytes;
      return { ok: true, reused: false, file, mime, bytes: fetched.bytes };
    } finally {
      fs.rmSync(temporary, { force: true });
    }
  }

  private fail(reason: string): EnsureResult {
    this.stats.failed += 1;
    return { ok: false, reason };
  }

  private sourceFile(key: string): string {
    return path.join(
      this.root,
      'sources',
      `${crypto.createHash('sha256').update(key).digest('hex').slice(0, 32)}.json`,
    );
  }

  private readSource(key: string): SourceRecord | null {
    try {
      const record = JSON.parse(fs.readFileSync(this.sourceFile(key), 'utf8')) as SourceRecord;
      return record.key === key && MEDIA_FILE_NAME.test(record.file) ? record : null;
    } catch {
      return null;
    }
  }

  private writeSource(record: SourceRecord): void {
    const file = this.sourceFile(record.key);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.${crypto.randomBytes(3).toString('hex')}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(record));
    fs.renameSync(temporary, file);
  }
}

const size = (bytes: number) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${bytes} bytes`);

async function sha256(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

/**
 * Removes stored files no site links to any more (one link: the store's own) once they are
 * older than `olderThanMs`, the source records of files that are gone, and partial downloads left
 * by a killed run. Returns the files removed.
 */
export function pruneMediaStore(root: string, olderThanMs = MEDIA_PRUNE_AFTER_MS, now = Date.now()): number {
  // Partial downloads a killed worker left beside the store.
  const parent = path.dirname(root);
  const partial = `${path.basename(root)}.`;
  for (const name of fs.existsSync(parent) ? fs.readdirSync(parent) : []) {
    if (!name.startsWith(partial) || !name.endsWith('.part')) continue;
    const file = path.join(parent, name);
    if (now - fs.statSync(file).mtimeMs > olderThanMs) fs.rmSync(file, { force: true });
  }
  const files = path.join(root, 'files');
  if (!fs.existsSync(files)) return 0;
  let removed = 0;
  for (const name of fs.readdirSync(files)) {
    const file = path.join(files, name);
    const stat = fs.statSync(file);
    if (stat.nlink <= 1 && now - stat.mtimeMs > olderThanMs) {
      fs.rmSync(file, { force: true });
      removed += 1;
    }
  }
  const sources = path.join(root, 'sources');
  for (const name of fs.existsSync(sources) ? fs.readdirSync(sources) : []) {
    const file = path.join(sources, name);
    try {
      const record = JSON.parse(fs.readFileSync(file, 'utf8')) as SourceRecord;
      if (!fs.existsSync(path.join(files, record.file)) && now - fs.statSync(file).mtimeMs > olderThanMs)
        fs.rmSync(file, { force: true });
    } catch {
      // A record being written by another worker, or a stray file: left alone.
    }
  }
  return removed;
}
