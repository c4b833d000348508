/**
 * The public forms' script of docs/forms.md (forms.js: fresh token, JSON post, answers in place),
 * served as <base>bieu-mau.js from the site's own folder on the pages that have a form.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import script from '../../forms/forms.js?raw';
import { batchCodes, loadSite } from '../../lib/snapshot';

export const getStaticPaths = (() =>
  batchCodes()
    .filter((code) => loadSite(code).forms)
    .map((code) => ({ params: { site: code } }))) satisfies GetStaticPaths;

export const GET: APIRoute = () =>
  new Response(script, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
