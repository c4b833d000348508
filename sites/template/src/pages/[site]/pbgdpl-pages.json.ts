/**
 * For a warm renderer only: every page of the site in the snapshot it handed over, with the URL
 * to ask and the file `astro build` would write (src/lib/site-routes.ts). A static build has no
 * such file, and the endpoint answers 404 to a request that brings no snapshot.
 */
import type { APIRoute } from 'astro';
import { hasSite } from '../../lib/snapshot';
import { sitePages } from '../../lib/site-routes';

export const getStaticPaths = () => [];

export const GET: APIRoute = ({ params, locals }) => {
  const code = params.site as string;
  if (!locals.pbgdplSnapshot || !hasSite(code)) return new Response(null, { status: 404 });
  return new Response(JSON.stringify({ pages: sitePages(code) }), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
