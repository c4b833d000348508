/**
 * The search page's script, served from the site's own folder (<base>tim-kiem/tim-kiem.js):
 * nothing may land in Astro's shared /_astro/ folder, which belongs to no one site.
 */
import type { APIRoute } from 'astro';
import script from '../../../client/search.js?raw';
import { SITE_ROUTES, notFound, routeProps, staticPaths } from '../../../lib/site-routes';

export const getStaticPaths = staticPaths(SITE_ROUTES.searchScript);

export const GET: APIRoute = ({ params }) =>
  routeProps(SITE_ROUTES.searchScript, params)
    ? new Response(script, { headers: { 'content-type': 'text/javascript; charset=utf-8' } })
    : notFound();
