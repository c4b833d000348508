/**
 * The section pages' script (<base>chuyen-muc.js): YouTube only on click, the quiz's check button.
 * Served from the site's own folder, never from Astro's shared /_astro/.
 */
import type { APIRoute } from 'astro';
import script from '../../client/sections.js?raw';
import { SITE_ROUTES, notFound, routeProps, staticPaths } from '../../lib/site-routes';

export const getStaticPaths = staticPaths(SITE_ROUTES.sectionScript);

export const GET: APIRoute = ({ params }) =>
  routeProps(SITE_ROUTES.sectionScript, params)
    ? new Response(script, { headers: { 'content-type': 'text/javascript; charset=utf-8' } })
    : notFound();
