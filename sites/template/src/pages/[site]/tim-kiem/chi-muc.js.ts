/**
 * The search page's index opener (<base>tim-kiem/chi-muc.js, src/client/search-bundles.js): the
 * site's own Pagefind index merged with the shared national bundle. From the site's own folder,
 * like tim-kiem.js.
 */
import type { APIRoute } from 'astro';
import script from '../../../client/search-bundles.js?raw';
import { SITE_ROUTES, notFound, routeProps, staticPaths } from '../../../lib/site-routes';

export const getStaticPaths = staticPaths(SITE_ROUTES.searchIndexScript);

export const GET: APIRoute = ({ params }) =>
  routeProps(SITE_ROUTES.searchIndexScript, params)
    ? new Response(script, { headers: { 'content-type': 'text/javascript; charset=utf-8' } })
    : notFound();
