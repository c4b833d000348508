import type { Core } from '@strapi/strapi';
import type { FederationRoleCode } from '@pbgdpl/domain';
import { ensureSiteAccount } from '../../src/extensions/federation/members';
import { DEMO_ADMIN } from './demo-admin';

/**
 * The demo's federation accounts, one per kind of unit (listed in the README's quick start):
 * the national portal, one ministry, one province and one of its wards. All share the demo
 * administrator's password. Created only with `--demo-admin`, after the registry is seeded.
 */
export const DEMO_ACCOUNTS: ReadonlyArray<{
  email: string;
  site: string;
  role: FederationRoleCode;
  name: string;
}> = [
  {
    email: 'quocgia.quantri@pbgdpl.demo',
    site: 'quoc-gia',
    role: 'pbgdpl-national-admin',
    name: 'Quản trị quốc gia',
  },
  {
    email: 'quocgia.bientap@pbgdpl.demo',
    site: 'quoc-gia',
    role: 'pbgdpl-national-editor',
    name: 'Biên tập quốc gia',
  },
  {
    email: 'botuphap.quantri@pbgdpl.demo',
    site: 'bo-tu-phap',
    role: 'pbgdpl-unit-admin',
    name: 'Quản trị Bộ Tư pháp',
  },
  { email: 'hanoi.quantri@pbgdpl.demo', site: 'ha-noi', role: 'pbgdpl-unit-admin', name: 'Quản trị Hà Nội' },
  {
    email: 'badinh.bientap@pbgdpl.demo',
    site: 'ha-noi-ba-dinh',
    role: 'pbgdpl-unit-editor',
    name: 'Biên tập Ba Đình',
  },
  {
    email: 'badinh.duyet@pbgdpl.demo',
    site: 'ha-noi-ba-dinh',
    role: 'pbgdpl-unit-reviewer',
    name: 'Duyệt Ba Đình',
  },
];

export async function ensureDemoAccounts(strapi: Core.Strapi): Promise<void> {
  for (const account of DEMO_ACCOUNTS) {
    const [firstname, ...last] = account.name.split(' ');
    const result = await ensureSiteAccount(strapi, {
      siteCode: account.site,
      email: account.email,
      password: DEMO_ADMIN.password,
      firstname,
      lastname: last.join(' '),
      role: account.role,
    });
    if (result.createdUser)
      console.log(`Demo account created: ${account.email} (${result.roleName}, ${account.site})`);
  }
}
