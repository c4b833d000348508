import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { loadDataset, type Dataset, type SiteRecord } from '@pbgdpl/data-import';
import {
  createTestDatabase,
  startCmsProcess,
  testCmsEnv,
  type CmsProcess,
  type TestDatabase,
} from '@pbgdpl/test-support';
import { DOCUMENT_PAGE_BUDGET, measureSiteWeights } from '../../scripts/bench/page-weight';
import { CMS_DIR, GENERATOR_CLI, dataDir, runNode } from './workspace';
import { readPage, stripBase } from './html';
import { launchChromium, serveFromDisk } from './browser';

/**
 * Every page type of the citizen's site, built from the seeded real data, in Debian's Chromium:
 * axe-core finds no violation, nothing is requested from another host, nothing overflows a
 * 320 px screen or 200 % text, the browser works with JavaScript off, and a document page stays
 * under the transfer budget however long the law.
 */
let database: TestDatabase;
let cms: CmsProcess;
let dataset: Dataset;
let browser: Browser;
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbgdpl-pages-'));
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The longest law of the demo subset: its text is split into text pages. */
const LONG_CODE = '92/2015/QH13';

let province: SiteRecord;
let commune: SiteRecord;

function documentHref(siteDir: string, basePath: string, number: string): string {
  let next: string | null = '/van-ban/';
  while (next) {
    const page = readPage(siteDir, next);
    const item = [...page.querySelectorAll('li[data-document-number]')].find(
      (li) => li.getAttribute('data-document-number') === number,
    );
    if (item) return item.querySelector('a')!.getAttribute('href')!;
    const link = page.querySelector('nav.pagination a[rel="next"]')?.getAttribute('href');
    next = link ? stripBase(link, basePath) : null;
  }
  throw new Error(`${number} is not listed on ${basePath}`);
}

/** One URL of each page type on a site (paths as served, under its base). */
function pageTypes(site: { code: string; basePath: string }): Record<string, string> {
  const siteDir = path.join(outDir, site.code);
  const list = readPage(siteDir, '/van-ban/');
  const facet = list.querySelector('nav.facets [data-facet="type"] a[data-facet-value]')!.getAttribute('href')!;
  const longCode = documentHref(siteDir, site.basePath, LONG_CODE);
  const shortDoc = list.querySelector('li[data-document-number] a')!.getAttribute('href')!;
  return {
    home: site.basePath,
    'document-list': `${site.basePath}van-ban/`,
    'document-facet': facet,
    'newly-effective': `${site.basePath}van-ban-moi-co-hieu-luc/`,
    document: shortDoc,
    'document-long': longCode,
    'document-text': `${longCode}toan-van/trang-2/`,
    about: `${site.basePath}gioi-thieu/`,
    'child-sites': `${site.basePath}don-vi-truc-thuoc/`,
    'not-found': `${site.basePath}404.html`,
    'component-examples': `${site.basePath}vi-du-thanh-phan/`,
  };
}

