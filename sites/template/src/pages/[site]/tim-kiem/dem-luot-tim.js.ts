/**
 * The search page's demand beacon (src/client/search-beacon.js), served from the site's own
 * folder (<base>tim-kiem/dem-luot-tim.js) like the page's other scripts; the page loads it only
 * when the site was built with the CMS's public address.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import script from '../../../client/search-beacon.js?raw';
import { batchCodes } from '../../../lib/snapshot';
import { searchBeacon } from '../../../lib/public-signals';

export const getStaticPaths = (() =>
  searchBeacon() === null
    ? []
    : batchCodes().map((code) => ({ params: { site: code } }))) satisfies GetStaticPaths;

export const GET: APIRoute = () =>
  new Response(script, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
