import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MediaStore, downloadWith, pruneMediaStore } from './store.js';
import { linkSiteMedia, referencedMedia } from './link-site.js';
import type { FetchAsset } from '../fetch-asset.js';

const PHOTO = new Uint8Array(crypto.randomBytes(4000));
const PDF = new TextEncoder().encode('%PDF-1.7 tờ gấp thử nghiệm');

/** A CMS that serves two files, and counts what it is asked. */
function fakeCms() {
  const asked: string[] = [];
  const files: Record<string, { mime: string; bytes: Uint8Array }> = {
    'http://cms.test/uploads/small_anh.jpg': { mime: 'image/jpeg', bytes: PHOTO },
    'http://cms.test/uploads/ban_sao_anh.jpg': { mime: 'image/jpeg', bytes: PHOTO },
    'http://cms.test/uploads/to_gap.pdf': { mime: 'application/pdf', bytes: PDF },
    'http://cms.test/uploads/trang.html': { mime: 'text/html', bytes: new TextEncoder().encode('<script>') },
  };
  const fetchAsset: FetchAsset = async (url) => {
    asked.push(url);
    const file = files[url];
    return file ? { ok: true, mime: file.mime, bytes: file.bytes } : { ok: false, reason: 'HTTP 404' };
  };
  return { asked, fetchAsset };
}

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'pbgdpl-media-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('the media store', () => {
  it('keeps a file under its content hash, and a later build (a new store on the same folder) neither downloads nor rewrites it', async () => {
    const cms = fakeCms();
    const first = new MediaStore({ root: path.join(root, 'store'), download: downloadWith(cms.fetchAsset) });
    const stored = await first.ensure(
      'http://cms.test/uploads/small_anh.jpg',
      'image/jpeg',
      '2026-11-01T00:00:00Z',
    );
    const hash = crypto.createHash('sha256').update(PHOTO).digest('hex').slice(0, 24);
    expect(stored).toEqual({ ok: true, reused: false, file: `${hash}.jpg`, mime: 'image/jpeg', bytes: 4000 });
    const inode = fs.statSync(first.filePath(`${hash}.jpg`)).ino;

    const rebuild = new MediaStore({
      root: path.join(root, 'store'),
      download: downloadWith(cms.fetchAsset),
    });
    await expect(
      rebuild.ensure('http://cms.test/uploads/small_anh.jpg', 'image/jpeg', '2026-11-01T00:00:00Z'),
    ).resolves.toMatchObject({
      ok: true,
      reused: true,
      file: `${hash}.jpg`,
    });
    expect(cms.asked).toEqual(['http://cms.test/uploads/small_anh.jpg']);
    expect(fs.statSync(rebuild.filePath(`${hash}.jpg`)).ino).toBe(inode);
    expect(rebuild.stats).toEqual({ downloaded: 0, downloadedBytes: 0, reused: 1, failed: 0 });
  });

  it('downloads again when the editor replaced the file (same URL, new updatedAt), and stores identical bytes once', async () => {
    const cms = fakeCms();
    const store = new MediaStore({ root, download: downloadWith(cms.fetchAsset) });
    const a = await store.ensure(
      'http://cms.test/uploads/small_anh.jpg',
      'image/jpeg',
      '2026-11-01T00:00:00Z',
    );
    const b = await store.ensure(
      'http://cms.test/uploads/small_anh.jpg',
      'image/jpeg',
      '2026-11-02T00:00:00Z',
    );
    const c = await store.ensure('http://cms.test/uploads/ban_sao_anh.jpg', 'image/jpeg');
    expect(cms.asked).toHaveLength(3);
    expect(a.ok && b.ok && c.ok && new Set([a.file, b.file, c.file]).size).toBe(1);
    expect(fs.readdirSync(path.join(root, 'files'))).toHaveLength(1);
  });

  it('asks once when many pages want the same file at the same time', async () => {
    const cms = fakeCms();
    const store = new MediaStore({ root, download: downloadWith(cms.fetchAsset) });
    await Promise.all(
      [1, 2, 3].map(() => store.ensure('http://cms.test/uploads/to_gap.pdf', 'application/pdf')),
    );
    expect(cms.asked).toEqual(['http://cms.test/uploads/to_gap.pdf']);
  });

  it('refuses types the site must not serve (before downloading when the CMS names the type), files over the size limit and failed downloads', async () => {
    const cms = fakeCms();
    const store = new MediaStore({
      root: path.join(root, 'store'),
      download: downloadWith(cms.fetchAsset),
      maxBytes: 1000,
    });
    await expect(store.ensure('http://cms.test/uploads/trang.html', 'text/html')).resolves.toMatchObject({
      ok: false,
    });
    expect(cms.asked).toEqual([]);
    // Undeclared, it is downloaded, found to be HTML and thrown away.
    await expect(store.ensure('http://cms.test/uploads/trang.html', null, 'v2')).resolves.toMatchObject({
      ok: false,
    });
    expect(cms.asked).toEqual(['http://cms.test/uploads/trang.html']);
    await expect(store.ensure('http://cms.test/uploads/small_anh.jpg', 'image/jpeg')).resolves.toMatchObject({
      ok: false,
      reason: '4000 bytes is over the 1000 bytes copied into sites (PBGDPL_MEDIA_MAX_BYTES)',
    });
    await expect(store.ensure('http://cms.test/uploads/khong_co.jpg', 'image/jpeg')).resolves.toEqual({
      ok: false,
      reason: 'HTTP 404',
    });
    expect(store.stats.failed).toBe(4);
    // Nothing kept, nothing left: no store folder, no partial download beside it.
    expect(fs.readdirSync(root)).toEqual([]);
  });
});

