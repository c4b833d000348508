import { createReadCacheMiddleware } from '../extensions/read-cache';

/** Loaded by Strapi as `global::read-cache` (see config/middlewares.ts). */
export default createReadCacheMiddleware;
