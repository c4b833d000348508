/**
 * sitemap.xml and robots.txt of a built site, from the pages actually written (so every section,
 * present and to come, is listed without being declared anywhere). URLs are absolute from the
 * registry's `baseUrl` when the site has one; without it they are root-relative paths, which the
 * sitemap protocol does not accept — set `baseUrl` in the registry for search engines.
 * More than SITEMAP_URL_LIMIT pages: sitemap-1.xml, sitemap-2.xml … and sitemap.xml as their index.
 */
import fs from 'node:fs';
import path from 'node:path';
import { joinBase } from '@pbgdpl/domain';
import { pagePath, siteFiles } from './site-files.js';

/** The protocol's limit per file is 50,000 URLs (and 50 MB). */
export const SITEMAP_URL_LIMIT = 50_000;

/** Pages that are not content: the offline fallback, the not-found page. */
const NOT_LISTED = [/^404\.html$/, /^404\//, /^ngoai-tuyen\//];

export interface SitemapOptions {
  siteDir: string;
  basePath: string;
  baseUrl: string | null;
  /** Override for tests. */
  urlLimit?: number;
}

export interface SitemapStats {
  urls: number;
  /** sitemap files written (1, or the parts plus the index). */
  files: number;
}

export function writeSitemap(options: SitemapOptions): SitemapStats {
  const { siteDir, basePath, baseUrl } = options;
  const limit = options.urlLimit ?? SITEMAP_URL_LIMIT;
  const absolute = (relative: string) => {
    const url = joinBase(basePath, relative);
    return baseUrl ? new URL(url, baseUrl).href : url;
  };
  const urls = siteFiles(siteDir)
    .filter((file) => file.endsWith('.html') && !NOT_LISTED.some((re) => re.test(file)))
    .map((file) => absolute(pagePath(file)));
  const parts: string[][] = [];
  for (let i = 0; i < urls.length; i += limit) parts.push(urls.slice(i, i + limit));
  const urlset = (list: string[]) =>
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
    list.map((url) => `  <url><loc>${escapeXml(url)}</loc></url>\n`).join('') +
    '</urlset>\n';
  if (parts.length <= 1) {
    fs.writeFileSync(path.join(siteDir, 'sitemap.xml'), urlset(parts[0] ?? []));
  } else {
    parts.forEach((part, i) => fs.writeFileSync(path.join(siteDir, `sitemap-${i + 1}.xml`), urlset(part)));
    fs.writeFileSync(
      path.join(siteDir, 'sitemap.xml'),
      '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
        parts
          .map((_, i) => `  <sitemap><loc>${escapeXml(absolute(`sitemap-${i + 1}.xml`))}</loc></sitemap>\n`)
          .join('') +
        '</sitemapindex>\n',
    );
  }
  const sitemapUrl = absolute('sitemap.xml');
  fs.writeFileSync(
    path.join(siteDir, 'robots.txt'),
    [
      '# Trang phổ biến, giáo dục pháp luật: mọi nội dung đều công khai.',
      'User-agent: *',
      `Disallow: ${joinBase(basePath, 'pagefind/')}`,
      `Disallow: ${joinBase(basePath, 'ngoai-tuyen/')}`,
      `Allow: ${joinBase(basePath, '')}`,
      /^https?:/.test(sitemapUrl)
        ? `Sitemap: ${sitemapUrl}`
        : `# Sitemap: ${sitemapUrl} (set the site's baseUrl in the registry for an absolute address)`,
      '',
    ].join('\n'),
  );
  return { urls: urls.length, files: parts.length <= 1 ? 1 : parts.length + 1 };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
