import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import {
  createTestDatabase,
  freePort,
  startCmsProcess,
  testCmsEnv,
  type CmsProcess,
  type TestDatabase,
} from '@pbgdpl/test-support';
import { launchChromium } from './browser';
import { cmsRequest, registerFirstAdmin } from './cms-api';
import { readPage } from './html';
import { CMS_DIR, GENERATOR_CLI, dataDir, runNode } from './workspace';

/**
 * Oversight signals on the real stack (issue 8): the demo data seeded into a real CMS, coverage
 * computed there, the generator building Hà Nội with the CMS's public address; the about page shows
 * the CMS's own "N/M" figure, and three citizens' searches in Chromium reach the CMS's beacon and
 * come out, k-anonymous, in the administrators' summary.
 */
const ADMIN = { firstname: 'Quản', lastname: 'Trị', email: 'quan-tri@pbgdpl.test', password: 'MatKhau2026' };
let database: TestDatabase;
let cms: CmsProcess;
let browser: Browser;
let adminToken: string;
let sites: http.Server;
let siteOrigin: string; // the sites' host (PBGDPL_SITES_URL of the CMS)
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbgdpl-demand-'));

/** The administrators' API, with the first administrator's session. */
const admin = <T>(method: string, url: string, body?: unknown) =>
  cmsRequest<T>(cms.url, method, url, body, adminToken);

beforeAll(async () => {
  database = await createTestDatabase('search_demand', path.join(CMS_DIR, '.tmp'));
  runNode(
    path.join(CMS_DIR, 'dist', 'scripts', 'seed.js'),
    ['--subset', 'demo', '--report', path.join(outDir, 'r.json')],
    {
      cwd: CMS_DIR,
      env: { ...process.env, ...testCmsEnv(), ...database.env, PBGDPL_DATA_DIR: dataDir() },
    },
  );
  // Where the site is served below: the CMS admits beacons from the sites' host it is told of.
  const sitesPort = await freePort();
  siteOrigin = `http://127.0.0.1:${sitesPort}`;
  // Behind "the proxy" each browser context below is a citizen of its own (X-Forwarded-For).
  cms = await startCmsProcess({
    cmsDir: CMS_DIR,
    env: { ...testCmsEnv(), ...database.env, PUBLIC_PROXY: 'true', PBGDPL_SITES_URL: siteOrigin },
  });
  adminToken = await registerFirstAdmin(cms.url, ADMIN);
  await admin('POST', '/pbgdpl-coverage/compute');
  runNode(GENERATOR_CLI, ['--site', 'ha-noi', '--out', outDir, '--cms', cms.url], {
    cwd: outDir,
    env: { ...process.env, PBGDPL_PUBLIC_CMS_URL: cms.url },
  });
  // A real server, not Playwright's request interception: Chromium fails a beacon continued
  // through an intercepted route (net::ERR_FAILED), which would hide the real path.
  sites = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.join(outDir, pathname, pathname.endsWith('/') ? 'index.html' : '');
    if (!file.startsWith(outDir) || !fs.existsSync(file) || !fs.statSync(file).isFile())
      return void res.writeHead(404).end();
    const type = {
      '.html': 'text/html',
      '.js': 'text/javascript',
      '.css': 'text/css',
      '.json': 'application/json',
    }[path.extname(file)];
    res.writeHead(200, { 'content-type': type ? `${type}; charset=utf-8` : 'application/octet-stream' });
    res.end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => sites.listen(sitesPort, '127.0.0.1', resolve));
  browser = await launchChromium();
  // Seeding the demo data, booting the CMS and one site build: minutes on two shared cores.
}, 900_000);

afterAll(async () => {
  await browser?.close();
  sites?.closeAllConnections();
  sites?.close();
  await cms?.stop();
  await database?.drop();
  fs.rmSync(outDir, { recursive: true, force: true });
});

test('the about page shows the figure the CMS publishes for the site', async () => {
  const published = (await (await fetch(`${cms.url}/api/pbgdpl-coverage/public/ha-noi`)).json()) as {
    met: number;
    total: number;
  };
  const about = readPage(path.join(outDir, 'ha-noi'), '/gioi-thieu/');
  const block = about.querySelector('section#dap-ung-yeu-cau');
  expect(block?.getAttribute('data-coverage-met')).toBe(String(published.met));
  expect(block?.getAttribute('data-coverage-total')).toBe(String(published.total));
  expect(block?.textContent).toContain(`Trang này đáp ứng ${published.met}/${published.total} yêu cầu`);
  expect(block?.querySelectorAll('li[data-requirement]').length).toBe(published.total);
  expect(about.querySelector('section#tim-kiem-rieng-tu')).not.toBeNull();
});

test('three citizens’ searches reach the CMS and come out in the summary; a rarer one does not', async () => {
  const beacon = `${cms.url}/api/pbgdpl-demand/search`;
  const citizen = async (address: string, queries: string[]) => {
    const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': address } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
    for (const query of queries) {
      const sent = page.waitForEvent('requestfinished', (r) => r.url() === beacon);
      await page.goto(`${siteOrigin}/ha-noi/tim-kiem/?q=${encodeURIComponent(query)}`);
      await page.waitForFunction(() =>
        /^(Tìm thấy|Không tìm thấy)/.test(document.querySelector('#tim-kiem-trang-thai')?.textContent ?? ''),
      );
      const request = await sent.catch((error: Error) => {
        throw new Error(`${error.message}; failed requests: ${failed.join(', ')}`);
      });
      expect((await request.response())?.status()).toBe(204);
    }
    expect(errors).toEqual([]);
    await context.close();
  };
  await citizen('203.0.113.1', ['Lao động', 'thừa kế nhà đất']);
  await citizen('203.0.113.2', ['lao   động']);
  await citizen('203.0.113.3', ['LAO ĐỘNG', 'thừa kế nhà đất']);

  const summary = await admin<{
    searches: Array<{ query: string; count: number }>;
    searchesBelowThreshold: number;
  }>('GET', '/api/pbgdpl-demand/summary?site=ha-noi&days=1');
  expect(summary.searches).toEqual([{ query: 'lao động', count: 3 }]);
  expect(summary.searchesBelowThreshold).toBe(2);
});
