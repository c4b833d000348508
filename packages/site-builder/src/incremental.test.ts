import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ContentClient, LegalDocument } from '@pbgdpl/content-client';
import { currentRelease, generateSites, type GenerateSitesOptions, type SiteResult } from './index.js';
import {
  NEW_LABOUR_CODE,
  OLD_LABOUR_CODE,
  HA_NOI_RESOLUTION,
  fakeClient,
  fakeFetchAsset,
  fakeFetchFormToken,
} from './fixtures/province-and-commune.js';

// Real Astro builds (a few seconds each) of one commune, fed by a fake ContentClient.
jest.setTimeout(240_000);

const CODE = 'ha-noi-ba-dinh';
let outDir: string;

/** The fake CMS, with one document's title changed when `retitled` is given. */
function client(retitled?: { documentId: string; title: string }): ContentClient {
  const base = fakeClient();
  const edit = (docs: LegalDocument[]) =>
    docs.map((d) => (retitled && d.documentId === retitled.documentId ? { ...d, title: retitled.title } : d));
  return {
    ...base,
    listNationalDocuments: async (o) => edit(await base.listNationalDocuments(o)),
    listLocalDocuments: async (site, o) => edit(await base.listLocalDocuments(site, o)),
    listDocuments: async (filters, o) => edit(await base.listDocuments(filters, o)),
  };
}

async function build(dir: string, options: Partial<GenerateSitesOptions> = {}): Promise<SiteResult> {
  const result = await generateSites({
    cmsUrl: 'http://fake-cms.test',
    client: client(),
    codes: [CODE],
    outDir: dir,
    asOf: '2025-07-01',
    layout: 'releases',
    log: () => {},
    fetchAsset: fakeFetchAsset,
    fetchFormToken: fakeFetchFormToken,
    sitesUrl: 'https://pbgdpl.example',
    ...options,
  });
  expect(result.sites.map((s) => s.error)).toEqual([null]);
  expect(result.ok).toBe(true);
  return result.sites[0]!;
}

const live = (dir: string) => path.join(dir, CODE, 'releases', currentRelease(path.join(dir, CODE))!);
const documentPage = (release: string, doc: LegalDocument) => {
  const file = fs
    .readdirSync(release, { recursive: true, withFileTypes: true })
    .find(
      (e) =>
        e.isFile() &&
        e.name === 'index.html' &&
        fs
          .readFileSync(path.join(e.parentPath, e.name), 'utf8')
          .includes(`<article class="document" data-document-id="${doc.documentId}"`),
    );
  if (!file) throw new Error(`no page of ${doc.number} in ${release}`);
  return path.join(file.parentPath, file.name);
};
const inode = (file: string) => fs.statSync(file).ino;

beforeAll(() => {
  process.env.PBGDPL_MEDIA_BASE_URL = 'https://cms.pbgdpl.example';
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbgdpl-incremental-'));
});
afterAll(() => {
  delete process.env.PBGDPL_MEDIA_BASE_URL;
  fs.rmSync(outDir, { recursive: true, force: true });
});

