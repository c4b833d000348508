/**
 * GraphQL documents for the editorial types: for each type, one site's published items a page at
 * a time, and one item by slug. Kept simple on purpose — the owning site's code, nothing more —
 * so PostgreSQL serves them from the owning-site link index; which other sites an item reaches
 * (audience, syndication) is decided by the federation rules, not here.
 */
import type { EditorialType } from '@pbgdpl/domain';
import type { EditorialItems } from './editorial-types.js';
import type { Connection, PaginationVariables, Query } from './queries.js';

const SITE_REF = `documentId code name kind basePath enabled`;
const MEDIA = `url alternativeText mime width height formats updatedAt`;
const DOWNLOAD = `url name ext mime size updatedAt`;
const ORGANIZATION = `documentId code name`;
/** Components and relation lists are paged by GraphQL too; these bounds exceed any real item. */
const ALL = `pagination: { limit: 200 }`;

const BASE = `
  documentId locale title slug
  owningSite { ${SITE_REF} }
  fields(${ALL}) { documentId code name nameEn parent { code } }
  audience audienceSiteKinds audienceProvinces(${ALL}) { code } mandatory publishAt
  seo { metaTitle metaDescription shareImage { ${MEDIA} } }
  updatedAt publishedAt`;
const CITING = `
  citations(${ALL}) { documentNumber article clause point note citedDocumentId documentTitle }
  citationsCheckedAt mayBeOutdated outdatedReason`;
const FILES = `files(${ALL}) { title description file { ${DOWNLOAD} } }`;

interface TypeQuerySpec {
  /** GraphQL list field: "legalSituations". */
  list: string;
  /** GraphQL type name: "LegalSituation". */
  typeName: string;
  /** Plural for the operation names: "LegalSituations". */
  plural: string;
  fields: string;
  /** Order of a site's listing; documentId last keeps pages stable. */
  sort: readonly string[];
}

const NEWEST_FIRST = ['publishedAt:desc', 'documentId:asc'] as const;

const SPECS: Readonly<Record<EditorialType, TypeQuerySpec>> = {
  introduction: {
    list: 'introductions',
    typeName: 'Introduction',
    plural: 'Introductions',
    fields: `${BASE} ${CITING} introductionType summary body coverImage { ${MEDIA} }`,
    sort: NEWEST_FIRST,
  },
  qa: {
    list: 'qas',
    typeName: 'Qa',
    plural: 'Qas',
    fields: `${BASE} ${CITING}
      question receivedAt handlingStatus answer answeredAt
      answeringOrganization { ${ORGANIZATION} }
      dialogue { documentId slug title }`,
    sort: NEWEST_FIRST,
  },
  dialogue: {
    list: 'dialogues',
    typeName: 'Dialogue',
    plural: 'Dialogues',
    fields: `${BASE} ${CITING}
      topic summary opensAt liveAt closesAt phase transcript videoUrl
      hostOrganization { ${ORGANIZATION} }
      questions(${ALL}) { documentId slug title handlingStatus }`,
    sort: ['opensAt:desc', 'documentId:asc'],
  },
  material: {
    list: 'materials',
    typeName: 'Material',
    plural: 'Materials',
    fields: `${BASE} ${CITING} materialType summary body coverImage { ${MEDIA} } ${FILES}`,
    sort: NEWEST_FIRST,
  },
  video: {
    list: 'videos',
    typeName: 'Video',
    plural: 'Videos',
    fields: `${BASE} ${CITING}
      summary sourceType youtubeId transcript durationSeconds
      videoFile { ${DOWNLOAD} } poster { ${MEDIA} }
      captions(${ALL}) { language label file { url mime } }`,
    sort: NEWEST_FIRST,
  },
  'legal-situation': {
    list: 'legalSituations',
    typeName: 'LegalSituation',
    plural: 'LegalSituations',
    fields: `${BASE} ${CITING}
      scenario question analysis
      quiz { prompt explanation options(${ALL}) { text isCorrect } }`,
    sort: NEWEST_FIRST,
  },
  book: {
    list: 'books',
    typeName: 'Book',
    plural: 'Books',
    fields: `${BASE}
      authors publisher publishedYear isbn description readingOrder
      cover { ${MEDIA} } ${FILES}`,
    sort: ['readingOrder:asc', 'documentId:asc'],
  },
  guidance: {
    list: 'guidances',
    typeName: 'Guidance',
    plural: 'Guidances',
    fields: `${BASE}
      guidanceType number issuedDate summary body
      issuer { ${ORGANIZATION} } ${FILES}`,
    sort: ['issuedDate:desc', 'documentId:asc'],
  },
  'news-item': {
    list: 'newsItems',
    typeName: 'NewsItem',
    plural: 'NewsItems',
    fields: `${BASE} summary body eventDate coverImage { ${MEDIA} } images(${ALL}) { ${MEDIA} }`,
    sort: ['eventDate:desc', 'documentId:asc'],
  },
};

