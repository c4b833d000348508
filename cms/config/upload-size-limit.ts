import { VIDEO_SIZE_LIMIT_BYTES } from '@pbgdpl/domain';

/**
 * UPLOAD_SIZE_LIMIT_BYTES: the largest upload the CMS reads (strapi::body, config/middlewares.ts)
 * and stores (the upload plugin's sizeLimit, config/plugins.ts). By default a 500 MB video skit;
 * other files are held to 50 MB by src/extensions/upload-limits.
 * @throws Error when it is set to anything but a whole number of bytes.
 */
export function uploadSizeLimit(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return VIDEO_SIZE_LIMIT_BYTES;
  const bytes = Number(raw);
  if (!Number.isSafeInteger(bytes) || bytes <= 0) {
    throw new Error(
      `UPLOAD_SIZE_LIMIT_BYTES must be a whole number of bytes, e.g. 524288000 (500 MB); got "${raw}".`,
    );
  }
  return bytes;
}
