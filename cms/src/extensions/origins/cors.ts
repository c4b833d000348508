import type { Core } from '@strapi/strapi';
import { isAllowedOrigin } from '@pbgdpl/domain';
import { submissionSettings } from '../submissions';
import { siteRegistry } from '../submissions/registry';
import { configuredAdminOrigins } from './admin-origins';

type Ctx = {
  method: string;
  status: number;
  body: unknown;
  get(field: string): string;
  set(field: string, value: string): void;
  vary(field: string): void;
};

const ALLOWED_METHODS = 'GET,HEAD,POST,PUT,PATCH,DELETE,OPTIONS';
const ALLOWED_HEADERS = 'Content-Type,Authorization,Accept,Origin';
// Preflights are cached for 10 minutes: a site removed from the registry loses access soon after.
const PREFLIGHT_MAX_AGE = '600';

/**
 * Koa middleware registered under the name `strapi::cors` (index.ts), in place of Strapi's,
 * whose default reflects any Origin with credentials allowed: a page on another port of the same
 * host could read a signed-in administrator's session. Here:
 * - an admin origin (admin-origins.ts) gets `Access-Control-Allow-Origin` and credentials;
 * - a registered site's origin (the registry's `baseUrl` hosts and PBGDPL_SITES_URL, the same
 *   policy as the public forms') gets `Access-Control-Allow-Origin`, never credentials;
 * - any other origin, and a request without one, gets no CORS header at all.
 * Preflights from allowed origins are answered here (204); others go on to the router.
 */
export function createCorsMiddleware(_config: unknown, { strapi }: { strapi: Core.Strapi }) {
  return async (koa: unknown, next: () => Promise<void>) => {
    const ctx = koa as Ctx;
    ctx.vary('Origin');
    const origin = ctx.get('Origin');
    const admin = Boolean(origin) && configuredAdminOrigins().has(origin);
    if (!origin || (!admin && !(await isSiteOrigin(strapi, origin)))) return next();
    ctx.set('Access-Control-Allow-Origin', origin);
    if (admin) ctx.set('Access-Control-Allow-Credentials', 'true');
    if (ctx.method === 'OPTIONS' && ctx.get('Access-Control-Request-Method')) {
      ctx.set('Access-Control-Allow-Methods', ALLOWED_METHODS);
      ctx.set('Access-Control-Allow-Headers', ALLOWED_HEADERS);
      ctx.set('Access-Control-Max-Age', PREFLIGHT_MAX_AGE);
      ctx.status = 204;
      ctx.body = null;
      return;
    }
    await next();
  };
}

async function isSiteOrigin(strapi: Core.Strapi, origin: string): Promise<boolean> {
  const { policy } = await siteRegistry(strapi, submissionSettings());
  return isAllowedOrigin(origin, policy);
}
