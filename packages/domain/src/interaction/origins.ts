/**
 * Which web pages may call the CMS from a browser (the public forms, the search beacon, CORS),
 * and where a form may send the citizen back: only the registered sites — each site's own
 * `baseUrl` in the registry, and the deployment's shared host for sites (`sitesUrl`, where the
 * sites without an address of their own are served under their `basePath`) — plus origins an
 * operator names explicitly (a staging server). Nothing is admitted for being on this machine:
 * the demo names its sites' host like any deployment.
 */

export interface RegisteredSiteAddress {
  readonly code: string;
  /** The site's path on a shared host, e.g. "/ha-noi/". */
  readonly basePath: string;
  /** Where the site is published, e.g. "https://pbgdpl.hanoi.gov.vn/" (may include a path). */
  readonly baseUrl?: string | null;
}

export interface OriginPolicy {
  /** Origins of registered sites, of the sites' shared host and extra origins ("https://host[:port]"). */
  readonly origins: ReadonlySet<string>;
  /** Address prefixes a confirmation page may start with (each ends with "/"). */
  readonly prefixes: readonly string[];
}

/**
 * The policy for a registry. `sitesUrl` is the shared host serving every site without a
 * `baseUrl` under its `basePath` (PBGDPL_SITES_URL); `extraOrigins` are whole origins (any path
 * on them is allowed).
 */
export function originPolicy(
  sites: readonly RegisteredSiteAddress[],
  options: { sitesUrl?: string | null; extraOrigins?: readonly string[] } = {},
): OriginPolicy {
  const origins = new Set<string>();
  const prefixes: string[] = [];
  const shared = webUrl(options.sitesUrl);
  if (shared) origins.add(shared.origin);
  for (const site of sites) {
    const url = webUrl(site.baseUrl);
    if (url) {
      origins.add(url.origin);
      prefixes.push(withSlash(`${url.origin}${url.pathname}`));
    } else if (shared) {
      const basePath = site.basePath.startsWith('/') ? site.basePath : `/${site.basePath}`;
      prefixes.push(withSlash(`${shared.origin}${shared.pathname.replace(/\/$/, '')}${basePath}`));
    }
  }
  for (const extra of options.extraOrigins ?? []) {
    const url = parseUrl(extra);
    if (!url) continue;
    origins.add(url.origin);
    prefixes.push(`${url.origin}/`);
  }
  return { origins, prefixes };
}

/** Whether a browser's Origin header names a registered site's page (or an extra origin). */
export function isAllowedOrigin(origin: string, policy: OriginPolicy): boolean {
  return policy.origins.has(origin);
}

/**
 * The confirmation page a form names in `returnTo`, when it lies on a registered site (its own
 * address, or its basePath on the shared host); null for anything else, so the CMS never
 * redirects a citizen to a foreign address (an open redirect).
 */
export function allowedReturnTo(value: unknown, policy: OriginPolicy): URL | null {
  const url = typeof value === 'string' && value.length <= 2000 ? parseUrl(value) : null;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password)
    return null;
  const address = `${url.origin}${url.pathname}`;
  if (policy.prefixes.some((prefix) => address.startsWith(prefix) || withSlash(address) === prefix))
    return url;
  return null;
}

/** The origin of a Referer header (browsers send it when they send no Origin). */
export function refererOrigin(referer: unknown): string | null {
  return typeof referer === 'string' ? (parseUrl(referer)?.origin ?? null) : null;
}

/** An http(s) address without credentials, or null. */
function webUrl(value: string | null | undefined): URL | null {
  const url = parseUrl(value);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password)
    return null;
  return url;
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
