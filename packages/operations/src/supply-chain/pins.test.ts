import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findUnpinned, isPinned } from './pins.js';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

test('every dependency of every workspace package.json and every override is one exact version', () => {
  expect(findUnpinned(ROOT)).toEqual([]);
});

test.each([
  ['5.54.0', true],
  ['1.0.0-beta.2', true],
  ['workspace:*', true],
  ['npm:vite@8.3.8', true],
  ['^5.54.0', false],
  ['~1.2.3', false],
  ['>=1', false],
  ['latest', false],
  ['*', false],
  ['workspace:^', false],
  ['github:user/repo', false],
])('%s pinned: %s', (spec, pinned) => {
  expect(isPinned(spec)).toBe(pinned);
});

test('a range in a package or an override is reported with its file and section', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pbgdpl-pins-'));
  try {
    fs.mkdirSync(path.join(root, 'packages', 'a'), { recursive: true });
    fs.writeFileSync(
      path.join(root, 'pnpm-workspace.yaml'),
      "packages:\n  - packages/*\n\noverrides:\n  # why\n  vite: 8.3.8\n  'x>y': ^1.0.0\n",
    );
    fs.writeFileSync(
      path.join(root, 'package.json'),
      JSON.stringify({ devDependencies: { jest: '30.5.2' } }),
    );
    fs.writeFileSync(
      path.join(root, 'packages', 'a', 'package.json'),
      JSON.stringify({ dependencies: { pg: '^8.23.1', '@pbgdpl/domain': 'workspace:*' } }),
    );
    expect(findUnpinned(root)).toEqual([
      { file: 'packages/a/package.json', section: 'dependencies', name: 'pg', spec: '^8.23.1' },
      { file: 'pnpm-workspace.yaml', section: 'overrides', name: 'x>y', spec: '^1.0.0' },
    ]);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
