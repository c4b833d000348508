import { uploadTooLargeMessage } from '@pbgdpl/domain';

type Context = { status: number; body: unknown };

/**
 * Koa middleware `global::upload-limits`, just before `strapi::body` (config/middlewares.ts): a
 * request whose file is larger than the body parser reads (`formidable.maxFileSize`) is refused
 * there with Strapi's English "FileTooBig", and one whose files together pass
 * `maxTotalFileSize` with an unhandled error (a 500). Both become a Vietnamese 413 that says the
 * limits. Per-file limits by kind are the provider's check (index.ts).
 */
export function createUploadLimitMiddleware(config: { maxBytes?: number }) {
  const message = uploadTooLargeMessage(config.maxBytes ?? 0);
  const refuse = (ctx: Context) => {
    ctx.status = 413;
    ctx.body = {
      data: null,
      error: { status: 413, name: 'PayloadTooLargeError', message, details: { limit: config.maxBytes } },
    };
  };
  return async (ctx: Context, next: () => Promise<unknown>) => {
    try {
      await next();
    } catch (error) {
      if (isTooLarge(error)) return refuse(ctx);
      throw error;
    }
    if (ctx.status === 413 && errorMessage(ctx.body) === 'FileTooBig') refuse(ctx);
  };
}

/** formidable's own refusal (maxFileSize, maxTotalFileSize): an error with httpCode 413. */
function isTooLarge(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { httpCode?: unknown }).httpCode === 413 &&
    /max(Total)?FileSize/.test(String((error as { message?: unknown }).message))
  );
}

function errorMessage(body: unknown): unknown {
  return (body as { error?: { message?: unknown } } | null)?.error?.message;
}
