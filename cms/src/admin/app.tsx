import type { StrapiApp } from '@strapi/strapi/admin';
import { coverageMenuLink } from './coverage/menu-link';

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
  },
  bootstrap(_app: StrapiApp) {},
};
