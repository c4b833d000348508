import type { Core } from '@strapi/strapi';
import { isAllowedOrigin, refererOrigin } from '@pbgdpl/domain';
import { bodySettings } from '../request-body';
import { siteRegistry } from './registry';
import { REJECT, SubmissionRejected } from './rejection';
import { answerRejection, isAnswered, type KoaLike } from './respond';
import type { SubmissionSettings } from './settings';

export const SUBMISSION_PATH = '/api/submissions';

/**
 * The form routes' outer layer, installed on the Koa app ahead of Strapi's own middlewares
 * (strapi.server.use in register()), so it sees each request before the body is parsed and each
 * answer after Strapi's error handler:
 * - CORS and CSRF: a browser request whose Origin (or, without one, Referer) is not a
 *   registered site is refused with 403 before anything is read; preflights are answered here,
 *   for registered origins only; answers carry Access-Control-Allow-Origin for the asking site
 *   only (Strapi's global CORS, which reflects any origin, is overridden on these routes).
 *   Requests without Origin and Referer (not a browser: curl, the load benchmark) still need a
 *   valid form token.
 * - Size: a body over the public limit is refused from its Content-Length, before it is read;
 *   one sent chunked is counted as it streams by the body reader (../request-body), which also
 *   refuses invalid UTF-8 and NUL characters.
 * - Every other failure is a Vietnamese 4xx, or a 503 the client may retry: a malformed body,
 *   an unknown path, a database that is down. Never a 500 or a stack trace.
 */
export function guardSubmissionRoutes(strapi: Core.Strapi, settings: () => SubmissionSettings): void {
  strapi.server.use(async (koa, next) => {
    const ctx = koa as unknown as KoaLike;
    if (ctx.path !== SUBMISSION_PATH && !ctx.path.startsWith(`${SUBMISSION_PATH}/`)) return next();
    let allowedOrigin: string | null = null;
    try {
      // A page's script sends Origin; a plain form post may send only Referer. A GET without
      // Origin is a navigation (a link to the status page), which any page may make.
      const origin =
        ctx.get('Origin') || (ctx.method === 'GET' ? '' : refererOrigin(ctx.get('Referer')) || '');
      if (origin) {
        const { policy } = await siteRegistry(strapi, settings());
        if (!isAllowedOrigin(origin, policy)) return refuse(ctx, REJECT.foreignOrigin());
        allowedOrigin = ctx.get('Origin') || null;
      }
      if (ctx.method === 'OPTIONS') {
        ctx.status = 204;
        ctx.body = null;
        ctx.state.submissionAnswered = true;
        if (allowedOrigin) {
          ctx.set('Access-Control-Allow-Methods', 'GET, POST');
          ctx.set('Access-Control-Allow-Headers', 'Content-Type, Accept');
          ctx.set('Access-Control-Max-Age', '86400');
        }
        return;
      }
      const length = Number(ctx.get('Content-Length') || 0);
      if (length > bodySettings().publicBytes) return refuse(ctx, REJECT.tooLarge());
      if (
        ctx.method === 'POST' &&
        !ctx.is('application/x-www-form-urlencoded', 'application/json', 'multipart/form-data')
      )
        return refuse(ctx, REJECT.unsupportedType());
      await next();
      if (!isAnswered(ctx) && ctx.status >= 400) refuse(ctx, translate(ctx.status, ctx.body));
    } catch (error) {
      strapi.log.error(`submissions: ${ctx.method} ${ctx.path} failed (${describe(error)})`);
      refuse(ctx, REJECT.unavailable());
    } finally {
      corsHeaders(ctx, allowedOrigin);
    }
  });
}

function refuse(ctx: KoaLike, rejection: SubmissionRejected): void {
  answerRejection(ctx, rejection, null);
}

/**
 * Other layers' refusals on these routes in the citizen's words: the body reader's own (already
 * Vietnamese, with a code) keep their message; Strapi's (router, errors) get ours.
 */
function translate(status: number, body: unknown): SubmissionRejected {
  const own = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (status < 500 && typeof own?.code === 'string' && typeof own.message === 'string') {
    // The forms' own wording where they have one; the reader's other refusals as it wrote them.
    if (own.code === 'too_large') return REJECT.tooLarge();
    if (own.code === 'unreadable') return REJECT.unreadable();
    if (own.code === 'unsupported_type') return REJECT.unsupportedType();
    return new SubmissionRejected(status, own.code, own.message);
  }
  if (status === 413) return REJECT.tooLarge();
  if (status === 415) return REJECT.unsupportedType();
  if (status === 404) return REJECT.notFound();
  if (status === 405) return REJECT.methodNotAllowed();
  if (status >= 500) return REJECT.unavailable();
  return REJECT.unreadable();
}

function corsHeaders(ctx: KoaLike, origin: string | null): void {
  ctx.remove('Access-Control-Allow-Credentials');
  if (origin) {
    ctx.set('Access-Control-Allow-Origin', origin);
    ctx.set('Vary', 'Origin');
  } else {
    ctx.remove('Access-Control-Allow-Origin');
  }
}

/** An error's kind and code, without its message (which may quote submitted values). */
export function describe(error: unknown): string {
  const e = error as { name?: string; code?: string };
  return [e?.name ?? 'Error', e?.code].filter(Boolean).join(' ');
}
