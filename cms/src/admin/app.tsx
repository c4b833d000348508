import type { StrapiApp } from '@strapi/strapi/admin';
import { coverageMenuLink } from './coverage/menu-link';
import { syncStatusMenuLink } from './sync-status/menu-link';

export default {
  config: {
    // Editors work in Vietnamese; English stays available in each user's profile.
    locales: ['vi'],
    tutorials: false,
    notifications: { releases: false },
  },
  register(app: StrapiApp) {
    // National oversight: the coverage dashboard (cms/src/admin/coverage).
    app.addMenuLink(coverageMenuLink as never);
    // Operators: the sync engine's status (cms/src/admin/sync-status), as `pnpm sync:status` prints it.
    app.addMenuLink(syncStatusMenuLink as never);
  },
  bootstrap(_app: StrapiApp) {},
};
