/**
 * Search, the offline app, feeds and sitemap of a site generated from the real demo data (the
 * national laws and Hà Nội's resolution), checked in Debian's Chromium over a loopback server:
 * Pagefind's own search JS answers the search page, a real service worker serves pages offline.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { foldForSearch } from '@pbgdpl/site-template/search-fold';
import { generateSites, type GenerateSitesResult, type SiteResult } from './generate.js';
import { launchChromium, serveDirectory, type StaticServer } from './fixtures/browser.js';
import { HA_NOI_BASE_URL, realDemoClient } from './fixtures/real-demo-client.js';

// One real Astro build and a Pagefind index of ~6 MB of law texts; then a browser.
jest.setTimeout(300_000);

let outDir: string;
let site: SiteResult;
let server: StaticServer;
let browser: Browser;
let numbers: string[];
let localNumbers: string[];
let nationalBundle: GenerateSitesResult['national'];
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbgdpl-features-'));
  const { client, dataset } = await realDemoClient();
  numbers = dataset.documents
    .filter((d) => d.scope === 'national' || d.scopeSiteCode === 'ha-noi' || d.owningSiteCode === 'ha-noi')
    .map((d) => d.number);
  localNumbers = dataset.documents
    .filter((d) => d.scope !== 'national' && (d.scopeSiteCode === 'ha-noi' || d.owningSiteCode === 'ha-noi'))
    .map((d) => d.number);
  const result = await generateSites({
    cmsUrl: 'http://fake-cms.test',
    client,
    codes: ['ha-noi'],
    outDir,
    asOf: '2025-07-01',
    log: () => {},
  });
  site = result.sites[0]!;
  nationalBundle = result.national;
  server = await serveDirectory(outDir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(outDir, { recursive: true, force: true });
});

const url = (relative: string) => `${server.origin}/ha-noi/${relative}`;

interface Result {
  title: string;
  href: string;
  number: string | null;
  meta: string;
  marks: string[];
}

/** Types the query into the search page like a reader and reads the results shown. */
async function search(
  page: Page,
  query: string,
  filters: Record<string, string> = {},
): Promise<{ status: string; results: Result[] }> {
  await page.goto(url('tim-kiem/'));
  await page.locator('#tim-kiem-form:not([hidden])').waitFor();
  // The filter menus are filled from the index once it is loaded.
  await page.waitForFunction(
    () => (document.querySelector('#tim-kiem-loai') as HTMLSelectElement).options.length > 1,
  );
  await page.fill('#tim-kiem-q', query);
  for (const [id, value] of Object.entries(filters)) await page.selectOption(`#${id}`, value);
  await page.click('#tim-kiem-form button[type=submit]');
  await page.waitForFunction(() => {
    const text = document.querySelector('#tim-kiem-trang-thai')?.textContent ?? '';
    return text !== '' && !text.startsWith('Đang tìm');
  });
  const status = (await page.textContent('#tim-kiem-trang-thai')) ?? '';
  const results = await page.$$eval('#tim-kiem-ket-qua > li', (items) =>
    items.map((li) => ({
      title: li.querySelector('h2 a')?.textContent ?? '',
      href: li.querySelector('h2 a')?.getAttribute('href') ?? '',
      number: li.getAttribute('data-document-number'),
      meta: li.querySelector('.search-result-meta')?.textContent ?? '',
      marks: [...li.querySelectorAll('mark')].map((m) => m.textContent ?? ''),
    })),
  );
  return { status, results };
}

