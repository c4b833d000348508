/**
 * Copies a site's logo (theme.logo in the registry) from the CMS into the snapshot, so the built
 * site serves it from its own folder: a page never makes a request to the CMS or any other host.
 * Only raster images are accepted; an SVG could carry script and run on the site's origin when
 * opened directly. A logo that cannot be copied is a warning, not a failed build: the site then
 * shows the neutral emblem.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Site } from '@pbgdpl/content-client';
import type { LogoAsset } from '@pbgdpl/site-template/snapshot-format';
import type { FetchAsset } from '../fetch-asset.js';

/** Image types a logo may have, with the extension it is served under. */
export const LOGO_TYPES: Readonly<Record<string, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
};

/** A logo sits on every page: a larger file would cost every reader on mobile data. */
export const LOGO_MAX_BYTES = 100 * 1024;

export interface CopyLogoOptions {
  site: Pick<Site, 'code' | 'theme'>;
  /** The CMS's GraphQL endpoint; a relative upload URL ("/uploads/…") is resolved against its origin. */
  cmsEndpoint: string;
  /** Where a file of the given name goes in the snapshot. */
  target: (file: string) => string;
  fetchAsset: FetchAsset;
  warn: (message: string) => void;
}

/** @returns the copied logo, or null when the site has none or it could not be used (with a warning). */
export async function copyLogo(options: CopyLogoOptions): Promise<LogoAsset | null> {
  const { site, warn } = options;
  const logo = site.theme?.logo;
  if (!logo?.url) return null;
  let url: URL;
  try {
    url = new URL(logo.url, options.cmsEndpoint);
  } catch {
    warn(`Site ${site.code}: logo URL "${logo.url}" is not a URL; the neutral emblem is shown.`);
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    warn(`Site ${site.code}: logo URL "${logo.url}" is not http(s); the neutral emblem is shown.`);
    return null;
  }
  const fetched = await options.fetchAsset(url.href);
  if (!fetched.ok) {
    warn(
      `Site ${site.code}: could not download its logo ${url.href} (${fetched.reason}); the neutral emblem is shown.`,
    );
    return null;
  }
  const extension = LOGO_TYPES[fetched.mime];
  if (!extension) {
    warn(
      `Site ${site.code}: logo ${url.href} is ${fetched.mime || 'of unknown type'}; only PNG, JPEG, WebP and GIF are used (the neutral emblem is shown).`,
    );
    return null;
  }
  if (fetched.bytes.byteLength > LOGO_MAX_BYTES) {
    warn(
      `Site ${site.code}: logo ${url.href} is ${Math.round(fetched.bytes.byteLength / 1024)} KiB, over ${LOGO_MAX_BYTES / 1024} KiB; upload a smaller one (the neutral emblem is shown).`,
    );
    return null;
  }
  const file = `logo.${extension}`;
  const target = options.target(file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, fetched.bytes);
  return { file, mime: fetched.mime, alt: logo.alternativeText, width: logo.width, height: logo.height };
}