async function open(url: string, options: { width?: number; javaScript?: boolean } = {}) {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1024, height: 800 },
    javaScriptEnabled: options.javaScript ?? true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const { origin, foreign } = await serveFromDisk(page, outDir);
  const response = await page.goto(`${origin}${url}`);
  return { page, context, response, errors, foreign, origin };
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations.map((v) => `${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

beforeAll(async () => {
  dataset = await loadDataset({ dataDir: dataDir(), subset: 'demo' });
  province = dataset.sites.find((s) => s.code === 'ha-noi')!;
  commune = dataset.sites.find((s) => s.parentCode === 'ha-noi')!;
  database = await createTestDatabase('site_pages', path.join(CMS_DIR, '.tmp'));
  const env = { ...process.env, ...testCmsEnv(), ...database.env, PBGDPL_DATA_DIR: dataDir() };
  runNode(path.join(CMS_DIR, 'dist', 'scripts', 'seed.js'), ['--subset', 'demo'], { cwd: CMS_DIR, env });
  cms = await startCmsProcess({ cmsDir: CMS_DIR, env: { ...testCmsEnv(), ...database.env } });
  runNode(GENERATOR_CLI, ['--site', ['quoc-gia', province.code, commune.code].join(','), '--out', outDir, '--cms', cms.url], {
    cwd: outDir,
    // Also build the page that shows the shared section blocks (vi-du-thanh-phan/), for axe.
    env: { ...process.env, PBGDPL_COMPONENT_EXAMPLES: '1' },
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await cms?.stop();
  await database?.drop();
  fs.rmSync(outDir, { recursive: true, force: true });
});

describe.each([
  ['province', () => province],
  ['national', () => dataset.sites.find((s) => s.code === 'quoc-gia')!],
])('every page type of the %s site', (_label, siteOf) => {
  test('has no axe-core violation, requests nothing from another host, and reads at 320 px and 200 % text', async () => {
    const site = siteOf();
    const found: Record<string, string[]> = {};
    for (const [type, url] of Object.entries(pageTypes(site))) {
      const { page, context, response, errors, foreign } = await open(url);
      expect(response?.status()).toBe(200);
      const declared = await page.locator('meta[name="pbgdpl:page-type"]').getAttribute('content');
      expect(declared).toBe(type === 'document-long' ? 'document' : type);
      const problems = [...(await axeViolations(page)), ...foreign, ...errors];
      // Readable without sideways scrolling on a 320 px phone, and with text at 200 % (text-only
      // zoom: every size in site.css is in rem, so the root size scales all text).
      await page.setViewportSize({ width: 320, height: 640 });
      const at320 = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (at320 > 0) problems.push(`overflows 320 px by ${at320}px`);
      await page.setViewportSize({ width: 640, height: 800 });
      await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
      const at200 = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (at200 > 0) problems.push(`overflows with 200 % text by ${at200}px`);
      if (problems.length > 0) found[type] = problems;
      await context.close();
    }
    expect(found).toEqual({});
  });
});

test('the commune’s pages pass axe too, and link back to the province', async () => {
  for (const url of [commune.basePath, `${commune.basePath}gioi-thieu/`]) {
    const { page, context, foreign } = await open(url);
    expect(await axeViolations(page)).toEqual([]);
    expect(foreign).toEqual([]);
    await expect(page.locator('a[data-site-link="parent"]').first().getAttribute('href')).resolves.toBe(province.basePath);
    await context.close();
  }
  const children = readPage(path.join(outDir, province.code), '/don-vi-truc-thuoc/');
  const codes = [...children.querySelectorAll('a[data-site-link="child"]')].map((a) => a.getAttribute('data-site-code'));
  expect(codes).toContain(commune.code);
  expect(codes).toEqual(
    dataset.sites
      .filter((s) => s.parentCode === province.code)
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
      .map((s) => s.code),
  );
});

test('the shared section blocks render safely: outdated status, source with canonical link, rich text without unsafe links or foreign images', async () => {
  const page = readPage(path.join(outDir, province.code), '/vi-du-thanh-phan/');
  const banner = page.querySelector('.outdated-banner');
  expect(banner?.getAttribute('role')).toBe('status');
  expect(banner?.textContent).toContain('Có thể đã lỗi thời');
  const source = page.querySelector('.source-badge a[data-source-url]')?.getAttribute('href');
  expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(source);
  const rich = page.querySelector('.rich-text')!;
  expect(rich.querySelector('h2')?.textContent).toBe('Thời giờ làm việc bình thường');
  expect(rich.querySelectorAll('img')).toHaveLength(0);
  expect(rich.textContent).toContain('[Hình ảnh: Sơ đồ thời giờ làm việc]');
  expect([...rich.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([`${province.basePath}van-ban/`]);
  expect(page.querySelectorAll('li.content-card[data-kind] > a.content-link')).toHaveLength(2);
  expect(page.querySelectorAll('section#giai-thich li[data-section]')).toHaveLength(2);
  expect(page.querySelectorAll('section#doi-thoai-dang-mo li a')).toHaveLength(1);
  // The slots stay empty on real pages while there is nothing to show.
  const home = readPage(path.join(outDir, province.code), '/');
  expect(home.querySelector('#doi-thoai-dang-mo')).toBeNull();
  const siteDir = path.join(outDir, province.code);
  const law = readPage(siteDir, stripBase(documentHref(siteDir, province.basePath, LONG_CODE), province.basePath));
  expect(law.querySelector('#giai-thich')).toBeNull();
});

test('with JavaScript off, a reader filters the documents by type and by status through links', async () => {
  const { page, context } = await open(`${province.basePath}van-ban/`, { javaScript: false });
  // The filter groups are <details>: opening one needs no script.
  await page.locator('nav.facets [data-facet="type"] summary').click();
  await page.locator('nav.facets [data-facet="type"] a[data-facet-value="luat"]').click();
  await page.waitForURL(/\/van-ban\/luat\/$/);
  const types = await page.locator('li.document-item .document-type').allTextContents();
  expect(types.length).toBeGreaterThan(0);
  expect(new Set(types)).toEqual(new Set(['Luật']));
  await expect(page.locator('nav.facets a[aria-current="page"]').textContent()).resolves.toBe('Luật');
  await page.locator('nav.facets [data-facet="status"] summary').click();
  await page.locator('nav.facets [data-facet="status"] a[data-facet-value="het-hieu-luc-toan-bo"]').click();
  await page.waitForURL(/\/van-ban\/hieu-luc\/het-hieu-luc-toan-bo\/$/);
  const statuses = await page.locator('li.document-item .validity-badge').evaluateAll((els) =>
    els.map((el) => el.getAttribute('data-validity-status')),
  );
  expect(statuses.length).toBeGreaterThan(0);
  expect(new Set(statuses)).toEqual(new Set(['expired']));
  await context.close();
});

test('each filter’s count equals the documents its pages list, and they are the ones of that type', () => {
  const siteDir = path.join(outDir, 'quoc-gia');
  const menu = readPage(siteDir, '/van-ban/');
  const links = [...menu.querySelectorAll('nav.facets [data-facet] a[data-facet-value]')];
  expect(links.length).toBeGreaterThan(10);
  for (const link of links) {
    const count = Number(/\((\d+)\)/.exec(link.nextElementSibling?.textContent ?? '')?.[1]);
    const numbers: string[] = [];
    let next: string | null = stripBase(link.getAttribute('href')!, '/quoc-gia/');
    while (next) {
      const page = readPage(siteDir, next);
      numbers.push(...[...page.querySelectorAll('li[data-document-number]')].map((li) => li.getAttribute('data-document-number')!));
      const more = page.querySelector('nav.pagination a[rel="next"]')?.getAttribute('href');
      next = more ? stripBase(more, '/quoc-gia/') : null;
    }
    expect([link.getAttribute('href'), numbers.length]).toEqual([link.getAttribute('href'), count]);
  }
  const laws = readPage(siteDir, '/van-ban/luat/');
  const listed = [...laws.querySelectorAll('li[data-document-number]')].map((li) => li.getAttribute('data-document-number'));
  const expected = dataset.documents.filter((d) => d.scope === 'national' && d.documentType === 'law').length;
  expect(Number(laws.querySelector('[data-total]')?.getAttribute('data-total'))).toBe(expected);
  expect(listed.length).toBe(Math.min(expected, 50));
});

test('a long code’s contents reach every article, each link landing on an anchor that exists', () => {
  const siteDir = path.join(outDir, 'quoc-gia');
  const href = documentHref(siteDir, '/quoc-gia/', LONG_CODE);
  const documentPath = stripBase(href, '/quoc-gia/');
  const page = readPage(siteDir, documentPath);
  const tocLinks = [...page.querySelectorAll('nav.toc a')].map((a) => a.getAttribute('href')!);
  const articles = tocLinks.filter((h) => h.includes('#dieu-'));
  expect(articles.length).toBeGreaterThan(500);
  const pages = new Map<string, Document>();
  for (const link of tocLinks) {
    const [relative, id] = link.split('#') as [string, string];
    const target = `${documentPath}${relative}`;
    if (!pages.has(target)) pages.set(target, readPage(siteDir, target));
    expect([link, pages.get(target)!.getElementById(id) !== null]).toEqual([link, true]);
  }
  expect(pages.size).toBeGreaterThan(1);
  expect(page.querySelector('.original-file a[data-original="source"]')?.getAttribute('href')).toMatch(/^https:\/\//);
});

test('no document page or text page transfers more than 50 KB gzip with its stylesheet and scripts', () => {
  for (const code of ['quoc-gia', province.code]) {
    const weights = measureSiteWeights(path.join(outDir, code));
    const documentPages = weights.pages.filter((p) => p.type === 'document' || p.type === 'document-text');
    expect(documentPages.length).toBeGreaterThan(60);
    const over = documentPages.filter((p) => p.gzipWithCss > DOCUMENT_PAGE_BUDGET).map((p) => `${p.path}: ${p.gzipWithCss}`);
    expect(over).toEqual([]);
  }
});

test('the skip link is the first stop of the keyboard and shows where focus is', async () => {
  const { page, context } = await open(`${province.basePath}van-ban/`);
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    return { text: el.textContent, href: el.getAttribute('href'), background: style.backgroundColor, left: el.getBoundingClientRect().left };
  });
  expect(focused.text).toBe('Bỏ qua, đến nội dung chính');
  expect(focused.href).toBe('#main');
  expect(focused.left).toBeGreaterThanOrEqual(0);
  expect(focused.background).toBe('rgb(255, 221, 0)');
  await page.keyboard.press('Enter');
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
  const landmarks = await page.evaluate(() => ({
    banner: document.querySelectorAll('header.site-header').length,
    main: document.querySelectorAll('main').length,
    contentinfo: document.querySelectorAll('footer.site-footer').length,
    navigation: [...document.querySelectorAll('nav')].map((n) => n.getAttribute('aria-label') ?? n.getAttribute('aria-labelledby')),
  }));
  expect(landmarks).toEqual({ banner: 1, main: 1, contentinfo: 1, navigation: expect.arrayContaining(['Điều hướng chính', 'h-loc']) });
  await context.close();
});
