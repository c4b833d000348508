/**
 * The unit's logo, served from the site's own folder as <base>/logo.<ext> (copied from the CMS
 * into the snapshot by the generator: a page never requests another host). Sites without a logo
 * get no file; the header then draws the neutral emblem.
 */
import type { APIRoute } from 'astro';
import { loadLogo } from '../../lib/snapshot';
import { SITE_ROUTES, notFound, routeProps, staticPaths } from '../../lib/site-routes';

export const getStaticPaths = staticPaths(SITE_ROUTES.logo);

export const GET: APIRoute = ({ params }) => {
  const logo = routeProps(SITE_ROUTES.logo, params) ? loadLogo(params.site as string) : null;
  if (!logo) return notFound();
  return new Response(new Uint8Array(logo.bytes), { headers: { 'content-type': logo.asset.mime } });
};
