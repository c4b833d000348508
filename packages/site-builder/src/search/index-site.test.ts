import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { INDEX_KEY_FILE, writeSearchIndexes } from './index-site.js';
import type { SearchRecord } from './records.js';

jest.setTimeout(120_000);

const record = (url: string, title: string): SearchRecord => ({
  url,
  title,
  section: 'Hỏi đáp pháp luật',
  body: `${title}: người lao động được nghỉ hằng năm theo Bộ luật Lao động.`,
});

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'pbgdpl-index-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

test('indexes a batch of sites with one Pagefind process, each into its own folder, and reuses an index built from the same records', async () => {
  const siteDir = (name: string) => {
    const dir = path.join(root, name);
    fs.mkdirSync(dir, { recursive: true });
    return dir;
  };
  const a = [record('hoi-dap/nghi-phep/', 'Nghỉ phép năm')];
  const b = [
    record('hoi-dap/thu-viec/', 'Thời gian thử việc'),
    record('hoi-dap/tien-luong/', 'Tiền lương tối thiểu'),
  ];
  const first = await writeSearchIndexes([
    { siteDir: siteDir('a1'), records: a },
    { siteDir: siteDir('b1'), records: b },
  ]);
  expect(first.map((r) => (r instanceof Error ? r.message : [r.records, r.reused]))).toEqual([
    [1, false],
    [2, false],
  ]);
  for (const name of ['a1', 'b1']) {
    expect(fs.existsSync(path.join(root, name, 'pagefind', 'pagefind-entry.json'))).toBe(true);
    expect(fs.existsSync(path.join(root, name, 'pagefind', INDEX_KEY_FILE))).toBe(true);
  }
  // No records file is left beside the sites.
  expect(fs.readdirSync(root).sort()).toEqual(['a1', 'b1']);

  const again = await writeSearchIndexes([
    { siteDir: siteDir('a2'), records: a, previousDir: path.join(root, 'a1') },
    {
      siteDir: siteDir('b2'),
      records: b.slice(1),
      previousDir: path.join(root, 'b1'),
    },
  ]);
  expect(again.map((r) => (r instanceof Error ? r.message : [r.records, r.reused]))).toEqual([
    [1, true],
    [1, false],
  ]);
  const entry = (name: string) => fs.statSync(path.join(root, name, 'pagefind', 'pagefind-entry.json')).ino;
  expect(entry('a2')).toBe(entry('a1'));
  expect(entry('b2')).not.toBe(entry('b1'));
});
