import type { Core } from '@strapi/strapi';
import {
  ALLOWED_PARENT_KINDS,
  SITE_KINDS,
  SITE_KIND_LABELS,
  isSiteCode,
  siteBasePath,
  type SiteKind,
} from '@pbgdpl/domain';
import { SITE, SITE_REDIRECT } from '../federation/types';
import { RegistryError } from './errors';

export interface SiteRow {
  id: number;
  documentId: string;
  code: string;
  name: string;
  kind: SiteKind;
  basePath: string;
  enabled: boolean;
  parent?: { id: number; documentId: string; code: string } | null;
}

/** A site by code, with its parent. @throws RegistryError when the code is not in the registry. */
export async function siteByCode(strapi: Core.Strapi, code: string): Promise<SiteRow> {
  const site = (await strapi.db.query(SITE).findOne({
    where: { code },
    populate: { parent: { select: ['id', 'documentId', 'code'] } },
  })) as SiteRow | null;
  if (!site) throw new RegistryError(`Không có trang với mã “${code}” trong sổ đăng ký.`);
  return site;
}

export interface NewSite {
  code: string;
  name: string;
  nameEn?: string | null;
  kind: SiteKind;
  /** Required for every kind but the national portal. */
  parentCode?: string | null;
  adminUnitCode?: string | null;
  unitType?: string | null;
}

/**
 * Adds a site to the registry, under a parent of an allowed kind (a commune under a province,
 * anything else under the national portal), served at `/<code>/`.
 * @throws RegistryError for a malformed or taken code, an unknown kind or a wrong parent.
 */
export async function addSite(strapi: Core.Strapi, input: NewSite): Promise<SiteRow> {
  if (!isSiteCode(input.code))
    throw new RegistryError(
      `Mã trang “${input.code}” không hợp lệ: chữ thường a-z, chữ số, nối bằng một dấu gạch ngang.`,
    );
  if (!(SITE_KINDS as readonly string[]).includes(input.kind))
    throw new RegistryError(`Loại trang “${input.kind}” không hợp lệ (${SITE_KINDS.join(', ')}).`);
  if (input.name.trim() === '') throw new RegistryError('Tên trang là bắt buộc.');
  if (await strapi.db.query(SITE).findOne({ where: { code: input.code }, select: ['id'] }))
    throw new RegistryError(`Mã trang “${input.code}” đã có trong sổ đăng ký.`);
  const allowed = ALLOWED_PARENT_KINDS[input.kind];
  let parent: SiteRow | null = null;
  if (allowed.length > 0) {
    if (!input.parentCode)
      throw new RegistryError(
        `Trang loại “${SITE_KIND_LABELS[input.kind].vi}” cần trang cấp trên (--parent).`,
      );
    parent = await siteByCode(strapi, input.parentCode);
    if (!allowed.includes(parent.kind))
      throw new RegistryError(
        `Trang cấp trên của “${SITE_KIND_LABELS[input.kind].vi}” phải là ${allowed.map((k) => SITE_KIND_LABELS[k].vi).join(' hoặc ')}, không phải “${parent.name}”.`,
      );
  }
  await strapi.documents(SITE).create({
    data: {
      code: input.code,
      name: input.name.trim(),
      nameEn: input.nameEn ?? null,
      kind: input.kind,
      parent: parent?.documentId ?? null,
      adminUnitCode: input.adminUnitCode ?? null,
      unitType: input.unitType ?? null,
      basePath: siteBasePath(input.code),
      enabled: true,
    } as never,
  });
  return siteByCode(strapi, input.code);
}

/**
 * Renames a site; with `newCode`, also moves it to `/<newCode>/`: the old address is kept as a
 * redirect, redirects that led to the old address lead to the new one, and API tokens bound to
 * the old code are renamed with it.
 * @throws RegistryError for an unknown site or a malformed or taken new code.
 */
export async function renameSite(
  strapi: Core.Strapi,
  input: { code: string; name?: string; nameEn?: string | null; newCode?: string },
): Promise<SiteRow> {
  const site = await siteByCode(strapi, input.code);
  const data: Record<string, unknown> = {};
  if (input.name !== undefined) {
    if (input.name.trim() === '') throw new RegistryError('Tên trang mới không được để trống.');
    data.name = input.name.trim();
  }
  if (input.nameEn !== undefined) data.nameEn = input.nameEn;
  const newCode = input.newCode && input.newCode !== site.code ? input.newCode : null;
  if (newCode) {
    if (!isSiteCode(newCode)) throw new RegistryError(`Mã trang mới “${newCode}” không hợp lệ.`);
    if (await strapi.db.query(SITE).findOne({ where: { code: newCode }, select: ['id'] }))
      throw new RegistryError(`Mã trang “${newCode}” đã có trong sổ đăng ký.`);
    data.code = newCode;
    data.basePath = siteBasePath(newCode);
  }
  if (Object.keys(data).length === 0) return site;
  // Not one transaction: Document Service writes must not run inside an outer one (see merge.ts).
  await strapi.documents(SITE).update({ documentId: site.documentId, data } as never);
  if (newCode) {
    await redirect(strapi, {
      fromPath: site.basePath,
      fromSiteCode: site.code,
      to: { ...site, basePath: String(data.basePath) },
      reason: 'rename',
    });
    await renameSiteTokens(strapi, site.code, newCode);
  }
  return siteByCode(strapi, newCode ?? site.code);
}

/** Stops building a site (its content, accounts and history stay); `enabled` true brings it back. */
export async function setSiteEnabled(strapi: Core.Strapi, code: string, enabled: boolean): Promise<SiteRow> {
  const site = await siteByCode(strapi, code);
  if (site.enabled !== enabled)
    await strapi.documents(SITE).update({ documentId: site.documentId, data: { enabled } } as never);
  return siteByCode(strapi, code);
}

/**
 * Records that `fromPath` now lives at `to`'s address, and re-points the redirects that led to
 * the old address (no chains).
 */
export async function redirect(
  strapi: Core.Strapi,
  input: {
    fromPath: string;
    fromSiteCode: string;
    to: { id: number; documentId: string; basePath: string };
    reason: 'rename' | 'merge';
  },
): Promise<void> {
  const redirects = strapi.documents(SITE_REDIRECT);
  const leadingHere = (await strapi.db.query(SITE_REDIRECT).findMany({
    where: { toPath: input.fromPath },
    select: ['documentId'],
  })) as Array<{ documentId: string }>;
  for (const r of leadingHere)
    await redirects.update({
      documentId: r.documentId,
      data: { toPath: input.to.basePath, site: input.to.documentId },
    } as never);
  const existing = (await strapi.db
    .query(SITE_REDIRECT)
    .findOne({ where: { fromPath: input.fromPath }, select: ['documentId'] })) as {
    documentId: string;
  } | null;
  const data = {
    fromPath: input.fromPath,
    toPath: input.to.basePath,
    fromSiteCode: input.fromSiteCode,
    site: input.to.documentId,
    reason: input.reason,
  };
  if (existing) await redirects.update({ documentId: existing.documentId, data } as never);
  else await redirects.create({ data } as never);
}

async function renameSiteTokens(strapi: Core.Strapi, oldCode: string, newCode: string): Promise<void> {
  const tokens = (await strapi.db.query('admin::api-token').findMany({
    where: { name: { $startsWith: `[${oldCode}]` } },
    select: ['id', 'name'],
  })) as Array<{ id: number; name: string }>;
  for (const token of tokens)
    await strapi.db
      .query('admin::api-token')
      .update({
        where: { id: token.id },
        data: { name: `[${newCode}]${token.name.slice(oldCode.length + 2)}` },
      });
}
