/**
 * The content client: the only way the sites (and the sync engine) read the CMS. Every list is
 * paged to completion; every failure is a ContentClientError (see errors.ts).
 */
import { ContentClientError, ContentResponseError } from './errors.js';
import { fetchAllPages } from './paginate.js';
import {
  GET_SITE,
  LIST_DOCUMENT_RELATIONS,
  LIST_DOCUMENTS,
  LIST_SITES,
  type Connection,
  type LegalDocumentFilters,
  type ListedDocument,
  type Query,
  type SiteFilters,
} from './queries.js';
import { runQuery, type TransportOptions } from './transport.js';
import type { DocumentRelation, LegalDocument, Locale, Site } from './types.js';
import { localScopeSites, type EditorialType } from '@pbgdpl/domain';
import { EDITORIAL_QUERIES } from './editorial-queries.js';
import type { EditorialItems } from './editorial-types.js';
import type { PageInfo } from './queries.js';
import { LIST_SITE_ADOPTIONS, type SiteAdoption } from './adoptions.js';

/** The CMS's GraphQL `maxLimit`: no page may be larger. */
export const MAX_PAGE_SIZE = 200;

export interface ContentClientOptions {
  /** The GraphQL endpoint, e.g. "http://127.0.0.1:1337/graphql". */
  endpoint: string;
  /** A Strapi API token (read-only is enough); public content needs none. */
  token?: string;
  /** Defaults to the global fetch; inject one for tests or proxies. */
  fetch?: typeof fetch;
  /** Per request, including reading the body. Default 60 000 ms. */
  timeoutMs?: number;
  /** Items per page, 1…200. Default 200 (the CMS's maximum). */
  pageSize?: number;
  /** Pages fetched in parallel once the first page has told how many there are. Default 4. */
  concurrency?: number;
}

export interface ListDocumentsOptions {
  /** Default "vi". */
  locale?: Locale;
  /** Include `fullText` (large: whole laws). Default true; when false `fullText` is null. */
  withFullText?: boolean;
}

/** Sites by code, or every site in the registry. */
export type ListSitesOptions =
  | { codes: readonly string[]; all?: never }
  | {
      all: true;
      codes?: never;
      /** Leave out sites whose `enabled` is false. Default true. */ enabledOnly?: boolean;
    };

export interface SiteItemsOptions {
  /** Default "vi". */
  locale?: Locale;
  /**
   * Strapi sort strings, e.g. ["title:asc"]. Default: the type's own order (newest first; dialogues
   * by opening, books by reading order), documentId last so pages neither overlap nor skip.
   */
  sort?: readonly string[];
}

export interface SiteItemsPage<T> {
  items: T[];
  pageInfo: PageInfo;
}

/** The part of a site that decides which documents concern it. */
export type SiteScope = Pick<Site, 'code'> & { parent: Pick<Site, 'code'> | null };

