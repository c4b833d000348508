import { factories } from '@strapi/strapi';

// Read by the site template (published national content a site put on its home page).
export default factories.createCoreRouter('api::site-adoption.site-adoption', { only: ['find', 'findOne'] });
