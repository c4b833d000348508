import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDataset, type Dataset, type DocumentRecord, type SiteRecord } from '@pbgdpl/data-import';
import {
  createTestDatabase,
  startCmsProcess,
  testCmsEnv,
  type CmsProcess,
  type TestDatabase,
} from '@pbgdpl/test-support';
import { CMS_DIR, GENERATOR_CLI, dataDir, runNode } from './workspace';
import { listedDocumentNumbers, readPage, stripBase } from './html';
import { launchChromium, serveFromDisk } from './browser';

/**
 * The whole spine on real components: the real data is seeded into a real CMS, the generator
 * reads it over GraphQL and builds static sites, and the built HTML (parsed) lists exactly the
 * documents that concern each site.
 */
let database: TestDatabase;
let cms: CmsProcess;
let dataset: Dataset;
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbgdpl-sites-'));

/** The documents a site shows: national ones, those scoped to it or to its parent, its own. */
function expectedNumbers(site: SiteRecord): string[] {
  const concerns = (doc: DocumentRecord) =>
    doc.scope === 'national' ||
    doc.owningSiteCode === site.code ||
    doc.scopeSiteCode === site.code ||
    (site.parentCode !== null && doc.scopeSiteCode === site.parentCode);
  return dataset.documents
    .filter(concerns)
    .map((d) => d.number)
    .sort();
}

function site(code: string): SiteRecord {
  const found = dataset.sites.find((s) => s.code === code);
  if (!found) throw new Error(`demo subset has no site ${code}`);
  return found;
}

let province: SiteRecord;
let commune: SiteRecord;
let otherProvince: SiteRecord;

beforeAll(async () => {
  dataset = await loadDataset({ dataDir: dataDir(), subset: 'demo' });
  province = site('ha-noi');
  otherProvince = site('ho-chi-minh');
  commune = dataset.sites.find((s) => s.parentCode === 'ha-noi')!;
  database = await createTestDatabase('site_generation', path.join(CMS_DIR, '.tmp'));
  const env = { ...process.env, ...testCmsEnv(), ...database.env, PBGDPL_DATA_DIR: dataDir() };
  runNode(
    path.join(CMS_DIR, 'dist', 'scripts', 'seed.js'),
    ['--subset', 'demo', '--report', path.join(outDir, 'report.json')],
    {
      cwd: CMS_DIR,
      env,
    },
  );
  cms = await startCmsProcess({ cmsDir: CMS_DIR, env: { ...testCmsEnv(), ...database.env } });
  const codes = ['quoc-gia', province.code, commune.code].join(',');
  runNode(GENERATOR_CLI, ['--site', codes, '--out', outDir, '--cms', cms.url], {
    cwd: outDir,
    env: process.env,
  });
});

afterAll(async () => {
  await cms?.stop();
  await database?.drop();
  fs.rmSync(outDir, { recursive: true, force: true });
});

test.each(['quoc-gia', 'ha-noi'])('the %s site has a Vietnamese home page named after its unit', (code) => {
  const home = readPage(path.join(outDir, code), '/');
  expect(home.documentElement.getAttribute('lang')).toBe('vi');
  expect(home.querySelector('h1')?.textContent).toContain(site(code).name);
});

test('the province site lists exactly the national documents and its own resolution', () => {
  const listed = listedDocumentNumbers(path.join(outDir, province.code), province.basePath, '/van-ban/');
  expect(listed.slice().sort()).toEqual(expectedNumbers(province));
  const local = dataset.documents.filter((d) => d.scopeSiteCode === province.code).map((d) => d.number);
  expect(local.length).toBeGreaterThan(0);
  expect(listed).toEqual(expect.arrayContaining(local));
});

test("a commune site shows its province's documents and not another province's", () => {
  const listed = listedDocumentNumbers(path.join(outDir, commune.code), commune.basePath, '/van-ban/');
  expect(listed.slice().sort()).toEqual(expectedNumbers(commune));
  const elsewhere = dataset.documents
    .filter((d) => d.scopeSiteCode === otherProvince.code)
    .map((d) => d.number);
  expect(elsewhere.length).toBeGreaterThan(0);
  for (const number of elsewhere) expect(listed).not.toContain(number);
});

test('the national site lists the national documents and no local resolution', () => {
  const listed = listedDocumentNumbers(path.join(outDir, 'quoc-gia'), '/quoc-gia/', '/van-ban/');
  expect(listed.slice().sort()).toEqual(expectedNumbers(site('quoc-gia')));
  expect(listed.some((n) => n.endsWith('/NQ-UBTVQH15'))).toBe(false);
});

test("a document's page shows its metadata, validity status and full text", () => {
  const siteDir = path.join(outDir, province.code);
  const resolution = dataset.documents.find((d) => d.scopeSiteCode === province.code)!;
  const list = readPage(siteDir, '/van-ban/');
  const item = [...list.querySelectorAll('ul.document-list > li[data-document-number]')].find(
    (li) => li.getAttribute('data-document-number') === resolution.number,
  );
  const href = item?.querySelector('a')?.getAttribute('href');
  expect(href).toBeTruthy();
  const page = readPage(siteDir, stripBase(href!, province.basePath));
  expect(page.querySelector('h1')?.textContent).toContain(resolution.title);
  const metadata = page.querySelector('.document-metadata')?.textContent ?? '';
  expect(metadata).toContain(resolution.number);
  expect(metadata).toContain('Ủy ban Thường vụ Quốc hội');
  expect(page.querySelector('[data-validity-status]')?.getAttribute('data-validity-status')).toBe('in_force');
  // The resolution's real text is on the page (its opening words, as imported).
  const text = page.querySelector('.document-text')?.textContent?.replace(/\s+/g, ' ') ?? '';
  expect(text.length).toBeGreaterThan(1000);
});

