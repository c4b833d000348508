import type { Core } from '@strapi/strapi';
import { graphqlEndpoint } from './middleware';
import { RequestBody, type BodyContext, type BodyReader } from './request-body';

type Verify = (auth: unknown, config?: unknown) => Promise<unknown>;
type RouteState = { info?: { pluginName?: string }; config?: unknown };
type Middleware = (ctx: BodyContext, next: () => Promise<unknown>) => Promise<unknown>;

/**
 * Every route Strapi composes runs authenticate → authorize (`auth.verify`) → policies →
 * middlewares → controller. The body is read right after `auth.verify` has accepted the caller,
 * with the limits of who the caller turned out to be: an anonymous request never gets more
 * than the public limit, and a request the route refuses (401, 403) is answered before a byte
 * of its body is read. Routes without authentication (`auth: false`: the public forms, the
 * admin login, GraphQL, whose own authentication comes later) pass `verify` too, and are read
 * as anonymous — except GraphQL with a valid API token.
 *
 * Multipart bodies of the upload plugin's routes wait one step more: they are read by a route
 * middleware, after the route's policies (the media library's permission checks), so no file
 * is written for a caller who may not upload. File parts anywhere else are refused.
 */
export function readBodiesAfterAuthorization(strapi: Core.Strapi): void {
  const auth = strapi.get('auth') as { verify: Verify };
  const verify = auth.verify.bind(auth);
  const graphqlPath = graphqlEndpoint(strapi);
  auth.verify = async (credentials, config) => {
    const result = await verify(credentials, config);
    const ctx = strapi.requestContext.get() as unknown as BodyContext | undefined;
    const body = ctx ? RequestBody.of(ctx) : undefined;
    if (ctx && body && !body.parsed && !waitsForUploadMiddleware(ctx)) {
      await body.parse(ctx, await readerOf(strapi, ctx, graphqlPath));
    }
    return result;
  };
  addUploadBodyMiddleware(strapi);
}

function waitsForUploadMiddleware(ctx: BodyContext): boolean {
  const route = ctx.state.route as RouteState | undefined;
  return route?.info?.pluginName === 'upload' && Boolean(ctx.is('multipart'));
}

async function readerOf(strapi: Core.Strapi, ctx: BodyContext, graphqlPath: string): Promise<BodyReader> {
  const auth = ctx.state.auth as { credentials?: unknown } | undefined;
  if (auth?.credentials) return 'authenticated';
  if (ctx.path === graphqlPath && (await holdsValidApiToken(strapi, ctx.get('Authorization'))))
    return 'authenticated';
  return 'anonymous';
}

/**
 * GraphQL authenticates inside its own handler, after the body is read; a bearer that names a
 * live content API token earns the authenticated limit, anything else is read as anonymous.
 */
async function holdsValidApiToken(strapi: Core.Strapi, header: string): Promise<boolean> {
  const match = /^bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) return false;
  const tokens = strapi.service('admin::api-token-content-api') as
    | {
        hash(key: string): string;
        getByAccessKey(hash: string): Promise<{ expiresAt?: string | null } | null | undefined>;
      }
    | undefined;
  if (!tokens) return false;
  const token = await tokens.getByAccessKey(tokens.hash(match[1]!));
  return Boolean(token) && (!token!.expiresAt || new Date(token!.expiresAt) > new Date());
}

/** Puts the multipart reader on the upload plugin's write routes, after their policies. */
function addUploadBodyMiddleware(strapi: Core.Strapi): void {
  const readUpload: Middleware = async (ctx, next) => {
    const body = RequestBody.of(ctx);
    if (body && !body.parsed) {
      const auth = ctx.state.auth as { credentials?: unknown } | undefined;
      await body.parse(ctx, auth?.credentials ? 'authenticated' : 'anonymous', { upload: true });
    }
    return next();
  };
  const routers = (strapi.plugin('upload')?.routes ?? {}) as Record<string, unknown>;
  for (const router of Object.values(routers)) {
    const routes = (router as { routes?: Array<{ method: string; config?: { middlewares?: unknown[] } }> })
      .routes;
    for (const route of routes ?? []) {
      if (route.method !== 'POST') continue;
      route.config = { ...route.config, middlewares: [...(route.config?.middlewares ?? []), readUpload] };
    }
  }
}
