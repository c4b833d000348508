import type { Core } from '@strapi/strapi';
import { siteTokenName } from '@pbgdpl/domain';
import { SITE } from './types';

export interface SiteToken {
  id: number;
  name: string;
  /** The secret, shown once: give it to the integration. */
  accessKey: string;
}

/**
 * Issues a full-access content-API token bound to one site (its name starts with "[code]"):
 * whatever the token writes through REST or GraphQL is scoped to that site by the federation
 * middleware, like an editor of the site. Operators may also create such tokens in
 * Settings › API Tokens by naming them "[<site code>] <purpose>".
 * @throws Error when the site code is not in the registry.
 */
export async function createSiteToken(
  strapi: Core.Strapi,
  input: { siteCode: string; purpose: string; lifespanDays?: number },
): Promise<SiteToken> {
  const site = await strapi.db.query(SITE).findOne({ where: { code: input.siteCode }, select: ['id'] });
  if (!site) throw new Error(`Không có trang với mã “${input.siteCode}” trong sổ đăng ký.`);
  const service = strapi.service('admin::api-token');
  const token = (await service.create({
    name: siteTokenName(input.siteCode, input.purpose),
    description: `Mã truy cập của trang ${input.siteCode}: chỉ ghi được nội dung của trang này.`,
    type: 'full-access',
    lifespan: input.lifespanDays ? input.lifespanDays * 24 * 60 * 60 * 1000 : null,
  })) as { id: number; name: string; accessKey: string };
  return { id: token.id, name: token.name, accessKey: token.accessKey };
}
