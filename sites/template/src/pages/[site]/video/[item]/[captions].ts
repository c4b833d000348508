/**
 * A video's caption tracks (WebVTT), copied from the CMS into the snapshot and served beside the
 * video's page (video/<slug>/phu-de-vi.vtt), so the <track> never asks another host.
 */
import type { APIRoute } from 'astro';
import { SITE_ROUTES, notFound, routeProps, staticPaths } from '../../../../lib/site-routes';

export const getStaticPaths = staticPaths(SITE_ROUTES.videoCaptions);

export const GET: APIRoute = ({ params }) => {
  const props = routeProps(SITE_ROUTES.videoCaptions, params);
  return props
    ? new Response(props.vtt, { headers: { 'content-type': 'text/vtt; charset=utf-8' } })
    : notFound();
};
