import type { Core } from '@strapi/strapi';
import { readBodiesAfterAuthorization } from './after-authorization';
import { createRequestBodyMiddleware } from './middleware';
import { reloadBodySettings } from './settings-store';

export { createRequestBodyMiddleware, graphqlEndpoint } from './middleware';
export { answerBodyRefusal } from './answer';
export { BodyRefused, BODY_REFUSALS } from './refusal';
export { readBounded } from './read';
export { parseTextBody } from './text-body';
export { RequestBody } from './request-body';
export { bodySettings } from './settings-store';
export type { BodySettings } from './settings';

/**
 * Register phase: read the limits (a bad value stops the boot with its name), put our body
 * middleware in the place of Strapi's under its name `strapi::body` (Strapi refuses to start
 * without a middleware of that name), and make every route read its body only once the caller
 * is authorised (after-authorization.ts).
 */
export function registerRequestBody(strapi: Core.Strapi): void {
  reloadBodySettings();
  (strapi.get('middlewares') as { set(uid: string, factory: unknown): unknown }).set(
    'strapi::body',
    createRequestBodyMiddleware,
  );
  readBodiesAfterAuthorization(strapi);
}
