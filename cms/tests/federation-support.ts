import request from 'supertest';
import type { Core } from '@strapi/strapi';
import type { FederationRoleCode } from '@pbgdpl/domain';
import { ensureSiteAccount } from '../src/extensions/federation/members';

/**
 * A small federation for the probe suites: the national portal, one ministry, two provinces,
 * two communes of the first and one of the second (real codes and names from the registry),
 * an account per role, and items owned by each site.
 */
export const PASSWORD = 'MatKhau-Thu-2026';

type Http = Parameters<typeof request>[0];

export const SITES = {
  national: { code: 'quoc-gia', name: 'Cổng Phổ biến, giáo dục pháp luật quốc gia', kind: 'national' },
  ministry: { code: 'bo-tu-phap', name: 'Bộ Tư pháp', kind: 'ministry', parent: 'national' },
  hanoi: { code: 'ha-noi', name: 'Thành phố Hà Nội', kind: 'province', parent: 'national' },
  communeA: { code: 'ha-noi-ba-dinh', name: 'Phường Ba Đình', kind: 'commune', parent: 'hanoi' },
  communeB: { code: 'ha-noi-ngoc-ha', name: 'Phường Ngọc Hà', kind: 'commune', parent: 'hanoi' },
  angiang: { code: 'an-giang', name: 'Tỉnh An Giang', kind: 'province', parent: 'national' },
  angiangCommune: {
    code: 'an-giang-long-xuyen',
    name: 'Phường Long Xuyên',
    kind: 'commune',
    parent: 'angiang',
  },
} as const;

export type SiteKey = keyof typeof SITES;

export const ACCOUNTS = {
  nationalAdmin: { site: 'national', role: 'pbgdpl-national-admin' },
  nationalEditor: { site: 'national', role: 'pbgdpl-national-editor' },
  ministryEditor: { site: 'ministry', role: 'pbgdpl-unit-editor' },
  hanoiAdmin: { site: 'hanoi', role: 'pbgdpl-unit-admin' },
  hanoiEditor: { site: 'hanoi', role: 'pbgdpl-unit-editor' },
  editorA: { site: 'communeA', role: 'pbgdpl-unit-editor' },
  reviewerA: { site: 'communeA', role: 'pbgdpl-unit-reviewer' },
  editorB: { site: 'communeB', role: 'pbgdpl-unit-editor' },
  angiangEditor: { site: 'angiang', role: 'pbgdpl-unit-editor' },
} as const satisfies Record<string, { site: SiteKey; role: FederationRoleCode }>;

export type AccountKey = keyof typeof ACCOUNTS;

export interface World {
  sites: Record<SiteKey, { id: number; documentId: string; code: string }>;
  tokens: Record<AccountKey | 'superAdmin', string>;
  emails: Record<AccountKey | 'superAdmin', string>;
  userIds: Record<AccountKey | 'superAdmin', number>;
}

export const emailOf = (key: string) => `${key.toLowerCase()}@pbgdpl.test`;

/** Builds the registry, the accounts (through the same service as the CLI) and logs each in. */
export async function buildWorld(strapi: Core.Strapi, http: Http): Promise<World> {
  const sites = {} as World['sites'];
  for (const [key, site] of Object.entries(SITES) as Array<[SiteKey, (typeof SITES)[SiteKey]]>) {
    const parent = 'parent' in site ? sites[site.parent as SiteKey].documentId : null;
    const created = (await strapi.documents('api::site.site').create({
      data: { code: site.code, name: site.name, kind: site.kind, basePath: `/${site.code}/`, parent },
    } as never)) as { id: number; documentId: string };
    sites[key] = { id: created.id, documentId: created.documentId, code: site.code };
  }
  const tokens = {} as World['tokens'];
  const emails = {} as World['emails'];
  const userIds = {} as World['userIds'];
  for (const [key, account] of Object.entries(ACCOUNTS) as Array<
    [AccountKey, (typeof ACCOUNTS)[AccountKey]]
  >) {
    const result = await ensureSiteAccount(strapi, {
      siteCode: SITES[account.site].code,
      email: emailOf(key),
      password: PASSWORD,
      firstname: key,
      role: account.role,
    });
    userIds[key] = result.userId;
  }
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  const root = await strapi.service('admin::user').create({
    email: emailOf('superAdmin'),
    password: PASSWORD,
    firstname: 'Siêu',
    lastname: 'Quản trị',
    isActive: true,
    roles: [superAdmin.id],
  });
  userIds.superAdmin = root.id;
  for (const key of [...Object.keys(ACCOUNTS), 'superAdmin'] as Array<AccountKey | 'superAdmin'>) {
    emails[key] = emailOf(key);
    const login = await request(http)
      .post('/admin/login')
      .send({ email: emails[key], password: PASSWORD })
      .expect(200);
    tokens[key] = login.body.data.token as string;
  }
  return { sites, tokens, emails, userIds };
}

/** A news item owned by a site, created by the system (as the seed would). */
export async function newsItem(
  strapi: Core.Strapi,
  site: { documentId: string },
  title: string,
  options: { publish?: boolean; audience?: string } = {},
): Promise<string> {
  const created = (await strapi.documents('api::news-item.news-item').create({
    locale: 'vi',
    data: {
      title,
      summary: `Tóm tắt: ${title}`,
      audience: options.audience ?? 'own_site',
      owningSite: site.documentId,
    },
  } as never)) as { documentId: string };
  if (options.publish)
    await strapi
      .documents('api::news-item.news-item')
      .publish({ documentId: created.documentId, locale: 'vi' } as never);
  return created.documentId;
}

/** A dialogue owned by a site (the target of a Q&A's relation). */
export async function dialogue(
  strapi: Core.Strapi,
  site: { documentId: string },
  title: string,
  options: { publish?: boolean } = {},
): Promise<string> {
  const created = (await strapi.documents('api::dialogue.dialogue').create({
    locale: 'vi',
    data: {
      title,
      topic: `Chủ đề: ${title}`,
      // Far ahead, so the scheduled job leaves its phase alone during a test.
      opensAt: '2036-03-01T01:00:00.000Z',
      closesAt: '2036-03-31T10:00:00.000Z',
      audience: 'own_site',
      owningSite: site.documentId,
    },
  } as never)) as { documentId: string };
  if (options.publish)
    await strapi
      .documents('api::dialogue.dialogue')
      .publish({ documentId: created.documentId, locale: 'vi' } as never);
  return created.documentId;
}

/** The stored draft of an item, read below every middleware (the truth for "nothing changed"). */
export async function storedDraft(strapi: Core.Strapi, uid: string, documentId: string) {
  return (await strapi.db.query(uid as never).findOne({
    where: { documentId, publishedAt: null },
    populate: { owningSite: { select: ['code'] } },
  })) as (Record<string, unknown> & { owningSite: { code: string } | null }) | null;
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
