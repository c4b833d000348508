import type { IncomingMessage } from 'node:http';

const LIMIT_BYTES = 1024 * 1024; // koa-bodyparser's JSON default, which the GraphQL plugin uses

/**
 * Strapi's body middleware skips the GraphQL endpoint (the plugin parses its own body later),
 * so to key the cache on a GraphQL request we read its JSON body here. The plugin's parser
 * leaves an already parsed body alone. Returns undefined when the body is not JSON.
 */
export async function readJsonBody(
  req: IncomingMessage,
): Promise<{ ok: true; body: unknown } | { ok: false; status: 400 | 413 }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > LIMIT_BYTES) return { ok: false, status: 413 };
    chunks.push(chunk as Buffer);
  }
  try {
    return { ok: true, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
  } catch {
    return { ok: false, status: 400 };
  }
}
