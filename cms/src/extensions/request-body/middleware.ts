import type { Core } from '@strapi/strapi';
import { answerBodyRefusal } from './answer';
import { checkQuery } from './query-guard';
import { declaredLength, hasBody } from './read';
import { BODY_REFUSALS, BodyRefused } from './refusal';
import { RequestBody, type BodyContext } from './request-body';
import { bodySettings } from './settings-store';

/**
 * Koa middleware registered under the name `strapi::body`, in place of Strapi's body parser
 * (config/middlewares.ts, index.ts). It reads nothing itself: it refuses at once what no caller may send
 * (a body on a read, a compressed body, a declared length past any limit — for a request without credentials,
 * past the public limit — a query string holding NUL or a prototype's name), gives the request
 * its `RequestBody` (read later, once the route has authorised the caller: after-authorization.ts),
 * answers that body's refusals in Vietnamese, and removes its upload folder when the request is
 * over.
 */
export function createRequestBodyMiddleware(_config: unknown, { strapi }: { strapi: Core.Strapi }) {
  const graphqlPath = graphqlEndpoint(strapi);
  return async (ctx: BodyContext & { query: unknown }, next: () => Promise<void>) => {
    const settings = bodySettings();
    const body = new RequestBody(settings);
    body.attach(ctx);
    try {
      checkQuery(ctx.query);
      if (hasBody(ctx.req.headers)) {
        // A read carries no body; one sent anyway would be ignored, so it is refused instead.
        if (ctx.method === 'GET' || ctx.method === 'HEAD') throw BODY_REFUSALS.unexpectedBody();
        const encoding = ctx.get('Content-Encoding').trim().toLowerCase();
        if (encoding && encoding !== 'identity') throw BODY_REFUSALS.compressed();
        // Without credentials a request is anonymous whatever the route: the public limit holds.
        const ceiling = ctx.get('Authorization')
          ? settings.uploadBytes + settings.authenticatedBytes
          : settings.publicBytes;
        const declared = declaredLength(ctx.req.headers);
        if (declared !== null && declared > ceiling) throw BODY_REFUSALS.tooLarge(ceiling);
      }
      await next();
    } catch (error) {
      if (!(error instanceof BodyRefused)) throw error;
      answerBodyRefusal(ctx, error, graphqlPath);
    } finally {
      await body.cleanup();
    }
  };
}

export function graphqlEndpoint(strapi: Core.Strapi): string {
  return (strapi.plugin('graphql')?.config('endpoint') as string | undefined) ?? '/graphql';
}
