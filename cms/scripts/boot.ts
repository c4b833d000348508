import path from 'path';
import { createStrapi, type Core } from '@strapi/strapi';

/** cms/ — this file runs from cms/dist/scripts. */
export const CMS_DIR = path.resolve(__dirname, '..', '..');

/**
 * Loads the CMS in-process (database, content types, Document Service middlewares) without
 * starting the HTTP server: for operator commands such as the seed.
 */
export async function bootCms(): Promise<Core.Strapi> {
  process.env.STRAPI_TELEMETRY_DISABLED ??= 'true';
  process.env.SERVE_ADMIN_PANEL ??= 'false';
  process.env.STRAPI_STARTUP_BANNER ??= 'false';
  const app = createStrapi({ appDir: CMS_DIR, distDir: path.join(CMS_DIR, 'dist') });
  app.log.level = process.env.LOG_LEVEL ?? 'warn';
  await app.load();
  return app;
}
