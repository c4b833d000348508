/**
 * The stylesheet, served once per site at <base>/site.css so each site folder is complete on
 * its own and browsers cache it across the site's pages. Colours are custom properties that the
 * layout sets from the site's theme.
 */
import type { APIRoute } from 'astro';
import css from '../../styles/site.css?raw';
import { SITE_ROUTES, notFound, routeProps, staticPaths } from '../../lib/site-routes';

export const getStaticPaths = staticPaths(SITE_ROUTES.stylesheet);

export const GET: APIRoute = ({ params }) =>
  routeProps(SITE_ROUTES.stylesheet, params)
    ? new Response(css, { headers: { 'content-type': 'text/css; charset=utf-8' } })
    : notFound();
