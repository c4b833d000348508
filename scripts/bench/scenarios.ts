/**
 * The requests the bench times, built the way their real callers build them: the site listings
 * through @pbgdpl/content-client itself (its first request is captured, so the bench sends the
 * exact query, variables and page size the generator would), the admin list as the Strapi admin
 * panel requests it.
 */
import { createContentClient, graphqlEndpoint, type SiteScope } from '@pbgdpl/content-client';
import type { HttpRequest } from './load.ts';

/** The generator's listing page: 50 documents and `pageInfo.total`, without full text. */
export const LISTING_PAGE_SIZE = 50;

/** Stops the client at its first round of requests: the bench wants those requests, not the answers. */
class Captured extends Error {
  constructor() {
    super('captured');
  }
}

/**
 * The first GraphQL requests content-client sends for `listNationalDocuments()` or
 * `listLocalDocuments(site)` (page 1 of 50, with the total count): one for the national part,
 * two for the local part (documents scoped to the site or its parent; documents it owns), which
 * the client sends at the same time.
 */
export async function siteListingRequests(
  cmsUrl: string,
  part: { national: true } | { local: SiteScope },
): Promise<HttpRequest[]> {
  const endpoint = graphqlEndpoint(cmsUrl);
  const bodies: string[] = [];
  const client = createContentClient({
    endpoint,
    pageSize: LISTING_PAGE_SIZE,
    fetch: async (_url, init) => {
      bodies.push(String(init?.body));
      throw new Captured();
    },
  });
  const options = { locale: 'vi' as const, withFullText: false };
  try {
    await ('national' in part
      ? client.listNationalDocuments(options)
      : client.listLocalDocuments(part.local, options));
  } catch (error) {
    if (!isCaptured(error)) throw error;
  }
  if (bodies.length === 0) throw new Error('content-client sent no request');
  return bodies.map((body) => ({ method: 'POST', url: endpoint, body }));
}

function isCaptured(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) if (e instanceof Captured) return true;
  return false;
}

const LIST_PATH = '/content-manager/collection-types/api::legal-document.legal-document';

/** The admin list's first page (10 rows, sorted by number, locale vi), with extra filters. */
export function adminListRequest(
  cmsUrl: string,
  token: string,
  filters: Record<string, string> = {},
): HttpRequest {
  const query = new URLSearchParams({
    page: '1',
    pageSize: '10',
    sort: 'number:ASC',
    'plugins[i18n][locale]': 'vi',
  });
  Object.entries(filters).forEach(([condition, value], i) => {
    query.set(`filters[$and][${i}]${condition}`, value);
  });
  return {
    method: 'GET',
    url: `${cmsUrl}${LIST_PATH}?${query}`,
    headers: { authorization: `Bearer ${token}` },
  };
}

/** The admin list filters an editor uses most, each on the 100k corpus. */
export const ADMIN_FILTERS: Record<string, Record<string, string>> = {
  'no filter': {},
  'validityStatus = in_force': { '[validityStatus][$eq]': 'in_force' },
  'documentType = commune_committee_decision': { '[documentType][$eq]': 'commune_committee_decision' },
  'owningSite = ha-noi': { '[owningSite][code][$eq]': 'ha-noi' },
  'effectiveFrom in 2020': { '[effectiveFrom][$gte]': '2020-01-01', '[effectiveFrom][$lte]': '2020-12-31' },
  'all four': {
    '[validityStatus][$eq]': 'in_force',
    '[documentType][$eq]': 'provincial_committee_decision',
    '[owningSite][code][$eq]': 'ha-noi',
    '[effectiveFrom][$gte]': '2010-01-01',
  },
};
