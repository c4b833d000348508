/**
 * Page weight per page type of built sites: how many pages of each type, and their size raw
 * and gzip-compressed — with the stylesheet and scripts each page links, which a first visit
 * also transfers (media such as a logo left out). Page types come from each page's `meta[name="pbgdpl:page-type"]`.
 *
 *   node scripts/bench/page-weight.ts <out-dir> [site-code…]   (after pnpm sites:build --out <out-dir>)
 *
 * Exits 1 when a document page or document text page is over the budget (50 KB gzip with its
 * stylesheet and scripts, issue 5), so it can gate a build. Importable: measureSiteWeights().
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzip bytes a document page may transfer with its stylesheet and scripts. */
export const DOCUMENT_PAGE_BUDGET = 50 * 1024;
const BUDGETED_TYPES = new Set(['document', 'document-text']);

export interface PageWeight {
  path: string;
  type: string;
  raw: number;
  gzip: number;
  /** gzip of the page plus gzip of the stylesheets and scripts it links from its own site. */
  gzipWithCss: number;
}

export interface SiteWeights {
  code: string;
  pages: PageWeight[];
  stylesheet: { raw: number; gzip: number };
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.join(e.parentPath, e.name));
}

export function measureSiteWeights(siteDir: string): SiteWeights {
  const css = fs.existsSync(path.join(siteDir, 'site.css')) ? fs.readFileSync(path.join(siteDir, 'site.css')) : Buffer.alloc(0);
  const cssGzip = css.length > 0 ? gzipSync(css).byteLength : 0;
  const assetGzip = new Map<string, number>();
  /** A linked file of the site ("/ha-noi/site.css" → <siteDir>/site.css), gzip-measured once. */
  const linkedGzip = (href: string): number => {
    const relative = href.split('/').slice(2).join('/');
    if (!assetGzip.has(relative)) {
      const file = path.join(siteDir, relative);
      assetGzip.set(relative, fs.existsSync(file) ? gzipSync(fs.readFileSync(file)).byteLength : 0);
    }
    return assetGzip.get(relative) ?? 0;
  };
  const pages = filesUnder(siteDir).map((file) => {
    const html = fs.readFileSync(file);
    const text = html.toString('utf8');
    const type = /<meta name="pbgdpl:page-type" content="([^"]+)"/.exec(text)?.[1] ?? 'other';
    const gzip = gzipSync(html).byteLength;
    const linked = [
      ...text.matchAll(/<link rel="stylesheet" href="(\/[^"]+)"/g),
      ...text.matchAll(/<script[^>]* src="(\/[^"]+)"/g),
    ].reduce((sum, match) => sum + linkedGzip(match[1] as string), 0);
    return { path: path.relative(siteDir, file), type, raw: html.byteLength, gzip, gzipWithCss: gzip + linked };
  });
  return { code: path.basename(siteDir), pages, stylesheet: { raw: css.length, gzip: cssGzip } };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)}`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}

export function report(site: SiteWeights): { lines: string[]; overBudget: PageWeight[] } {
  const byType = new Map<string, PageWeight[]>();
  for (const page of site.pages) byType.set(page.type, [...(byType.get(page.type) ?? []), page]);
  const lines = [
    `${site.code}: ${site.pages.length} pages; site.css ${kb(site.stylesheet.raw)} KB (${kb(site.stylesheet.gzip)} KB gzip)`,
    `  ${'page type'.padEnd(16)} ${'pages'.padStart(6)} ${'median KB'.padStart(10)} ${'max KB'.padStart(8)} ${'median gz'.padStart(10)} ${'max gz'.padStart(8)} ${'max +css/js'.padStart(11)}  heaviest`,
  ];
  for (const [type, pages] of [...byType].sort((a, b) => a[0].localeCompare(b[0]))) {
    const heaviest = pages.reduce((a, b) => (b.gzip > a.gzip ? b : a));
    lines.push(
      `  ${type.padEnd(16)} ${String(pages.length).padStart(6)} ${kb(median(pages.map((p) => p.raw))).padStart(10)} ${kb(Math.max(...pages.map((p) => p.raw))).padStart(8)} ${kb(median(pages.map((p) => p.gzip))).padStart(10)} ${kb(heaviest.gzip).padStart(8)} ${kb(heaviest.gzipWithCss).padStart(11)}  ${heaviest.path}`,
    );
  }
  const overBudget = site.pages.filter((p) => BUDGETED_TYPES.has(p.type) && p.gzipWithCss > DOCUMENT_PAGE_BUDGET);
  return { lines, overBudget };
}

function main(argv: string[]): number {
  const [outDir, ...codes] = argv;
  if (!outDir) {
    console.error('usage: node scripts/bench/page-weight.ts <out-dir> [site-code…]');
    return 2;
  }
  const sites = codes.length > 0 ? codes : fs.readdirSync(outDir).filter((d) => !d.startsWith('.') && fs.statSync(path.join(outDir, d)).isDirectory());
  let failed = false;
  for (const code of sites) {
    const { lines, overBudget } = report(measureSiteWeights(path.join(outDir, code)));
    console.log(lines.join('\n'));
    for (const page of overBudget) {
      failed = true;
      console.log(`  OVER BUDGET ${kb(page.gzipWithCss)} KB > ${kb(DOCUMENT_PAGE_BUDGET)} KB gzip: ${page.path}`);
    }
  }
  console.log(failed ? 'Document page budget: FAILED' : `Document page budget (${kb(DOCUMENT_PAGE_BUDGET)} KB gzip with CSS and scripts): met`);
  return failed ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));
