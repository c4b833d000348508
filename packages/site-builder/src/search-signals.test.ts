/**
 * The oversight signals on a generated site (issue 8): the about page shows the CMS's coverage
 * summary when the CMS has one and builds without it when it answers 404; the search page sends
 * each search to the demand beacon once, after the reader stops searching, only when built with
 * the CMS's public address; in Chromium, with the CMS down or the request blocked, the search works
 * and nothing shows; Do Not Track and Global Privacy Control send nothing.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { generateSites, type GenerateSitesResult } from './generate.js';
import type { FetchCoverage } from './snapshot/public-signals.js';
import { launchChromium, serveDirectory, type StaticServer } from './fixtures/browser.js';
import { fakeClient, fakeFetchAsset, fakeFetchFormToken } from './fixtures/province-and-commune.js';

// One real Astro build of two small sites, then a browser.
jest.setTimeout(240_000);

const SUMMARY = {
  site: 'ha-noi',
  met: 4,
  total: 7,
  requirements: [
    { code: 'C-1', label: 'Văn bản mới có hiệu lực', met: true },
    { code: 'C-2', label: 'Giới thiệu văn bản mới', met: true },
    { code: 'C-3', label: 'Hỏi đáp pháp luật trực tuyến', met: true },
    { code: 'C-4', label: 'Đối thoại chính sách pháp luật', met: false },
    { code: 'C-5', label: 'Tài liệu, video, tình huống pháp luật', met: true },
    { code: 'M-4', label: 'Tủ sách pháp luật điện tử', met: false },
    { code: 'HD', label: 'Hướng dẫn nghiệp vụ', met: false },
  ],
  computedAt: '2025-06-30T18:00:00.000Z',
};

let outDir: string;
let result: GenerateSitesResult;
let server: StaticServer;
let browser: Browser;
let beaconUrl: string;
const asked: string[] = [];
const read = (...parts: string[]) => fs.readFileSync(path.join(outDir, ...parts), 'utf8');

/** A port nothing listens on: the CMS is down. */
async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbgdpl-signals-'));
  const publicCmsUrl = `http://127.0.0.1:${await closedPort()}`;
  beaconUrl = `${publicCmsUrl}/api/pbgdpl-demand/search`;
  // The CMS has Hà Nội's summary; the commune's is a 404 (not computed yet, or no such route).
  const fetchCoverage: FetchCoverage = async (url) => {
    asked.push(url);
    return url.endsWith('/ha-noi')
      ? { ok: true, body: SUMMARY }
      : { ok: false, status: 404, reason: 'HTTP 404' };
  };
  result = await generateSites({
    cmsUrl: 'http://fake-cms.test',
    client: fakeClient(),
    codes: ['ha-noi', 'ha-noi-ba-dinh'],
    outDir,
    batchSize: 2,
    asOf: '2025-07-01',
    log: () => {},
    fetchAsset: fakeFetchAsset,
    fetchFormToken: fakeFetchFormToken,
    fetchCoverage,
    publicCmsUrl,
  });
  server = await serveDirectory(outDir);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(outDir, { recursive: true, force: true });
});

describe('the coverage summary on the about page', () => {
  it('asks the CMS for each site’s public summary and builds both sites', () => {
    expect(result.ok).toBe(true);
    expect(asked.sort()).toEqual([
      'http://fake-cms.test/api/pbgdpl-coverage/public/ha-noi',
      'http://fake-cms.test/api/pbgdpl-coverage/public/ha-noi-ba-dinh',
    ]);
  });

  it('says “Trang này đáp ứng 4/7 yêu cầu” and lists each requirement, met or not', () => {
    const about = read('ha-noi', 'gioi-thieu', 'index.html');
    expect(about).toContain('data-coverage-met="4" data-coverage-total="7"');
    expect(about).toContain('Trang này đáp ứng 4/7 yêu cầu');
    expect(about).toMatch(
      /<li data-requirement="C-4" data-met="false">.*Đối thoại chính sách pháp luật:.*chưa đáp ứng/s,
    );
    expect(about).toMatch(
      /<li data-requirement="C-1" data-met="true">.*Văn bản mới có hiệu lực:.*đã đáp ứng/s,
    );
    expect(about).toContain('ngày 01/07/2025');
  });

  it('omits the block on a site whose summary the CMS does not have (404), which still builds', () => {
    const about = read('ha-noi-ba-dinh', 'gioi-thieu', 'index.html');
    expect(about).toContain('<h1>Giới thiệu và liên hệ</h1>');
    expect(about).not.toContain('dap-ung-yeu-cau');
    expect(about).not.toContain('Trang này đáp ứng');
  });
});

