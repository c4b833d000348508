import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  createTestDatabase,
  startCmsProcess,
  testCmsEnv,
  type CmsProcess,
  type TestDatabase,
} from '@pbgdpl/test-support';
import { launchChromium } from './browser';
import { cmsRequest, createFullAccessToken, registerFirstAdmin } from './cms-api';
import { CMS_DIR } from './workspace';

/**
 * The national oversight page in the real Strapi admin (issue 8), in Debian's Chromium: a CMS
 * process serving its built admin panel, a small federation written over REST, the nightly
 * computation run through the admin API, then the page as a national administrator sees it —
 * Vietnamese headings, the ranked table (sortable, filtered by kind and province), Chart.js
 * charts drawn from the admin bundle (no request leaves the CMS), the demand section and the
 * rule; axe-core finds no violation in the page's own content.
 */
const ADMIN = { firstname: 'Quản', lastname: 'Trị', email: 'quan-tri@pbgdpl.test', password: 'MatKhau2026' };
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
let database: TestDatabase;
let cms: CmsProcess;
let browser: Browser;
let page: Page;
let adminToken: string;
const foreign: string[] = [];

/** The admin bundle is built once (strapi build, ~1–2 min); rebuilt when the admin sources are newer. */
function ensureAdminBuild(): void {
  const index = path.join(CMS_DIR, 'dist', 'build', 'index.html');
  const newest = (dir: string): number =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .reduce(
        (t, e) =>
          Math.max(
            t,
            e.isDirectory() ? newest(path.join(dir, e.name)) : fs.statSync(path.join(dir, e.name)).mtimeMs,
          ),
        0,
      );
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs > newest(path.join(CMS_DIR, 'src', 'admin'))) return;
  const bin = path.join(CMS_DIR, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');
  const result = spawnSync(process.execPath, [bin, 'build'], {
    cwd: CMS_DIR,
    // The build loads the CMS's configuration, which wants its secrets (a fresh clone has no .env).
    env: { ...process.env, ...testCmsEnv(), SERVE_ADMIN_PANEL: 'true' },
    encoding: 'utf8',
    timeout: 900_000,
  });
  if (result.status !== 0) throw new Error(`strapi build failed:\n${result.stdout}\n${result.stderr}`);
}

const api = <T = { documentId: string }>(method: string, url: string, body?: unknown, bearer = adminToken) =>
  cmsRequest<T>(cms.url, method, url, body, bearer);

beforeAll(async () => {
  ensureAdminBuild();
  database = await createTestDatabase('coverage_dashboard', path.join(CMS_DIR, '.tmp'));
  cms = await startCmsProcess({
    cmsDir: CMS_DIR,
    env: { ...testCmsEnv(), ...database.env, SERVE_ADMIN_PANEL: 'true' },
    timeoutMs: 600_000,
  });
  adminToken = await registerFirstAdmin(cms.url, ADMIN);
  const token = await createFullAccessToken(cms.url, adminToken, 'tich-hop');
  const site = (data: Record<string, unknown>) =>
    api(
      'POST',
      '/api/sites',
      { data: { enabled: true, basePath: `/${String(data.code)}/`, ...data } },
      token,
    );
  const national = await site({ code: 'quoc-gia', name: 'Cổng PBGDPL quốc gia', kind: 'national' });
  const hanoi = await site({
    code: 'ha-noi',
    name: 'Thành phố Hà Nội',
    kind: 'province',
    parent: national.documentId,
  });
  const angiang = await site({
    code: 'an-giang',
    name: 'Tỉnh An Giang',
    kind: 'province',
    parent: national.documentId,
  });
  await site({ code: 'ha-noi-ba-dinh', name: 'Phường Ba Đình', kind: 'commune', parent: hanoi.documentId });
  await site({
    code: 'an-giang-long-xuyen',
    name: 'Phường Long Xuyên',
    kind: 'commune',
    parent: angiang.documentId,
  });
  await site({ code: 'bo-tu-phap', name: 'Bộ Tư pháp', kind: 'ministry', parent: national.documentId });
  await api(
    'POST',
    '/api/introductions?locale=vi&status=published',
    {
      data: {
        title: 'Giới thiệu Luật Đất đai 2024',
        introductionType: 'new_document',
        summary: 'Luật Đất đai số 31/2024/QH15 có hiệu lực từ ngày 01/08/2024.',
        body: [
          {
            type: 'paragraph',
            children: [{ type: 'text', text: 'Luật Đất đai 2024 có 16 chương, 260 điều.' }],
          },
        ],
        owningSite: hanoi.documentId,
        audience: 'own_and_descendants',
      },
    },
    token,
  );
  await api('POST', '/pbgdpl-coverage/compute');

  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin === cms.url || url.protocol === 'data:' || url.protocol === 'blob:')
      return route.continue();
    foreign.push(url.href);
    return route.abort();
  });
  // The admin keeps a remembered session's token in localStorage.
  await page.addInitScript((value) => {
    localStorage.setItem('jwtToken', JSON.stringify(value));
    localStorage.setItem('isLoggedIn', 'true');
  }, adminToken);
  await page.goto(`${cms.url}/admin/pbgdpl-coverage`);
  await page
    .getByRole('heading', { level: 1, name: 'Giám sát nội dung bắt buộc' })
    .waitFor({ timeout: 60_000 });
  await page.locator('canvas[data-chart]').first().waitFor();
  if (process.env.COVERAGE_SCREENSHOT)
    await page.screenshot({ path: process.env.COVERAGE_SCREENSHOT.replace(/\.png$/, '-top.png') });
}, 1_200_000);

