/**
 * A backup folder: `manifest.json` says what each part is and lists every file with its size and
 * SHA-256; `SHA256SUMS` lists the same files plus the manifest, in `sha256sum -c` format. A
 * restore checks both before it touches anything.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CorruptBackupError } from './errors.js';
import { listFiles, parseSha256Sums, sha256File, type FileEntry } from './checksums.js';
import type { TableDigest } from './table-digests.js';

export const MANIFEST_FILE = 'manifest.json';
export const SUMS_FILE = 'SHA256SUMS';
export const MANIFEST_FORMAT = 'pbgdpl-backup/1';

export type DatabasePart =
  | {
      client: 'postgres';
      /** host:port/database of the source (never its user or password). */
      source: string;
      serverVersion: string;
      toolVersion: string;
      file: string;
      format: 'pg_dump custom';
      tables: TableDigest[];
    }
  | { client: 'sqlite'; source: string; sqliteVersion: string; file: string; tables: TableDigest[] };

export interface BackupManifest {
  format: typeof MANIFEST_FORMAT;
  startedAt: string;
  finishedAt: string;
  host: string;
  /** The platform's git commit the backup was taken with, when known. */
  commit: string | null;
  database: DatabasePart;
  uploads: { source: string; folder: string; files: number; bytes: number };
  secretsLayout: { file: string; variables: number };
  /**
   * The sync engine's state: its tables are in the database (listed here; on PostgreSQL with
   * pg-boss's schema); from an older SQLite deployment, its state file (the in-process queue lives
   * in memory and is rebuilt by the reconciler).
   */
  syncState:
    | { where: 'database'; tables: string[] }
    | { where: 'file'; source: string; file: string }
    | { where: 'none'; reason: string };
  files: FileEntry[];
}

export function readManifest(dir: string): BackupManifest {
  const file = path.join(dir, MANIFEST_FILE);
  if (!fs.existsSync(file))
    throw new CorruptBackupError(`${dir} is not a backup: it has no ${MANIFEST_FILE}.`, [MANIFEST_FILE]);
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as BackupManifest;
  } catch (error) {
    throw new CorruptBackupError(`${file} is not valid JSON (${(error as Error).message}).`, [MANIFEST_FILE]);
  }
  if (manifest.format !== MANIFEST_FORMAT)
    throw new CorruptBackupError(
      `${file} has format ${JSON.stringify(manifest.format)}; this tool reads ${MANIFEST_FORMAT}.`,
      [MANIFEST_FILE],
    );
  return manifest;
}

/**
 * Checks every file of a backup against its manifest and SHA256SUMS: nothing missing, nothing
 * extra, every size and digest equal. Returns the manifest.
 * @throws CorruptBackupError naming each file that differs
 */
export async function verifyBackup(dir: string): Promise<BackupManifest> {
  const sumsFile = path.join(dir, SUMS_FILE);
  if (!fs.existsSync(sumsFile))
    throw new CorruptBackupError(`${dir} has no ${SUMS_FILE}: not a complete backup.`, [SUMS_FILE]);
  const sums = parseSha256Sums(fs.readFileSync(sumsFile, 'utf8'));
  const problems: string[] = [];
  const bad: string[] = [];
  const manifestSum = await sha256File(path.join(dir, MANIFEST_FILE)).catch(() => null);
  if (manifestSum === null || sums.get(MANIFEST_FILE) !== manifestSum) {
    bad.push(MANIFEST_FILE);
    problems.push(`${MANIFEST_FILE}: its SHA-256 is not the one in ${SUMS_FILE}`);
  }
  const manifest = readManifest(dir);
  for (const entry of manifest.files) {
    const file = path.join(dir, entry.path);
    if (!fs.existsSync(file)) {
      bad.push(entry.path);
      problems.push(`${entry.path}: missing`);
      continue;
    }
    const size = fs.statSync(file).size;
    const actual = await sha256File(file);
    if (size !== entry.bytes || actual !== entry.sha256 || sums.get(entry.path) !== entry.sha256) {
      bad.push(entry.path);
      problems.push(
        `${entry.path}: expected ${entry.bytes} bytes with SHA-256 ${entry.sha256.slice(0, 16)}…, ` +
          `found ${size} bytes with ${actual.slice(0, 16)}…`,
      );
    }
  }
  const listed = new Set([MANIFEST_FILE, SUMS_FILE, ...manifest.files.map((f) => f.path)]);
  for (const rel of listFiles(dir)) {
    if (!listed.has(rel)) {
      bad.push(rel);
      problems.push(`${rel}: not listed in the manifest`);
    }
  }
  if (bad.length > 0) {
    throw new CorruptBackupError(
      `The backup ${dir} is damaged; nothing was restored. ${problems.length} problem(s):\n  ` +
        `${problems.slice(0, 20).join('\n  ')}${problems.length > 20 ? `\n  … and ${problems.length - 20} more` : ''}\n` +
        `Use another backup (each one is complete on its own).`,
      bad,
    );
  }
  return manifest;
}
