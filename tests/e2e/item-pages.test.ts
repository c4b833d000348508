import crypto from 'node:crypto';
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
import { readPage, stripBase } from './html';
import { launchChromium, serveFromDisk } from './browser';
import {
  deleteUpload,
  fullAccessToken,
  pdfLeaflet,
  pngImage,
  publishItem,
  uploadFile,
  type UploadedFile,
} from './media-fixtures';

/**
 * An item page as a citizen gets it, from a real CMS through the generator into a release:
 * - its pictures, the images inside its text and its attachments are the site's own files
 *   (`<base>media/<hash>.<ext>`, only the copies the pages use, shared between pages), with
 *   srcset, width and height, lazy below the fold — the page loads them in Chromium without a
 *   single request to the CMS; a rebuild downloads and copies none of them again;
 * - the "report outdated" form posts with JavaScript off (back to the site's confirmation page
 *   with a tracking code) and with it on (answers in place), and passes axe.
 */
let database: TestDatabase;
let cms: CmsProcess;
let browser: Browser;
let site: SiteRecord;
let token: string;
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbgdpl-items-'));
/** `<code>` → `<out>/<code>/current`, so pages are served at their base path as nginx serves `current`. */
const served = fs.mkdtempSync(path.join(os.tmpdir(), 'pbgdpl-items-served-'));
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
/** The sites' host, for the generator (forms' return address) and the CMS (allowed origin): PBGDPL_SITES_URL. */
const LOCAL_SITES = 'http://localhost:4398';

const uploads: UploadedFile[] = [];
let photo: UploadedFile;
let diagram: UploadedFile;
let leaflet: UploadedFile;
const TITLES = {
  news: 'Tin thử nghiệm có ảnh',
  material: 'Tài liệu thử nghiệm có ảnh bìa và tệp',
  situation: 'Tình huống thử nghiệm để phản ánh',
};
let generatorOutput = '';

const siteDir = () => path.join(outDir, site.code, 'current');
function itemHref(folder: string, title: string): string {
  const link = [
    ...readPage(siteDir(), `/${folder}/`).querySelectorAll('li.content-card a.content-link'),
  ].find((a) => a.textContent === title);
  if (!link) throw new Error(`${title} is not listed in ${folder}/`);
  return link.getAttribute('href')!;
}

function generate(): string {
  return runNode(GENERATOR_CLI, ['--site', site.code, '--out', outDir, '--cms', cms.url, '--releases'], {
    cwd: outDir,
    env: { ...process.env, PBGDPL_SITES_URL: LOCAL_SITES },
  });
}

