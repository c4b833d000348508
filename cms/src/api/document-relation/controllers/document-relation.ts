import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::document-relation.document-relation');
