import type { Core } from '@strapi/strapi';

/**
 * The demo's administrator, stated in the README. Created only with `--demo-admin` (the demo
 * passes it); a production install creates its first administrator through the admin panel.
 */
export const DEMO_ADMIN = {
  email: 'admin@pbgdpl.demo',
  password: 'PbgdplDemo2026',
  firstname: 'Quản trị',
  lastname: 'Demo',
} as const;

export async function ensureDemoAdmin(strapi: Core.Strapi): Promise<void> {
  const users = strapi.service('admin::user');
  if (await users.exists({ email: DEMO_ADMIN.email })) return;
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  await users.create({
    ...DEMO_ADMIN,
    registrationToken: null,
    isActive: true,
    roles: [superAdmin.id],
    // The admin interface in Vietnamese for this account (each user can change it).
    preferedLanguage: 'vi',
  });
  console.log(`Demo administrator created: ${DEMO_ADMIN.email}`);
}
