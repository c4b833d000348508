/**
 * App icons as PNG (icons/icon-192.png, icon-512.png, maskable-512.png, apple-touch-icon.png),
 * rendered with sharp at build time: the unit's logo on white when it has one, else the neutral
 * emblem on the theme colour. A maskable icon keeps its mark inside the middle 80 %.
 */
import type { APIRoute } from 'astro';
import sharp from 'sharp';
import { loadLogo, loadSite } from '../../../lib/snapshot';
import { iconSvg } from '../../../lib/pwa';
import { siteColors } from '../../../lib/theme';
import { SITE_ROUTES, notFound, routeProps, staticPaths } from '../../../lib/site-routes';

export const getStaticPaths = staticPaths(SITE_ROUTES.icons);

export const GET: APIRoute = async ({ params }) => {
  const props = routeProps(SITE_ROUTES.icons, params);
  if (!props) return notFound();
  const { icon } = props;
  const code = params.site as string;
  const scale = icon.purpose === 'maskable' ? 0.6 : 0.8;
  const logo = loadLogo(code);
  let png: Buffer;
  if (logo) {
    const inner = Math.round(icon.size * scale);
    const mark = await sharp(logo.bytes)
      .resize(inner, inner, { fit: 'contain', background: '#ffffff' })
      .png()
      .toBuffer();
    png = await sharp({ create: { width: icon.size, height: icon.size, channels: 3, background: '#ffffff' } })
      .composite([{ input: mark, gravity: 'center' }])
      .png()
      .toBuffer();
  } else {
    const primary = siteColors(loadSite(code).site.theme).primary;
    png = await sharp(Buffer.from(iconSvg(icon.size, primary, scale)))
      .png()
      .toBuffer();
  }
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
