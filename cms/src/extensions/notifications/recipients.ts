import type { Core } from '@strapi/strapi';
import { CONTENT_TYPES } from '../../content-types';

const MEMBERSHIP = CONTENT_TYPES.siteMembership;

/**
 * The staff of a site who hear about new items: every active admin account that is a member
 * of the site (the federation's site memberships), whatever its role.
 */
export async function siteStaffEmails(strapi: Core.Strapi, siteId: number): Promise<string[]> {
  const members = (await strapi.db.query(MEMBERSHIP).findMany({
    where: { site: { id: siteId } },
    select: ['adminUserId', 'email'],
  })) as Array<{ adminUserId: number | null; email: string | null }>;
  const ids = members.map((m) => m.adminUserId).filter((id): id is number => typeof id === 'number');
  if (ids.length === 0) return [];
  const users = (await strapi.db.query('admin::user').findMany({
    where: { id: { $in: ids }, isActive: true, blocked: false },
    select: ['email'],
  })) as Array<{ email: string }>;
  return [...new Set(users.map((u) => u.email.toLowerCase()))];
}

/** An active admin account by email (an assignee), or null. */
export async function activeAdmin(
  strapi: Core.Strapi,
  email: string,
): Promise<{ id: number; email: string } | null> {
  const user = (await strapi.db.query('admin::user').findOne({
    where: { email: email.toLowerCase(), isActive: true, blocked: false },
    select: ['id', 'email'],
  })) as { id: number; email: string } | null;
  return user;
}

/** The admin panel's edit page of an item, when the CMS knows its public address (PUBLIC_URL). */
export function adminEditUrl(strapi: Core.Strapi, uid: string, documentId: string): string | null {
  const base = publicUrl(strapi);
  return base
    ? `${base}/admin/content-manager/collection-types/${uid}/${documentId}?plugins[i18n][locale]=vi`
    : null;
}

/** The CMS's page for looking a tracking code up. */
export function statusPageUrl(strapi: Core.Strapi, trackingCode: string): string | null {
  const base = publicUrl(strapi);
  return base ? `${base}/api/submissions/status/${trackingCode}` : null;
}

function publicUrl(strapi: Core.Strapi): string | null {
  const url = String(strapi.config.get('server.url', '') ?? '').replace(/\/+$/, '');
  return /^https?:\/\//.test(url) ? url : null;
}