describe('rebuilding a site from its live release', () => {
  let first: string;

  it('renders every document page on the first build and records their fingerprints beside the releases', async () => {
    const site = await build(outDir);
    expect(site.reusedPages).toBe(0);
    expect(site.search).toEqual(expect.objectContaining({ reused: false }));
    first = live(outDir);
    const recorded = JSON.parse(
      fs.readFileSync(path.join(outDir, CODE, 'fingerprints', `${path.basename(first)}.json`), 'utf8'),
    ) as { documents: Record<string, { path: string; fingerprint: string }> };
    expect(Object.keys(recorded.documents).sort()).toEqual(
      [NEW_LABOUR_CODE, OLD_LABOUR_CODE, HA_NOI_RESOLUTION].map((d) => d.documentId).sort(),
    );
    // Served folders hold no fingerprints.
    expect(fs.existsSync(path.join(first, 'fingerprints'))).toBe(false);
  });

  it('links unchanged document pages and their compressed copies instead of rendering them again', async () => {
    const site = await build(outDir);
    const second = live(outDir);
    expect(second).not.toBe(first);
    expect(site.reusedPages).toBeGreaterThanOrEqual(3);
    const page = documentPage(second, NEW_LABOUR_CODE);
    const before = path.join(first, path.relative(second, page));
    expect(inode(page)).toBe(inode(before));
    expect(inode(`${page}.br`)).toBe(inode(`${before}.br`));
    expect(inode(`${page}.gz`)).toBe(inode(`${before}.gz`));
    // A page rendered again with the same bytes shares the file too (the home page).
    expect(inode(path.join(second, 'index.html'))).toBe(inode(path.join(first, 'index.html')));
    // The same records: the search index is linked, not built again; the bundle reference is the run's own file.
    expect(site.search).toEqual(expect.objectContaining({ reused: true }));
    expect(inode(path.join(second, 'pagefind', 'pagefind-entry.json'))).toBe(
      inode(path.join(first, 'pagefind', 'pagefind-entry.json')),
    );
    expect(inode(path.join(second, 'pagefind', 'national-bundle.json'))).not.toBe(
      inode(path.join(first, 'pagefind', 'national-bundle.json')),
    );
  });

  const edited = { documentId: OLD_LABOUR_CODE.documentId, title: 'Bộ luật Lao động (tên đã sửa để thử)' };

  it('renders again the edited document and those whose pages name it, and gives the same pages as a full build', async () => {
    const previous = live(outDir);
    await build(outDir, { client: client(edited) });
    const third = live(outDir);
    const oldCode = documentPage(third, OLD_LABOUR_CODE);
    expect(fs.readFileSync(oldCode, 'utf8')).toContain(edited.title);
    expect(inode(oldCode)).not.toBe(inode(path.join(previous, path.relative(third, oldCode))));
    // The new code's page names the old one (it replaced it): rendered again, with the new title.
    const newCode = documentPage(third, NEW_LABOUR_CODE);
    expect(fs.readFileSync(newCode, 'utf8')).toContain(edited.title);
    // The Hà Nội resolution names neither: reused.
    const resolution = documentPage(third, HA_NOI_RESOLUTION);
    expect(inode(resolution)).toBe(inode(path.join(previous, path.relative(third, resolution))));

    const fullDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbgdpl-incremental-full-'));
    try {
      const full = await build(fullDir, { client: client(edited) });
      expect(full.reusedPages).toBe(0);
      for (const doc of [NEW_LABOUR_CODE, OLD_LABOUR_CODE, HA_NOI_RESOLUTION]) {
        const incremental = documentPage(third, doc);
        expect(fs.readFileSync(incremental, 'utf8')).toBe(
          fs.readFileSync(path.join(live(fullDir), path.relative(third, incremental)), 'utf8'),
        );
      }
    } finally {
      fs.rmSync(fullDir, { recursive: true, force: true });
    }
  });

  it('reuses the document pages over a new build date: they do not print it, the lists do', async () => {
    const previous = live(outDir);
    const site = await build(outDir, { asOf: '2025-07-02', client: client(edited) });
    expect(site.reusedPages).toBeGreaterThanOrEqual(3);
    const page = fs.readFileSync(documentPage(live(outDir), NEW_LABOUR_CODE), 'utf8');
    expect(page).not.toContain('build-note');
    expect(page).not.toContain('pbgdpl:as-of');
    expect(fs.readFileSync(path.join(live(outDir), 'van-ban', 'index.html'), 'utf8')).toContain(
      'Dữ liệu cập nhật đến ngày 02/07/2025',
    );
    expect(inode(path.join(live(outDir), 'van-ban', 'index.html'))).not.toBe(
      inode(path.join(previous, 'van-ban', 'index.html')),
    );
  });

  it('keeps fingerprints only for the releases that are kept', async () => {
    const releases = fs.readdirSync(path.join(outDir, CODE, 'releases')).sort();
    const recorded = fs
      .readdirSync(path.join(outDir, CODE, 'fingerprints'))
      .map((n) => n.replace(/\.json$/, ''))
      .sort();
    expect(recorded).toEqual(releases);
    expect(releases).toHaveLength(3);
  });
});