async function open(
  url: string,
  options: { javaScript?: boolean; origin?: string; passThrough?: string[] } = {},
) {
  const context = await browser.newContext({
    viewport: { width: 1024, height: 800 },
    javaScriptEnabled: options.javaScript ?? true,
    // The page is served by interception, so Chromium counts it outside the loopback space where
    // the test's CMS listens: without this a script's request to the CMS is refused (a browser
    // test artefact; the demo serves sites and CMS both on 127.0.0.1, production both in public).
    ...(options.passThrough ? { permissions: ['local-network-access'] } : {}),
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  const { origin, foreign } = await serveFromDisk(page, served, {
    ...(options.origin ? { origin: options.origin } : {}),
    ...(options.passThrough ? { passThrough: options.passThrough } : {}),
  });
  const response = await page.goto(`${origin}${url}`);
  return { page, context, response, errors, foreign, requested, origin };
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

/** The name the site must serve a CMS file under: the first 24 hex digits of its SHA-256. */
async function storeName(url: string, extension: string): Promise<string> {
  const bytes = Buffer.from(await (await fetch(new URL(url, cms.url))).arrayBuffer());
  return `${crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 24)}.${extension}`;
}

beforeAll(async () => {
  const dataset = await loadDataset({ dataDir: dataDir(), subset: 'demo' });
  site = dataset.sites.find((s) => s.parentCode === 'ha-noi')!;
  database = await createTestDatabase('item_pages', path.join(CMS_DIR, '.tmp'));
  const env = { ...process.env, ...testCmsEnv(), ...database.env, PBGDPL_DATA_DIR: dataDir() };
  runNode(path.join(CMS_DIR, 'dist', 'scripts', 'seed.js'), ['--subset', 'demo'], { cwd: CMS_DIR, env });
  cms = await startCmsProcess({
    cmsDir: CMS_DIR,
    env: { ...testCmsEnv(), ...database.env, PBGDPL_SITES_URL: LOCAL_SITES },
  });
  token = await fullAccessToken(cms.url);

  photo = await uploadFile(cms.url, token, {
    name: 'hoi-nghi-thu-nghiem.png',
    mime: 'image/png',
    bytes: pngImage(1200, 800),
    alternativeText: 'Ảnh thử nghiệm: hội nghị phổ biến pháp luật',
  });
  diagram = await uploadFile(cms.url, token, {
    name: 'so-do-thu-nghiem.png',
    mime: 'image/png',
    bytes: pngImage(640, 480),
  });
  leaflet = await uploadFile(cms.url, token, {
    name: 'to-gap-thu-nghiem.pdf',
    mime: 'application/pdf',
    bytes: pdfLeaflet(),
  });
  uploads.push(photo, diagram, leaflet);
  const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
  await publishItem(cms.url, token, 'news-items', site.code, {
    title: TITLES.news,
    summary: 'Tin thử nghiệm của bộ kiểm thử tự động, có ảnh bìa, ảnh trong bài và ảnh kèm theo.',
    eventDate: new Date().toISOString().slice(0, 10),
    coverImage: photo.id,
    images: [photo.id],
    body: [
      paragraph('Đoạn văn thử nghiệm trước hình minh họa.'),
      { type: 'image', image: diagram, children: [{ type: 'text', text: '' }] },
      paragraph('Đoạn văn thử nghiệm sau hình minh họa.'),
    ],
  });
  await publishItem(cms.url, token, 'materials', site.code, {
    title: TITLES.material,
    materialType: 'leaflet',
    summary: 'Tài liệu thử nghiệm của bộ kiểm thử tự động, có ảnh bìa và một tệp PDF.',
    coverImage: photo.id,
    files: [{ title: 'Tờ gấp thử nghiệm', file: leaflet.id }],
  });
  await publishItem(cms.url, token, 'legal-situations', site.code, {
    title: TITLES.situation,
    scenario: 'Tình huống thử nghiệm của bộ kiểm thử tự động.',
    question: 'Câu hỏi thử nghiệm?',
    analysis: [paragraph('Phân tích thử nghiệm.')],
  });
  generatorOutput = generate();
  fs.symlinkSync(path.join(outDir, site.code, 'current'), path.join(served, site.code));
  browser = await launchChromium();
  // Seed, CMS, uploads and a full site build: minutes on two shared cores.
}, 900_000);

afterAll(async () => {
  await browser?.close();
  if (cms && token) for (const upload of uploads) await deleteUpload(cms.url, token, upload.id);
  await cms?.stop();
  await database?.drop();
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.rmSync(served, { recursive: true, force: true });
});

describe('images and files of an item page', () => {
  test('the site holds exactly the copies its pages use, under content-hash names, and no page names the CMS’s /uploads', async () => {
    // The photo is over 1,000 px: small, medium and large for its pages (small also for its cards),
    // never its thumbnail or its original. The diagram has no large copy: small and its original.
    const expected = [
      await storeName(photo.formats!.small!.url, 'png'),
      await storeName(photo.formats!.medium!.url, 'png'),
      await storeName(photo.formats!.large!.url, 'png'),
      await storeName(diagram.formats!.small!.url, 'png'),
      await storeName(diagram.url, 'png'),
      await storeName(leaflet.url, 'pdf'),
    ].sort();
    expect(fs.readdirSync(path.join(siteDir(), 'media')).sort()).toEqual(expected);
    expect(generatorOutput).toMatch(/Media: 6 file\(s\) for the sites — 6 downloaded/);
    const pages = fs
      .readdirSync(siteDir(), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(html|xml|json)$/.test(e.name));
    const naming = pages.filter((e) =>
      fs.readFileSync(path.join(e.parentPath, e.name), 'utf8').includes('/uploads/'),
    );
    expect(naming.map((e) => path.relative(siteDir(), path.join(e.parentPath, e.name)))).toEqual([]);
  });

  test('pictures carry srcset, width and height and their description; the cover loads at once, the rest lazily', () => {
    const news = readPage(siteDir(), stripBase(itemHref('tin-tuc', TITLES.news), site.basePath));
    const cover = news.querySelector('figure.item-cover img')!;
    expect(cover.getAttribute('src')).toMatch(new RegExp(`^${site.basePath}media/[0-9a-f]{24}\\.png$`));
    expect(
      cover
        .getAttribute('srcset')!
        .split(', ')
        .map((c) => c.split(' ')[1]),
    ).toEqual(['500w', '750w', '1000w']);
    expect([cover.getAttribute('width'), cover.getAttribute('height')]).toEqual(['750', '500']);
    expect(cover.getAttribute('alt')).toBe('Ảnh thử nghiệm: hội nghị phổ biến pháp luật');
    expect(cover.getAttribute('loading')).toBeNull();
    const inText = news.querySelector('.rich-text img')!;
    // The diagram has no description: the item's title stands in.
    expect([
      inText.getAttribute('alt'),
      inText.getAttribute('loading'),
      inText.getAttribute('width'),
      inText.getAttribute('height'),
    ]).toEqual([TITLES.news, 'lazy', '640', '480']);
    const gallery = news.querySelector('section#hinh-anh ul.image-gallery img')!;
    expect([gallery.getAttribute('src'), gallery.getAttribute('loading')]).toEqual([
      cover.getAttribute('src'),
      'lazy',
    ]);

    const list = readPage(siteDir(), '/tin-tuc/');
    const card = list.querySelector('li.content-card--image img.content-image')!;
    expect([card.getAttribute('width'), card.getAttribute('height')]).toEqual(['500', '333']);
    expect(card.getAttribute('srcset')).toBeNull();
    const material = readPage(siteDir(), stripBase(itemHref('tai-lieu', TITLES.material), site.basePath));
    const download = material.querySelector('ul.file-list a[data-file="download"]')!.getAttribute('href')!;
    expect(download).toMatch(new RegExp(`^${site.basePath}media/[0-9a-f]{24}\\.pdf$`));
    // The cover shared by the news item and the material is one file on the site.
    expect(material.querySelector('figure.item-cover img')?.getAttribute('src')).toBe(
      cover.getAttribute('src'),
    );
  });

  test('Chromium shows every picture from the site itself: nothing is asked of the CMS or any other host', async () => {
    const cmsOrigin = new URL(cms.url).origin;
    for (const [folder, title] of [
      ['tin-tuc', TITLES.news],
      ['tai-lieu', TITLES.material],
    ] as const) {
      const { page, context, response, foreign, requested, errors } = await open(itemHref(folder, title));
      expect(response?.status()).toBe(200);
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForFunction(() => [...document.images].every((img) => img.complete));
      const images = await page.evaluate(() =>
        [...document.querySelectorAll('main img')].map((img) => ({
          src: (img as HTMLImageElement).currentSrc,
          shown: (img as HTMLImageElement).naturalWidth,
        })),
      );
      expect(images.length).toBeGreaterThan(0);
      for (const image of images) expect([image.src, image.shown > 0]).toEqual([image.src, true]);
      expect(images.every((image) => new URL(image.src).pathname.startsWith(`${site.basePath}media/`))).toBe(
        true,
      );
      expect(requested.filter((url) => url.startsWith(cmsOrigin))).toEqual([]);
      expect([...foreign, ...errors]).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    }
  });

  test('a rebuild downloads nothing again and links the same files into the new release', () => {
    const first = path.join(siteDir(), 'media');
    const inodes = new Map(
      fs.readdirSync(first).map((name) => [name, fs.statSync(path.join(first, name)).ino]),
    );
    const before = fs.realpathSync(siteDir());
    const output = generate();
    expect(output).toMatch(
      /Media: 6 file\(s\) for the sites — 0 downloaded \(0\.0 MB\), 6 already in the store/,
    );
    const after = fs.realpathSync(siteDir());
    expect(after).not.toBe(before);
    const second = path.join(after, 'media');
    expect(
      new Map(fs.readdirSync(second).map((name) => [name, fs.statSync(path.join(second, name)).ino])),
    ).toEqual(inodes);
  });
});

describe('the report form on item pages', () => {
  test('is on the pages of items that cite the law, not on a news item, and passes axe open', async () => {
    expect(
      readPage(siteDir(), stripBase(itemHref('tin-tuc', TITLES.news), site.basePath)).querySelector(
        '#phan-anh',
      ),
    ).toBeNull();
    const { page, context, foreign } = await open(itemHref('tinh-huong', TITLES.situation));
    const form = page.locator('section#phan-anh form[data-pbgdpl-form]');
    await expect(form.getAttribute('action')).resolves.toBe(
      `${new URL(cms.url).origin}/api/submissions/reports`,
    );
    await expect(form.locator('input[name="itemType"]').getAttribute('value')).resolves.toBe(
      'legal-situation',
    );
    await page.locator('section#phan-anh summary').click();
    await expect(page.locator('#pbgdpl-report-outdated').isChecked()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(foreign).toEqual([]);
    await context.close();
  });

  test('with JavaScript off, a citizen reports an item outdated, lands on the site’s confirmation with a code, and the CMS has the report', async () => {
    const cmsOrigin = new URL(cms.url).origin;
    const { page, context, foreign } = await open(itemHref('tai-lieu', TITLES.material), {
      javaScript: false,
      origin: LOCAL_SITES,
      passThrough: [cmsOrigin],
    });
    await page.locator('section#phan-anh summary').click();
    await page
      .locator('#pbgdpl-report-message')
      .fill('Văn bản được trích dẫn trong tài liệu thử nghiệm này đã được thay thế.');
    await page.locator('section#phan-anh button[type="submit"]').click();
    await page.waitForURL(new RegExp(`${site.basePath}phan-anh/da-gui/\\?ma=[0-9A-Z]{10}$`));
    await expect(page.locator('h1').textContent()).resolves.toBe('Đã gửi phản ánh');
    const code = new URL(page.url()).searchParams.get('ma')!;
    const status = (await (
      await fetch(`${cms.url}/api/submissions/status/${code}`, { headers: { accept: 'application/json' } })
    ).json()) as {
      data: { kind: string; status: string };
    };
    expect(status.data).toMatchObject({ kind: 'report', status: 'received' });
    expect(foreign).toEqual([]);
    await context.close();
  });

  test('with JavaScript, the report is sent in place and the code shown; a second report of the same item is refused in Vietnamese on the page', async () => {
    const cmsOrigin = new URL(cms.url).origin;
    const href = itemHref('tinh-huong', TITLES.situation);
    const first = await open(href, { origin: LOCAL_SITES, passThrough: [cmsOrigin] });
    await first.page.locator('section#phan-anh summary').click();
    await first.page.locator('#pbgdpl-report-wrong').check();
    const sent = first.page.waitForRequest(
      (r) => r.url() === `${cmsOrigin}/api/submissions/reports` && r.method() === 'POST',
    );
    await first.page.locator('section#phan-anh button[type="submit"]').click();
    const request = await sent;
    expect(request.headers()['content-type']).toBe('application/json');
    expect(JSON.parse(request.postData()!)).toMatchObject({
      itemType: 'legal-situation',
      reason: 'wrong',
      site: site.code,
    });
    await first.page.waitForURL(new RegExp(`${site.basePath}phan-anh/da-gui/\\?ma=`));
    await expect(first.page.locator('[data-pbgdpl-tracking-code]').textContent()).resolves.toMatch(
      /^[0-9A-Z]{5}-[0-9A-Z]{5}$/,
    );
    await expect(first.page.locator('meta[name="pbgdpl:page-type"]').getAttribute('content')).resolves.toBe(
      'report-confirmation',
    );
    expect(await axeViolations(first.page)).toEqual([]);
    expect([...first.foreign, ...first.errors]).toEqual([]);
    await first.context.close();

    const again = await open(href, { origin: LOCAL_SITES, passThrough: [cmsOrigin] });
    await again.page.locator('section#phan-anh summary').click();
    await again.page.locator('section#phan-anh button[type="submit"]').click();
    const summary = again.page.locator('section#phan-anh [data-pbgdpl-summary]');
    await summary.waitFor({ state: 'visible' });
    await expect(summary.textContent()).resolves.toBe(
      'Bạn đã báo cáo nội dung này; cơ quan quản lý đang xem xét.',
    );
    expect(new URL(again.page.url()).pathname).toBe(href);
    await again.context.close();
  });
});
