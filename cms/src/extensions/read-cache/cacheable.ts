/**
 * Which requests the public read cache may answer: GraphQL queries (never mutations or
 * subscriptions: those always carry their keyword, so a conservative word test is safe) and
 * REST reads of the public collections. Everything else passes through untouched.
 */
export function isCacheableRequest(
  request: { method: string; path: string; body?: unknown },
  publicRestPrefixes: readonly string[],
): boolean {
  if (request.path === '/graphql') {
    if (request.method !== 'POST') return false;
    const body = request.body as { query?: unknown } | undefined;
    return typeof body?.query === 'string' && !/\b(mutation|subscription)\b/.test(body.query);
  }
  if (request.method !== 'GET') return false;
  return publicRestPrefixes.some((prefix) => request.path === prefix || request.path.startsWith(`${prefix}/`));
}
