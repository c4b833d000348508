/**
 * Which copies of an uploaded file a site needs, and how a page points at them. Shared by the
 * builder (it downloads exactly these copies into the media store) and the pages (they write
 * `<img src srcset width height>` from the same choice), so the two can never disagree. Pure.
 *
 * Strapi keeps an image's original and makes smaller copies of it (`formats`): thumbnail
 * (≤ 245 px wide), small (≤ 500), medium (≤ 750), large (≤ 1000) — only those smaller than the
 * original. A card in a list shows `small`; an image in a page is a `srcset` of small, medium and
 * large, plus the original only when it is not much larger (no `large` copy exists), so a 4,000 px
 * photo straight from a camera is never sent to a phone.
 */
import type { EditorialType } from '@pbgdpl/domain';

/** One copy of an image (the original, or one of Strapi's formats). */
export interface UploadFormat {
  url: string;
  width?: number | null;
  height?: number | null;
  mime?: string | null;
}

/** An uploaded file as GraphQL (or a rich-text image node) gives it. */
export interface Upload extends UploadFormat {
  alternativeText?: string | null;
  caption?: string | null;
  /** Strapi keeps an upload's URL when the file is replaced: this moves instead. */
  updatedAt?: string | null;
  formats?: Partial<Record<string, UploadFormat | null>> | null;
}

/** A downloadable file (an attachment, an uploaded video, a document's original). */
export interface UploadedFile {
  url: string;
  mime?: string | null;
  updatedAt?: string | null;
}

/** `card`: the small picture of an item in a list. `page`: an image in the item's own page. */
export type ImageRole = 'card' | 'page';

export interface ImageVariant {
  url: string;
  width: number | null;
  height: number | null;
  mime: string | null;
}

/** Where a site serves its copies: `<base>media/<hash>.<ext>`. */
export const MEDIA_FOLDER = 'media';

/** A stored file's name: the first 24 hex digits of its SHA-256, and an extension from its type. */
export const MEDIA_FILE_NAME = /^[0-9a-f]{24}\.[a-z0-9]{2,5}$/;

/**
 * File types a site serves from its own origin, with the extension they are stored under. HTML,
 * SVG, XML and scripts are left out on purpose: opened from the site's origin they could run
 * script there. Anything else stays a download link to the CMS.
 */
export const MEDIA_TYPES: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/avif': 'avif',
  'application/pdf': 'pdf',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.ms-powerpoint': 'ppt',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
  'application/epub+zip': 'epub',
  'application/zip': 'zip',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/ogg': 'ogg',
};

/** Image types a page may show with `<img>` (others are not shown as pictures). */
export const IMAGE_TYPES: ReadonlySet<string> = new Set([
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'image/avif',
]);

/** The extension a file of this MIME type is stored under, or null when sites must not serve it. */
export function mediaExtension(mime: string | null | undefined): string | null {
  const type = (mime ?? '').split(';')[0]!.trim().toLowerCase();
  return MEDIA_TYPES[type] ?? null;
}

const positive = (n: number | null | undefined): number | null =>
  typeof n === 'number' && Number.isFinite(n) && n > 0 ? Math.round(n) : null;

function variant(format: UploadFormat | null | undefined, fallbackMime: string | null): ImageVariant | null {
  if (!format || typeof format.url !== 'string' || format.url === '') return null;
  return {
    url: format.url,
    width: positive(format.width),
    height: positive(format.height),
    mime: format.mime ?? fallbackMime,
  };
}

function isUpload(value: unknown): value is Upload {
  return typeof value === 'object' && value !== null && typeof (value as Upload).url === 'string';
}

/**
 * The copies of an image a role needs, smallest first; empty when the upload is not an image a
 * page can show.
 */
