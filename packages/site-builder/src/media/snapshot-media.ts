/**
 * Step 1c of a generation: the uploads the built sites will show or link — items' pictures in
 * the copies their cards and pages use (variants.ts), images inside rich text, attachments,
 * uploaded videos, documents' original files — put in the media store (store.ts), and the
 * snapshot's `media.json` saying which stored file stands for which CMS URL. Pages look URLs up
 * there (src/lib/media.ts); a URL that is not there (a download failed, a type sites must not
 * serve) is not shown as an image, and a file stays a download link to the CMS.
 */
import type { EditorialType } from '@pbgdpl/domain';
import { mapLimit, writeJson } from '../fs-json.js';
import { snapshotFiles, type MediaManifest } from '@pbgdpl/site-template/snapshot-format';
import type { MediaStore } from './store.js';
import {
  imageVariants,
  itemMedia,
  type ImageRole,
  type Upload,
  type UploadedFile,
} from '@pbgdpl/site-template/media-variants';

interface Wanted {
  url: string;
  mime: string | null;
  updatedAt: string | null;
}

export interface SnapshotMediaStats {
  files: number;
  downloaded: number;
  downloadedBytes: number;
  reused: number;
  failed: number;
}

export class SnapshotMedia {
  private readonly wanted = new Map<string, Wanted>();

  constructor(
    private readonly store: MediaStore,
    /** The CMS's GraphQL endpoint: relative upload URLs ("/uploads/…") are downloaded from its origin. */
    private readonly cmsEndpoint: string,
    private readonly log: (message: string) => void,
  ) {}

  /** The copies of an image these roles use. */
  image(upload: Upload | null | undefined, roles: readonly ImageRole[]): void {
    for (const role of roles) {
      for (const variant of imageVariants(upload, role)) {
        this.want({ url: variant.url, mime: variant.mime, updatedAt: upload?.updatedAt ?? null });
      }
    }
  }

  file(file: UploadedFile | null | undefined): void {
    if (file?.url) this.want({ url: file.url, mime: file.mime ?? null, updatedAt: file.updatedAt ?? null });
  }

  /** Everything an item's card and page use. */
  item(type: EditorialType, item: object): void {
    const media = itemMedia(type, item);
    for (const { upload, roles } of media.images) this.image(upload, roles);
    for (const file of media.files) this.file(file);
  }

  private want(entry: Wanted): void {
    if (!this.wanted.has(entry.url)) this.wanted.set(entry.url, entry);
  }

  /** Stores every wanted file (a few at a time) and writes `media.json` into the snapshot. */
  async finish(dir: string, concurrency = 4): Promise<SnapshotMediaStats> {
    const manifest: MediaManifest = { files: {} };
    const before = { ...this.store.stats };
    await mapLimit([...this.wanted.values()], concurrency, async (entry) => {
      let source: URL;
      try {
        source = new URL(entry.url, this.cmsEndpoint);
      } catch {
        this.log(`warning: media URL "${entry.url}" is not a URL; left out.`);
        return;
      }
      if (source.protocol !== 'http:' && source.protocol !== 'https:') {
        this.log(`warning: media URL "${entry.url}" is not http(s); left out.`);
        return;
      }
      const stored = await this.store.ensure(source.href, entry.mime, entry.updatedAt);
      if (!stored.ok) {
        this.log(
          `warning: ${source.href} is not copied into the sites (${stored.reason}); pages link it at the CMS or leave the image out.`,
        );
        return;
      }
      manifest.files[entry.url] = { file: stored.file, mime: stored.mime, bytes: stored.bytes };
    });
    writeJson(snapshotFiles.media(dir), manifest);
    const after = this.store.stats;
    return {
      files: Object.keys(manifest.files).length,
      downloaded: after.downloaded - before.downloaded,
      downloadedBytes: after.downloadedBytes - before.downloadedBytes,
      reused: after.reused - before.reused,
      failed: after.failed - before.failed,
    };
  }
}
