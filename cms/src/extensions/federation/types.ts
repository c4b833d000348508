import type { Core, UID } from '@strapi/strapi';
import { CONTENT_TYPES } from '../../content-types';

export const SITE = CONTENT_TYPES.site;
export const MEMBERSHIP = CONTENT_TYPES.siteMembership;
export const AUDIT_ENTRY = CONTENT_TYPES.auditEntry;
export const SITE_REDIRECT = CONTENT_TYPES.siteRedirect;
export const LEGAL_DOCUMENT = CONTENT_TYPES.legalDocument;
export const DOCUMENT_RELATION = CONTENT_TYPES.documentRelation;

/** Shared vocabularies and the registry: only the national level (or the system) changes them. */
export const NATIONAL_ONLY_TYPES: readonly string[] = [
  SITE_REDIRECT,
  CONTENT_TYPES.organization,
  CONTENT_TYPES.legalField,
];

/** Fields of its own site record a unit administrator may change (presentation, contact, opt-outs). */
export const UNIT_EDITABLE_SITE_FIELDS: readonly string[] = ['theme', 'contact', 'optedOutFields'];

/** An admin user as Strapi's admin strategies put it on ctx.state.user (roles populated). */
export interface AdminUser {
  id: number;
  email?: string | null;
  firstname?: string | null;
  lastname?: string | null;
  roles?: Array<{ id: number; code?: string | null }> | null;
}

/**
 * Types whose items belong to a site: every api type with an `owningSite` relation to the
 * registry. Found from the schemas, so a new editorial type is covered the day it is added.
 */
export function siteOwnedTypes(strapi: Core.Strapi): Set<string> {
  const out = new Set<string>();
  for (const [uid, model] of Object.entries(strapi.contentTypes)) {
    const attribute = (model.attributes as Record<string, { type?: string; target?: string }>).owningSite;
    if (uid.startsWith('api::') && attribute?.type === 'relation' && attribute.target === SITE) out.add(uid);
  }
  return out;
}

export type ContentUid = UID.ContentType;