export function imageVariants(upload: Upload | null | undefined, role: ImageRole): ImageVariant[] {
  if (!isUpload(upload)) return [];
  const mime = upload.mime ?? null;
  if (mime !== null && !IMAGE_TYPES.has(mime)) return [];
  const original = variant(upload, mime);
  if (!original) return [];
  const format = (key: string) => variant(upload.formats?.[key], mime);
  if (role === 'card') return [format('small') ?? original];
  const copies = (['small', 'medium', 'large'] as const)
    .map(format)
    .filter((v): v is ImageVariant => v !== null);
  if (!format('large')) copies.push(original);
  const seen = new Set<string>();
  return copies
    .filter((c) => (seen.has(c.url) ? false : (seen.add(c.url), true)))
    .sort((a, b) => (a.width ?? Infinity) - (b.width ?? Infinity));
}

/** The copy written as `src` (for browsers without srcset): the first at least 750 px wide, else the largest. */
export function defaultVariant<V extends ImageVariant>(variants: readonly V[]): V | null {
  return variants.find((v) => (v.width ?? 0) >= 750) ?? variants[variants.length - 1] ?? null;
}

/** The upload's description for `alt`, else null (the page then uses the item's title). */
export function altText(upload: Pick<Upload, 'alternativeText'> | null | undefined): string | null {
  const text = upload?.alternativeText?.trim();
  return text ? text : null;
}

/** The field that holds an item's picture (shown on its card and at the top of its page). */
export const COVER_FIELD: Readonly<Partial<Record<EditorialType, string>>> = {
  introduction: 'coverImage',
  material: 'coverImage',
  'news-item': 'coverImage',
  book: 'cover',
  video: 'poster',
};

/** An item's picture, or null. */
export function coverOf(type: EditorialType, item: object): Upload | null {
  const field = COVER_FIELD[type];
  const value = field ? (item as Record<string, unknown>)[field] : null;
  return isUpload(value) ? value : null;
}

/** What a list needs to show an item's picture: one copy, its size, its description. */
export interface CardImage {
  url: string;
  width: number | null;
  height: number | null;
  alt: string | null;
}

export function cardImage(type: EditorialType, item: object): CardImage | null {
  const cover = coverOf(type, item);
  const [card] = imageVariants(cover, 'card');
  return card ? { url: card.url, width: card.width, height: card.height, alt: altText(cover) } : null;
}

/** What of an item the sites need from the media library: its images (with their roles) and its files. */
export interface ItemMedia {
  images: Array<{ upload: Upload; roles: ImageRole[] }>;
  files: UploadedFile[];
}

/**
 * Every upload an item's page or card shows or links: its picture (card and page), a news item's
 * photos, the images inside its rich text, its attachments and an uploaded video.
 */
export function itemMedia(type: EditorialType, item: object): ItemMedia {
  const record = item as Record<string, unknown>;
  const images: ItemMedia['images'] = [];
  const cover = coverOf(type, item);
  if (cover) images.push({ upload: cover, roles: ['card', 'page'] });
  if (type === 'news-item' && Array.isArray(record.images)) {
    for (const image of record.images) if (isUpload(image)) images.push({ upload: image, roles: ['page'] });
  }
  for (const image of blockImages(item)) images.push({ upload: image, roles: ['page'] });
  const files: UploadedFile[] = [];
  if (Array.isArray(record.files)) {
    for (const attachment of record.files) {
      const file = (attachment as { file?: unknown } | null)?.file;
      if (isUpload(file)) files.push(file);
    }
  }
  if (type === 'video' && isUpload(record.videoFile)) files.push(record.videoFile);
  return { images, files };
}

/** The images inside an item's rich texts (Strapi `blocks`: `{ type: 'image', image: {…} }`, at any depth). */
export function blockImages(value: unknown, found: Upload[] = []): Upload[] {
  if (Array.isArray(value)) {
    for (const entry of value) blockImages(entry, found);
  } else if (typeof value === 'object' && value !== null) {
    const node = value as Record<string, unknown>;
    if (node.type === 'image' && isUpload(node.image)) found.push(node.image);
    for (const [key, child] of Object.entries(node)) {
      if (key !== 'image' && typeof child === 'object' && child !== null) blockImages(child, found);
    }
  }
  return found;
}
