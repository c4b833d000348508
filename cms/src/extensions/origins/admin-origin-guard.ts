import type { Core } from '@strapi/strapi';
import { configuredAdminOrigins } from './admin-origins';

type Ctx = {
  method: string;
  path: string;
  origin: string;
  status: number;
  body: unknown;
  get(field: string): string;
  set(field: string, value: string): void;
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const FOREIGN_ADMIN_ORIGIN_MESSAGE =
  'Yêu cầu tới trang quản trị phải được gửi từ chính trang quản trị; trang web này không được phép.';

/**
 * A browser request that changes something in the admin API (login, renewing the session from
 * its cookie, every write) must come from the admin panel itself: same origin as the CMS, or a
 * configured admin origin. CORS already keeps other pages from reading answers; this keeps them
 * from sending the request at all (the session cookie is same-site, so a page on another port of
 * the same host would have it sent). Requests without an Origin (scripts, operators) pass.
 */
export function guardAdminOrigins(strapi: Core.Strapi): void {
  strapi.server.use(async (koa, next) => {
    const ctx = koa as unknown as Ctx;
    if (!ctx.path.startsWith('/admin/') || SAFE_METHODS.has(ctx.method)) return next();
    const origin = ctx.get('Origin');
    if (!origin || origin === ctx.origin || configuredAdminOrigins().has(origin)) return next();
    ctx.status = 403;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = {
      data: null,
      error: {
        status: 403,
        name: 'ForbiddenError',
        code: 'foreign_origin',
        message: FOREIGN_ADMIN_ORIGIN_MESSAGE,
        details: {},
      },
    };
  });
}
