/**
 * The app's page script (<base>ung-dung.js): service worker registration, "Lưu đọc ngoại tuyến",
 * the offline page's lists. Served from the site's own folder, never from Astro's shared /_astro/.
 */
import type { APIRoute } from 'astro';
import script from '../../client/app.js?raw';
import { SITE_ROUTES, notFound, routeProps, staticPaths } from '../../lib/site-routes';

export const getStaticPaths = staticPaths(SITE_ROUTES.appScript);

export const GET: APIRoute = ({ params }) =>
  routeProps(SITE_ROUTES.appScript, params)
    ? new Response(script, { headers: { 'content-type': 'text/javascript; charset=utf-8' } })
    : notFound();
