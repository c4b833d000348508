import type { Core } from '@strapi/strapi';
import { readBodiesAfterAuthorization } from './after-authorization';
import { createRequestBodyMiddleware, graphqlEndpoint } from './middleware';
import { quietClosedConnections, refuseImpossibleBodies } from './precheck';
import { reloadBodySettings } from './settings-store';

export { createRequestBodyMiddleware, graphqlEndpoint } from './middleware';
export { answerBodyRefusal } from './answer';
export { BodyRefused, BODY_REFUSALS } from './refusal';
export { readBounded } from './read';
export { parseTextBody } from './text-body';
export { RequestBody, markBodyRead } from './request-body';
export { bodySettings } from './settings-store';
export type { BodySettings } from './settings';

/**
 * Register phase: read the limits (a bad value stops the boot with its name), put our body
 * middleware in the place of Strapi's under its name `strapi::body` (Strapi refuses to start
 * without a middleware of that name), and make every route read its body only once the caller
 * is authorised (after-authorization.ts).
 */
/**
 * Register phase, after the forms' and the beacon's guards (so they answer their routes'
 * refusals in their own words) and ahead of Strapi's middlewares: what no caller may send is
 * refused before anything else runs (precheck.ts).
 */
export function registerBodyPrecheck(strapi: Core.Strapi): void {
  refuseImpossibleBodies(strapi, graphqlEndpoint(strapi));
}

export function registerRequestBody(strapi: Core.Strapi): void {
  reloadBodySettings();
  (strapi.get('middlewares') as { set(uid: string, factory: unknown): unknown }).set(
    'strapi::body',
    createRequestBodyMiddleware,
  );
  quietClosedConnections(strapi);
  readBodiesAfterAuthorization(strapi);
}
