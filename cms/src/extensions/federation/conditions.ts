import type { Core } from '@strapi/strapi';
import { adminScope } from './scope';
import { callerFolderScope } from './media-folders';
import { MEMBERSHIP, type AdminUser } from './types';

/** Ids the admin roles refer to (Strapi prefixes conditions registered without a plugin with "api::"). */
export const CONDITIONS = {
  /** The item's owning site is in my scope (every editorial type, legal documents). */
  owningSite: 'api::pbgdpl-owning-site-in-scope',
  /** The record's `site` is in my scope (memberships, audit entries). */
  siteField: 'api::pbgdpl-site-in-scope',
  /** The site record itself is in my scope (a unit administrator's own site). */
  siteRecord: 'api::pbgdpl-site-record-in-scope',
  /**
   * The file lies in my sites' media folders, or was uploaded by someone working on a site in
   * my scope (media library: edit, replace, delete).
   */
  uploadedInScope: 'api::pbgdpl-uploaded-in-scope',
  /** The file is one I may edit, or lies in a national site's folder or "Dùng chung" (read, pick). */
  mediaReadable: 'api::pbgdpl-media-readable',
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
      displayName: 'Tệp trong thư mục của trang tôi, hoặc do thành viên trang trong phạm vi của tôi tải lên',
      name: 'pbgdpl-uploaded-in-scope',
      category: 'PBGDPL',
      handler: (user: AdminUser) => mediaCondition(strapi, user, 'writable'),
    },
    {
      displayName: 'Tệp tôi được sửa, hoặc tệp dùng chung và của trang quốc gia',
      name: 'pbgdpl-media-readable',
      category: 'PBGDPL',
      handler: (user: AdminUser) => mediaCondition(strapi, user, 'readable'),
    },
  ]);
}

/** Files in the folders a user may write (or read), or uploaded by the members of their sites. */
async function mediaCondition(
  strapi: Core.Strapi,
  user: AdminUser,
  which: 'writable' | 'readable',
): Promise<boolean | Query> {
  const uploaders = await uploaderIds(strapi, user);
  if (uploaders === 'all') return true;
  const folders = await callerFolderScope(strapi, { kind: 'admin', user });
  const ids = folders ? [...folders[which]] : [];
  const byUploader = { 'createdBy.id': { $in: uploaders } };
  return ids.length === 0 ? byUploader : { $or: [byUploader, { 'folder.id': { $in: ids } }] };
}
