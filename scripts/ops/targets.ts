/**
 * Where `pnpm ops:backup` and `ops:restore` find (or put) each part when no option names it — the
 * same defaults the CMS and the sync commands use: PostgreSQL from DATABASE_URL, else the SQLite
 * file cms/.tmp/data.db (DATABASE_FILENAME); uploads in <CMS_PUBLIC_DIR, default cms/public>/uploads;
 * and, from a SQLite deployment older than the sync state's tables in the database, the sync state
 * file in <PBGDPL_SITES_DIR, default .demo/sites>/.sync/state.json.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { DatabaseTarget } from '@pbgdpl/operations';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CMS_DIR = path.join(ROOT, 'cms');

export const TARGET_HELP = `  --database-url URL     PostgreSQL database ($DATABASE_URL)
  --sqlite FILE          SQLite database instead (default cms/.tmp/data.db, $DATABASE_FILENAME, when no URL)
  --uploads DIR          uploads folder (default <$CMS_PUBLIC_DIR or cms/public>/uploads)
  --sites-dir DIR        sites folder whose .sync/state.json an older SQLite deployment kept its sync state in ($PBGDPL_SITES_DIR, default .demo/sites)
  --pg-bin DIR           folder of pg_dump / pg_restore when not on PATH (e.g. /usr/lib/postgresql/15/bin)`;

export const TARGET_OPTIONS = {
  'database-url': { type: 'string' },
  sqlite: { type: 'string' },
  uploads: { type: 'string' },
  'sites-dir': { type: 'string' },
  'pg-bin': { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

type Values = Record<string, string | boolean | undefined>;

/** Relative paths are taken from where the operator ran pnpm. */
export const fromCwd = (p: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), p);

export function targets(values: Values) {
  const url =
    (values['database-url'] as string | undefined) ?? (values.sqlite ? undefined : process.env.DATABASE_URL);
  const database: DatabaseTarget = url
    ? { kind: 'postgres', url }
    : {
        kind: 'sqlite',
        file: values.sqlite
          ? fromCwd(values.sqlite as string)
          : path.resolve(CMS_DIR, process.env.DATABASE_FILENAME || '.tmp/data.db'),
      };
  const publicDir = path.resolve(CMS_DIR, process.env.CMS_PUBLIC_DIR || 'public');
  const sitesDir = values['sites-dir']
    ? fromCwd(values['sites-dir'] as string)
    : path.resolve(ROOT, process.env.PBGDPL_SITES_DIR || path.join('.demo', 'sites'));
  return {
    database,
    uploadsDir: values.uploads ? fromCwd(values.uploads as string) : path.join(publicDir, 'uploads'),
    syncStateFile: database.kind === 'sqlite' ? path.join(sitesDir, '.sync', 'state.json') : null,
    pgBin: (values['pg-bin'] as string | undefined) ?? null,
  };
}

/** The commit of this checkout, recorded in the manifest (null outside a git checkout). */
export function currentCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Prints an operator-facing error (no stack) and sets the exit code. */
export function fail(error: unknown): void {
  console.error(`Lỗi (error): ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
