/**
 * The platform's admin roles. Codes are fixed (the CMS creates the roles at boot and other
 * rules, such as review, refer to them); names and descriptions are what administrators read
 * in the admin panel, in Vietnamese.
 */

export const SUPER_ADMIN_ROLE_CODE = 'strapi-super-admin';

export const FEDERATION_ROLE_CODES = [
  'pbgdpl-national-admin',
  'pbgdpl-national-editor',
  'pbgdpl-unit-admin',
  'pbgdpl-unit-reviewer',
  'pbgdpl-unit-editor',
] as const;

export type FederationRoleCode = (typeof FEDERATION_ROLE_CODES)[number];

export interface FederationRole {
  code: FederationRoleCode;
  /** Shown in Settings › Roles and on each user. */
  name: string;
  description: string;
  /** national: works on national content (or everything); unit: on the sites it is a member of. */
  level: 'national' | 'unit';
}

export const FEDERATION_ROLES: Readonly<Record<FederationRoleCode, FederationRole>> = {
  'pbgdpl-national-admin': {
    code: 'pbgdpl-national-admin',
    name: 'Quản trị viên quốc gia',
    description:
      'Bộ Tư pháp: quản lý sổ đăng ký trang, tài khoản và toàn bộ nội dung của mọi trang; xem toàn bộ nhật ký.',
    level: 'national',
  },
  'pbgdpl-national-editor': {
    code: 'pbgdpl-national-editor',
    name: 'Biên tập viên quốc gia',
    description: 'Soạn nội dung của Cổng PBGDPL quốc gia; cần được duyệt trước khi xuất bản.',
    level: 'national',
  },
  'pbgdpl-unit-admin': {
    code: 'pbgdpl-unit-admin',
    name: 'Quản trị viên đơn vị',
    description:
      'Quản lý biên tập viên và nội dung của trang đơn vị mình (trang tỉnh: cả các xã, phường trực thuộc); duyệt, xuất bản; xem nhật ký của đơn vị.',
    level: 'unit',
  },
  'pbgdpl-unit-reviewer': {
    code: 'pbgdpl-unit-reviewer',
    name: 'Người duyệt đơn vị',
    description: 'Duyệt và xuất bản nội dung của trang đơn vị mình.',
    level: 'unit',
  },
  'pbgdpl-unit-editor': {
    code: 'pbgdpl-unit-editor',
    name: 'Biên tập viên đơn vị',
    description: 'Soạn nội dung của trang đơn vị mình; cần được duyệt trước khi xuất bản.',
    level: 'unit',
  },
};

export function isFederationRoleCode(value: unknown): value is FederationRoleCode {
  return typeof value === 'string' && (FEDERATION_ROLE_CODES as readonly string[]).includes(value);
}
