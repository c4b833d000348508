/**
 * The search page's index opener (<base>tim-kiem/chi-muc.js, src/client/search-bundles.js): the
 * site's own Pagefind index merged with the shared national bundle. From the site's own folder,
 * like tim-kiem.js.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import script from '../../../client/search-bundles.js?raw';
import { batchCodes } from '../../../lib/snapshot';

export const getStaticPaths = (() =>
  batchCodes().map((code) => ({ params: { site: code } }))) satisfies GetStaticPaths;

export const GET: APIRoute = () =>
  new Response(script, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
