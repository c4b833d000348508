/**
 * Uploads as the pages point at them: the site's own copy (`<base>media/<hash>.<ext>`, put there
 * by the generator, generator/media/) instead of the CMS's `/uploads/…`. Images get `src`,
 * `srcset` and `sizes` from the copies contract/media-variants.ts chose, their width and height
 * (no layout shift while they load), `alt` from the upload's description or the item's title,
 * and `loading="lazy"` unless they are at the top of the page. Pure: the manifest is passed in.
 */
import { joinBase } from '@pbgdpl/domain';
import type { MediaManifest, RunManifest } from '../contract/snapshot-format.js';
import {
  MEDIA_FOLDER,
  altText,
  defaultVariant,
  imageVariants,
  type CardImage,
  type ImageRole,
  type Upload,
} from '../contract/media-variants.js';
import { mediaHref } from './sections';

export type { CardImage, ImageRole, Upload };

/** `sizes` of an image in a page's column (the layout is at most 60rem wide, 1rem padding each side). */
export const PAGE_IMAGE_SIZES = '(min-width: 60rem) 58rem, calc(100vw - 2rem)';

/** The site's path of an upload it serves itself, or null when it was not copied. */
export function mediaPath(
  basePath: string,
  manifest: MediaManifest,
  url: string | null | undefined,
): string | null {
  const entry = url ? manifest.files[url] : undefined;
  return entry ? joinBase(basePath, `${MEDIA_FOLDER}/${entry.file}`) : null;
}

/** The attributes of an `<img>` (undefined ones are left out by Astro). */
export interface ImageAttributes {
  src: string;
  srcset?: string;
  sizes?: string;
  width?: number;
  height?: number;
  alt: string;
  loading?: 'lazy';
  decoding: 'async';
}

export interface ImageOptions {
  /** The alternative text when the upload has none: the item's title. */
  fallbackAlt: string;
  /** Below the fold: the browser loads it when the reader scrolls near it. */
  lazy: boolean;
}

/**
 * An upload as an image of a page (`page`: srcset of the copies the site has) or a card
 * (`card`: the small copy); null when the site has none of its copies (it is then not shown).
 */
export function imageAttributes(
  basePath: string,
  manifest: MediaManifest,
  upload: Upload | null | undefined,
  role: ImageRole,
  options: ImageOptions,
): ImageAttributes | null {
  const served = imageVariants(upload, role).flatMap((variant) => {
    const src = mediaPath(basePath, manifest, variant.url);
    return src ? [{ ...variant, src }] : [];
  });
  const main = defaultVariant(served);
  if (!main) return null;
  const withWidth = served.filter((v) => v.width !== null);
  const srcset =
    role === 'page' && withWidth.length > 1
      ? withWidth.map((v) => `${v.src} ${v.width}w`).join(', ')
      : undefined;
  return {
    src: main.src,
    ...(srcset ? { srcset, sizes: PAGE_IMAGE_SIZES } : {}),
    ...size(main.width ?? upload?.width, main.height ?? upload?.height),
    alt: altText(upload) ?? options.fallbackAlt,
    ...(options.lazy ? { loading: 'lazy' as const } : {}),
    decoding: 'async',
  };
}

/** A card's picture as the list shows it (the summary's `image`). */
export function cardImageAttributes(
  basePath: string,
  manifest: MediaManifest,
  image: CardImage | null | undefined,
  options: ImageOptions,
): ImageAttributes | null {
  const src = mediaPath(basePath, manifest, image?.url);
  if (!image || !src) return null;
  return {
    src,
    ...size(image.width, image.height),
    alt: image.alt ?? options.fallbackAlt,
    ...(options.lazy ? { loading: 'lazy' as const } : {}),
    decoding: 'async',
  };
}

function size(
  width: number | null | undefined,
  height: number | null | undefined,
): { width?: number; height?: number } {
  return width && height && width > 0 && height > 0
    ? { width: Math.round(width), height: Math.round(height) }
    : {};
}

/**
 * Where a page links a file (an attachment, a video, a document's original): the site's copy, or
 * — when it was not copied (a type or size the sites do not serve, a failed download) — the CMS's
 * public address, as before.
 */
export function fileHref(
  basePath: string,
  manifest: MediaManifest,
  run: Pick<RunManifest, 'mediaBaseUrl' | 'cmsEndpoint'>,
  url: string,
): string | null {
  return mediaPath(basePath, manifest, url) ?? mediaHref(run, url);
}
