// The public surface of @pbgdpl/content-client: everything a consumer may import, and nothing else.
export {
  createContentClient,
  MAX_PAGE_SIZE,
  type ContentClient,
  type ContentClientOptions,
  type ListDocumentsOptions,
  type ListSitesOptions,
  type SiteItemsOptions,
  type SiteItemsPage,
  type SiteScope,
} from './client.js';
export { graphqlEndpoint } from './endpoint.js';
export { adoptedType, type AdoptionTargetType, type SiteAdoption } from './adoptions.js';
export {
  ContentClientError,
  ContentGraphQLError,
  ContentHttpError,
  ContentNetworkError,
  ContentResponseError,
  ContentTimeoutError,
  type GraphQLErrorEntry,
  type RequestContext,
} from './errors.js';
export type { LegalDocumentFilters } from './queries.js';
export type {
  DocumentRelation,
  DocumentScope,
  LegalDocument,
  LegalDocumentSummary,
  LegalField,
  Locale,
  MediaFile,
  MediaFormat,
  MediaFormats,
  Organization,
  Site,
  SiteContact,
  SiteRef,
  SiteTheme,
  ValidityBasis,
  ValidityHistoryEntry,
} from './types.js';
export type { PageInfo } from './queries.js';
export type {
  Attachment,
  Book,
  CaptionTrack,
  CitingItem,
  Dialogue,
  DownloadFile,
  EditorialItem,
  EditorialItemBase,
  EditorialItems,
  Guidance,
  Introduction,
  LegalCitation,
  LegalSituation,
  Material,
  NewsItem,
  OrganizationRef,
  Qa,
  QuizOption,
  RichText,
  Seo,
  Video,
} from './editorial-types.js';