describe('search (Pagefind, per site)', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await browser.newContext();
    page = await context.newPage();
  });
  afterAll(() => context.close());

  it('reports the index size in the build result, without Pagefind’s unused UI files', () => {
    expect(site.ok).toBe(true);
    // The site indexes its own documents; the national ones are in the bundle it merges.
    expect(site.search).toEqual(
      expect.objectContaining({
        records: localNumbers.length,
        files: expect.any(Number),
        bytes: expect.any(Number),
        national: nationalBundle?.id,
      }),
    );
    expect(nationalBundle?.records).toBe(numbers.length - localNumbers.length);
    console.log(
      `national bundle: ${nationalBundle!.records} records, ${nationalBundle!.files} files, ${nationalBundle!.bytes} bytes`,
    );
    console.log(
      `ha-noi search index: ${site.search!.records} records, ${site.search!.files} files, ${site.search!.bytes} bytes`,
    );
    const files = fs.readdirSync(path.join(outDir, 'ha-noi', 'pagefind'));
    expect(files).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-entry.json']));
    expect(files.filter((f) => /-ui\.|highlight/.test(f))).toEqual([]);
  });

  it.each([
    ['hieu luc', 'hiệu lực'],
    ['nghi dinh', 'nghị định'],
    ['dat dai', 'đất đai'],
  ])('“%s” without accents finds texts that say “%s”, and marks them as printed', async (query, printed) => {
    const { status, results } = await search(page, query);
    expect(status).toMatch(/^Tìm thấy \d+ kết quả/);
    expect(results.length).toBeGreaterThan(0);
    const marked = results.flatMap((r) => r.marks);
    // Marks are cut from the original text: the accents and "đ" are there, and fold to the query.
    for (const word of printed.split(' ')) {
      expect(marked.some((m) => m.toLowerCase() === word)).toBe(true);
    }
    expect(marked.every((m) => query.split(' ').includes(foldForSearch(m)))).toBe(true);
  });

  it('finds as many documents for “đất đai” typed with accents as for “dat dai”', async () => {
    const accented = await search(page, 'đất đai');
    const plain = await search(page, 'dat dai');
    expect(accented.results.length).toBeGreaterThan(0);
    expect(accented.status.replace('đất đai', 'dat dai')).toBe(plain.status);
  });

  it.each(['45/2019/QH14', '45-2019-qh14', '1656/NQ-UBTVQH15'])(
    'puts the document numbered exactly “%s” first',
    async (query) => {
      const { status, results } = await search(page, query);
      const expected = query === '45-2019-qh14' ? '45/2019/QH14' : query;
      expect(results[0]?.number).toBe(expected);
      expect(status).toContain('đứng đầu danh sách');
    },
  );

  it('merges the national bundle: one query finds the site’s own resolution and national laws, each linked under the site', async () => {
    const { results } = await search(page, 'don vi hanh chinh');
    const numbersFound = results.map((r) => r.number);
    expect(numbersFound).toContain('1656/NQ-UBTVQH15');
    expect(numbersFound.some((n) => n !== null && !localNumbers.includes(n))).toBe(true);
    expect(results.every((r) => r.href.startsWith('/ha-noi/van-ban/'))).toBe(true);
    for (const result of results.slice(0, 4))
      expect((await page.request.get(`${server.origin}${result.href}`)).status()).toBe(200);
    expect(await page.locator('#tim-kiem-quoc-gia').count()).toBe(0);
  });

  it('sorts by newest issued across both bundles', async () => {
    const { results } = await search(page, 'nghi quyet', { 'tim-kiem-sap-xep': 'moi-nhat' });
    const dates = results
      .map((r) => /Ban hành (\d{2})\/(\d{2})\/(\d{4})/.exec(r.meta))
      .map((m) => (m ? `${m[3]}-${m[2]}-${m[1]}` : ''));
    expect(dates.length).toBeGreaterThan(2);
    expect(results.map((r) => r.number)).toContain('1656/NQ-UBTVQH15');
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('still searches the site’s own documents, and says what is missing, when the national bundle cannot be loaded', async () => {
    const bundles = path.join(outDir, '_national');
    fs.renameSync(bundles, `${bundles}-away`);
    try {
      const { status, results } = await search(page, '1656/NQ-UBTVQH15');
      expect(results[0]?.number).toBe('1656/NQ-UBTVQH15');
      expect(status).toContain('đứng đầu danh sách');
      expect(await page.textContent('#tim-kiem-quoc-gia')).toContain('văn bản pháp luật trung ương');
      expect((await search(page, '45/2019/QH14')).results.map((r) => r.number)).not.toContain('45/2019/QH14');
    } finally {
      fs.renameSync(`${bundles}-away`, bundles);
    }
  });

  it('says so when no document has exactly the number typed, instead of passing near misses off as it', async () => {
    const { status } = await search(page, '99/2099/QH99');
    expect(status).toMatch(
      /Không có văn bản nào mang đúng số ký hiệu “99\/2099\/QH99”|Không tìm thấy kết quả nào/,
    );
  });

  it('filters by document type, with no query at all', async () => {
    const { results } = await search(page, '', { 'tim-kiem-loai': 'Bộ luật' });
    expect(results.map((r) => r.number).sort()).toEqual(['45/2019/QH14', '92/2015/QH13']);
  });

  it('has no axe-core violation with results shown', async () => {
    await search(page, 'hieu luc');
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run: (c: Document, o: object) => Promise<{ violations: Array<{ id: string }> }> };
        }
      ).axe;
      return (await axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);
  });

  it('explains itself with JavaScript off and links to the number index, which lists every document', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(url('tim-kiem/'));
    expect(await page.isVisible('#tim-kiem-khong-js')).toBe(true);
    expect(await page.isVisible('#tim-kiem-form')).toBe(false);
    await page.click('#tim-kiem-khong-js a[href$="/tim-kiem/so-ky-hieu/"]');
    const listed = await page.$$eval('ul.number-index > li', (items) =>
      items.map((li) => li.getAttribute('data-document-number')),
    );
    expect(listed.sort()).toEqual([...numbers].sort());
    await noJs.close();
  });
});

