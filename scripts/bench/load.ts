/**
 * A closed-loop load generator: `clients` loops each send a request, wait for the whole answer,
 * and send the next, over keep-alive connections, for a fixed time. Latencies are measured per
 * request from send to last byte, as HTTP load tools (wrk, autocannon) measure them. Plain
 * node:http keeps the generator's own CPU cost low (it shares the two cores with the CMS and
 * PostgreSQL).
 *
 * Requests carry `Accept-Encoding: gzip, deflate, br`, as browsers and CDNs send it (Node's fetch,
 * which content-client uses, sends `gzip, deflate`). Every answer is checked, but without
 * decompressing each one on the shared cores: an answer whose bytes equal a reference answer
 * (decoded and checked once) is that answer; any other is decoded and checked on its own.
 */
import http from 'node:http';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

/** What a browser or a CDN in front of the CMS sends. */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadFigures {
  requests: number;
  errors: number;
  /** Milliseconds. */
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
  /** Completed requests per second. */
  throughput: number;
}

export interface HttpAnswer {
  status: number;
  /** The bytes as received (compressed when the CMS compressed them). */
  raw: Buffer;
  encoding: string | undefined;
  /** Milliseconds from sending the request to the last byte of the answer. */
  ms: number;
  /** The decoded body (decompressed on first use). */
  readonly body: string;
}

/** One request; resolves with the status, the bytes, the time it took. */
export function send(request: HttpRequest, agent?: http.Agent): Promise<HttpAnswer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      request.url,
      {
        method: request.method,
        agent,
        headers: {
          'accept-encoding': ACCEPT_ENCODING,
          ...(request.body
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(request.body) }
            : {}),
          ...request.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const ms = performance.now() - started;
          const raw = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
          const encoding = res.headers['content-encoding'];
          let body: string | undefined;
          resolve({
            status: res.statusCode ?? 0,
            raw,
            encoding,
            ms,
            get body() {
              return (body ??= decode(raw, encoding).toString('utf8'));
            },
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(request.body);
  });
}

function decode(raw: Buffer, encoding: string | undefined): Buffer {
  if (encoding === 'br') return brotliDecompressSync(raw);
  if (encoding === 'gzip') return gunzipSync(raw);
  if (encoding === 'deflate') return inflateSync(raw);
  return raw;
}

/** A 200 whose body is not a GraphQL error answer. */
function isGoodAnswer(answer: HttpAnswer): boolean {
  return answer.status === 200 && !answer.body.startsWith('{"errors"');
}

/**
 * Runs `clients` loops for `seconds` (requests started during `warmupSeconds` are not counted).
 * Loops finish their last request, so a run under overload outlasts `seconds`; throughput is
 * over the real elapsed time. A response other than 200, or a body with GraphQL `errors`, counts
 * as an error.
 */
export async function runLoad(
  request: HttpRequest,
  options: { clients: number; seconds: number; warmupSeconds?: number },
): Promise<LoadFigures> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.clients });
  const latencies: number[] = [];
  let errors = 0;
  const warmupEnds = performance.now() + (options.warmupSeconds ?? 0) * 1000;
  const ends = warmupEnds + options.seconds * 1000;
  // Answers checked already, by encoding: the same bytes again are the same good answer.
  const known = new Map<string | undefined, Buffer>();
  const failedAnswer = (res: HttpAnswer): boolean => {
    const reference = known.get(res.encoding);
    if (reference?.equals(res.raw)) return false;
    if (!isGoodAnswer(res)) return true;
    if (!reference) known.set(res.encoding, res.raw);
    return false;
  };
  const loop = async () => {
    while (performance.now() < ends) {
      // Counted when it starts inside the window, however long it takes: under overload a
      // single request can outlast the whole window, and dropping it would hide that.
      const counted = performance.now() >= warmupEnds;
      try {
        const res = await send(request, agent);
        const failed = failedAnswer(res);
        if (counted) {
          if (failed) errors++;
          else latencies.push(res.ms);
        }
      } catch {
        if (counted) errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.clients }, loop));
  agent.destroy();
  return summarise(latencies, errors, (performance.now() - warmupEnds) / 1000);
}

export function summarise(latencies: number[], errors: number, seconds: number): LoadFigures {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : NaN;
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    requests: sorted.length,
    errors,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    p99: round(at(0.99)),
    max: round(sorted.at(-1) ?? NaN),
    mean: round(sorted.reduce((s, n) => s + n, 0) / (sorted.length || 1)),
    throughput: round(sorted.length / seconds),
  };
}
