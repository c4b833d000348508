import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import type { CachedResponse } from './response-cache';
import { chooseEncoding, matchesEntityTag } from './encoding';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** Listings are tens of kilobytes of JSON; compressed they are 7–8× smaller on the wire. */
const COMPRESS_FROM_BYTES = 512;
/**
 * Brotli quality 6: ~2 ms for a 70 KB listing, 11 % smaller than gzip. Qualities 9–11 save
 * another 8 % for 30–100 ms of CPU per answer, paid again by every answer after each publish.
 */
const BROTLI_QUALITY = 6;

/**
 * Headers never stored with an answer: lengths and encodings belong to the copy sent, Vary and
 * ETag are set by the cache itself, the rest are per connection. An Access-Control-Allow-Origin
 * naming the requesting origin is not stored either (the configured CORS middleware sets it
 * again on every hit); `*` (the GraphQL route's own CORS) and the other CORS headers are.
 */
const NOT_STORED = new Set([
  'content-length',
  'content-encoding',
  'vary',
  'etag',
  'x-read-cache',
  // Per request (src/extensions/observability): a hit gets its own.
  'x-request-id',
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
]);

export interface AnsweredResponse {
  status: number;
  body: unknown;
  headers: Record<string, string | string[] | number | undefined>;
}

/**
 * The stored form of an answer Strapi just produced, or null when it must not be replayed: not a
 * 200, a GraphQL answer carrying `errors`, a streamed body, an answer that sets a cookie or is
 * already encoded. Compression runs on libuv's thread pool, off the event loop.
 */
export async function storeAnswer(
  answer: AnsweredResponse,
  options: { version: string; graphql: boolean },
): Promise<CachedResponse | null> {
  if (answer.status !== 200) return null;
  if (answer.headers['set-cookie'] !== undefined || answer.headers['content-encoding'] !== undefined)
    return null;
  const body = serialise(answer.body);
  if (!body || (options.graphql && body.includes('"errors"'))) return null;
  const headers: CachedResponse['headers'] = [];
  for (const [name, value] of Object.entries(answer.headers)) {
    if (value === undefined || NOT_STORED.has(name)) continue;
    if (name === 'access-control-allow-origin' && value !== '*') continue;
    headers.push([name, typeof value === 'number' ? String(value) : value]);
  }
  const compress = body.length >= COMPRESS_FROM_BYTES;
  const [gzipped, brotli] = compress
    ? await Promise.all([
        gzipAsync(body),
        brotliAsync(body, {
          params: {
            [zlib.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
            [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
            [zlib.BROTLI_PARAM_SIZE_HINT]: body.length,
          },
        }),
      ])
    : [undefined, undefined];
  return {
    version: options.version,
    status: answer.status,
    headers,
    body,
    gzip: gzipped,
    br: brotli,
    etag: `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
  };
}

/** The slice of Koa's context that replaying an answer touches. */
export interface ReplayContext {
  method: string;
  status: number;
  body: unknown;
  get: (name: string) => string;
  set: (name: string, value: string | string[]) => void;
  vary: (name: string) => void;
}

/**
 * Writes a stored answer to the response: its headers, the copy the client accepts (brotli,
 * gzip or plain), the entity tag; a GET whose If-None-Match names that tag gets 304 without a
 * body. (A POST never gets 304: for other methods a matching If-None-Match means 412, and
 * GraphQL clients do not send it.)
 */
export function replayAnswer(ctx: ReplayContext, entry: CachedResponse, label: 'hit' | 'miss'): void {
  for (const [name, value] of entry.headers) ctx.set(name, value);
  ctx.set('ETag', entry.etag);
  ctx.vary('Accept-Encoding');
  ctx.set('X-Read-Cache', label);
  if (ctx.method === 'GET' && matchesEntityTag(ctx.get('If-None-Match'), entry.etag)) {
    ctx.status = 304;
    ctx.body = null;
    return;
  }
  ctx.status = entry.status;
  const encoding = chooseEncoding(ctx.get('Accept-Encoding'), { br: !!entry.br, gzip: !!entry.gzip });
  if (encoding === 'identity') {
    ctx.body = entry.body;
    return;
  }
  ctx.set('Content-Encoding', encoding);
  ctx.body = encoding === 'br' ? entry.br : entry.gzip;
}

function serialise(body: unknown): Buffer | null {
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body);
  if (body && typeof body === 'object' && typeof (body as { pipe?: unknown }).pipe !== 'function') {
    return Buffer.from(JSON.stringify(body));
  }
  return null;
}
