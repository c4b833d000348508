import type { Core } from '@strapi/strapi';
import { contentVersionOf, existingContentVersion } from './content-version';
import { changesPublicReads } from './invalidation';

export { createReadCacheMiddleware } from './middleware';

/** For writes that bypass the Document Service (e.g. the nightly validity recompute). */
export function bumpContentVersion(strapi: Core.Strapi): Promise<void> {
  return contentVersionOf(strapi).bump();
}

/** Bootstrap: the version row exists and this process follows it. */
export async function prepareReadCache(strapi: Core.Strapi): Promise<void> {
  await contentVersionOf(strapi).start();
}

/** Destroy: stop following the version (closes the notification connection). */
export async function closeReadCache(strapi: Core.Strapi): Promise<void> {
  await existingContentVersion(strapi)?.stop();
}

/**
 * Register: a write through the Document Service (admin, REST, GraphQL, scripts) that may change
 * what anonymous readers get moves the content version; a citizen's question stored as a draft,
 * or a report, does not (see `changesPublicReads`).
 */
export function registerReadCacheInvalidation(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (await changesPublicReads(strapi, context, result)) await contentVersionOf(strapi).bump();
    return result;
  });
}
