/**
 * The GraphQL documents the client sends, each named (the operation name appears in errors and
 * in the CMS's logs) and typed by the shape of its `data`. Field names are those of the live
 * schema (`schema.graphql` beside this file is the snapshot they were checked against).
 */
import type { DocumentRelation, LegalDocument, Site } from './types.js';

/** A query's text, its operation name, and (as phantom types) its variables and data. */
export interface Query<TData, TVariables extends object> {
  readonly operation: string;
  readonly document: string;
  /** Never set: carries the types only. */
  readonly __types?: { data: TData; variables: TVariables };
}

function query<TData, TVariables extends object>(
  operation: string,
  document: string,
): Query<TData, TVariables> {
  return { operation, document };
}

export interface PageInfo {
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

export interface Connection<T> {
  nodes: T[];
  pageInfo: PageInfo;
}

export interface PaginationVariables {
  page: number;
  pageSize: number;
}

const SITE_REF = `documentId code name kind basePath enabled`;
const SITE = `
  ${SITE_REF}
  nameEn adminUnitCode unitType baseUrl
  parent { ${SITE_REF} }
  theme { primaryColor accentColor logo { url alternativeText mime width height } }
  contact { address phone email website }
  organization { documentId code name }
  optedOutFields(pagination: { limit: 200 }) { code }`;

const PAGE_INFO = `pageInfo { total page pageSize pageCount }`;

export const GET_SITE = query<{ sites: Site[] }, { code: string }>(
  'GetSite',
  `query GetSite($code: String!) {
    sites(filters: { code: { eq: $code } }, pagination: { limit: 2 }) { ${SITE} }
  }`,
);

/** Filters follow Strapi's SiteFiltersInput; kept loose on purpose (it is a GraphQL input). */
export type SiteFilters = Record<string, unknown>;

export const LIST_SITES = query<
  { sites_connection: Connection<Site> },
  PaginationVariables & { filters: SiteFilters }
>(
  'ListSites',
  `query ListSites($filters: SiteFiltersInput, $page: Int!, $pageSize: Int!) {
    sites_connection(filters: $filters, pagination: { page: $page, pageSize: $pageSize }, sort: ["code:asc"]) {
      nodes { ${SITE} }
      ${PAGE_INFO}
    }
  }`,
);

const DOCUMENT = `
  documentId locale number documentType title abstract
  fullText @include(if: $withFullText)
  issuers { documentId code name nameEn docSymbol category }
  signerTitle signerName issuedDate effectiveFrom effectiveTo gazetteNumber gazetteDate
  fields { documentId code name nameEn }
  scope
  scopeSite { ${SITE_REF} }
  owningSite { ${SITE_REF} }
  originalFile { url alternativeText mime width height updatedAt }
  sourceUrl declaredStatus declaredStatusSource declaredStatusAsOf
  validityStatus validityBasis validityHistory validityComputedAt
  updatedAt publishedAt`;

/** Filters follow Strapi's LegalDocumentFiltersInput. */
export type LegalDocumentFilters = Record<string, unknown>;

/** `fullText` is absent from each node unless `withFullText` is true. */
export type ListedDocument = Omit<LegalDocument, 'fullText'> & { fullText?: string | null };

export const LIST_DOCUMENTS = query<
  { legalDocuments_connection: Connection<ListedDocument> },
  PaginationVariables & { filters: LegalDocumentFilters; locale: string; withFullText: boolean }
>(
  'ListLegalDocuments',
  // Sorted by documentId so that pages do not overlap or skip while paging through.
  `query ListLegalDocuments(
    $filters: LegalDocumentFiltersInput, $locale: I18NLocaleCode!, $withFullText: Boolean!,
    $page: Int!, $pageSize: Int!
  ) {
    legalDocuments_connection(
      filters: $filters, locale: $locale, status: PUBLISHED,
      pagination: { page: $page, pageSize: $pageSize }, sort: ["documentId:asc"]
    ) {
      nodes { ${DOCUMENT} }
      ${PAGE_INFO}
    }
  }`,
);

/** Filters follow Strapi's DocumentRelationFiltersInput. */
export type DocumentRelationFilters = Record<string, unknown>;

export const LIST_DOCUMENT_RELATIONS = query<
  { documentRelations_connection: Connection<DocumentRelation> },
  PaginationVariables & { filters: DocumentRelationFilters }
>(
  'ListDocumentRelations',
  `query ListDocumentRelations($filters: DocumentRelationFiltersInput, $page: Int!, $pageSize: Int!) {
    documentRelations_connection(
      filters: $filters, pagination: { page: $page, pageSize: $pageSize }, sort: ["documentId:asc"]
    ) {
      nodes {
        documentId sourceNumber kind targetNumber sourceDocumentId targetDocumentId
        partial affectedPart effectiveDate note
      }
      ${PAGE_INFO}
    }
  }`,
);
