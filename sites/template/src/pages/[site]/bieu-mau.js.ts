/**
 * The public forms' script of docs/forms.md (forms.js: fresh token, JSON post, answers in place),
 * served as <base>bieu-mau.js from the site's own folder on the pages that have a form.
 */
import type { APIRoute } from 'astro';
import script from '../../forms/forms.js?raw';
import { SITE_ROUTES, notFound, routeProps, staticPaths } from '../../lib/site-routes';

export const getStaticPaths = staticPaths(SITE_ROUTES.formScript);

export const GET: APIRoute = ({ params }) =>
  routeProps(SITE_ROUTES.formScript, params)
    ? new Response(script, { headers: { 'content-type': 'text/javascript; charset=utf-8' } })
    : notFound();
