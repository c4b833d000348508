/** The web app manifest of a site (<base>manifest.webmanifest): src/lib/pwa.ts. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { batchCodes, loadSite } from '../../lib/snapshot';
import { webManifest } from '../../lib/pwa';

export const getStaticPaths = (() => batchCodes().map((code) => ({ params: { site: code } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(JSON.stringify(webManifest(loadSite(params.site as string).site), null, 1), {
    headers: { 'content-type': 'application/manifest+json; charset=utf-8' },
  });
