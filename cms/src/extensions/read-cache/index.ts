import type { Core } from '@strapi/strapi';
import { contentVersionOf, existingContentVersion } from './content-version';

export { createReadCacheMiddleware } from './middleware';

/** For writes that bypass the Document Service (e.g. the nightly validity recompute). */
export function bumpContentVersion(strapi: Core.Strapi): Promise<void> {
  return contentVersionOf(strapi).bump();
}

const WRITE_ACTIONS = new Set([
  'create',
  'update',
  'delete',
  'publish',
  'unpublish',
  'discardDraft',
  'clone',
]);

/** Bootstrap: the version row exists and this process follows it. */
export async function prepareReadCache(strapi: Core.Strapi): Promise<void> {
  await contentVersionOf(strapi).start();
}

/** Destroy: stop following the version (closes the notification connection). */
export async function closeReadCache(strapi: Core.Strapi): Promise<void> {
  await existingContentVersion(strapi)?.stop();
}

/** Register: any write through the Document Service (admin, REST, GraphQL, scripts) moves the content version. */
export function registerReadCacheInvalidation(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (WRITE_ACTIONS.has(context.action)) await contentVersionOf(strapi).bump();
    return result;
  });
}
