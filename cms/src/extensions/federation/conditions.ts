import type { Core } from '@strapi/strapi';
import { adminScope } from './scope';
import { MEMBERSHIP, type AdminUser } from './types';

/** Ids the admin roles refer to (Strapi prefixes conditions registered without a plugin with "api::"). */
export const CONDITIONS = {
  /** The item's owning site is in my scope (every editorial type, legal documents). */
  owningSite: 'api::pbgdpl-owning-site-in-scope',
  /** The record's `site` is in my scope (memberships, audit entries). */
  siteField: 'api::pbgdpl-site-in-scope',
  /** The site record itself is in my scope (a unit administrator's own site). */
  siteRecord: 'api::pbgdpl-site-record-in-scope',
  /** The file was uploaded by someone working on a site in my scope (media library). */
  uploadedInScope: 'api::pbgdpl-uploaded-in-scope',
} as const;

type Query = Record<string, unknown>;

/** Whose uploads a user may manage: everyone's, or the members of the sites in their scope. */
export async function uploaderIds(strapi: Core.Strapi, user: AdminUser): Promise<number[] | 'all'> {
  const { scope, siteIds } = await adminScope(strapi, user);
  if (scope.kind === 'all') return 'all';
  const members = (await strapi.db.query(MEMBERSHIP).findMany({
    where: { site: { id: { $in: siteIds } } },
    select: ['adminUserId'],
  })) as Array<{ adminUserId: number | null }>;
  const ids = new Set<number>([user.id]);
  for (const m of members) if (m.adminUserId) ids.add(m.adminUserId);
  return [...ids];
}

/**
 * Registers the RBAC conditions the federation roles use. Each returns `true` for callers with
 * every site (super admin, national administrator), `false` for a caller with no site, and
 * otherwise a query on the site ids; Strapi applies it to lists, single reads and writes in the
 * content manager and the media library. Must run in bootstrap().
 */
export async function registerFederationConditions(strapi: Core.Strapi): Promise<void> {
  const provider = strapi.service('admin::permission').conditionProvider;
  const bySites = (query: (ids: number[]) => Query) => async (user: AdminUser) => {
    const { scope, siteIds } = await adminScope(strapi, user);
    if (scope.kind === 'all') return true;
    return siteIds.length === 0 ? false : query(siteIds);
  };
  await provider.registerMany([
    {
      displayName: 'Thuộc trang trong phạm vi của tôi',
      name: 'pbgdpl-owning-site-in-scope',
      category: 'PBGDPL',
      handler: bySites((ids) => ({ 'owningSite.id': { $in: ids } })),
    },
    {
      displayName: 'Của trang trong phạm vi của tôi (thành viên, nhật ký)',
      name: 'pbgdpl-site-in-scope',
      category: 'PBGDPL',
      handler: bySites((ids) => ({ 'site.id': { $in: ids } })),
    },
    {
      displayName: 'Là trang trong phạm vi của tôi',
      name: 'pbgdpl-site-record-in-scope',
      category: 'PBGDPL',
      handler: bySites((ids) => ({ id: { $in: ids } })),
    },
    {
      displayName: 'Tệp do thành viên trang trong phạm vi của tôi tải lên',
      name: 'pbgdpl-uploaded-in-scope',
      category: 'PBGDPL',
      handler: async (user: AdminUser) => {
        const uploaders = await uploaderIds(strapi, user);
        return uploaders === 'all' ? true : { 'createdBy.id': { $in: uploaders } };
      },
    },
  ]);
}