export interface ContentClient {
  readonly endpoint: string;
  /** The registry entry with this code, or null when there is none. */
  getSite(code: string): Promise<Site | null>;
  /** Sites by code (unknown codes are simply absent from the result) or all of them, sorted by code. */
  listSites(options: ListSitesOptions): Promise<Site[]>;
  /** The enabled sites whose parent is `parentCode` (a province's communes), sorted by code. */
  listChildSites(parentCode: string): Promise<Site[]>;
  /**
   * Every published document that concerns `site`: national-scope documents, local documents
   * whose scope is the site or its parent (a commune shows its province's), and local documents
   * the site owns. Sorted by documentId.
   */
  listSiteDocuments(site: SiteScope, options?: ListDocumentsOptions): Promise<LegalDocument[]>;
  /** Published national-scope documents: the part every site shares. */
  listNationalDocuments(options?: ListDocumentsOptions): Promise<LegalDocument[]>;
  /** Published local-scope documents of `site`: scoped to it or its parent, or owned by it. */
  listLocalDocuments(site: SiteScope, options?: ListDocumentsOptions): Promise<LegalDocument[]>;
  /** Published documents matching a Strapi LegalDocumentFiltersInput. */
  listDocuments(filters: LegalDocumentFilters, options?: ListDocumentsOptions): Promise<LegalDocument[]>;
  /** Relations in which any of `documentIds` is the source or the target, each once. */
  getDocumentRelations(documentIds: readonly string[]): Promise<DocumentRelation[]>;
  /**
   * Every published item of an editorial type (introduction, qa, dialogue, material, video,
   * legal-situation, book, guidance, news-item) owned by the site `siteCode`, in one locale.
   */
  listSiteItems<T extends EditorialType>(
    type: T,
    siteCode: string,
    options?: SiteItemsOptions,
  ): Promise<Array<EditorialItems[T]>>;
  /**
   * Every published item of an editorial type whose audience reaches beyond its owning site
   * (own_and_descendants, all_sites, filtered), whatever the owner: the part of the items a
   * multi-site build fetches once and places on each site with the federation rules
   * (`placementOnSite` in @pbgdpl/domain), as national documents are fetched once.
   */
  listSyndicatedItems<T extends EditorialType>(
    type: T,
    options?: SiteItemsOptions & {
      /**
       * Only items owned by these sites (codes). Only national content crosses unit boundaries,
       * so a build of some sites needs only those owned by the national portal and the sites'
       * ancestors (a commune: its province); without it, every owner's.
       */
      owners?: readonly string[];
    },
  ): Promise<Array<EditorialItems[T]>>;
  /** One page (1-based) of the same listing, with the totals a paginated list page shows. */
  getSiteItemsPage<T extends EditorialType>(
    type: T,
    siteCode: string,
    options: SiteItemsOptions & { page: number; pageSize?: number },
  ): Promise<SiteItemsPage<EditorialItems[T]>>;
  /**
   * The adoptions of these sites (codes): each names an item of another site the site shows on its
   * own pages (pinned on its home page when `pinnedOnHome`, with an optional local note). Sorted by
   * documentId; an unknown code has none.
   */
  listSiteAdoptions(siteCodes: readonly string[]): Promise<SiteAdoption[]>;
  /** The site's published item of `type` with this slug, or null. */
  getSiteItem<T extends EditorialType>(
    type: T,
    siteCode: string,
    slug: string,
    options?: Pick<SiteItemsOptions, 'locale'>,
  ): Promise<EditorialItems[T] | null>;
}

/** Ids per `in` filter: keeps request bodies and SQL `IN` lists small. */
const IDS_PER_REQUEST = 100;

/**
 * @throws {ContentClientError} when `endpoint` is not an http(s) URL or `pageSize` is out of range
 *   (each method throws the subclasses described in errors.ts).
 */
