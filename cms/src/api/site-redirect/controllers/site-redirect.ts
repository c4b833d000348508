import { factories } from '@strapi/strapi';

// No routes: reached through the admin panel and the federation services only.
export default factories.createCoreController('api::site-redirect.site-redirect');
