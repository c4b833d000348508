import type { Core } from '@strapi/strapi';
import { translateGraphqlErrors, translateRestError } from './translate';

type Ctx = {
  path: string;
  method: string;
  status: number;
  body: unknown;
  type: string;
  get(field: string): string;
  set(field: string, value: string): void;
};

/**
 * Register phase: the outermost layer of the public surface — the content API (`/api/*`),
 * GraphQL, and any route answering a request without credentials — answers Strapi's, Koa's and
 * the plugins' refusals in Vietnamese with our error shape and code, like our own refusals; a
 * failure that escaped every other layer is a Vietnamese 500 without details; a GraphQL
 * answer's errors lose their stack traces and internal messages. The admin panel's calls (with
 * its session token) to the admin and plugin APIs are left as Strapi answers them, since its
 * screens read those messages; our forms' HTML pages are left alone.
 */
export function registerPublicErrors(strapi: Core.Strapi): void {
  const graphqlPath = (strapi.plugin('graphql')?.config('endpoint') as string | undefined) ?? '/graphql';
  strapi.server.use(async (koa, next) => {
    const ctx = koa as unknown as Ctx;
    const isGraphql = ctx.path === graphqlPath;
    const isContentApi = ctx.path.startsWith('/api/') || ctx.path === '/api';
    if (!isGraphql && !isContentApi && ctx.get('Authorization')) return next();
    try {
      await next();
    } catch (error) {
      const e = error as { name?: string; code?: string };
      strapi.log.error(
        `public API: ${ctx.method} ${ctx.path} failed (${[e?.name ?? 'Error', e?.code].filter(Boolean).join(' ')})`,
      );
      ctx.status = 500;
      ctx.body = translateRestError(500, null);
      ctx.set('Cache-Control', 'no-store');
      return;
    }
    if (isGraphql) return cleanGraphqlAnswer(ctx);
    if (ctx.status < 400 || !isErrorAnswer(ctx)) return;
    ctx.body = translateRestError(ctx.status, ctx.body);
    ctx.set('Cache-Control', 'no-store');
  });
}

/** An answer in Strapi's JSON shape, or Koa's bare text; not a page (the forms' HTML answers). */
function isErrorAnswer(ctx: Ctx): boolean {
  if (ctx.body === null || ctx.body === undefined) return true;
  if (typeof ctx.body === 'string') return !/html/i.test(ctx.type);
  return typeof ctx.body === 'object' && !Buffer.isBuffer(ctx.body) && !('pipe' in (ctx.body as object));
}

/** Apollo answers with JSON text; only an answer that has errors is read and rewritten. */
function cleanGraphqlAnswer(ctx: Ctx): void {
  const text = typeof ctx.body === 'string' ? ctx.body : null;
  if (text !== null && !text.includes('"errors"')) return;
  type Answer = { errors?: unknown; data?: unknown; error?: unknown };
  let answer: Answer | null = null;
  if (text !== null) {
    try {
      answer = JSON.parse(text) as Answer;
    } catch {
      answer = null;
    }
  } else if (ctx.body && typeof ctx.body === 'object' && !Buffer.isBuffer(ctx.body)) {
    answer = ctx.body as Answer;
  }
  if (answer && Array.isArray(answer.errors)) {
    const cleaned = { ...answer, errors: translateGraphqlErrors(answer.errors) };
    ctx.body = text !== null ? JSON.stringify(cleaned) : cleaned;
    return;
  }
  if (ctx.status >= 400) {
    ctx.body = translateRestError(ctx.status, answer ?? ctx.body);
    ctx.set('Cache-Control', 'no-store');
  }
}