describe('installable app and offline reading (M-8)', () => {
  it('describes the site as an app scoped to its base path, with PNG icons', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(outDir, 'ha-noi', 'manifest.webmanifest'), 'utf8'));
    expect(manifest).toEqual(
      expect.objectContaining({
        start_url: '/ha-noi/',
        scope: '/ha-noi/',
        short_name: 'Hà Nội',
        lang: 'vi',
        display: 'standalone',
      }),
    );
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
    for (const icon of manifest.icons as Array<{ src: string; sizes: string; purpose: string }>) {
      const png = fs.readFileSync(path.join(outDir, icon.src));
      const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      expect(`${width}x${height}`).toBe(icon.sizes);
    }
    expect(manifest.icons.map((i: { purpose: string }) => i.purpose)).toContain('maskable');
  });

  it('serves a visited page and a saved document offline, and the offline page for anything else', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url(''));
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    // The worker controls pages loaded after it activated.
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    await page.goto(url('van-ban/'));
    const documentHref = await page.getAttribute('a.document-link >> nth=0', 'href');
    await page.goto(`${server.origin}${documentHref}`);
    const saveButton = page.locator('button.save-offline-button');
    expect(await saveButton.textContent()).toBe('Lưu đọc ngoại tuyến');
    await saveButton.click();
    await page.waitForFunction(
      () => document.querySelector('button.save-offline-button')?.getAttribute('aria-pressed') === 'true',
    );
    const savedTitle = await page.textContent('main h1');

    await context.setOffline(true);
    const offline = await context.newPage();
    await offline.goto(`${server.origin}${documentHref}`);
    expect(await offline.textContent('main h1')).toBe(savedTitle);
    await offline.goto(url('van-ban/'));
    expect(await offline.locator('a.document-link').count()).toBeGreaterThan(0);
    await offline.goto(url('van-ban/trang-99/'));
    expect(await offline.textContent('main h1')).toBe('Không có kết nối mạng');
    await offline.waitForSelector('[data-offline-list="saved"] li a');
    expect(await offline.textContent('[data-offline-list="saved"] li a')).toContain(
      savedTitle!.trim().slice(0, 20),
    );
    await context.close();
  });

  it('shows no save button with JavaScript off', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(url('van-ban/'));
    const href = await page.getAttribute('a.document-link >> nth=0', 'href');
    await page.goto(`${server.origin}${href}`);
    expect(await page.locator('button.save-offline-button').count()).toBe(0);
    await noJs.close();
  });
});