export function createContentClient(options: ContentClientOptions): ContentClient {
  const transport = checkedTransport(options);
  const pageSize = options.pageSize ?? MAX_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new ContentClientError(`pageSize must be an integer from 1 to ${MAX_PAGE_SIZE}, not ${pageSize}.`, {
      operation: 'createContentClient',
      endpoint: options.endpoint,
    });
  }
  const paging = { pageSize, concurrency: Math.max(1, options.concurrency ?? 4) };

  /** Pages through a connection query, checking each page's pageInfo. */
  function all<TData, TVariables extends object, TNode>(
    query: Query<TData, TVariables>,
    variables: Omit<TVariables, 'page' | 'pageSize'>,
    pick: (data: TData) => Connection<TNode> | undefined,
    key: (node: TNode) => string,
  ): Promise<TNode[]> {
    return fetchAllPages(
      async (page, size) => {
        const vars = { ...variables, page, pageSize: size } as unknown as TVariables;
        const connection = pick(await runQuery(transport, query, vars));
        const count = connection?.pageInfo?.pageCount;
        if (
          !connection ||
          !Array.isArray(connection.nodes) ||
          typeof count !== 'number' ||
          !Number.isInteger(count) ||
          count < 0
        ) {
          throw new ContentResponseError(
            `CMS query ${query.operation} returned no nodes/pageInfo for page ${page} from ${transport.endpoint}.`,
            {
              operation: query.operation,
              endpoint: transport.endpoint,
              variables: { ...(vars as Record<string, unknown>) },
            },
          );
        }
        return connection;
      },
      key,
      paging,
    );
  }

  const listDocuments = async (filters: LegalDocumentFilters, opts: ListDocumentsOptions = {}) => {
    const withFullText = opts.withFullText ?? true;
    const nodes = await all(
      LIST_DOCUMENTS,
      { filters, locale: opts.locale ?? 'vi', withFullText },
      (d) => d.legalDocuments_connection,
      (n) => n.documentId,
    );
    return nodes.map((n: ListedDocument): LegalDocument => ({ ...n, fullText: n.fullText ?? null }));
  };

  /**
   * A site's local documents are those scoped to it or its parent, plus those it owns (the rule
   * of `@pbgdpl/domain` `showsLocalDocument`, whose inverse tells the sync engine whom a change
   * reaches). Sent as two listings merged by documentId: one filter with an OR across the two relations makes
   * PostgreSQL join every local document with both link tables (~0.5 s at 100k documents),
   * while each branch alone is served by the link-table indexes (docs/benchmarks.md).
   */
  const localFilterBranches = (site: SiteScope): LegalDocumentFilters[] => {
    return [
      { scope: { eq: 'local' }, scopeSite: { code: { in: localScopeSites(site) } } },
      { scope: { eq: 'local' }, owningSite: { code: { eq: site.code } } },
    ];
  };

  /** The connection of one page of a site's items, its shape checked like every other page. */
  async function siteItemsPage<T extends EditorialType>(
    type: T,
    siteCode: string,
    options: SiteItemsOptions,
    page: number,
    size: number,
  ): Promise<Connection<EditorialItems[T]>> {
    const queries = EDITORIAL_QUERIES[type];
    const variables = {
      site: siteCode,
      locale: options.locale ?? 'vi',
      sort: [...(options.sort ?? queries.sort)],
      page,
      pageSize: size,
    };
    const connection = (await runQuery(transport, queries.listSiteItems, variables))[queries.connectionField];
    const count = connection?.pageInfo?.pageCount;
    if (!connection || !Array.isArray(connection.nodes) || !Number.isInteger(count) || (count ?? -1) < 0) {
      throw new ContentResponseError(
        `CMS query ${queries.listSiteItems.operation} returned no nodes/pageInfo for page ${page} from ${transport.endpoint}.`,
        { operation: queries.listSiteItems.operation, endpoint: transport.endpoint, variables },
      );
    }
    return connection;
  }

  /** One page of the items syndicated beyond their owner, checked like every other page. */
  async function syndicatedItemsPage<T extends EditorialType>(
    type: T,
    options: SiteItemsOptions & { owners?: readonly string[] },
    page: number,
    size: number,
  ): Promise<Connection<EditorialItems[T]>> {
    const queries = EDITORIAL_QUERIES[type];
    const variables = {
      filters: {
        audience: { ne: 'own_site' },
        ...(options.owners ? { owningSite: { code: { in: [...options.owners] } } } : {}),
      },
      locale: options.locale ?? 'vi',
      sort: [...(options.sort ?? queries.sort)],
      page,
      pageSize: size,
    };
    const connection = (await runQuery(transport, queries.listSyndicatedItems, variables))[
      queries.connectionField
    ];
    const count = connection?.pageInfo?.pageCount;
    if (!connection || !Array.isArray(connection.nodes) || !Number.isInteger(count) || (count ?? -1) < 0) {
      throw new ContentResponseError(
        `CMS query ${queries.listSyndicatedItems.operation} returned no nodes/pageInfo for page ${page} from ${transport.endpoint}.`,
        { operation: queries.listSyndicatedItems.operation, endpoint: transport.endpoint, variables },
      );
    }
    return connection;
  }

  const client: ContentClient = {
    endpoint: transport.endpoint,

    listSyndicatedItems(type, opts = {}) {
      return fetchAllPages(
        (page, size) => syndicatedItemsPage(type, opts, page, size),
        (item) => item.documentId,
        paging,
      );
    },

    listSiteItems(type, siteCode, opts = {}) {
      return fetchAllPages(
        (page, size) => siteItemsPage(type, siteCode, opts, page, size),
        (item) => item.documentId,
        paging,
      );
    },

    async getSiteItemsPage(type, siteCode, opts) {
      const size = opts.pageSize ?? 20;
      if (
        !Number.isInteger(opts.page) ||
        opts.page < 1 ||
        !Number.isInteger(size) ||
        size < 1 ||
        size > MAX_PAGE_SIZE
      ) {
        throw new ContentClientError(
          `page must be a positive integer and pageSize an integer from 1 to ${MAX_PAGE_SIZE}, not ${opts.page} and ${size}.`,
          { operation: EDITORIAL_QUERIES[type].listSiteItems.operation, endpoint: transport.endpoint },
        );
      }
      const connection = await siteItemsPage(type, siteCode, opts, opts.page, size);
      return { items: connection.nodes, pageInfo: connection.pageInfo };
    },

    async getSiteItem(type, siteCode, slug, opts = {}) {
      const queries = EDITORIAL_QUERIES[type];
      const data = await runQuery(transport, queries.getSiteItem, {
        site: siteCode,
        slug,
        locale: opts.locale ?? 'vi',
      });
      return data[queries.listField]?.[0] ?? null;
    },

    async listSiteAdoptions(siteCodes) {
      const byId = new Map<string, SiteAdoption>();
      for (const chunk of chunks([...new Set(siteCodes)], IDS_PER_REQUEST)) {
        const rows = await all(
          LIST_SITE_ADOPTIONS,
          { sites: chunk },
          (d) => d.siteAdoptions_connection,
          (a) => a.documentId,
        );
        for (const row of rows) byId.set(row.documentId, row);
      }
      return [...byId.values()].sort((a, b) => compare(a.documentId, b.documentId));
    },

    async getSite(code) {
      const data = await runQuery(transport, GET_SITE, { code });
      return data.sites?.[0] ?? null;
    },

    async listSites(opts) {
      if ('all' in opts && opts.all) {
        const filters: SiteFilters = opts.enabledOnly === false ? {} : { enabled: { eq: true } };
        return all(
          LIST_SITES,
          { filters },
          (d) => d.sites_connection,
          (s) => s.documentId,
        );
      }
      const codes = [...new Set(opts.codes ?? [])];
      const sites: Site[] = [];
      for (const chunk of chunks(codes, IDS_PER_REQUEST)) {
        sites.push(
          ...(await all(
            LIST_SITES,
            { filters: { code: { in: chunk } } },
            (d) => d.sites_connection,
            (s) => s.documentId,
          )),
        );
      }
      return sites.sort((a, b) => compare(a.code, b.code));
    },

    listChildSites(parentCode) {
      const filters = { parent: { code: { eq: parentCode } }, enabled: { eq: true } };
      return all(
        LIST_SITES,
        { filters },
        (d) => d.sites_connection,
        (s) => s.documentId,
      );
    },

    async listSiteDocuments(site, opts) {
      const [national, local] = await Promise.all([
        client.listNationalDocuments(opts),
        client.listLocalDocuments(site, opts),
      ]);
      const byId = new Map<string, LegalDocument>();
      for (const doc of [...national, ...local]) byId.set(doc.documentId, doc);
      return [...byId.values()].sort((a, b) => compare(a.documentId, b.documentId));
    },

    listNationalDocuments(opts) {
      return listDocuments({ scope: { eq: 'national' } }, opts);
    },

    async listLocalDocuments(site, opts) {
      const branches = await Promise.all(localFilterBranches(site).map((f) => listDocuments(f, opts)));
      const byId = new Map<string, LegalDocument>();
      for (const doc of branches.flat()) byId.set(doc.documentId, doc);
      return [...byId.values()].sort((a, b) => compare(a.documentId, b.documentId));
    },

    listDocuments,

    async getDocumentRelations(documentIds) {
      const ids = [...new Set(documentIds)];
      const byId = new Map<string, DocumentRelation>();
      for (const chunk of chunks(ids, IDS_PER_REQUEST)) {
        const filters = { or: [{ sourceDocumentId: { in: chunk } }, { targetDocumentId: { in: chunk } }] };
        const rows = await all(
          LIST_DOCUMENT_RELATIONS,
          { filters },
          (d) => d.documentRelations_connection,
          (r) => r.documentId,
        );
        for (const row of rows) byId.set(row.documentId, row);
      }
      return [...byId.values()].sort((a, b) => compare(a.documentId, b.documentId));
    },
  };
  return client;
}

function checkedTransport(options: ContentClientOptions): TransportOptions {
  let url: URL;
  try {
    url = new URL(options.endpoint);
  } catch {
    url = new URL('invalid:');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ContentClientError(
      `The CMS GraphQL endpoint must be an http(s) URL such as http://127.0.0.1:1337/graphql, not "${options.endpoint}".`,
      { operation: 'createContentClient', endpoint: options.endpoint },
    );
  }
  const timeoutMs = options.timeoutMs ?? 60_000;
  if (!(timeoutMs > 0)) {
    throw new ContentClientError(`timeoutMs must be positive, not ${timeoutMs}.`, {
      operation: 'createContentClient',
      endpoint: options.endpoint,
    });
  }
  const transport: TransportOptions = {
    endpoint: url.href,
    fetch: options.fetch ?? globalThis.fetch,
    timeoutMs,
  };
  if (options.token) transport.token = options.token;
  return transport;
}

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** Code-point order: the same on every machine, unlike localeCompare. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
