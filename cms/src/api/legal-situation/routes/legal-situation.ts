import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::legal-situation.legal-situation');
