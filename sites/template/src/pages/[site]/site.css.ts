/**
 * The stylesheet, served once per site at <base>/site.css so each site folder is complete on
 * its own and browsers cache it across the site's pages. Colours are custom properties that the
 * layout sets from the site's theme.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import css from '../../styles/site.css?raw';
import { batchCodes } from '../../lib/snapshot';

export const getStaticPaths = (() =>
  batchCodes().map((code) => ({ params: { site: code } }))) satisfies GetStaticPaths;

export const GET: APIRoute = () =>
  new Response(css, { headers: { 'content-type': 'text/css; charset=utf-8' } });