afterAll(async () => {
  await browser?.close();
  await cms?.stop();
  await database?.drop();
});

const siteCodes = () =>
  page.locator('tbody tr[data-site]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-site')));

describe('the coverage page in the admin', () => {
  it('is reached from the admin menu under a Vietnamese name', async () => {
    await page.getByRole('link', { name: 'Giám sát nội dung' }).first().waitFor();
    expect(page.url()).toContain('/admin/pbgdpl-coverage');
  });

  it('ranks every site, highest score first, and sorts when a column header is pressed', async () => {
    expect((await siteCodes())[0]).toBe('ha-noi');
    expect(await siteCodes()).toHaveLength(6);
    const scoreHeader = page.locator('th', { has: page.getByRole('button', { name: /^Điểm/ }) });
    await scoreHeader.getByRole('button').click();
    expect(await scoreHeader.getAttribute('aria-sort')).toBe('ascending');
    expect((await siteCodes()).at(-1)).toBe('ha-noi');
  });

  it('filters by kind and by province', async () => {
    await page.getByRole('combobox', { name: 'Loại đơn vị' }).selectOption('commune');
    expect((await siteCodes()).sort()).toEqual(['an-giang-long-xuyen', 'ha-noi-ba-dinh']);
    await page.getByRole('combobox', { name: 'Tỉnh, thành phố' }).selectOption('ha-noi');
    expect(await siteCodes()).toEqual(['ha-noi-ba-dinh']);
    await page.getByRole('combobox', { name: 'Loại đơn vị' }).selectOption('');
    await page.getByRole('combobox', { name: 'Tỉnh, thành phố' }).selectOption('');
  });

  it("opens a site's details: each requirement's reason, counts and latest dates", async () => {
    const row = page.locator('tr[data-site="ha-noi-ba-dinh"]');
    await row.getByRole('button', { name: /Chi tiết/ }).click();
    const detail = page
      .locator('tr[data-detail-of="ha-noi-ba-dinh"]')
      .getByRole('table', { name: /Chi tiết ha-noi-ba-dinh/ });
    await detail.waitFor();
    const text = await detail.innerText();
    expect(text).toContain('C-2 Giới thiệu văn bản mới');
    expect(text).toContain('Chỉ có nội dung cấp trên');
    expect(await row.getByRole('button', { name: /Ẩn chi tiết/ }).getAttribute('aria-expanded')).toBe('true');
  });

  it('draws its charts with Chart.js from the admin bundle, each with its figures beside it', async () => {
    const charts = page.locator('canvas[data-chart]');
    await charts.first().waitFor();
    expect(await charts.count()).toBeGreaterThanOrEqual(3);
    const drawn = await charts.evaluateAll((list) =>
      list.map((c) => {
        const canvas = c as HTMLCanvasElement;
        const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        return canvas.width > 0 && pixels.some((v, i) => i % 4 === 3 && v > 0);
      }),
    );
    expect(drawn.every(Boolean)).toBe(true);
    await page.getByRole('table', { name: 'Số trang đạt từng yêu cầu' }).waitFor();
    expect(foreign).toEqual([]);
  });

  it('shows the demand section, or says there are no figures yet, and writes the rule out', async () => {
    const demand = page.getByRole('region', { name: 'Người dân hỏi gì, tìm gì' });
    await demand
      .getByText(/Câu hỏi theo lĩnh vực|Chưa có số liệu về nhu cầu/)
      .first()
      .waitFor();
    await expect(page.getByRole('region', { name: 'Cách tính điểm' }).innerText()).resolves.toContain(
      'Điểm = 100',
    );
  });

  it('has no axe-core violation in its own content', async () => {
    await page.addScriptTag({ content: AXE });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run: (c: unknown) => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> };
        }
      ).axe;
      const result = await axe.run({ include: [['main[lang="vi"]']] });
      return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
    if (process.env.COVERAGE_SCREENSHOT)
      await page.screenshot({ path: process.env.COVERAGE_SCREENSHOT, fullPage: true });
  });
});

describe('the sync status page in the admin (operators)', () => {
  it('is reached from the menu as “Đồng bộ trang” and shows the content version, the change events and the sites', async () => {
    await page.getByRole('link', { name: 'Đồng bộ trang' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Đồng bộ trang' }).waitFor({ timeout: 60_000 });
    expect(page.url()).toContain('/admin/pbgdpl-sync');
    const summaryLine = page.locator('main p', { hasText: 'Phiên bản nội dung' });
    await summaryLine.waitFor({ timeout: 30_000 });
    const summary = await summaryLine.innerText();
    // Six sites and an introduction were written above: each is a change event of the CMS.
    expect(summary).toMatch(/^Phiên bản nội dung \d+; \d+ thay đổi đã ghi/);
    expect(Number(/(\d+) thay đổi/.exec(summary)?.[1])).toBeGreaterThanOrEqual(7);
    // No sync worker runs in this suite: no site has a build recorded yet.
    expect(summary).toContain('0 trang đã dựng, 0 trang lỗi');
    for (const header of [
      'Trang',
      'Tình trạng',
      'Bản đang chạy',
      'Dựng từ phiên bản',
      'Thời gian dựng',
      'Lỗi gần nhất',
    ])
      await page.getByRole('columnheader', { name: header, exact: true }).waitFor();
  });
});
