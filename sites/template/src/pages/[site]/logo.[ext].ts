/**
 * The unit's logo, served from the site's own folder as <base>/logo.<ext> (copied from the CMS
 * into the snapshot by the generator: a page never requests another host). Sites without a logo
 * get no file; the header then draws the neutral emblem.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { batchCodes, loadLogo, loadSite } from '../../lib/snapshot';

export const getStaticPaths = (() =>
  batchCodes().flatMap((code) => {
    const logo = loadSite(code).logo;
    return logo ? [{ params: { site: code, ext: logo.file.replace(/^logo\./, '') } }] : [];
  })) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const logo = loadLogo(params.site as string);
  if (!logo) return new Response(null, { status: 404 });
  return new Response(new Uint8Array(logo.bytes), { headers: { 'content-type': logo.asset.mime } });
};
