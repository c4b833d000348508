/**
 * The section pages' script (<base>chuyen-muc.js): YouTube only on click, the quiz's check button.
 * Served from the site's own folder, never from Astro's shared /_astro/.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import script from '../../client/sections.js?raw';
import { batchCodes } from '../../lib/snapshot';

export const getStaticPaths = (() => batchCodes().map((code) => ({ params: { site: code } }))) satisfies GetStaticPaths;

export const GET: APIRoute = () =>
  new Response(script, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
