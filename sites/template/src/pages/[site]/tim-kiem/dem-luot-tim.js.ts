/**
 * The search page's demand beacon (src/client/search-beacon.js), served from the site's own
 * folder (<base>tim-kiem/dem-luot-tim.js) like the page's other scripts; the page loads it only
 * when the site was built with the CMS's public address.
 */
import type { APIRoute } from 'astro';
import script from '../../../client/search-beacon.js?raw';
import { SITE_ROUTES, notFound, routeProps, staticPaths } from '../../../lib/site-routes';

export const getStaticPaths = staticPaths(SITE_ROUTES.searchBeaconScript);

export const GET: APIRoute = ({ params }) =>
  routeProps(SITE_ROUTES.searchBeaconScript, params)
    ? new Response(script, { headers: { 'content-type': 'text/javascript; charset=utf-8' } })
    : notFound();
