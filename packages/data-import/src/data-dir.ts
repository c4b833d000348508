/**
 * Where the public data folder is. It lives outside the repository (../shared/data next to it)
 * so that the 24 MB corpus is never committed; PBGDPL_DATA_DIR points elsewhere when needed.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { DataImportError } from './errors.js';

/** The files the import reads, relative to the data folder. */
export const DATA_FILES = {
  provinces: 'admin-units/provinces_34.csv',
  wards: 'admin-units/wards_3321.csv',
  organizations: 'organizations/central_agencies_2025.json',
  resolutionsIndex: 'legal-docs/resolutions-2025/index.json',
  laws: 'legal-docs/laws-207/uts_vlc_laws_207.jsonl',
  census: 'legal-docs/census-93/ansvar_vn_law_census_93.json',
} as const;

export const DATA_DIR_ENV = 'PBGDPL_DATA_DIR';

/** Relative to the repository root, i.e. a `shared/data` folder beside the checkout. */
export const DEFAULT_DATA_DIR = '../shared/data';

const LAYOUT_TEXT = [
  DATA_FILES.provinces,
  DATA_FILES.wards,
  DATA_FILES.organizations,
  `${DATA_FILES.resolutionsIndex} (+ the .md files it lists, beside it)`,
  DATA_FILES.laws,
  DATA_FILES.census,
]
  .map((file) => `  ${file}`)
  .join('\n');

/**
 * The repository root: the nearest folder at or above `cwd` holding pnpm-workspace.yaml.
 * @throws {DataImportError} when there is none.
 */
export function findRepositoryRoot(cwd: string): string {
  let dir = path.resolve(cwd);
  for (;;) {
    if (existsSync(path.join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new DataImportError(
        `Cannot find the repository root (a folder with pnpm-workspace.yaml) above "${cwd}". ` +
          `Set ${DATA_DIR_ENV} to the data folder instead.`,
      );
    }
    dir = parent;
  }
}

/**
 * The data folder: `PBGDPL_DATA_DIR` (relative paths against `cwd`) or `../shared/data` relative
 * to the repository root. Checks that every expected file is there.
 * @throws {DataImportError} when the folder or an expected file is missing.
 */
export function resolveDataDir(
  env: Readonly<Record<string, string | undefined>> = process.env,
  cwd: string = process.cwd(),
): string {
  const fromEnv = env[DATA_DIR_ENV]?.trim();
  const dataDir = fromEnv
    ? path.resolve(cwd, fromEnv)
    : path.resolve(findRepositoryRoot(cwd), DEFAULT_DATA_DIR);
  assertDataLayout(dataDir, fromEnv ? `from ${DATA_DIR_ENV}` : `the default, ${DATA_DIR_ENV} being unset`);
  return dataDir;
}

/**
 * @throws {DataImportError} naming the folder and the expected layout when something is missing.
 */
export function assertDataLayout(dataDir: string, origin = 'given'): void {
  const isDir = existsSync(dataDir) && statSync(dataDir).isDirectory();
  const missing = isDir
    ? Object.values(DATA_FILES).filter((file) => !existsSync(path.join(dataDir, file)))
    : [];
  if (isDir && missing.length === 0) return;
  const problem = isDir ? `is missing ${missing.join(', ')}` : 'does not exist or is not a folder';
  throw new DataImportError(
    `Data folder "${dataDir}" (${origin}) ${problem}. Expected layout:\n${LAYOUT_TEXT}\n` +
      `Point ${DATA_DIR_ENV} at a folder with this layout (see packages/data-import/README.md).`,
  );
}
