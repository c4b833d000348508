import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DATA_FILES, DataImportError, findRepositoryRoot, resolveDataDir } from './index.js';

const packageDir = path.resolve(__dirname, '..');

describe('resolveDataDir', () => {
  it('defaults to ../shared/data beside the repository root', () => {
    const root = findRepositoryRoot(packageDir);
    expect(resolveDataDir({}, packageDir)).toBe(path.resolve(root, '../shared/data'));
  });

  it('takes PBGDPL_DATA_DIR, relative to the working directory', () => {
    const root = findRepositoryRoot(packageDir);
    const expected = path.resolve(root, '../shared/data');
    expect(resolveDataDir({ PBGDPL_DATA_DIR: path.relative(packageDir, expected) }, packageDir)).toBe(
      expected,
    );
  });

  it('names the missing folder and lists the expected layout', () => {
    const missing = path.join(tmpdir(), 'pbgdpl-no-such-data-dir');
    let thrown: unknown;
    try {
      resolveDataDir({ PBGDPL_DATA_DIR: missing }, packageDir);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DataImportError);
    const { name, message } = thrown as DataImportError;
    expect(name).toBe('DataImportError');
    expect(message).toContain(`"${missing}"`);
    expect(message).toContain('PBGDPL_DATA_DIR');
    for (const file of Object.values(DATA_FILES)) expect(message).toContain(file);
  });

  it('lists the files missing from an existing folder', () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'pbgdpl-empty-'));
    try {
      expect(() => resolveDataDir({ PBGDPL_DATA_DIR: empty }, packageDir)).toThrow(
        new RegExp(`is missing ${DATA_FILES.provinces.replace(/[.]/g, '\\.')}, `),
      );
    } finally {
      rmSync(empty, { recursive: true });
    }
  });

  it('explains what to do when no repository root is found', () => {
    expect(() => findRepositoryRoot(path.parse(tmpdir()).root)).toThrow(/PBGDPL_DATA_DIR/);
  });
});