describe('the search beacon', () => {
  it('is wired into the search page and explained on the about page, since the run had the CMS’s public address', () => {
    const page = read('ha-noi', 'tim-kiem', 'index.html');
    expect(page).toContain(`data-search-beacon="${beaconUrl}" data-site="ha-noi"`);
    expect(page).toContain('src="/ha-noi/tim-kiem/dem-luot-tim.js"');
    expect(read('ha-noi', 'tim-kiem', 'dem-luot-tim.js')).toContain('navigator.sendBeacon');
    expect(read('ha-noi', 'gioi-thieu', 'index.html')).toContain('id="tim-kiem-rieng-tu"');
  });

  /** A context whose pages record every sendBeacon call (in the page) and may fake the clock. */
  async function searchPage(options: { init?: string; csp?: boolean } = {}) {
    const context = await browser.newContext();
    await context.addInitScript(`
      window.__beacons = [];
      const send = navigator.sendBeacon.bind(navigator);
      navigator.sendBeacon = (url, data) => { window.__beacons.push({ url, data: String(data) }); return send(url, data); };
      ${options.init ?? ''}
    `);
    if (options.csp) {
      // As nginx serves the sites (packages/sync-engine/src/nginx.ts): connect-src 'self' blocks the beacon.
      await context.route(`${server.origin}/ha-noi/tim-kiem/`, async (route) => {
        const response = await route.fetch();
        await route.fulfill({
          response,
          headers: { ...response.headers(), 'content-security-policy': "connect-src 'self'" },
        });
      });
    }
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    await page.clock.install();
    return { context, page, problems };
  }

  async function search(page: Page, query: string): Promise<string> {
    await page.locator('#tim-kiem-form:not([hidden])').waitFor();
    // The script fills the filter menus from the index, then the query box from the address.
    await page.waitForFunction(
      () => (document.querySelector('#tim-kiem-loai') as HTMLSelectElement).options.length > 1,
    );
    await page.fill('#tim-kiem-q', query);
    await page.click('#tim-kiem-form button[type=submit]');
    await page.waitForFunction(() => {
      const text = document.querySelector('#tim-kiem-trang-thai')?.textContent ?? '';
      return text !== '' && !text.startsWith('Đang tìm');
    });
    return (await page.textContent('#tim-kiem-trang-thai')) ?? '';
  }

  const beacons = (page: Page) =>
    page.evaluate(() => (window as unknown as { __beacons: unknown[] }).__beacons);

  it('sends only the last of quick searches, once, as text/plain JSON after the pause', async () => {
    const { context, page, problems } = await searchPage();
    const bodies: Array<{ body: string | null; type: string | undefined }> = [];
    await context.route(beaconUrl, async (route) => {
      bodies.push({ body: route.request().postData(), type: route.request().headers()['content-type'] });
      await route.fulfill({ status: 204 });
    });
    await page.goto(`${server.origin}/ha-noi/tim-kiem/`);
    // From here no timer fires unless the test moves the page's clock.
    await page.clock.pauseAt(Date.now() + 60_000);
    await search(page, 'lao');
    expect(await search(page, 'Lao   động')).toMatch(/^Tìm thấy \d+ kết quả/);
    await page.clock.runFor(1000);
    expect(await beacons(page)).toEqual([]);
    const sent = page.waitForRequest(beaconUrl);
    await page.clock.runFor(600);
    await sent;
    expect(await beacons(page)).toEqual([{ url: beaconUrl, data: '{"site":"ha-noi","q":"Lao động"}' }]);
    expect(bodies).toEqual([{ body: '{"site":"ha-noi","q":"Lao động"}', type: 'text/plain;charset=UTF-8' }]);
    // The same search again in this page is not sent again.
    await search(page, 'lao động');
    await page.clock.runFor(2000);
    expect(await beacons(page)).toHaveLength(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it.each([
    ['the CMS is down', {}],
    ['a content security policy blocks it', { csp: true }],
  ])('when %s, the search works and no error shows', async (_label, options) => {
    const { context, page, problems } = await searchPage(options);
    const failed = page.waitForEvent('requestfailed', (request) => request.url() === beaconUrl);
    // Opened with ?q= (a shared link, the header's box): the search runs and is counted on load.
    await page.goto(`${server.origin}/ha-noi/tim-kiem/?q=${encodeURIComponent('lao động')}`);
    await page.waitForFunction(() =>
      /^Tìm thấy \d+ kết quả/.test(document.querySelector('#tim-kiem-trang-thai')?.textContent ?? ''),
    );
    await page.clock.runFor(2000);
    expect(await beacons(page)).toHaveLength(1);
    await failed;
    expect(await page.locator('#tim-kiem-ket-qua > li').count()).toBeGreaterThan(0);
    expect(await page.locator('#tim-kiem-form').isVisible()).toBe(true);
    expect(await page.locator('#tim-kiem-khong-js').isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await context.close();
  });

  it.each([
    [
      'Global Privacy Control',
      "Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true });",
    ],
    ['Do Not Track', "Object.defineProperty(Navigator.prototype, 'doNotTrack', { get: () => '1' });"],
  ])('sends nothing when the browser asks for %s', async (_label, init) => {
    const { context, page, problems } = await searchPage({ init });
    await page.goto(`${server.origin}/ha-noi/tim-kiem/`);
    expect(await search(page, 'lao động')).toMatch(/^Tìm thấy \d+ kết quả/);
    await page.clock.runFor(5000);
    expect(await beacons(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
