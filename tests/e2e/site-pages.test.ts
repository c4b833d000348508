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
import { createSectionFixtures, type SectionFixtures } from './section-fixtures';

/**
 * Every page type of the citizen's site, built from the seeded real data (plus test items in the
 * sections the demo leaves empty, section-fixtures.ts), in Debian's Chromium: axe-core finds no
 * violation, nothing is requested from another host, nothing overflows a 320 px screen or 200 %
 * text, the browser works with JavaScript off (filters, the quiz, the question form), YouTube is
 * reached only after a click, and a document page stays under the transfer budget however long
 * the law.
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
let fixtures: SectionFixtures;
/** Where the sites are served in the form test: the sites' host the CMS is told of (PBGDPL_SITES_URL). */
const LOCAL_SITES = 'http://localhost:4399';
/** A national law of the demo the flagged situation cites, and the one the test says replaces it. */
const REPLACED_LAW = '04/2022/QH15';
const REPLACING_LAW = '08/2022/QH15';

/** The section folders, in the navigation's order, and their list and item page types. */
const SECTIONS: Array<[folder: string, type: string]> = [
  ['gioi-thieu-van-ban', 'introduction'],
  ['hoi-dap', 'qa'],
  ['doi-thoai', 'dialogue'],
  ['tai-lieu', 'material'],
  ['video', 'video'],
  ['tinh-huong', 'legal-situation'],
  ['tu-sach', 'book'],
  ['huong-dan', 'guidance'],
  ['tin-tuc', 'news'],
];

/** The first item of a section's list, or null when the section is empty on the site. */
function firstItem(siteDir: string, folder: string): string | null {
  return (
    readPage(siteDir, `/${folder}/`).querySelector('li.content-card a.content-link')?.getAttribute('href') ??
    null
  );
}

/** The item of a section with this title (its href). */
function itemHref(siteDir: string, folder: string, title: string): string {
  const link = [...readPage(siteDir, `/${folder}/`).querySelectorAll('li.content-card a.content-link')].find(
    (a) => a.textContent === title,
  );
  if (!link) throw new Error(`${title} is not listed in ${folder}/`);
  return link.getAttribute('href')!;
}

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
  const facet = list
    .querySelector('nav.facets [data-facet="type"] a[data-facet-value]')!
    .getAttribute('href')!;
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
    ...sectionPageTypes(site),
  };
}

/** Each section's list and its first item (when the site has one), the Q&A form's pages. */
function sectionPageTypes(site: { code: string; basePath: string }): Record<string, string> {
  const siteDir = path.join(outDir, site.code);
  const pages: Record<string, string> = {};
  for (const [folder, type] of SECTIONS) {
    pages[`${type}-list`] = `${site.basePath}${folder}/`;
    const item = firstItem(siteDir, folder);
    if (item) pages[type] = item;
  }
  pages['qa-confirmation'] = `${site.basePath}hoi-dap/da-gui/`;
  pages['qa-status'] = `${site.basePath}hoi-dap/tra-cuu/`;
  return pages;
}

