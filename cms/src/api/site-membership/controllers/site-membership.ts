import { factories } from '@strapi/strapi';

// No routes: reached through the admin panel and the federation services only.
export default factories.createCoreController('api::site-membership.site-membership');
