import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Core } from '@strapi/strapi';
import { PUBLIC_READABLE } from '../public-access';
import { contentVersionOf } from './content-version';
import { ResponseCache, type CachedResponse } from './response-cache';
import { isCacheableRequest, mayBeGraphqlRead, publicReadKind } from './cacheable';
import {
  answerBodyRefusal,
  bodySettings,
  BodyRefused,
  markBodyRead,
  parseTextBody,
  readBounded,
} from '../request-body';
import { PublicHeaders } from './public-headers';
import { replayAnswer, storeAnswer, type ReplayContext } from './stored-answer';

type KoaContext = ReplayContext & {
  path: string;
  querystring: string;
  req: IncomingMessage;
  is: (type: string) => string | false | null;
  request: { body?: unknown; headers: Record<string, string | string[] | undefined> };
  response: { headers: Record<string, string | string[] | number | undefined> };
};

/**
 * Koa middleware (`global::read-cache`, the first of config/middlewares.ts): answers repeated
 * anonymous public reads from memory while the content version is unchanged. Requests with
 * credentials are never cached (a revoked token must stop working at once). The key covers the
 * path, the query string and the GraphQL body's bytes, so an answer is only ever replayed to a
 * request that would get the same one.
 *
 * A hit does no JSON work and skips every other middleware; see PublicHeaders for the headers
 * it still gets. Concurrent misses of one key wait for the first one's answer instead of each
 * running the query (after a publish, 50 builders asking the same listing run it once).
 */
export function createReadCacheMiddleware(
  config: { maxMegabytes?: number; enabled?: boolean },
  { strapi }: { strapi: Core.Strapi },
) {
  const enabled = config.enabled ?? process.env.PBGDPL_READ_CACHE !== 'false';
  const cache = new ResponseCache(
    (config.maxMegabytes ?? Number(process.env.PBGDPL_READ_CACHE_MB ?? 64)) * 1024 * 1024,
  );
  /** Misses being answered now, by content version and key. */
  const inFlight = new Map<string, Promise<CachedResponse | null>>();
  const headers = new PublicHeaders(strapi);
  let prefixes: string[] | null = null;
  const publicPrefixes = () =>
    (prefixes ??= PUBLIC_READABLE.map((uid) => `/api/${strapi.contentType(uid).info.pluralName}`));

  const hit = (ctx: KoaContext, entry: CachedResponse) =>
    headers.withCors(ctx, () => replayAnswer(ctx, entry, 'hit'));
  // The public body limit and checks of request-body hold here too: this reads before it.
  const refuse = (ctx: KoaContext, refusal: BodyRefused) =>
    headers.withSecurityAndCors(ctx, () => answerBodyRefusal(ctx, refusal));
  const parse = async (ctx: KoaContext, raw: Buffer): Promise<boolean> => {
    try {
      ctx.request.body = await parseTextBody(raw, 'json');
      markBodyRead(ctx as unknown as { state: Record<string, unknown> });
      return true;
    } catch (error) {
      if (!(error instanceof BodyRefused)) throw error;
      await refuse(ctx, error);
      return false;
    }
  };

  return async (ctx: KoaContext, next: () => Promise<void>) => {
    if (!enabled || ctx.request.headers.authorization) return next();
    const kind = publicReadKind(ctx, publicPrefixes());
    if (!kind) return next();

    let raw: Buffer | null = null;
    if (kind === 'graphql') {
      // Strapi's body middleware skips /graphql (the plugin parses its own body later).
      if (ctx.request.body !== undefined || !ctx.is('application/json')) return next();
      try {
        raw = await readBounded(ctx.req, bodySettings().publicBytes);
      } catch (error) {
        if (error instanceof BodyRefused) return refuse(ctx, error);
        throw error;
      }
      if (!mayBeGraphqlRead(raw.toString('latin1'))) {
        return (await parse(ctx, raw)) ? next() : undefined;
      }
    }

    const version = contentVersionOf(strapi).value;
    const key = requestKey(ctx, raw);
    const stored = cache.get(key, version);
    if (stored) return hit(ctx, stored);

    if (raw && !(await parse(ctx, raw))) return;
    if (
      !isCacheableRequest({ method: ctx.method, path: ctx.path, body: ctx.request.body }, publicPrefixes())
    ) {
      return next();
    }

    const flightKey = `${version} ${key}`;
    const leader = inFlight.get(flightKey);
    if (leader) {
      const shared = await leader;
      if (shared) return hit(ctx, shared);
      await next(); // the first answer was not cacheable (an error): answer this one on its own
      ctx.set('X-Read-Cache', 'miss');
      return;
    }

    let settle: (entry: CachedResponse | null) => void = () => undefined;
    inFlight.set(flightKey, new Promise((resolve) => (settle = resolve)));
    let entry: CachedResponse | null = null;
    try {
      await next();
      entry = await storeAnswer(
        { status: ctx.status, body: ctx.body, headers: ctx.response.headers },
        { version, graphql: kind === 'graphql' },
      ).catch(() => null); // compression failed: send Strapi's answer as it is
    } finally {
      inFlight.delete(flightKey);
      settle(entry);
    }
    if (!entry) {
      ctx.set('X-Read-Cache', 'miss');
      return;
    }
    cache.set(key, entry);
    replayAnswer(ctx, entry, 'miss');
  };
}

function requestKey(ctx: KoaContext, raw: Buffer | null): string {
  const hash = createHash('sha256').update(`${ctx.method} ${ctx.path}?${ctx.querystring}\n`);
  if (raw) hash.update(raw);
  return hash.digest('base64url');
}
