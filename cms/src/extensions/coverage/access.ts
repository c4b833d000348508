/**
 * Who sees which coverage figures: Strapi's super admin and national administrators every site;
 * a unit administrator the sites of their scope (their own, and a province's communes — the
 * federation's `adminScope`); nobody else. Refusals are Vietnamese 403s.
 */
import type { Core } from '@strapi/strapi';
import { SUPER_ADMIN_ROLE_CODE } from '@pbgdpl/domain';
import { adminScope } from '../federation';
import type { AdminUser } from '../federation/types';
import { q, rawRows, tableOf } from './tables';
import { CONTENT_TYPES } from '../../content-types';

export class CoverageRefusal extends Error {
  override name = 'CoverageRefusal';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const REFUSALS = {
  role: () =>
    new CoverageRefusal(
      403,
      'Chỉ quản trị viên quốc gia và quản trị viên đơn vị xem được số liệu giám sát nội dung.',
    ),
  nationalOnly: () =>
    new CoverageRefusal(403, 'Chỉ quản trị viên quốc gia được chạy lại việc tính số liệu hoặc gửi thư tổng hợp.'),
  site: (name: string) =>
    new CoverageRefusal(
      403,
      `Bạn không được xem số liệu của trang “${name}”: chỉ xem được trang của đơn vị mình (và các xã, phường trực thuộc nếu là quản trị viên của tỉnh, thành phố).`,
    ),
  unknownSite: (code: string) => new CoverageRefusal(404, `Không có trang PBGDPL nào mang mã “${code}”.`),
  noFigures: () =>
    new CoverageRefusal(404, 'Chưa có số liệu giám sát: việc tính số liệu chạy lúc 01:30 hằng đêm.'),
  badParameter: (name: string, message: string) => new CoverageRefusal(400, `Tham số ${name}: ${message}`),
};

/** All sites, or the codes of the sites the viewer may see. */
export type Viewer = { all: true; national: true } | { all: false; national: false; siteCodes: string[] };

const NATIONAL_ROLES = new Set([SUPER_ADMIN_ROLE_CODE, 'pbgdpl-national-admin']);

/** @throws CoverageRefusal (403) for roles other than the administrators'. */
export async function coverageViewer(strapi: Core.Strapi, user: AdminUser): Promise<Viewer> {
  const scope = await adminScope(strapi, user);
  if (scope.roleCodes.some((code) => NATIONAL_ROLES.has(code))) return { all: true, national: true };
  if (!scope.roleCodes.includes('pbgdpl-unit-admin') || scope.scope.kind === 'all') throw REFUSALS.role();
  if (scope.siteIds.length === 0) return { all: false, national: false, siteCodes: [] };
  const sites = q(tableOf(strapi, CONTENT_TYPES.site));
  const rows = await rawRows<{ code: string }>(
    strapi.db.connection,
    `SELECT code FROM ${sites} WHERE id IN (${scope.siteIds.map(() => '?').join(',')})`,
    scope.siteIds,
  );
  return { all: false, national: false, siteCodes: rows.map((r) => r.code).sort() };
}

/** The viewer's site codes for a query (null: every site). */
export const codesOf = (viewer: Viewer): string[] | null => (viewer.all ? null : viewer.siteCodes);
