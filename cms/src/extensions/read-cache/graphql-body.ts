import type { IncomingMessage } from 'node:http';

const LIMIT_BYTES = 1024 * 1024; // koa-bodyparser's JSON default, which the GraphQL plugin uses

/**
 * The raw bytes of a GraphQL request's body. The cache keys a query on these bytes, so a hit
 * costs no JSON parsing; the body is parsed only on a miss (`parseJsonBody`), and the GraphQL
 * plugin's own parser leaves an already parsed body alone.
 */
export function readRawBody(
  req: IncomingMessage,
): Promise<{ ok: true; raw: Buffer } | { ok: false; status: 413 }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > LIMIT_BYTES) {
        req.off('data', onData);
        req.resume(); // drain the rest so the connection can be reused
        resolve({ ok: false, status: 413 });
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () =>
      resolve({ ok: true, raw: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) }),
    );
    req.once('error', reject);
  });
}

/** The parsed JSON body, or null when it is not JSON. */
export function parseJsonBody(raw: Buffer): { body: unknown } | null {
  try {
    return { body: JSON.parse(raw.toString('utf8')) };
  } catch {
    return null;
  }
}
