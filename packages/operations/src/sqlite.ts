/**
 * SQLite (the quick start's database): SQLite's online backup API gives a consistent copy while
 * the CMS runs; a restore is a copy of that file to a path where no database is yet.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { OperationsError, TargetNotEmptyError } from './errors.js';
import { sqliteTableDigests, type TableDigest } from './table-digests.js';

/** Copies the database at `source` to `file` (online, consistent) and digests the copy. */
export async function backupSqlite(
  source: string,
  file: string,
): Promise<{ version: string; tables: TableDigest[] }> {
  if (!fs.existsSync(source))
    throw new OperationsError(`The SQLite database ${source} does not exist: name it with --sqlite FILE.`);
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(file);
  } finally {
    db.close();
  }
  return describeSqlite(file);
}

export function describeSqlite(file: string): { version: string; tables: TableDigest[] } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const { version } = db.prepare('SELECT sqlite_version() AS version').get() as { version: string };
    return { version, tables: sqliteTableDigests(db) };
  } finally {
    db.close();
  }
}

/**
 * Puts the backed-up database at `target`, which must not exist (or be an empty file), and
 * digests it.
 * @throws TargetNotEmptyError when a database is already there
 */
export function restoreSqlite(file: string, target: string): TableDigest[] {
  if (fs.existsSync(target) && fs.statSync(target).size > 0) {
    throw new TargetNotEmptyError(
      `A database already exists at ${target} (${fs.statSync(target).size} bytes). A restore writes only ` +
        `where there is none: move that file away or name another with --sqlite FILE. Nothing was changed.`,
    );
  }
  for (const sidecar of ['-wal', '-shm', '-journal']) {
    if (fs.existsSync(`${target}${sidecar}`))
      throw new TargetNotEmptyError(
        `${target}${sidecar} exists: a database was open at ${target}. Remove it first. Nothing was changed.`,
      );
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(file, target, fs.constants.COPYFILE_EXCL);
  return describeSqlite(target).tables;
}
