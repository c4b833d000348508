import type { Core } from '@strapi/strapi';

/**
 * Browser features no page of the CMS uses (the admin panel, the small form pages, API answers
 * opened in a tab): denied, so a script injected into one could not reach a camera, the
 * location or a payment. Full screen stays for the admin's video previews.
 */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'bluetooth=()',
  'browsing-topics=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
  'fullscreen=(self)',
].join(', ');

/**
 * Register phase: every answer carries `Permissions-Policy` (helmet, behind `strapi::security`,
 * does not set it). Installed ahead of Strapi's middlewares, so the read cache's hits, the
 * forms' and the beacon's own answers carry it too.
 */
export function registerSecurityHeaders(strapi: Core.Strapi): void {
  strapi.server.use(async (ctx, next) => {
    ctx.set('Permissions-Policy', PERMISSIONS_POLICY);
    await next();
  });
}
