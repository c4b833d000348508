import { createUploadLimitMiddleware } from '../extensions/upload-limits';

/** Loaded by Strapi as `global::upload-limits` (see config/middlewares.ts). */
export default createUploadLimitMiddleware;
