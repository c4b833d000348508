import { factories } from '@strapi/strapi';

/** No public routes: reports arrive through /api/submissions/reports and are read in the admin. */
export default factories.createCoreController('api::report.report');
