/**
 * The search page's script, served from the site's own folder (<base>tim-kiem/tim-kiem.js):
 * nothing may land in Astro's shared /_astro/ folder, which belongs to no one site.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import script from '../../../client/search.js?raw';
import { batchCodes } from '../../../lib/snapshot';

export const getStaticPaths = (() => batchCodes().map((code) => ({ params: { site: code } }))) satisfies GetStaticPaths;

export const GET: APIRoute = () =>
  new Response(script, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
