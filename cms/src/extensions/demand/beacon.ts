import type { IncomingMessage } from 'node:http';
import type { Core } from '@strapi/strapi';
import type { KoaContext as Context } from './koa';
import { isAllowedOrigin, normaliseSearchQuery, refererOrigin, todayInVietnam } from '@pbgdpl/domain';
import { submissionSettings } from '../submissions';
import { siteRegistry } from '../submissions/registry';
import { DEMAND_REJECT, DemandRejected, answerRejection } from './answer';
import type { DemandSettings } from './settings';
import { countSearch } from './store';
import type { VisitorMemory } from './visitor-memory';

export const BEACON_PATH = '/api/pbgdpl-demand/search';

/**
 * `POST /api/pbgdpl-demand/search` with `{ "site": "<code>", "q": "<query>" }` as JSON or as
 * text/plain holding JSON (what `navigator.sendBeacon` sends for a string, without a preflight).
 *
 * Installed on the Koa app ahead of Strapi's middlewares (like the public forms' guard), so the
 * request never reaches Strapi's logger, session or body parser, and nothing about it is written
 * anywhere but one aggregate counter: the body is read here with a 1 KB cap, the address is
 * turned into a keyed hash kept in memory for the day (rate limit, one count per person, query
 * and day), and the answer is 204 with no body. Refusals are Vietnamese 4xx; a database that is
 * down is a 503. Neither the query nor the address is ever logged.
 */
export function installSearchBeacon(
  strapi: Core.Strapi,
  settings: () => DemandSettings,
  memory: VisitorMemory,
  clock: () => Date = () => new Date(),
): void {
  strapi.server.use(async (ctx: Context, next: () => Promise<unknown>) => {
    if (ctx.path !== BEACON_PATH) return next();
    let allowedOrigin: string | null = null;
    try {
      const origin = ctx.get('Origin') || refererOrigin(ctx.get('Referer')) || '';
      const registry = await siteRegistry(strapi, submissionSettings());
      if (origin) {
        if (!isAllowedOrigin(origin, registry.policy)) throw DEMAND_REJECT.foreignOrigin();
        allowedOrigin = ctx.get('Origin') || null;
      }
      if (ctx.method === 'OPTIONS') {
        ctx.status = 204;
        ctx.body = null;
        if (allowedOrigin) {
          ctx.set('Access-Control-Allow-Methods', 'POST');
          ctx.set('Access-Control-Allow-Headers', 'Content-Type');
          ctx.set('Access-Control-Max-Age', '86400');
        }
        return;
      }
      if (ctx.method !== 'POST') throw DEMAND_REJECT.methodNotAllowed();
      if (Number(ctx.get('Content-Length') || 0) > settings().maxBodyBytes) throw DEMAND_REJECT.tooLarge();
      const type = ctx.is('application/json', 'text/plain');
      if (type === false) throw DEMAND_REJECT.unsupportedType();
      const body = parse(await readBody(ctx.req, settings().maxBodyBytes));

      const site = typeof body.site === 'string' ? registry.byCode.get(body.site) : undefined;
      if (!site || !site.enabled) throw DEMAND_REJECT.unknownSite();
      const check = normaliseSearchQuery(body.q);
      if (!check.ok) throw DEMAND_REJECT.badQuery(check.message);

      const now = clock();
      const visitor = memory.visitor(ctx.request.ip, now);
      const admitted = memory.admit(visitor, now);
      if (!admitted.allowed) throw DEMAND_REJECT.rateLimited(admitted.retryAfter);
      if (memory.firstToday(visitor, site.id, check.query, now))
        await countSearch(strapi, site.id, todayInVietnam(now), check.query);
      ctx.status = 204;
      ctx.body = null;
      ctx.set('Cache-Control', 'no-store');
    } catch (error) {
      if (error instanceof DemandRejected) answerRejection(ctx, error);
      else {
        const e = error as { name?: string; code?: string };
        strapi.log.error(
          `demand: search beacon failed (${[e?.name ?? 'Error', e?.code].filter(Boolean).join(' ')})`,
        );
        answerRejection(ctx, DEMAND_REJECT.unavailable());
      }
    } finally {
      ctx.remove('Access-Control-Allow-Credentials');
      if (allowedOrigin) {
        ctx.set('Access-Control-Allow-Origin', allowedOrigin);
        ctx.set('Vary', 'Origin');
      }
    }
  });
}

/** The request body as text, refused as soon as it passes `limit` bytes. */
async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw DEMAND_REJECT.tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parse(text: string): { site?: unknown; q?: unknown } {
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value))
      return value as { site?: unknown; q?: unknown };
  } catch {
    // fall through: not JSON
  }
  throw DEMAND_REJECT.unreadable();
}
