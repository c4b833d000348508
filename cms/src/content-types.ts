/**
 * The UIDs of this app's content types, named once: extensions and scripts refer to a type by
 * these constants, never by retyping `api::…` (a typo there is a silent miss, not a compile
 * error). The factories in `src/api/<type>/` keep Strapi's own one-line form, which names the
 * folder's own type.
 */
export const CONTENT_TYPES = {
  auditEntry: 'api::audit-entry.audit-entry',
  book: 'api::book.book',
  dialogue: 'api::dialogue.dialogue',
  documentRelation: 'api::document-relation.document-relation',
  guidance: 'api::guidance.guidance',
  introduction: 'api::introduction.introduction',
  legalDocument: 'api::legal-document.legal-document',
  legalField: 'api::legal-field.legal-field',
  legalSituation: 'api::legal-situation.legal-situation',
  material: 'api::material.material',
  newsItem: 'api::news-item.news-item',
  organization: 'api::organization.organization',
  qa: 'api::qa.qa',
  report: 'api::report.report',
  site: 'api::site.site',
  siteAdoption: 'api::site-adoption.site-adoption',
  siteMembership: 'api::site-membership.site-membership',
  siteRedirect: 'api::site-redirect.site-redirect',
  submission: 'api::submission.submission',
  video: 'api::video.video',
} as const;

export type ContentTypeUid = (typeof CONTENT_TYPES)[keyof typeof CONTENT_TYPES];

/** The UID of the type whose folder (singular name) is `name`: `news-item` → `api::news-item.news-item`. */
export function contentTypeUid<N extends string>(name: N): `api::${N}.${N}` {
  return `api::${name}.${name}`;
}
