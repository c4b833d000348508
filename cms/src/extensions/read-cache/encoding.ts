/**
 * Content negotiation for stored answers: which of the copies kept for an answer (brotli, gzip,
 * the plain bytes) a client gets, from its Accept-Encoding header. Browsers and CDNs accept br;
 * Node's fetch (content-client) accepts gzip; a client that says nothing gets the plain body.
 */
export type StoredEncoding = 'br' | 'gzip' | 'identity';

/** Preference when a client weighs several codings equally: the smallest copy first. */
const PREFERENCE: readonly StoredEncoding[] = ['br', 'gzip', 'identity'];

export function chooseEncoding(
  header: string | undefined,
  available: { br: boolean; gzip: boolean },
): StoredEncoding {
  if (!header) return 'identity';
  const weights = parseAcceptEncoding(header);
  const weight = (coding: StoredEncoding): number =>
    weights.get(coding) ?? (coding === 'identity' ? 1 : (weights.get('*') ?? 0));
  let best: StoredEncoding = 'identity';
  let bestWeight = 0;
  for (const coding of PREFERENCE) {
    if (coding !== 'identity' && !available[coding]) continue;
    const q = weight(coding);
    if (q > bestWeight) {
      best = coding;
      bestWeight = q;
    }
  }
  // identity;q=0 with nothing else acceptable: send the plain body anyway (RFC 9110 allows it).
  return best;
}

function parseAcceptEncoding(header: string): Map<string, number> {
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [coding, ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    if (!coding) continue;
    const q = params.find((p) => p.startsWith('q='));
    const value = q === undefined ? 1 : Number(q.slice(2));
    weights.set(coding, Number.isFinite(value) ? value : 0);
  }
  return weights;
}

/** Weak comparison of an If-None-Match header with an entity tag (RFC 9110 §13.1.2). */
export function matchesEntityTag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === wanted);
}
