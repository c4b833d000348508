/**
 * Shared options of the `pnpm sync:*` commands: which database (PostgreSQL → pg-boss, or the
 * CMS's SQLite file → in-process queue), the CMS, the output folder, worker sizing.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { SyncDatabase } from '@pbgdpl/sync-engine';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

export const COMMON_HELP = `  --out DIR              sites folder: DIR/<code>/releases/<id>/ and DIR/<code>/current ($PBGDPL_SITES_DIR, default .demo/sites)
  --cms URL              CMS base URL ($PBGDPL_CMS_URL, default http://127.0.0.1:1337)
  --database-url URL     PostgreSQL of the CMS ($DATABASE_URL): pg-boss queue, state tables, many workers
  --sqlite FILE          the CMS's SQLite file (default cms/.tmp/data.db when no database URL): in-process
                         queue, the sync state in tables of that file
  --sites CODES          only these sites (comma-separated); default every enabled site
  Environment: PBGDPL_CMS_TOKEN (read-only API token: reads bypass the CMS read cache).`;

export const COMMON_OPTIONS = {
  out: { type: 'string' },
  cms: { type: 'string' },
  'database-url': { type: 'string' },
  sqlite: { type: 'string' },
  sites: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export interface CommonConfig {
  outDir: string;
  cmsUrl: string;
  database: SyncDatabase;
  sites: string[] | null;
  token: string | undefined;
}

export function parse<
  T extends Record<string, { type: 'string' | 'boolean'; short?: string; default?: string | boolean }>,
>(argv: string[], extra: T) {
  const args = argv[0] === '--' ? argv.slice(1) : argv;
  return parseArgs({ args, options: { ...COMMON_OPTIONS, ...extra }, allowPositionals: false })
    .values as Record<string, string | boolean | undefined>;
}

export function commonConfig(values: Record<string, string | boolean | undefined>): CommonConfig {
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const outDir = path.resolve(
    cwd,
    (values.out as string) ?? process.env.PBGDPL_SITES_DIR ?? path.join(ROOT, '.demo', 'sites'),
  );
  const url =
    (values['database-url'] as string | undefined) ?? (values.sqlite ? undefined : process.env.DATABASE_URL);
  const database: SyncDatabase = url
    ? { kind: 'postgres', url }
    : {
        kind: 'sqlite',
        file: path.resolve(cwd, (values.sqlite as string) ?? path.join(ROOT, 'cms', '.tmp', 'data.db')),
      };
  const sites =
    typeof values.sites === 'string'
      ? values.sites
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : null;
  return {
    outDir,
    cmsUrl: (values.cms as string) ?? process.env.PBGDPL_CMS_URL ?? 'http://127.0.0.1:1337',
    database,
    sites,
    token: process.env.PBGDPL_CMS_TOKEN || undefined,
  };
}

export function wholeNumber(value: unknown, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`${name} must be a whole number, not "${String(value)}".`);
  return n;
}