describe('feeds, sitemap and robots.txt', () => {
  async function parseXml(file: string): Promise<{
    error: string | null;
    root: string;
    counts: Record<string, number>;
    texts: Record<string, string[]>;
  }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    const xml = fs.readFileSync(path.join(outDir, 'ha-noi', file), 'utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const error = doc.querySelector('parsererror')?.textContent ?? null;
      const counts: Record<string, number> = {};
      const texts: Record<string, string[]> = {};
      for (const el of doc.getElementsByTagName('*')) {
        counts[el.localName] = (counts[el.localName] ?? 0) + 1;
        (texts[el.localName] ??= []).push(el.getAttribute('href') ?? el.textContent ?? '');
      }
      return {
        error,
        root: `${doc.documentElement.namespaceURI} ${doc.documentElement.localName}`,
        counts,
        texts,
      };
    }, xml);
    await context.close();
    return parsed;
  }

  it.each(['van-ban.xml', 'van-ban-moi-co-hieu-luc.xml'])(
    'nguon-tin/%s is well-formed Atom with the required elements',
    async (file) => {
      const feed = await parseXml(`nguon-tin/${file}`);
      expect(feed.error).toBeNull();
      expect(feed.root).toBe('http://www.w3.org/2005/Atom feed');
      const entries = feed.counts.entry ?? 0;
      expect(entries).toBeGreaterThan(0);
      expect(entries).toBeLessThanOrEqual(50);
      // feed: id, title, updated; each entry: id, title, updated, link
      expect(feed.counts.id).toBe(entries + 1);
      expect(feed.counts.title).toBe(entries + 1);
      expect(feed.counts.updated).toBe(entries + 1);
      expect(
        feed.texts.updated!.every((t) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/.test(t)),
      ).toBe(true);
      expect(feed.texts.link!.every((href) => href.startsWith(`${HA_NOI_BASE_URL}/ha-noi/`))).toBe(true);
    },
  );

  it('the JSON feed has the same items', () => {
    const json = JSON.parse(
      fs.readFileSync(path.join(outDir, 'ha-noi', 'nguon-tin', 'van-ban.json'), 'utf8'),
    );
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.items.length).toBe(Math.min(50, numbers.length));
    expect(
      json.items.every((i: { id: string; url: string }) => i.id && i.url.startsWith(HA_NOI_BASE_URL)),
    ).toBe(true);
  });

  it('sitemap.xml lists every content page with absolute URLs, not the offline or not-found page', async () => {
    const sitemap = await parseXml('sitemap.xml');
    expect(sitemap.error).toBeNull();
    expect(sitemap.root).toBe('http://www.sitemaps.org/schemas/sitemap/0.9 urlset');
    const locs = sitemap.texts.loc!;
    expect(locs).toContain(`${HA_NOI_BASE_URL}/ha-noi/`);
    expect(locs).toContain(`${HA_NOI_BASE_URL}/ha-noi/van-ban/bo-luat/2019/45-2019-qh14/`);
    expect(locs.some((l) => l.includes('ngoai-tuyen') || l.includes('/404'))).toBe(false);
    expect(locs.length).toBe(site.sitemap!.urls);
    const robots = fs.readFileSync(path.join(outDir, 'ha-noi', 'robots.txt'), 'utf8');
    expect(robots).toContain(`Sitemap: ${HA_NOI_BASE_URL}/ha-noi/sitemap.xml`);
  });

  it('pages announce the feeds and the manifest in their head', async () => {
    const html = fs.readFileSync(path.join(outDir, 'ha-noi', 'index.html'), 'utf8');
    expect(html).toContain('<link rel="manifest" href="/ha-noi/manifest.webmanifest">');
    expect(html).toMatch(
      /<link rel="alternate" type="application\/atom\+xml" title="[^"]+" href="\/ha-noi\/nguon-tin\/van-ban-moi-co-hieu-luc\.xml">/,
    );
  });
});