describe('linking a built site’s media', () => {
  it('links exactly the files its pages name, once each, as hard links; prune keeps them and removes files no site uses', async () => {
    const cms = fakeCms();
    const store = new MediaStore({ root: path.join(root, 'store'), download: downloadWith(cms.fetchAsset) });
    const photo = await store.ensure('http://cms.test/uploads/small_anh.jpg', 'image/jpeg');
    const pdf = await store.ensure('http://cms.test/uploads/to_gap.pdf', 'application/pdf');
    if (!photo.ok || !pdf.ok) throw new Error('fixture');
    const site = path.join(root, 'site');
    fs.mkdirSync(path.join(site, 'tin-tuc', 'a'), { recursive: true });
    fs.writeFileSync(
      path.join(site, 'index.html'),
      `<img src="/ha-noi/media/${photo.file}" srcset="/ha-noi/media/${photo.file} 500w"><a href="/ha-noi/media/ffffffffffffffffffffffff.png">?</a>`,
    );
    fs.writeFileSync(
      path.join(site, 'tin-tuc', 'a', 'index.html'),
      `<img src='/ha-noi/media/${photo.file}'>`,
    );
    fs.writeFileSync(path.join(site, 'site.css'), `/* /ha-noi/media/${pdf.file} is not a page */`);
    expect([...referencedMedia(site)].sort()).toEqual([photo.file, 'ffffffffffffffffffffffff.png'].sort());
    // A page naming a file the store does not have fails the site rather than shipping a broken image.
    expect(() => linkSiteMedia(site, store)).toThrow(/ffffffffffffffffffffffff\.png/);

    fs.writeFileSync(path.join(site, 'index.html'), `<img src="/ha-noi/media/${photo.file}">`);
    expect(linkSiteMedia(site, store)).toEqual({ files: 1, bytes: 4000 });
    expect(fs.readdirSync(path.join(site, 'media'))).toEqual([photo.file]);
    expect(fs.statSync(path.join(site, 'media', photo.file)).ino).toBe(
      fs.statSync(store.filePath(photo.file)).ino,
    );

    // A day later: the PDF is linked by no site and goes; the photo a site uses stays.
    const later = Date.now() + 2 * 24 * 3600 * 1000;
    expect(pruneMediaStore(store.root, 24 * 3600 * 1000, later)).toBe(1);
    expect(fs.existsSync(store.filePath(photo.file))).toBe(true);
    expect(fs.existsSync(store.filePath(pdf.file))).toBe(false);
    // Nothing is pruned that is younger than the grace period (another worker may be about to link it).
    const again = await store.ensure('http://cms.test/uploads/to_gap.pdf', 'application/pdf', 'v2');
    expect(again.ok).toBe(true);
    expect(pruneMediaStore(store.root)).toBe(0);
  });
});
