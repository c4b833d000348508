/**
 * A closed-loop load generator: `clients` loops each send a request, wait for the whole answer,
 * and send the next, over keep-alive connections, for a fixed time. Latencies are measured per
 * request from send to last byte. Plain node:http keeps the generator's own CPU cost low (it
 * shares the machine with the CMS). Like the real client (content-client's fetch), it accepts a
 * gzipped answer and decompresses it before the request counts as done.
 */
import http from 'node:http';
import { gunzipSync } from 'node:zlib';

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

/** One request; resolves with the status, the body and the time it took. */
export function send(
  request: HttpRequest,
  agent?: http.Agent,
): Promise<{ status: number; body: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      request.url,
      {
        method: request.method,
        agent,
        headers: {
          'accept-encoding': 'gzip',
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
          const raw = Buffer.concat(chunks);
          const body = res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
          resolve({ status: res.statusCode ?? 0, body: body.toString('utf8'), ms: performance.now() - started });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(request.body);
  });
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
  const loop = async () => {
    while (performance.now() < ends) {
      // Counted when it starts inside the window, however long it takes: under overload a
      // single request can outlast the whole window, and dropping it would hide that.
      const counted = performance.now() >= warmupEnds;
      try {
        const res = await send(request, agent);
        const failed = res.status !== 200 || res.body.startsWith('{"errors"');
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
