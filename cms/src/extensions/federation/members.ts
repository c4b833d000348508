import type { Core } from '@strapi/strapi';
import {
  FEDERATION_ROLES,
  isFederationRoleCode,
  isValidEmail,
  type FederationRoleCode,
} from '@pbgdpl/domain';
import { MEMBERSHIP, SITE } from './types';

export interface AccountInput {
  siteCode: string;
  email: string;
  /** Set (or reset) when given; an existing account keeps its password otherwise. */
  password?: string;
  firstname?: string;
  lastname?: string;
  role: FederationRoleCode;
}

export interface AccountResult {
  userId: number;
  email: string;
  createdUser: boolean;
  createdMembership: boolean;
  site: { code: string; name: string };
  roleName: string;
}

/** Thrown for bad operator input (unknown site or role, weak password); the message is Vietnamese. */
export class AccountError extends Error {
  override name = 'AccountError';
}

/** Strapi's own rule for admin passwords (the admin panel refuses others at login changes). */
export function passwordProblem(password: string): string | null {
  if (password.length < 8) return 'Mật khẩu cần ít nhất 8 ký tự.';
  if (!/[a-z]/.test(password) || !/[A-Z]/.test(password) || !/\d/.test(password))
    return 'Mật khẩu cần có chữ thường, chữ hoa và chữ số.';
  return null;
}

/**
 * Makes `email` an admin of `siteCode` with `role`: creates the account when missing (active,
 * Vietnamese interface), adds the role when the account lacks it, and adds the site membership.
 * Idempotent. Runs as a system write (audited as such, with the operator label around it).
 * @throws AccountError for an unknown site or role, or a password Strapi would refuse.
 */
export async function ensureSiteAccount(strapi: Core.Strapi, input: AccountInput): Promise<AccountResult> {
  if (!isFederationRoleCode(input.role))
    throw new AccountError(`Vai trò không hợp lệ: ${String(input.role)}`);
  const email = input.email.trim().toLowerCase();
  if (!isValidEmail(email)) throw new AccountError(`Email không hợp lệ: ${input.email}`);
  const site = (await strapi.db.query(SITE).findOne({
    where: { code: input.siteCode },
    select: ['id', 'documentId', 'code', 'name'],
  })) as { id: number; documentId: string; code: string; name: string } | null;
  if (!site) throw new AccountError(`Không có trang với mã “${input.siteCode}” trong sổ đăng ký.`);
  if (input.password !== undefined) {
    const problem = passwordProblem(input.password);
    if (problem) throw new AccountError(problem);
  }
  const role = (await strapi.db.query('admin::role').findOne({ where: { code: input.role } })) as {
    id: number;
  } | null;
  if (!role) throw new AccountError(`Vai trò ${input.role} chưa được tạo (khởi động CMS một lần trước).`);

  const users = strapi.service('admin::user');
  const existing = (await strapi.db.query('admin::user').findOne({
    where: { email },
    populate: { roles: { select: ['id'] } },
  })) as { id: number; roles: Array<{ id: number }> } | null;
  let userId: number;
  if (!existing) {
    if (input.password === undefined) throw new AccountError('Tài khoản mới cần mật khẩu (--password).');
    const created = await users.create({
      email,
      firstname: input.firstname ?? email.split('@')[0],
      lastname: input.lastname ?? null,
      password: input.password,
      isActive: true,
      registrationToken: null,
      roles: [role.id],
      preferedLanguage: 'vi',
    });
    userId = created.id;
  } else {
    userId = existing.id;
    const roles = existing.roles.map((r) => r.id);
    const patch: Record<string, unknown> = {};
    if (!roles.includes(role.id)) patch.roles = [...roles, role.id];
    if (input.password !== undefined) patch.password = input.password;
    if (Object.keys(patch).length > 0) await users.updateById(userId, patch);
  }

  const membership = await strapi.db
    .query(MEMBERSHIP)
    .findOne({ where: { adminUserId: userId, site: { id: site.id } } });
  if (!membership) {
    await strapi
      .documents(MEMBERSHIP)
      .create({ data: { email, adminUserId: userId, site: site.documentId } as never });
  }
  return {
    userId,
    email,
    createdUser: !existing,
    createdMembership: !membership,
    site: { code: site.code, name: site.name },
    roleName: FEDERATION_ROLES[input.role].name,
  };
}
