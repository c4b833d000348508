/**
 * The app's page script (<base>ung-dung.js): service worker registration, "Lưu đọc ngoại tuyến",
 * the offline page's lists. Served from the site's own folder, never from Astro's shared /_astro/.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import script from '../../client/app.js?raw';
import { batchCodes } from '../../lib/snapshot';

export const getStaticPaths = (() => batchCodes().map((code) => ({ params: { site: code } }))) satisfies GetStaticPaths;

export const GET: APIRoute = () =>
  new Response(script, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
