/**
 * The installable app (M-8): the web app manifest and the app icons of a site, from its registry
 * entry. Scope and start URL are the site's base path, so each unit's site installs as its own
 * app even when many share one host. Icons are drawn from the theme colour and the neutral emblem
 * (or the unit's logo when it has one) and rendered to PNG at build time (icons/[icon].png.ts).
 */
import type { Site } from '@pbgdpl/content-client';
import { joinBase } from '@pbgdpl/domain';
import { ICONS, SEARCH_PATH } from './search-links';
import { siteColors } from './theme';

/** The name on a phone's home screen: the unit without its kind ("Thành phố Hà Nội" → "Hà Nội"). */
export function shortName(site: Pick<Site, 'name' | 'kind'>): string {
  if (site.kind === 'national') return 'PBGDPL';
  const stripped = site.name.replace(/^(Thành phố|Tỉnh|Phường|Xã|Đặc khu|Thị trấn|Quận|Huyện|Thị xã)\s+/u, '');
  return stripped.length > 0 ? stripped : site.name;
}

export function webManifest(site: Pick<Site, 'name' | 'kind' | 'basePath' | 'theme'>) {
  const base = joinBase(site.basePath, '');
  const colors = siteColors(site.theme);
  return {
    id: base,
    name: `${site.name} — Phổ biến, giáo dục pháp luật`,
    short_name: shortName(site),
    description: `Văn bản pháp luật và thông tin phổ biến, giáo dục pháp luật của ${site.name}; đọc được cả khi không có mạng.`,
    lang: 'vi',
    dir: 'ltr',
    start_url: base,
    scope: base,
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: colors.primary,
    categories: ['government', 'education', 'news'],
    icons: ICONS.filter((icon) => icon.purpose !== 'apple').map((icon) => ({
      src: joinBase(site.basePath, icon.file),
      sizes: `${icon.size}x${icon.size}`,
      type: 'image/png',
      purpose: icon.purpose,
    })),
    shortcuts: [{ name: 'Tìm kiếm', url: joinBase(site.basePath, SEARCH_PATH) }],
  };
}

/**
 * The icon as SVG: the neutral emblem (as in the site header) in white on the primary colour,
 * filling `scale` of the square (a maskable icon keeps it inside the middle 80 %).
 */
export function iconSvg(size: number, primary: string, scale: number): string {
  const emblem = 48 * scale;
  const offset = (48 - emblem) / 2;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 48 48">` +
    `<rect width="48" height="48" fill="${primary}"/>` +
    `<g transform="translate(${offset} ${offset}) scale(${scale})" fill="none" stroke="#ffffff" stroke-linejoin="round">` +
    `<circle cx="24" cy="24" r="22" stroke-width="2.5"/>` +
    `<path d="M24 9v26M14 35h20M15 16h18M15 16l-5 11h10zM33 16l-5 11h10z" stroke-width="2"/>` +
    `</g></svg>`
  );
}
