import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Core } from '@strapi/strapi';
import { PUBLIC_READABLE } from '../public-access';
import { ContentVersion } from './content-version';
import { ResponseCache } from './response-cache';
import { isCacheableRequest } from './cacheable';
import { readJsonBody } from './graphql-body';
import type { IncomingMessage } from 'node:http';

/** Kept on the Strapi instance itself (a global symbol), so every copy of this module shares it. */
const VERSION = Symbol.for('pbgdpl.read-cache.content-version');
type WithVersion = Core.Strapi & { [VERSION]?: ContentVersion };

function contentVersion(strapi: Core.Strapi): ContentVersion {
  const holder = strapi as WithVersion;
  return (holder[VERSION] ??= new ContentVersion(strapi));
}

/** For writes that bypass the Document Service (e.g. the nightly validity recompute). */
export function bumpContentVersion(strapi: Core.Strapi): Promise<void> {
  return contentVersion(strapi).bump();
}

const WRITE_ACTIONS = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);

/** Bootstrap: the version row exists and this process follows it. */
export async function prepareReadCache(strapi: Core.Strapi): Promise<void> {
  await contentVersion(strapi).start();
}

/** Destroy: stop following the version (closes the notification connection). */
export async function closeReadCache(strapi: Core.Strapi): Promise<void> {
  await (strapi as WithVersion)[VERSION]?.stop();
}

/** Register: any write through the Document Service (admin, REST, GraphQL, scripts) moves the content version. */
export function registerReadCacheInvalidation(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (WRITE_ACTIONS.has(context.action)) await contentVersion(strapi).bump();
    return result;
  });
}

type KoaContext = {
  method: string;
  path: string;
  querystring: string;
  status: number;
  body: unknown;
  type: string;
  req: IncomingMessage;
  is: (type: string) => string | false | null;
  request: { body?: unknown; headers: Record<string, string | string[] | undefined> };
  set: (name: string, value: string) => void;
};

/**
 * Koa middleware (`global::read-cache`): answers repeated anonymous public reads from memory
 * while the content version is unchanged. Requests with credentials are never cached (a revoked
 * token must stop working at once). The key covers the path, the query string and the GraphQL
 * body, so an answer is only ever replayed to a request that would get the same one.
 */
export function createReadCacheMiddleware(
  config: { maxMegabytes?: number; enabled?: boolean },
  { strapi }: { strapi: Core.Strapi },
) {
  const enabled = config.enabled ?? process.env.PBGDPL_READ_CACHE !== 'false';
  const cache = new ResponseCache(
    (config.maxMegabytes ?? Number(process.env.PBGDPL_READ_CACHE_MB ?? 64)) * 1024 * 1024,
  );
  let prefixes: string[] | null = null;
  const publicPrefixes = () =>
    (prefixes ??= PUBLIC_READABLE.map((uid) => `/api/${strapi.contentType(uid).info.pluralName}`));

  return async (ctx: KoaContext, next: () => Promise<void>) => {
    if (!enabled || ctx.request.headers.authorization) return next();
    if (ctx.path === '/graphql' && ctx.method === 'POST' && ctx.request.body === undefined) {
      if (!ctx.is('application/json')) return next();
      const parsed = await readJsonBody(ctx.req);
      if (!parsed.ok) {
        ctx.status = parsed.status;
        ctx.body = { errors: [{ message: parsed.status === 413 ? 'Yêu cầu quá lớn.' : 'Nội dung yêu cầu không phải JSON hợp lệ.' }] };
        return;
      }
      ctx.request.body = parsed.body;
    }
    const described = { method: ctx.method, path: ctx.path, body: ctx.request.body };
    if (!isCacheableRequest(described, publicPrefixes())) return next();
    const version = contentVersion(strapi).value;
    const key = createHash('sha256')
      .update(`${ctx.method} ${ctx.path}?${ctx.querystring}`)
      .update('\n')
      .update(ctx.method === 'POST' ? JSON.stringify(ctx.request.body ?? null) : '')
      .digest('hex');
    const hit = cache.get(key, version);
    if (hit) {
      ctx.status = hit.status;
      ctx.type = hit.type;
      ctx.set('Vary', 'Accept-Encoding');
      ctx.set('X-Read-Cache', 'hit');
      if (hit.gzipped && acceptsGzip(ctx.request.headers['accept-encoding'])) {
        ctx.set('Content-Encoding', 'gzip');
        ctx.body = hit.gzipped;
      } else {
        ctx.body = hit.body;
      }
      return;
    }
    await next();
    ctx.set('X-Read-Cache', 'miss');
    if (ctx.status !== 200) return;
    const body = serialise(ctx.body);
    if (!body || (ctx.path === '/graphql' && hasGraphqlErrors(body))) return;
    const gzipped = body.length >= GZIP_FROM_BYTES ? gzipSync(body) : undefined;
    cache.set(key, { version, status: ctx.status, type: ctx.type || 'application/json', body, gzipped });
  };
}

/** Listings are tens of kilobytes of JSON; gzip makes them ~8× smaller on the wire. */
const GZIP_FROM_BYTES = 512;

function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((part) => {
    const [coding, ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    return coding === 'gzip' && (q === undefined || Number(q.slice(2)) > 0);
  });
}

function serialise(body: unknown): Buffer | null {
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body);
  if (body && typeof body === 'object' && typeof (body as { pipe?: unknown }).pipe !== 'function') {
    return Buffer.from(JSON.stringify(body));
  }
  return null;
}

function hasGraphqlErrors(body: Buffer): boolean {
  return body.includes('"errors"');
}
