import type { Core } from '@strapi/strapi';
import { CONTENT_TYPES } from '../../content-types';

/** Content types citizens' sites read without credentials (REST and GraphQL share permissions). */
export const PUBLIC_READABLE = [
  CONTENT_TYPES.site,
  CONTENT_TYPES.organization,
  CONTENT_TYPES.legalField,
  CONTENT_TYPES.legalDocument,
  CONTENT_TYPES.documentRelation,
  CONTENT_TYPES.introduction,
  CONTENT_TYPES.qa,
  CONTENT_TYPES.dialogue,
  CONTENT_TYPES.material,
  CONTENT_TYPES.video,
  CONTENT_TYPES.legalSituation,
  CONTENT_TYPES.book,
  CONTENT_TYPES.guidance,
  CONTENT_TYPES.newsItem,
  CONTENT_TYPES.siteAdoption,
] as const;

/**
 * Grants the Public role `find` and `findOne` on the public content types, and nothing else.
 * Draft content stays private: the content API returns published versions unless a
 * token with draft access asks otherwise.
 */
export async function grantPublicRead(strapi: Core.Strapi): Promise<void> {
  const publicRole = await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'public' } });
  if (!publicRole) {
    throw new Error('users-permissions: the Public role is missing; the database was not initialised');
  }
  const wanted = PUBLIC_READABLE.flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]);
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  const present = await permissions.findMany({ where: { role: publicRole.id, action: { $in: wanted } } });
  const missing = wanted.filter((action) => !present.some((p: { action: string }) => p.action === action));
  for (const action of missing) {
    await permissions.create({ data: { action, role: publicRole.id } });
  }
  if (missing.length > 0) strapi.log.info(`public-access: granted ${missing.length} read permissions`);
}
