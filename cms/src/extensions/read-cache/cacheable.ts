/** Mutations and subscriptions always carry their keyword, so a conservative word test is safe. */
const WRITE_OPERATION = /\b(mutation|subscription)\b/;

/**
 * What kind of public read a request may be, from its method and path alone (no body yet):
 * a GraphQL POST, a REST read of a public collection, or nothing the cache answers.
 */
export function publicReadKind(
  request: { method: string; path: string },
  publicRestPrefixes: readonly string[],
): 'graphql' | 'rest' | null {
  if (request.path === '/graphql') return request.method === 'POST' ? 'graphql' : null;
  if (request.method !== 'GET') return null;
  return publicRestPrefixes.some((prefix) => request.path === prefix || request.path.startsWith(`${prefix}/`))
    ? 'rest'
    : null;
}

/**
 * A quick test on a GraphQL body's raw text, before any parsing: a body that names a mutation
 * or subscription anywhere (even in a variable) is passed through uncached.
 */
export function mayBeGraphqlRead(raw: string): boolean {
  return !WRITE_OPERATION.test(raw);
}

/**
 * Which requests the public read cache may answer: GraphQL queries (never mutations or
 * subscriptions) and REST reads of the public collections. The authoritative test, on the parsed
 * body; everything else passes through untouched.
 */
export function isCacheableRequest(
  request: { method: string; path: string; body?: unknown },
  publicRestPrefixes: readonly string[],
): boolean {
  const kind = publicReadKind(request, publicRestPrefixes);
  if (kind !== 'graphql') return kind === 'rest';
  const body = request.body as { query?: unknown } | undefined;
  return typeof body?.query === 'string' && !WRITE_OPERATION.test(body.query);
}
