/**
 * The public forms' styles of docs/forms.md (forms.css), served as <base>bieu-mau.css on the pages
 * that have a form (the site's stylesheet stays free of them).
 */
import type { APIRoute } from 'astro';
import styles from '../../forms/forms.css?raw';
import { SITE_ROUTES, notFound, routeProps, staticPaths } from '../../lib/site-routes';

export const getStaticPaths = staticPaths(SITE_ROUTES.formStylesheet);

export const GET: APIRoute = ({ params }) =>
  routeProps(SITE_ROUTES.formStylesheet, params)
    ? new Response(styles, { headers: { 'content-type': 'text/css; charset=utf-8' } })
    : notFound();
