/**
 * Adoptions (`api::site-adoption` in the CMS): a site puts an item another site owns — national
 * content, its province's — on its own pages, with an optional local note, by reference. The
 * site template shows the original (never a copy) in the item's section, first on the home page
 * when pinned, with the note above it. Which items a site may adopt is the CMS's rule (the item
 * must appear there by the federation's syndication rules); the client only reads them.
 */
import { EDITORIAL_TYPES, type EditorialType } from '@pbgdpl/domain';
import type { RichText } from './editorial-types.js';
import type { Connection, PaginationVariables, Query } from './queries.js';

/** The CMS's `targetType` values (underscored) as the editorial type names of @pbgdpl/domain. */
export type AdoptionTargetType =
  | 'introduction'
  | 'qa'
  | 'dialogue'
  | 'material'
  | 'video'
  | 'legal_situation'
  | 'book'
  | 'guidance'
  | 'news_item';

export interface SiteAdoption {
  documentId: string;
  /** The adopting site. */
  owningSite: { code: string } | null;
  targetType: AdoptionTargetType;
  /** The adopted item's documentId (its type is `targetType`). */
  targetDocumentId: string;
  /** The item's title when the adoption was saved (for the admin list; pages use the item's own). */
  targetTitle: string | null;
  /** Put first in its section's list on the home page. */
  pinnedOnHome: boolean | null;
  /** Order among the site's pinned items (smallest first; none last). */
  position: number | null;
  localNoteTitle: string | null;
  localNote: RichText | null;
  updatedAt: string | null;
}

/** `legal_situation` → `legal-situation`; null for a value the template does not know. */
export function adoptedType(targetType: string): EditorialType | null {
  const type = targetType.replace(/_/g, '-');
  return (EDITORIAL_TYPES as readonly string[]).includes(type) ? (type as EditorialType) : null;
}

export type SiteAdoptionsVariables = PaginationVariables & { sites: string[] };

export const LIST_SITE_ADOPTIONS: Query<
  { siteAdoptions_connection: Connection<SiteAdoption> },
  SiteAdoptionsVariables
> = {
  operation: 'ListSiteAdoptions',
  document: `query ListSiteAdoptions($sites: [String], $page: Int!, $pageSize: Int!) {
    siteAdoptions_connection(
      filters: { owningSite: { code: { in: $sites } } },
      sort: ["documentId:asc"], pagination: { page: $page, pageSize: $pageSize }
    ) {
      nodes {
        documentId owningSite { code } targetType targetDocumentId targetTitle
        pinnedOnHome position localNoteTitle localNote updatedAt
      }
      pageInfo { total page pageSize pageCount }
    }
  }`,
};
