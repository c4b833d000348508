/**
 * `createBackup`: everything of a deployment that cannot be rebuilt — the CMS database (which also
 * holds the change-event outbox, the email outbox, the audit log and the sync engine's tables: on
 * PostgreSQL with pg-boss's queue, on SQLite beside the CMS's own), the uploaded files, the secrets
 * layout (names only) and, from an older SQLite deployment, the sync engine's state file — into a new folder `<outDir>/pbgdpl-<UTC time>/`, written under a
 * temporary name and renamed when complete, so a folder with the final name is always whole.
 * The static sites are not in it: they are rebuilt from the CMS (`pnpm sync:build --all`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeFiles, formatSha256Sums, listFiles, sha256File } from './checksums.js';
import { OperationsError } from './errors.js';
import { copyTree } from './folders.js';
import {
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  SUMS_FILE,
  type BackupManifest,
  type DatabasePart,
} from './manifest.js';
import { describeDatabaseUrl, dumpPostgres } from './postgres.js';
import { readSecretsLayout } from './secrets-layout.js';
import { backupSqlite } from './sqlite.js';

export type DatabaseTarget = { kind: 'postgres'; url: string } | { kind: 'sqlite'; file: string };

export interface BackupOptions {
  /** The folder that receives `pbgdpl-<time>/`. */
  outDir: string;
  database: DatabaseTarget;
  /** The upload provider's folder (`<CMS public folder>/uploads`). */
  uploadsDir: string;
  /** The CMS's env file (names only are kept) and its documented example. */
  envFile: string | null;
  exampleFile: string | null;
  /**
   * SQLite mode before the sync engine kept its state in the database: its state file
   * (`<sites>/.sync/state.json`), backed up when there is one and the database holds no sync state.
   */
  syncStateFile: string | null;
  /** Folder of pg_dump/pg_restore when they are not on PATH. */
  pgBin?: string | null;
  commit?: string | null;
  now?: () => Date;
  log?: (message: string) => void;
}

export interface BackupResult {
  dir: string;
  manifest: BackupManifest;
  bytes: number;
  seconds: number;
}

/** Sync engine tables (its state, the CMS's outbox it reads; on PostgreSQL pg-boss's schema too). */
const SYNC_TABLE = /^((public\.)?pbgdpl_(sync_|change_events|content_version)|pgboss\.)/;
/** The engine's own state table, present once a sync process has run against the database. */
const SYNC_STATE_TABLE = /^(public\.)?pbgdpl_sync_sites$/;

const stamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');

/**
 * @throws OperationsError (ToolFailedError from pg_dump) — the temporary folder is removed then
 */
