/** The web app manifest of a site (<base>manifest.webmanifest): src/lib/pwa.ts. */
import type { APIRoute } from 'astro';
import { loadSite } from '../../lib/snapshot';
import { webManifest } from '../../lib/pwa';
import { SITE_ROUTES, notFound, routeProps, staticPaths } from '../../lib/site-routes';

export const getStaticPaths = staticPaths(SITE_ROUTES.manifest);

export const GET: APIRoute = ({ params }) =>
  routeProps(SITE_ROUTES.manifest, params)
    ? new Response(JSON.stringify(webManifest(loadSite(params.site as string).site), null, 1), {
        headers: { 'content-type': 'application/manifest+json; charset=utf-8' },
      })
    : notFound();
