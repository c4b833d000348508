import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FullTextCache } from './full-text-cache.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbgdpl-full-texts-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test('gives a text back only for the updatedAt it was stored with', () => {
  const cache = new FullTextCache(dir);
  cache.set('doc-1', '2026-11-01T00:00:00.000Z', 'Điều 1. Phạm vi điều chỉnh');
  expect(cache.get('doc-1', '2026-11-01T00:00:00.000Z')).toBe('Điều 1. Phạm vi điều chỉnh');
  expect(cache.get('doc-1', '2026-11-02T00:00:00.000Z')).toBeUndefined();
  expect(cache.get('doc-2', '2026-11-01T00:00:00.000Z')).toBeUndefined();
  expect(cache.hits).toBe(1);
});

test('keeps a document without text as null, and nothing without an updatedAt or with an unsafe id', () => {
  const cache = new FullTextCache(dir);
  cache.set('doc-1', '2026-11-01T00:00:00.000Z', null);
  expect(cache.get('doc-1', '2026-11-01T00:00:00.000Z')).toBeNull();
  cache.set('doc-3', null, 'text');
  expect(cache.get('doc-3', null)).toBeUndefined();
  cache.set('../escape', '2026-11-01T00:00:00.000Z', 'text');
  expect(fs.readdirSync(dir)).toEqual(['doc-1.json']);
});

test('prunes entries unused for 30 days', () => {
  const cache = new FullTextCache(dir);
  cache.set('old', '2026-01-01T00:00:00.000Z', 'a');
  cache.set('recent', '2026-01-01T00:00:00.000Z', 'b');
  const longAgo = new Date(Date.now() - 31 * 86_400_000);
  fs.utimesSync(path.join(dir, 'old.json'), longAgo, longAgo);
  expect(cache.prune()).toBe(1);
  expect(fs.readdirSync(dir)).toEqual(['recent.json']);
});