export type SiteItemsVariables = PaginationVariables & { site: string; locale: string; sort: string[] };
export type SyndicatedItemsVariables = PaginationVariables & {
  /** Always `audience ≠ own_site`, and the owners' codes when the caller knows them. */
  filters: Record<string, unknown>;
  locale: string;
  sort: string[];
};
export type SiteItemVariables = { site: string; slug: string; locale: string };

export interface EditorialQueries<T extends EditorialType> {
  /** One page of a site's published items; the connection field is `${list}_connection`. */
  listSiteItems: Query<Record<string, Connection<EditorialItems[T]>>, SiteItemsVariables>;
  /**
   * One page of every site's published items whose audience reaches beyond the owning site
   * (own_and_descendants, all_sites, filtered): fetched once per run, then placed on each site
   * by the federation rules (`placementOnSite` in @pbgdpl/domain).
   */
  listSyndicatedItems: Query<Record<string, Connection<EditorialItems[T]>>, SyndicatedItemsVariables>;
  /** A site's published item by slug (at most one; two means the slug rule was broken). */
  getSiteItem: Query<Record<string, EditorialItems[T][]>, SiteItemVariables>;
  /** Field names in the responses. */
  connectionField: string;
  listField: string;
  /** Default order of a listing. */
  sort: readonly string[];
}

function queriesFor<T extends EditorialType>(type: T): EditorialQueries<T> {
  const spec = SPECS[type];
  const singular = spec.typeName;
  return {
    listSiteItems: {
      operation: `ListSite${spec.plural}`,
      document: `query ListSite${spec.plural}(
        $site: String!, $locale: I18NLocaleCode!, $sort: [String], $page: Int!, $pageSize: Int!
      ) {
        ${spec.list}_connection(
          filters: { owningSite: { code: { eq: $site } } }, locale: $locale, status: PUBLISHED,
          sort: $sort, pagination: { page: $page, pageSize: $pageSize }
        ) {
          nodes { ${spec.fields} }
          pageInfo { total page pageSize pageCount }
        }
      }`,
    },
    listSyndicatedItems: {
      operation: `ListSyndicated${spec.plural}`,
      document: `query ListSyndicated${spec.plural}(
        $filters: ${singular}FiltersInput, $locale: I18NLocaleCode!, $sort: [String], $page: Int!, $pageSize: Int!
      ) {
        ${spec.list}_connection(
          filters: $filters, locale: $locale, status: PUBLISHED,
          sort: $sort, pagination: { page: $page, pageSize: $pageSize }
        ) {
          nodes { ${spec.fields} }
          pageInfo { total page pageSize pageCount }
        }
      }`,
    },
    getSiteItem: {
      operation: `GetSite${singular}`,
      document: `query GetSite${singular}($site: String!, $slug: String!, $locale: I18NLocaleCode!) {
        ${spec.list}(
          filters: { owningSite: { code: { eq: $site } }, slug: { eq: $slug } }, locale: $locale,
          status: PUBLISHED, pagination: { limit: 2 }
        ) { ${spec.fields} }
      }`,
    },
    connectionField: `${spec.list}_connection`,
    listField: spec.list,
    sort: spec.sort,
  };
}

/** The queries of every editorial type, by type name. */
export const EDITORIAL_QUERIES: { readonly [T in EditorialType]: EditorialQueries<T> } = {
  introduction: queriesFor('introduction'),
  qa: queriesFor('qa'),
  dialogue: queriesFor('dialogue'),
  material: queriesFor('material'),
  video: queriesFor('video'),
  'legal-situation': queriesFor('legal-situation'),
  book: queriesFor('book'),
  guidance: queriesFor('guidance'),
  'news-item': queriesFor('news-item'),
};
