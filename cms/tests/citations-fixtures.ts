import type { Core } from '@strapi/strapi';
import request from 'supertest';
import { indexedLaw } from './fixtures';

/**
 * Builders shared by the editorial-mechanics tests (citations, review, schedule): real laws from
 * the shared data, and the smallest complete item of each editorial type.
 */
export const DOCUMENT = 'api::legal-document.legal-document';
export const RELATION = 'api::document-relation.document-relation';

export type ItemType =
  'introduction' | 'qa' | 'dialogue' | 'material' | 'video' | 'legal-situation' | 'news-item';

export const uidOf = (type: ItemType) => `api::${type}.${type}` as const;

/** Stores a real national law (number, title, dates from the laws-207 index), published in Vietnamese. */
export async function createLaw(strapi: Core.Strapi, number: string, owningSite: string): Promise<string> {
  const law = indexedLaw(number);
  const created = (await strapi.documents(DOCUMENT).create({
    locale: 'vi',
    status: 'published',
    data: {
      number: law.so_hieu,
      documentType: 'law',
      title: law.ten,
      abstract: law.ten,
      issuedDate: law.ngay_ban_hanh,
      effectiveFrom: law.ngay_hieu_luc,
      scope: 'national',
      owningSite,
    },
  } as never)) as { documentId: string };
  return created.documentId;
}

const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

/** The type-specific required fields of a minimal, valid item. */
function typeFields(type: ItemType, title: string): Record<string, unknown> {
  switch (type) {
    case 'introduction':
      return { introductionType: 'law_basics', summary: title, body: paragraph(title) };
    case 'qa':
      return {
        question: `${title}?`,
        handlingStatus: 'answered',
        answer: paragraph(title),
        answeredAt: '2025-03-01',
      };
    case 'dialogue':
      return {
        topic: title,
        opensAt: '2026-12-01T01:00:00.000Z',
        closesAt: '2026-12-15T10:00:00.000Z',
        phase: 'planned',
      };
    case 'material':
      return { materialType: 'leaflet', summary: title };
    case 'video':
      // A well-formed YouTube id standing for the unit's channel video (no upload needed).
      return { summary: title, sourceType: 'youtube', youtubeId: 'pbgdplDemo1' };
    case 'legal-situation':
      return { scenario: title, question: `${title}?`, analysis: paragraph(title) };
    case 'news-item':
      return { summary: title };
  }
}

export function itemData(
  type: ItemType,
  title: string,
  owningSite: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { title, audience: 'all_sites', owningSite, ...typeFields(type, title), ...extra };
}

/** Creates an item through the Document Service (a system write); returns its documentId. */
export async function createItem(
  strapi: Core.Strapi,
  type: ItemType,
  title: string,
  owningSite: string,
  options: { extra?: Record<string, unknown>; locale?: string; published?: boolean } = {},
): Promise<string> {
  const created = (await strapi.documents(uidOf(type)).create({
    locale: options.locale ?? 'vi',
    ...(options.published && { status: 'published' }),
    data: itemData(type, title, owningSite, options.extra),
  } as never)) as { documentId: string };
  return created.documentId;
}

/** Every row of an item (all locales, drafts and published). */
export async function rowsOf(strapi: Core.Strapi, type: ItemType, documentId: string) {
  return (await strapi.db.query(uidOf(type)).findMany({
    where: { documentId },
    populate: { citations: true },
  })) as Array<
    Record<string, unknown> & {
      locale: string;
      publishedAt: unknown;
      mayBeOutdated: boolean | null;
      outdatedReason: string | null;
      citationsCheckedAt: string | null;
      reviewState: string | null;
      publishAt: unknown;
      citations?: Array<Record<string, unknown>>;
    }
  >;
}

/** An admin role by code, created with content-manager rights on every API type when missing. */
export async function ensureAdminRole(strapi: Core.Strapi, code: string, name: string): Promise<number> {
  const existing = await strapi.db.query('admin::role').findOne({ where: { code } });
  if (existing) return existing.id as number;
  const roles = strapi.service('admin::role');
  const role = await roles.create({ name, code, description: name });
  const { actionProvider } = strapi.service('admin::permission');
  const actions = (actionProvider.values() as Array<{ section: string; actionId: string }>).filter(
    (a) => a.section === 'contentTypes',
  );
  const permissions = (
    strapi.service('admin::content-type').getPermissionsWithNestedFields(actions) as Array<{
      subject: string;
      properties?: Record<string, unknown>;
    }>
  )
    .filter((p) => p.subject?.startsWith('api::'))
    .map((p) => ({ ...p, properties: { ...p.properties, locales: ['vi', 'en'] } }));
  await roles.assignPermissions(role.id, permissions);
  return role.id as number;
}

/**
 * An active admin user with one role, member of `site` when the CMS has site memberships (the
 * federation's scoping: a unit role works only on its own sites); returns a bearer token from a
 * real login.
 */
export async function adminToken(
  strapi: Core.Strapi,
  http: Parameters<typeof request>[0],
  email: string,
  roleId: number,
  site: string,
): Promise<string> {
  const password = 'MatKhau2026';
  const user = await strapi
    .service('admin::user')
    .create({ email, password, firstname: 'Người', lastname: 'Dùng', isActive: true, roles: [roleId] });
  const membership = 'api::site-membership.site-membership';
  if (strapi.contentTypes[membership as never]) {
    await strapi
      .documents(membership as never)
      .create({ data: { email, adminUserId: user.id, site } } as never);
  }
  const login = await request(http).post('/admin/login').send({ email, password }).expect(200);
  return login.body.data.token as string;
}
