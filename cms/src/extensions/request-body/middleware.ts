import type { Core } from '@strapi/strapi';
import { answerBodyRefusal } from './answer';
import { checkQuery } from './query-guard';
import { BodyRefused } from './refusal';
import { RequestBody, type BodyContext } from './request-body';
import { bodySettings } from './settings-store';

/**
 * Koa middleware registered under the name `strapi::body`, in place of Strapi's body parser
 * (config/middlewares.ts, index.ts). It reads nothing itself: it refuses a query string holding
 * NUL or a prototype's name, gives the request its `RequestBody` (read later, once the route has
 * authorised the caller: after-authorization.ts), answers that body's refusals in Vietnamese,
 * and removes its upload folder when the request is over. What no caller may send at all is
 * refused earlier, ahead of every middleware (precheck.ts).
 */
export function createRequestBodyMiddleware(_config: unknown, { strapi }: { strapi: Core.Strapi }) {
  const graphqlPath = graphqlEndpoint(strapi);
  return async (ctx: BodyContext & { query: unknown }, next: () => Promise<void>) => {
    const settings = bodySettings();
    const body = new RequestBody(settings);
    body.attach(ctx);
    try {
      checkQuery(ctx.query);
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
