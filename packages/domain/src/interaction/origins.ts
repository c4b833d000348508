/**
 * Which web pages may send the public forms, and where a form may send the citizen back: only
 * the registered sites (their `baseUrl` in the site registry), plus, outside production, pages
 * served from this machine (`localhost`, `127.0.0.1`: the demo and the tests), plus origins an
 * operator names explicitly (a staging server).
 */

export interface RegisteredSiteAddress {
  readonly code: string;
  /** The site's path on a shared host, e.g. "/ha-noi/". */
  readonly basePath: string;
  /** Where the site is published, e.g. "https://pbgdpl.hanoi.gov.vn/" (may include a path). */
  readonly baseUrl?: string | null;
}

export interface OriginPolicy {
  /** Origins of registered sites and extra origins ("https://host[:port]"). */
  readonly origins: ReadonlySet<string>;
  /** Address prefixes a confirmation page may start with (each ends with "/"). */
  readonly prefixes: readonly string[];
  /** Paths under which a local page may be (the sites' basePaths), when local pages are allowed. */
  readonly localPaths: readonly string[];
  readonly allowLocal: boolean;
}

const LOCAL_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

/**
 * The policy for a registry. `extraOrigins` are whole origins (any path on them is allowed);
 * `allowLocal` admits pages served from this machine under a registered site's basePath.
 */
export function originPolicy(
  sites: readonly RegisteredSiteAddress[],
  options: { allowLocal: boolean; extraOrigins?: readonly string[] },
): OriginPolicy {
  const origins = new Set<string>();
  const prefixes: string[] = [];
  for (const site of sites) {
    const url = parseUrl(site.baseUrl);
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) continue;
    origins.add(url.origin);
    prefixes.push(withSlash(`${url.origin}${url.pathname}`));
  }
  for (const extra of options.extraOrigins ?? []) {
    const url = parseUrl(extra);
    if (!url) continue;
    origins.add(url.origin);
    prefixes.push(`${url.origin}/`);
  }
  const localPaths = sites.map((s) => withSlash(s.basePath.startsWith('/') ? s.basePath : `/${s.basePath}`));
  return { origins, prefixes, localPaths, allowLocal: options.allowLocal };
}

/** Whether a browser's Origin header names a page allowed to send the forms. */
export function isAllowedOrigin(origin: string, policy: OriginPolicy): boolean {
  if (policy.origins.has(origin)) return true;
  return policy.allowLocal && LOCAL_ORIGIN.test(origin);
}

/**
 * The confirmation page a form names in `returnTo`, when it lies on a registered site (or a
 * local page under a site's basePath); null for anything else, so the CMS never redirects a
 * citizen to a foreign address (an open redirect).
 */
export function allowedReturnTo(value: unknown, policy: OriginPolicy): URL | null {
  const url = typeof value === 'string' && value.length <= 2000 ? parseUrl(value) : null;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password)
    return null;
  const address = `${url.origin}${url.pathname}`;
  if (policy.prefixes.some((prefix) => address.startsWith(prefix) || withSlash(address) === prefix))
    return url;
  if (
    policy.allowLocal &&
    LOCAL_ORIGIN.test(url.origin) &&
    policy.localPaths.some((p) => withSlash(url.pathname).startsWith(p))
  )
    return url;
  return null;
}

/** The origin of a Referer header (browsers send it when they send no Origin). */
export function refererOrigin(referer: unknown): string | null {
  return typeof referer === 'string' ? (parseUrl(referer)?.origin ?? null) : null;
}

function parseUrl(value: string | null | undefined): URL | null {
  if (!value) return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

function withSlash(path: string): string {
  return path.endsWith('/') ? path : `${path}/`;
}