async function open(
  url: string,
  options: { width?: number; javaScript?: boolean; origin?: string; passThrough?: string[] } = {},
) {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1024, height: 800 },
    javaScriptEnabled: options.javaScript ?? true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const { origin, foreign } = await serveFromDisk(page, outDir, {
    ...(options.origin ? { origin: options.origin } : {}),
    ...(options.passThrough ? { passThrough: options.passThrough } : {}),
  });
  const response = await page.goto(`${origin}${url}`);
  return { page, context, response, errors, foreign, origin };
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: object,
          ) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }>;
        };
      }
    ).axe;
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
  cms = await startCmsProcess({
    cmsDir: CMS_DIR,
    env: { ...testCmsEnv(), ...database.env, PBGDPL_SITES_URL: LOCAL_SITES },
  });
  fixtures = await createSectionFixtures(cms.url, province.code, REPLACED_LAW, REPLACING_LAW);
  runNode(
    GENERATOR_CLI,
    ['--site', ['quoc-gia', province.code, commune.code].join(','), '--out', outDir, '--cms', cms.url],
    {
      cwd: outDir,
      // Also build the page that shows the shared section blocks (vi-du-thanh-phan/), for axe; the
      // forms send citizens back to the sites as served in the form test.
      env: { ...process.env, PBGDPL_COMPONENT_EXAMPLES: '1', PBGDPL_SITES_URL: LOCAL_SITES },
    },
  );
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
      expect([url, declared]).toEqual([url, type === 'document-long' ? 'document' : type]);
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
    await expect(page.locator('a[data-site-link="parent"]').first().getAttribute('href')).resolves.toBe(
      province.basePath,
    );
    await context.close();
  }
  const children = readPage(path.join(outDir, province.code), '/don-vi-truc-thuoc/');
  const codes = [...children.querySelectorAll('a[data-site-link="child"]')].map((a) =>
    a.getAttribute('data-site-code'),
  );
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
  expect([...rich.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
    `${province.basePath}van-ban/`,
  ]);
  expect(page.querySelectorAll('li.content-card[data-kind] > a.content-link')).toHaveLength(2);
  expect(page.querySelectorAll('section#giai-thich li[data-section]')).toHaveLength(2);
  expect(page.querySelectorAll('section#doi-thoai-dang-mo li a')).toHaveLength(1);
  // The slots stay empty on real pages while there is nothing to show: no dialogue is open on the
  // national site (the province's open dialogue is its own and its communes').
  const home = readPage(path.join(outDir, 'quoc-gia'), '/');
  expect(home.querySelector('#doi-thoai-dang-mo')).toBeNull();
  const siteDir = path.join(outDir, province.code);
  const law = readPage(
    siteDir,
    stripBase(documentHref(siteDir, province.basePath, LONG_CODE), province.basePath),
  );
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
  const statuses = await page
    .locator('li.document-item .validity-badge')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-validity-status')));
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
      numbers.push(
        ...[...page.querySelectorAll('li[data-document-number]')].map((li) =>
          li.getAttribute('data-document-number')!,
        ),
      );
      const more = page.querySelector('nav.pagination a[rel="next"]')?.getAttribute('href');
      next = more ? stripBase(more, '/quoc-gia/') : null;
    }
    expect([link.getAttribute('href'), numbers.length]).toEqual([link.getAttribute('href'), count]);
  }
  const laws = readPage(siteDir, '/van-ban/luat/');
  const listed = [...laws.querySelectorAll('li[data-document-number]')].map((li) =>
    li.getAttribute('data-document-number'),
  );
  const expected = dataset.documents.filter((d) => d.scope === 'national' && d.documentType === 'law').length;
  expect(Number(laws.querySelector('[data-total]')?.getAttribute('data-total'))).toBe(expected);
  // Archive pages of 50 counted from the oldest: the first page keeps the newest 50–99 (all when fewer).
  const archived = Math.max(0, Math.floor(expected / 50) - 1);
  expect(listed.length).toBe(expected - archived * 50);
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
  expect(page.querySelector('.original-file a[data-original="source"]')?.getAttribute('href')).toMatch(
    /^https:\/\//,
  );
});

test('no document page or text page transfers more than 50 KB gzip with its stylesheet and scripts', () => {
  for (const code of ['quoc-gia', province.code]) {
    const weights = measureSiteWeights(path.join(outDir, code));
    const documentPages = weights.pages.filter((p) => p.type === 'document' || p.type === 'document-text');
    expect(documentPages.length).toBeGreaterThan(60);
    const over = documentPages
      .filter((p) => p.gzipWithCss > DOCUMENT_PAGE_BUDGET)
      .map((p) => `${p.path}: ${p.gzipWithCss}`);
    expect(over).toEqual([]);
  }
});

test('the skip link is the first stop of the keyboard and shows where focus is', async () => {
  const { page, context } = await open(`${province.basePath}van-ban/`);
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    return {
      text: el.textContent,
      href: el.getAttribute('href'),
      background: style.backgroundColor,
      left: el.getBoundingClientRect().left,
    };
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
    navigation: [...document.querySelectorAll('nav')].map(
      (n) => n.getAttribute('aria-label') ?? n.getAttribute('aria-labelledby'),
    ),
  }));
  expect(landmarks).toEqual({
    banner: 1,
    main: 1,
    contentinfo: 1,
    navigation: expect.arrayContaining(['Điều hướng chính', 'h-loc']),
  });
  await context.close();
});

