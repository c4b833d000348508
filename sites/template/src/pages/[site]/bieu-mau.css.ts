/**
 * The public forms' styles of docs/forms.md (forms.css), served as <base>bieu-mau.css on the pages
 * that have a form (the site's stylesheet stays free of them).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import styles from '../../forms/forms.css?raw';
import { batchCodes, loadSite } from '../../lib/snapshot';

export const getStaticPaths = (() =>
  batchCodes()
    .filter((code) => loadSite(code).forms)
    .map((code) => ({ params: { site: code } }))) satisfies GetStaticPaths;

export const GET: APIRoute = () =>
  new Response(styles, { headers: { 'content-type': 'text/css; charset=utf-8' } });
