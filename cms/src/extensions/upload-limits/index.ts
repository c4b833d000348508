import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { uploadSizeProblem } from '@pbgdpl/domain';

/** A file as the upload plugin hands it to its provider's size check (size in kilobytes of 1,000 bytes). */
interface PendingFile {
  name?: string;
  originalFilename?: string;
  mime?: string | null;
  size: number;
}

/**
 * Register phase (the upload plugin's provider exists by then): replaces the provider's size
 * check, one limit for every file, by the domain's per-kind limits — a video up to 500 MB, any
 * other file up to 50 MB, neither above the configured `sizeLimit` — refused with a Vietnamese
 * 413 that names the file, its size and the limit.
 */
export function registerUploadLimits(strapi: Core.Strapi): void {
  const provider = strapi.plugin('upload').provider as unknown as { extend(methods: object): void };
  provider.extend({
    checkFileSize(file: PendingFile, { sizeLimit }: { sizeLimit?: number }) {
      const name = file.name ?? file.originalFilename ?? 'tệp';
      const problem = uploadSizeProblem(
        { name, mime: file.mime ?? null, bytes: file.size * 1000 },
        sizeLimit,
      );
      if (problem) throw new errors.PayloadTooLargeError(problem, { file: name, limit: sizeLimit });
    },
  });
}