describe('the section pages', () => {
  test('every page type of the sections is visited: the province has an item in each, the national site its seeded ones', () => {
    const provinceTypes = Object.keys(sectionPageTypes(province));
    expect(provinceTypes.sort()).toEqual(
      [...SECTIONS.flatMap(([, type]) => [type, `${type}-list`]), 'qa-confirmation', 'qa-status'].sort(),
    );
    // The national site has the seeded introductions and the Party's resolution as guidance.
    expect(Object.keys(sectionPageTypes({ code: 'quoc-gia', basePath: '/quoc-gia/' }))).toEqual(
      expect.arrayContaining(['introduction', 'guidance']),
    );
    expect(
      readPage(path.join(outDir, 'quoc-gia'), '/hoi-dap/').querySelector('.section-empty')?.textContent,
    ).toBe('Chưa có câu hỏi nào được trả lời công khai.');
  });

  test('the province’s open dialogue is announced on its home page and its commune’s, with the source on the commune', () => {
    for (const site of [province, commune]) {
      const home = readPage(path.join(outDir, site.code), '/');
      const link = home.querySelector('section#doi-thoai-dang-mo li a');
      expect(link?.textContent).toBe(fixtures.titles.dialogue);
    }
    const communeDir = path.join(outDir, commune.code);
    const dialogue = readPage(
      communeDir,
      stripBase(itemHref(communeDir, 'doi-thoai', fixtures.titles.dialogue), commune.basePath),
    );
    expect(dialogue.querySelector('.source-badge a[data-source-url]')?.getAttribute('href')).toBe(
      `${province.basePath}doi-thoai/${stripBase(itemHref(path.join(outDir, province.code), 'doi-thoai', fixtures.titles.dialogue), `${province.basePath}doi-thoai/`)}`,
    );
    expect(dialogue.querySelector('link[rel="canonical"]')).not.toBeNull();
    expect(dialogue.querySelector('form[data-pbgdpl-form]')?.getAttribute('action')).toMatch(
      /\/api\/submissions\/dialogue-questions$/,
    );
  });

  test('the item the CMS flagged after its law was replaced shows the outdated banner with the reason and check date; the others do not', () => {
    const siteDir = path.join(outDir, province.code);
    const flagged = readPage(
      siteDir,
      stripBase(itemHref(siteDir, 'tinh-huong', fixtures.titles.flagged), province.basePath),
    );
    const banner = flagged.querySelector('.outdated-banner');
    expect(banner?.getAttribute('role')).toBe('status');
    expect(banner?.getAttribute('data-checked-on')).toBe('2025-01-15');
    expect(banner?.textContent).toContain(REPLACED_LAW);
    expect(banner?.textContent).toContain(REPLACING_LAW);
    expect(banner?.textContent).toContain('15/01/2025');
    const other = readPage(
      siteDir,
      stripBase(itemHref(siteDir, 'tinh-huong', fixtures.titles.situation), province.basePath),
    );
    expect(other.querySelector('.outdated-banner')).toBeNull();
    expect(readPage(siteDir, '/tinh-huong/').querySelectorAll('[data-outdated="true"]')).toHaveLength(1);
    // Its citation links to the law's page, and the law's page lists it back.
    const cited = flagged.querySelector(
      `section#can-cu li[data-cited-number="${REPLACED_LAW}"] a[data-cited-document]`,
    )!;
    const law = readPage(siteDir, stripBase(cited.getAttribute('href')!, province.basePath));
    expect(law.querySelector('article.document')?.getAttribute('data-document-number')).toBe(REPLACED_LAW);
    expect([...law.querySelectorAll('section#giai-thich li a')].map((a) => a.textContent)).toContain(
      fixtures.titles.flagged,
    );
  });

  test('a YouTube video requests nothing from YouTube until the reader presses play', async () => {
    const siteDir = path.join(outDir, province.code);
    const { page, context, foreign, errors } = await open(itemHref(siteDir, 'video', fixtures.titles.video));
    await page.waitForLoadState('networkidle');
    expect(foreign).toEqual([]);
    expect(await page.locator('iframe').count()).toBe(0);
    const youtube = page.waitForRequest((request) =>
      request.url().startsWith('https://www.youtube-nocookie.com/embed/'),
    );
    await page.locator('a.video-play').click();
    await expect(page.locator('.video-embed iframe').getAttribute('src')).resolves.toBe(
      'https://www.youtube-nocookie.com/embed/M7lc1UVf-VE?autoplay=1&rel=0',
    );
    // Only now does the page ask YouTube (the test refuses the request: no network here).
    await youtube;
    expect(errors).toEqual([]);
    await context.close();
  });

  test('with JavaScript off, the quiz’s answer opens and a citizen sends a question, lands on the confirmation and looks it up', async () => {
    const siteDir = path.join(outDir, province.code);
    const quiz = await open(itemHref(siteDir, 'tinh-huong', fixtures.titles.situation), {
      javaScript: false,
    });
    await expect(quiz.page.locator('.quiz-correct').isVisible()).resolves.toBe(false);
    await quiz.page.locator('input[data-quiz-option]').first().check();
    await quiz.page.locator('details.quiz-answer summary').click();
    await expect(quiz.page.locator('.quiz-correct').textContent()).resolves.toBe(
      'Đáp án đúng: B. Phương án thử nghiệm thứ hai.',
    );
    await expect(quiz.page.locator('.quiz-correct').isVisible()).resolves.toBe(true);
    await quiz.context.close();

    const cmsOrigin = new URL(cms.url).origin;
    const form = await open(`${province.basePath}hoi-dap/`, {
      javaScript: false,
      origin: LOCAL_SITES,
      passThrough: [cmsOrigin],
    });
    expect(await form.page.locator('form[data-pbgdpl-form]').getAttribute('action')).toBe(
      `${cmsOrigin}/api/submissions/questions`,
    );
    await form.page
      .locator('#pbgdpl-question')
      .fill('Câu hỏi thử nghiệm gửi từ trình duyệt đã tắt kịch bản: thời gian thử việc tối đa là bao lâu?');
    await form.page.locator('#pbgdpl-consent').check();
    await form.page.locator('button.pbgdpl-form__submit').click();
    await form.page.waitForURL(/\/ha-noi\/hoi-dap\/da-gui\/\?ma=[0-9A-Z]{10}$/);
    const code = new URL(form.page.url()).searchParams.get('ma')!;
    await expect(form.page.locator('h1').textContent()).resolves.toBe('Đã gửi câu hỏi');
    // The status look-up: a plain GET form to the CMS, which answers with its own page.
    await form.page.goto(`${LOCAL_SITES}${province.basePath}hoi-dap/tra-cuu/`);
    await form.page.locator('#tra-cuu-ma').fill(`${code.slice(0, 5)}-${code.slice(5)}`);
    await form.page.locator('#tra-cuu-form button[type="submit"]').click();
    await form.page.waitForURL(
      (url) => url.origin === cmsOrigin && url.pathname === '/api/submissions/status',
    );
    await expect(form.page.locator('body').textContent()).resolves.toContain('Đã tiếp nhận');
    expect(form.foreign).toEqual([]);
    await form.context.close();
  });

  test('no section page transfers more than 50 KB gzip with its stylesheet and scripts', () => {
    const sectionTypes = new Set(SECTIONS.flatMap(([, type]) => [type, `${type}-list`]));
    for (const code of ['quoc-gia', province.code]) {
      const pages = measureSiteWeights(path.join(outDir, code)).pages.filter((p) => sectionTypes.has(p.type));
      // Printed for the record: how many pages of each section type, and their weight.
      const byType = new Map<string, number[]>();
      for (const p of pages) byType.set(p.type, [...(byType.get(p.type) ?? []), p.gzipWithCss]);
      console.log(
        `${code} section pages (gzip with stylesheet and scripts): ` +
          [...byType]
            .map(([type, sizes]) => `${type} ×${sizes.length} ≤ ${(Math.max(...sizes) / 1024).toFixed(1)} KB`)
            .join(', '),
      );
      expect(pages.length).toBeGreaterThan(9);
      expect(
        pages.filter((p) => p.gzipWithCss > DOCUMENT_PAGE_BUDGET).map((p) => `${p.path}: ${p.gzipWithCss}`),
      ).toEqual([]);
    }
  });
});
