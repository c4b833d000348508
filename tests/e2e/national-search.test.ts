import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { loadDataset, type SiteRecord } from '@pbgdpl/data-import';
import {
  createTestDatabase,
  startCmsProcess,
  testCmsEnv,
  type CmsProcess,
  type TestDatabase,
} from '@pbgdpl/test-support';
import { CMS_DIR, GENERATOR_CLI, dataDir, runNode } from './workspace';
import { launchChromium, serveFromDisk } from './browser';
import { cmsRequest, createFullAccessToken, demoAdminJwt } from './cms-api';

/**
 * Search on a commune's site with the shared national bundle (ADR 0004, strategy E): the demo
 * seed through the real CMS, one news item of the commune's own published over REST, the
 * generator's CLI building the commune, and Pagefind's own JS in Debian's Chromium. The commune's
 * index holds only its own records; one accentless query finds its news item and national laws
 * (from the merged bundle), the words marked as printed, every link under the commune's base.
 */
let database: TestDatabase;
let cms: CmsProcess;
let browser: Browser;
let commune: SiteRecord;
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbgdpl-national-search-'));
/** The commune's own item: "đất đai" with its đ, so only the folded copies let "dat dai" find it. */
const NEWS_TITLE = 'Lịch tiếp công dân về đất đai của phường (mục kiểm thử)';

beforeAll(async () => {
  const dataset = await loadDataset({ dataDir: dataDir(), subset: 'demo' });
  commune = dataset.sites.find((s) => s.parentCode === 'ha-noi')!;
  database = await createTestDatabase('national_search', path.join(CMS_DIR, '.tmp'));
  const env = { ...process.env, ...testCmsEnv(), ...database.env, PBGDPL_DATA_DIR: dataDir() };
  runNode(path.join(CMS_DIR, 'dist', 'scripts', 'seed.js'), ['--subset', 'demo', '--demo-admin'], {
    cwd: CMS_DIR,
    env,
  });
  cms = await startCmsProcess({ cmsDir: CMS_DIR, env: { ...testCmsEnv(), ...database.env } });
  const token = await createFullAccessToken(cms.url, await demoAdminJwt(cms.url), 'national-search-e2e');
  const rest = <T>(method: string, url: string, body?: unknown) =>
    cmsRequest<T>(cms.url, method, url, body, token);
  const [site] = await rest<Array<{ documentId: string }>>(
    'GET',
    `/api/sites?filters[code][$eq]=${commune.code}`,
  );
  await rest('POST', '/api/news-items?locale=vi&status=published', {
    data: {
      title: NEWS_TITLE,
      summary: 'Người dân hỏi về đất đai được tiếp vào sáng thứ Năm hằng tuần.',
      audience: 'own_site',
      owningSite: site!.documentId,
    },
  });
  runNode(GENERATOR_CLI, ['--site', commune.code, '--out', outDir, '--cms', cms.url], {
    cwd: outDir,
    env: process.env,
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await cms?.stop();
  await database?.drop();
  fs.rmSync(outDir, { recursive: true, force: true });
});

interface Shown {
  title: string;
  href: string;
  number: string | null;
  marks: string[];
}

async function searchOnCommune(
  query: string,
): Promise<{ status: string; results: Shown[]; foreign: string[]; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const { origin, foreign } = await serveFromDisk(page, outDir);
  await page.goto(`${origin}${commune.basePath}tim-kiem/?q=${encodeURIComponent(query)}`);
  await page.waitForFunction(() => {
    const text = document.querySelector('#tim-kiem-trang-thai')?.textContent ?? '';
    return text.startsWith('Tìm thấy') || text.startsWith('Không');
  });
  // Every result, not only the first page of ten.
  while (await page.isVisible('#tim-kiem-them')) {
    const shown = await page.locator('#tim-kiem-ket-qua > li').count();
    await page.click('#tim-kiem-them');
    await page.waitForFunction((n) => document.querySelectorAll('#tim-kiem-ket-qua > li').length > n, shown);
  }
  const results = await page.$$eval('#tim-kiem-ket-qua > li', (items) =>
    items.map((li) => ({
      title: li.querySelector('h2 a')?.textContent ?? '',
      href: li.querySelector('h2 a')?.getAttribute('href') ?? '',
      number: li.getAttribute('data-document-number'),
      marks: [...li.querySelectorAll('mark')].map((m) => m.textContent ?? ''),
    })),
  );
  return { status: (await page.textContent('#tim-kiem-trang-thai')) ?? '', results, foreign, page };
}

test('the commune indexes only its own records and names the shared national bundle it merges', () => {
  const reference = JSON.parse(
    fs.readFileSync(path.join(outDir, commune.code, 'pagefind', 'national-bundle.json'), 'utf8'),
  );
  expect(reference.path).toBe(`/_national/pagefind/${reference.id}/`);
  expect(fs.existsSync(path.join(outDir, '_national', 'pagefind', reference.id, 'pagefind-entry.json'))).toBe(
    true,
  );
  const own = fs.readdirSync(path.join(outDir, commune.code, 'pagefind', 'fragment')).length;
  const national = fs.readdirSync(
    path.join(outDir, '_national', 'pagefind', reference.id, 'fragment'),
  ).length;
  expect(national).toBeGreaterThan(own);
});

test('“dat dai” on the commune’s site finds its own news item and national laws from the merged bundle, accents folded', async () => {
  const { status, results, foreign, page } = await searchOnCommune('dat dai');
  expect(status).toMatch(/^Tìm thấy \d+ kết quả cho “dat dai”/);
  const own = results.find((r) => r.title === NEWS_TITLE);
  expect(own?.href).toMatch(new RegExp(`^${commune.basePath}tin-tuc/`));
  const laws = results.filter((r) => r.number !== null);
  expect(laws.length).toBeGreaterThan(0);
  expect(laws.every((r) => r.href.startsWith(`${commune.basePath}van-ban/`))).toBe(true);
  // Marked as printed ("đất", "đai"), found by the folded query.
  const marks = results.flatMap((r) => r.marks).map((m) => m.toLowerCase());
  expect(marks).toEqual(expect.arrayContaining(['đất', 'đai']));
  // Each national result's link is a page of the commune's own site.
  for (const result of laws)
    expect(
      fs.existsSync(
        path.join(outDir, commune.code, result.href.slice(commune.basePath.length), 'index.html'),
      ),
    ).toBe(true);
  expect(foreign).toEqual([]);
  expect(await page.locator('#tim-kiem-quoc-gia').count()).toBe(0);
  await page.context().close();
});

test('with accents typed, the same results as without', async () => {
  const accented = await searchOnCommune('đất đai');
  const plain = await searchOnCommune('dat dai');
  expect(accented.results.map((r) => r.href).sort()).toEqual(plain.results.map((r) => r.href).sort());
  await accented.page.context().close();
  await plain.page.context().close();
});