test('a law replaced by a newer one shows as expired, with the replacing law linked', () => {
  const siteDir = path.join(outDir, 'quoc-gia');
  const list = readPage(siteDir, '/van-ban/');
  const pages = [list];
  const href = (number: string) => {
    for (const page of pages) {
      const item = [...page.querySelectorAll('ul.document-list > li[data-document-number]')].find(
        (li) => li.getAttribute('data-document-number') === number,
      );
      if (item) return item.querySelector('a')!.getAttribute('href')!;
    }
    return null;
  };
  let next = list.querySelector('nav.pagination a[rel="next"]')?.getAttribute('href');
  while (next) {
    const page = readPage(siteDir, stripBase(next, '/quoc-gia/'));
    pages.push(page);
    next = page.querySelector('nav.pagination a[rel="next"]')?.getAttribute('href');
  }
  const replacedHref = href('68/2014/QH13');
  expect(replacedHref).toBeTruthy();
  const page = readPage(siteDir, stripBase(replacedHref!, '/quoc-gia/'));
  expect(
    page.querySelector('.validity-badge[data-validity-status]')?.getAttribute('data-validity-status'),
  ).toBe('expired');
  const endDate =
    page.querySelector('table.document-metadata tr[data-field="effectiveTo"] > td')?.textContent ?? '';
  expect(endDate).toContain('01/01/2021');
  expect(endDate).toContain('59/2020/QH14');
  const incoming = page.querySelector(
    'li.relation[data-relation-direction="incoming"][data-relation-kind="replaces"]',
  );
  expect(incoming?.getAttribute('data-related-number')).toBe('59/2020/QH14');
  expect(incoming?.querySelector('a')?.getAttribute('href')).toBe(href('59/2020/QH14'));
});

test('the province home page renders in a real Chromium at 320 px, with no errors and no third-party request', async () => {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const { origin, foreign } = await serveFromDisk(page, outDir);
    const response = await page.goto(`${origin}${province.basePath}`);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1').first().textContent()).resolves.toContain(province.name);
    // Readable at 320 px: nothing wider than the screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
  } finally {
    await browser.close();
  }
});

test('the seeded introductions reach every site, their citations link to the law’s page and the law lists them back', () => {
  for (const code of ['quoc-gia', province.code, commune.code]) {
    const siteDir = path.join(outDir, code);
    const basePath = site(code).basePath;
    const list = readPage(siteDir, '/gioi-thieu-van-ban/');
    const links = [...list.querySelectorAll('li.content-card a.content-link')];
    expect(links.length).toBe(3);
    const intro = readPage(siteDir, stripBase(links[0]!.getAttribute('href')!, basePath));
    // Owned by the national portal: elsewhere it names its source and its original.
    expect([
      code,
      intro.querySelector('.source-badge a[data-source-url]')?.getAttribute('href') ?? null,
    ]).toEqual([
      code,
      code === 'quoc-gia' ? null : `/quoc-gia/${stripBase(links[0]!.getAttribute('href')!, basePath)}`,
    ]);
    const citation = intro.querySelector('section#can-cu li[data-cited-number] a[data-cited-document]')!;
    expect(citation.textContent).toMatch(/^Điều 1 Luật .+ số \d+\/\d{4}\/QH1\d$/);
    const law = readPage(siteDir, stripBase(citation.getAttribute('href')!, basePath));
    const title = intro.querySelector('h1')!.textContent;
    expect(
      [...law.querySelectorAll('section#giai-thich li[data-section="Giới thiệu văn bản mới"] a')].map(
        (a) => a.textContent,
      ),
    ).toContain(title);
    expect(intro.querySelector('.outdated-banner')).toBeNull();
  }
});

test('a province’s 2025 resolution is guidance on its site and its communes’, not on another’s; the Party resolution on all', () => {
  const guidance = (code: string) =>
    [
      ...readPage(path.join(outDir, code), '/huong-dan/').querySelectorAll('li.content-card a.content-link'),
    ].map((a) => a.textContent);
  const haNoi = dataset.documents.find(
    (d) => d.owningSiteCode === province.code && d.number.endsWith('/NQ-UBTVQH15'),
  )!;
  for (const code of [province.code, commune.code]) {
    expect(guidance(code)).toEqual(
      expect.arrayContaining([expect.stringContaining(haNoi.number), expect.stringContaining('60-NQ/TW')]),
    );
  }
  expect(guidance('quoc-gia').some((t) => t?.includes(haNoi.number))).toBe(false);
  expect(guidance('quoc-gia').some((t) => t?.includes('60-NQ/TW'))).toBe(true);
  expect(
    guidance(province.code).some((t) => t?.includes(otherProvince.name.replace(/^Thành phố /, ''))),
  ).toBe(false);
});
