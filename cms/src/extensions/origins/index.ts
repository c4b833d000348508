import type { Core } from '@strapi/strapi';
import { guardAdminOrigins } from './admin-origin-guard';
import { reloadAdminOrigins } from './admin-origins';
import { createCorsMiddleware } from './cors';

export { configuredAdminOrigins } from './admin-origins';

/**
 * Register phase: read the admin origins (a bad one stops the boot), put our CORS in the place of
 * Strapi's under its name `strapi::cors` (Strapi refuses to start without one of that name), and
 * guard the admin API's writes against other origins.
 */
export function registerOrigins(strapi: Core.Strapi): void {
  reloadAdminOrigins();
  (strapi.get('middlewares') as { set(uid: string, factory: unknown): unknown }).set(
    'strapi::cors',
    createCorsMiddleware,
  );
  guardAdminOrigins(strapi);
}