export async function createBackup(options: BackupOptions): Promise<BackupResult> {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => undefined);
  const started = now();
  const finalDir = path.join(options.outDir, `pbgdpl-${stamp(started)}`);
  if (fs.existsSync(finalDir))
    throw new OperationsError(`${finalDir} exists already: wait a second and run again.`);
  const work = path.join(options.outDir, `.incomplete-pbgdpl-${stamp(started)}-${process.pid}`);
  fs.mkdirSync(path.join(work, 'database'), { recursive: true });
  try {
    log('database…');
    const database = await backupDatabase(options, work);
    log(`database: ${database.tables.length} tables`);
    const uploadsFolder = 'uploads';
    const uploads = copyTree(options.uploadsDir, path.join(work, uploadsFolder)).map(
      (f) => `${uploadsFolder}/${f}`,
    );
    log(`uploads: ${uploads.length} files`);
    const layout = readSecretsLayout({ envFile: options.envFile, exampleFile: options.exampleFile });
    fs.writeFileSync(path.join(work, 'secrets-layout.json'), `${JSON.stringify(layout, null, 2)}\n`);
    const syncState = backupSyncState(options, database, work);
    const files = await describeFiles(
      work,
      listFiles(work).filter((f) => f !== MANIFEST_FILE && f !== SUMS_FILE),
    );
    const manifest: BackupManifest = {
      format: MANIFEST_FORMAT,
      startedAt: started.toISOString(),
      finishedAt: now().toISOString(),
      host: os.hostname(),
      commit: options.commit ?? null,
      database,
      uploads: {
        source: options.uploadsDir,
        folder: uploadsFolder,
        files: uploads.length,
        bytes: files.filter((f) => f.path.startsWith(`${uploadsFolder}/`)).reduce((n, f) => n + f.bytes, 0),
      },
      secretsLayout: { file: 'secrets-layout.json', variables: layout.variables.length },
      syncState,
      files,
    };
    fs.writeFileSync(path.join(work, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    const manifestEntry = {
      path: MANIFEST_FILE,
      bytes: fs.statSync(path.join(work, MANIFEST_FILE)).size,
      sha256: await sha256File(path.join(work, MANIFEST_FILE)),
    };
    fs.writeFileSync(path.join(work, SUMS_FILE), formatSha256Sums([...files, manifestEntry]));
    fs.renameSync(work, finalDir);
    return {
      dir: finalDir,
      manifest,
      bytes: files.reduce((n, f) => n + f.bytes, manifestEntry.bytes),
      seconds: (now().getTime() - started.getTime()) / 1000,
    };
  } catch (error) {
    fs.rmSync(work, { recursive: true, force: true });
    throw error;
  }
}

async function backupDatabase(options: BackupOptions, work: string): Promise<DatabasePart> {
  if (options.database.kind === 'postgres') {
    const file = 'database/pbgdpl.pgdump';
    const dump = await dumpPostgres(options.database.url, path.join(work, file), options.pgBin ?? null);
    return {
      client: 'postgres',
      source: describeDatabaseUrl(options.database.url),
      serverVersion: dump.serverVersion,
      toolVersion: dump.toolVersion,
      file,
      format: 'pg_dump custom',
      tables: dump.tables,
    };
  }
  const file = 'database/data.db';
  const copy = await backupSqlite(options.database.file, path.join(work, file));
  return {
    client: 'sqlite',
    source: options.database.file,
    sqliteVersion: copy.version,
    file,
    tables: copy.tables,
  };
}

function backupSyncState(
  options: BackupOptions,
  database: DatabasePart,
  work: string,
): BackupManifest['syncState'] {
  const tables = database.tables.map((t) => t.table);
  if (database.client === 'postgres' || tables.some((t) => SYNC_STATE_TABLE.test(t)))
    return { where: 'database', tables: tables.filter((t) => SYNC_TABLE.test(t)) };
  if (!options.syncStateFile || !fs.existsSync(options.syncStateFile)) {
    return {
      where: 'none',
      reason: `no sync state file${options.syncStateFile ? ` at ${options.syncStateFile}` : ''}: no sync worker has run with this sites folder`,
    };
  }
  const file = 'sync/state.json';
  fs.mkdirSync(path.join(work, 'sync'), { recursive: true });
  fs.copyFileSync(options.syncStateFile, path.join(work, file));
  return { where: 'file', source: options.syncStateFile, file };
}

/**
 * Keeps the `keep` newest complete backups in `outDir` (folders `pbgdpl-<time>`), deletes older
 * ones and temporary folders an interrupted run left over a day ago; the deleted paths.
 */
export function pruneBackups(outDir: string, keep: number): string[] {
  if (!fs.existsSync(outDir)) return [];
  const entries = fs.readdirSync(outDir, { withFileTypes: true }).filter((e) => e.isDirectory());
  const complete = entries
    .filter((e) => /^pbgdpl-\d{8}T\d{6}Z$/.test(e.name))
    .map((e) => e.name)
    .sort()
    .reverse();
  // A temporary folder is stale after a day (a running backup's own is younger).
  const dayAgo = Date.now() - 24 * 3600 * 1000;
  const stale = entries
    .filter((e) => e.name.startsWith('.incomplete-pbgdpl-'))
    .filter((e) => fs.statSync(path.join(outDir, e.name)).mtimeMs < dayAgo)
    .map((e) => e.name);
  const removed = [...complete.slice(Math.max(keep, 1)), ...stale].map((name) => path.join(outDir, name));
  for (const dir of removed) fs.rmSync(dir, { recursive: true, force: true });
  return removed;
}
