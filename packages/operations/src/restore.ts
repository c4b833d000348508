/**
 * `restoreBackup`: a verified backup into an empty database, an empty uploads folder and (SQLite)
 * a sync state path where no file is. Every target is checked before anything is written, and
 * the restored tables are digested and compared with the manifest's digests of the source.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describeFiles } from './checksums.js';
import type { DatabaseTarget } from './backup.js';
import { CorruptBackupError, OperationsError, TargetNotEmptyError } from './errors.js';
import { assertEmptyFolder, copyTree } from './folders.js';
import { verifyBackup, type BackupManifest } from './manifest.js';
import { describeDatabaseUrl, postgresContents, restorePostgres } from './postgres.js';
import type { SecretsLayout } from './secrets-layout.js';
import { restoreSqlite } from './sqlite.js';
import { compareDigests, type TableDigest } from './table-digests.js';

export interface RestoreOptions {
  from: string;
  database: DatabaseTarget;
  uploadsDir: string;
  /** SQLite mode: where the sync engine's state file goes (`<sites>/.sync/state.json`). */
  syncStateFile: string | null;
  pgBin?: string | null;
  log?: (message: string) => void;
}

export interface RestoreResult {
  manifest: BackupManifest;
  tables: TableDigest[];
  uploads: number;
  /** The variables the restored CMS needs, from the backup's secrets layout (values from the secret store). */
  secrets: SecretsLayout;
  seconds: number;
}

/**
 * @throws CorruptBackupError when a file of the backup is missing, extra or differs (nothing written)
 * @throws TargetNotEmptyError when a target holds data (nothing written)
 * @throws OperationsError when the restored tables differ from the manifest, or the backup's database
 *   is of another kind than the target
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  log('checking the backup’s checksums…');
  const manifest = await verifyBackup(options.from);
  const source = manifest.database;
  if (source.client !== options.database.kind) {
    throw new OperationsError(
      `This backup holds a ${source.client} database; the target is ${options.database.kind}. Restore a ` +
        `PostgreSQL backup with --database-url and a SQLite backup with --sqlite.`,
    );
  }
  await assertTargetsEmpty(options, manifest);
  log('database…');
  const dumpFile = path.join(options.from, source.file);
  const tables =
    options.database.kind === 'postgres'
      ? await restorePostgres(options.database.url, dumpFile, options.pgBin ?? null)
      : restoreSqlite(dumpFile, options.database.file);
  const differences = compareDigests(source.tables, tables);
  if (differences.length > 0) {
    throw new OperationsError(
      `The restored database differs from the backup in ${differences.length} table(s): ` +
        `${differences.map((d) => `${d.table} (expected ${d.expected?.rows ?? 'none'} rows, found ${d.actual?.rows ?? 'none'})`).join(', ')}. ` +
        `Do not use it; report this with the manifest.`,
    );
  }
  log(`database: ${tables.length} tables, each the same as in the backup`);
  const uploads = restoreUploads(options, manifest);
  await checkRestoredUploads(options.uploadsDir, manifest);
  log(`uploads: ${uploads} files`);
  if (manifest.syncState.where === 'file' && options.syncStateFile) {
    fs.mkdirSync(path.dirname(options.syncStateFile), { recursive: true });
    fs.copyFileSync(
      path.join(options.from, manifest.syncState.file),
      options.syncStateFile,
      fs.constants.COPYFILE_EXCL,
    );
  }
  const secrets = JSON.parse(
    fs.readFileSync(path.join(options.from, manifest.secretsLayout.file), 'utf8'),
  ) as SecretsLayout;
  return { manifest, tables, uploads, secrets, seconds: (Date.now() - started) / 1000 };
}

async function assertTargetsEmpty(options: RestoreOptions, manifest: BackupManifest): Promise<void> {
  assertEmptyFolder(options.uploadsDir, 'uploads', '--uploads');
  if (manifest.syncState.where === 'file') {
    if (!options.syncStateFile)
      throw new OperationsError(
        'This backup holds a sync state file: name the sites folder with --sites-dir.',
      );
    if (fs.existsSync(options.syncStateFile))
      throw new TargetNotEmptyError(
        `${options.syncStateFile} exists: the sites folder already has a sync state. Name an empty sites ` +
          `folder with --sites-dir. Nothing was changed.`,
      );
  }
  if (options.database.kind === 'postgres') {
    const contents = await postgresContents(options.database.url);
    if (contents.relations > 0 || contents.schemas.length > 0)
      throw new TargetNotEmptyError(
        `The target database ${describeDatabaseUrl(options.database.url)} is not empty (${contents.relations} ` +
          `tables or other relations). A restore goes into a new, empty database only: create one ` +
          `(createdb NAME) and name it with --database-url. Nothing was changed.`,
      );
  } else if (fs.existsSync(options.database.file) && fs.statSync(options.database.file).size > 0) {
    throw new TargetNotEmptyError(
      `A database already exists at ${options.database.file}. Name a new file with --sqlite. Nothing was changed.`,
    );
  }
}

function restoreUploads(options: RestoreOptions, manifest: BackupManifest): number {
  fs.mkdirSync(options.uploadsDir, { recursive: true });
  return copyTree(path.join(options.from, manifest.uploads.folder), options.uploadsDir).length;
}

/** The copied uploads have the bytes the manifest recorded (a disk can fail while copying too). */
async function checkRestoredUploads(uploadsDir: string, manifest: BackupManifest): Promise<void> {
  const prefix = `${manifest.uploads.folder}/`;
  const expected = manifest.files.filter((f) => f.path.startsWith(prefix));
  const actual = await describeFiles(
    uploadsDir,
    expected.map((f) => f.path.slice(prefix.length)),
  );
  const bad = expected.filter((f, i) => actual[i]!.sha256 !== f.sha256).map((f) => f.path);
  if (bad.length > 0)
    throw new CorruptBackupError(
      `Uploads copied into ${uploadsDir} differ from the backup: ${bad.join(', ')}.`,
      bad,
    );
}
