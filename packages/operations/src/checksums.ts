/** SHA-256 of files, streamed (uploads may be 500 MB videos), and the files of a folder in a stable order. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

export interface FileEntry {
  /** Relative to the backup folder, with forward slashes. */
  path: string;
  bytes: number;
  sha256: string;
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

/** Every regular file under `dir`, relative to it, sorted (byte order, so the listing never depends on locale). */
export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** One entry per file: its size and SHA-256; `root` is what the paths are relative to. */
export async function describeFiles(root: string, relativePaths: readonly string[]): Promise<FileEntry[]> {
  const entries: FileEntry[] = [];
  for (const rel of relativePaths) {
    const file = path.join(root, rel);
    entries.push({ path: rel, bytes: fs.statSync(file).size, sha256: await sha256File(file) });
  }
  return entries;
}

/** The `sha256sum` format, so an operator can check a backup with coreutils (`sha256sum -c SHA256SUMS`). */
export function formatSha256Sums(entries: readonly FileEntry[]): string {
  return entries.map((e) => `${e.sha256}  ${e.path}\n`).join('');
}

export function parseSha256Sums(text: string): Map<string, string> {
  const sums = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line.trim());
    if (m) sums.set(m[2]!, m[1]!);
  }
  return sums;
}
