/**
 * The shared national search bundle on disk, with the real Pagefind (a few small indexes): built
 * once per content, found again by its hash, one builder when several race, kept while a site or
 * a kept release names it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  currentNationalBundle,
  ensureNationalBundle,
  nationalBundlesDir,
  pruneNationalBundles,
  readNationalReference,
  referencedNationalBundles,
  writeNationalReference,
} from './national-bundle.js';
import type { SearchRecord } from './records.js';

jest.setTimeout(60_000);

let outDir: string;
beforeEach(() => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbgdpl-national-'));
});
afterEach(() => fs.rmSync(outDir, { recursive: true, force: true }));

const law = (title: string): SearchRecord => ({
  url: 'van-ban/luat/2024/31-2024-qh15/',
  title,
  section: 'Văn bản pháp luật',
  filters: { type: 'Luật', status: 'Còn hiệu lực' },
  number: '31/2024/QH15',
  date: '2024-01-18',
  body: 'Điều 1. Phạm vi điều chỉnh: chế độ sở hữu đất đai.',
});

const ensure = (records: SearchRecord[], fetchedAt = '2026-11-29T00:00:00.000Z') =>
  ensureNationalBundle({ outDir, records, fetchedAt });

describe('the national search bundle', () => {
  it('is built once for the same records, and a changed record gives a new bundle that `current` then names', async () => {
    const first = await ensure([law('Luật Đất đai')]);
    expect(first).toEqual(
      expect.objectContaining({ built: true, records: 1, path: `/_national/pagefind/${first?.id}/` }),
    );
    expect(fs.existsSync(path.join(nationalBundlesDir(outDir), first!.id, 'pagefind.js'))).toBe(true);
    const again = await ensure([law('Luật Đất đai')], '2026-11-29T01:00:00.000Z');
    expect(again).toEqual(expect.objectContaining({ id: first?.id, built: false }));
    const changed = await ensure([law('Luật Đất đai (sửa đổi)')], '2026-11-29T02:00:00.000Z');
    expect(changed?.id).not.toBe(first?.id);
    expect(currentNationalBundle(outDir)).toBe(changed?.id);
    // A slower run that fetched older content does not move `current` back.
    await ensure([law('Luật Đất đai')], '2026-11-28T23:00:00.000Z');
    expect(currentNationalBundle(outDir)).toBe(changed?.id);
  });

  it('is indexed by one builder when several runs want it at once; the others wait for it', async () => {
    const runs = await Promise.all([
      ensure([law('Luật A')]),
      ensure([law('Luật A')]),
      ensure([law('Luật A')]),
    ]);
    expect(new Set(runs.map((r) => r?.id)).size).toBe(1);
    expect(runs.filter((r) => r?.built)).toHaveLength(1);
    expect(fs.readdirSync(nationalBundlesDir(outDir)).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('is found by the key of its inputs without making the records again', async () => {
    const key = 'a'.repeat(64);
    const first = await ensureNationalBundle({
      outDir,
      records: [law('Luật B')],
      inputKey: key,
      fetchedAt: '2026-11-29T00:00:00.000Z',
    });
    const untouched = {
      [Symbol.iterator]: () => {
        throw new Error('the records were read');
      },
    };
    const again = await ensureNationalBundle({
      outDir,
      records: untouched,
      inputKey: key,
      fetchedAt: '2026-11-29T01:00:00.000Z',
    });
    expect(again).toEqual(expect.objectContaining({ id: first?.id, built: false, records: 1 }));
    // A key whose bundle was pruned is forgotten: the records are made again.
    fs.rmSync(path.join(nationalBundlesDir(outDir), first!.id), { recursive: true });
    pruneNationalBundles(outDir, { now: Date.now() + 2 * 3_600_000 });
    expect(fs.readdirSync(path.join(nationalBundlesDir(outDir), '.keys'))).toEqual([]);
    await expect(
      ensureNationalBundle({
        outDir,
        records: untouched,
        inputKey: key,
        fetchedAt: '2026-11-29T02:00:00.000Z',
      }),
    ).rejects.toThrow('the records were read');
  });

  it('is not made when there is no national record', async () => {
    expect(await ensure([])).toBeNull();
  });

  it('is pruned only when no site folder or kept release references it, and not within the grace period', async () => {
    const old = (await ensure([law('Luật cũ')], '2026-11-27T00:00:00.000Z'))!;
    const inRelease = (await ensure([law('Luật trong bản phát hành cũ')], '2026-11-28T00:00:00.000Z'))!;
    const inFlatSite = (await ensure([law('Luật của trang phẳng')], '2026-11-28T12:00:00.000Z'))!;
    const newest = (await ensure([law('Luật mới')], '2026-11-29T00:00:00.000Z'))!;
    const release = path.join(outDir, 'ha-noi', 'releases', '20261128T000000Z-abcdef');
    fs.mkdirSync(path.join(release, 'pagefind'), { recursive: true });
    writeNationalReference(release, inRelease);
    fs.mkdirSync(path.join(outDir, 'quoc-gia', 'pagefind'), { recursive: true });
    writeNationalReference(path.join(outDir, 'quoc-gia'), inFlatSite);
    expect(readNationalReference(release)).toEqual({ id: inRelease.id, path: inRelease.path });
    expect(referencedNationalBundles(outDir)).toEqual(new Set([inRelease.id, inFlatSite.id]));

    expect(pruneNationalBundles(outDir, { keep: 1 })).toEqual([]);
    const later = Date.now() + 2 * 3_600_000;
    expect(pruneNationalBundles(outDir, { keep: 1, now: later })).toEqual([old.id]);
    expect(fs.readdirSync(nationalBundlesDir(outDir)).sort()).toEqual(
      ['current', inRelease.id, inFlatSite.id, newest.id].sort(),
    );
  });
});
