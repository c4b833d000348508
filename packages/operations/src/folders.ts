/** Copying a folder of files (uploads) into a backup and back, refusing to mix with existing files. */
import fs from 'node:fs';
import path from 'node:path';
import { TargetNotEmptyError } from './errors.js';
import { listFiles } from './checksums.js';

/** Files a fresh checkout puts in an otherwise empty folder: they do not make it "not empty". */
const PLACEHOLDERS = new Set(['.gitkeep']);

/** Copies every file under `from` to the same relative path under `to`; the relative paths, sorted. */
export function copyTree(from: string, to: string): string[] {
  const files = listFiles(from);
  for (const rel of files) {
    const target = path.join(to, rel);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // A clone where the file system can (reflink), else a copy; never a hard link: a backup must
    // not change when the live file does.
    fs.copyFileSync(path.join(from, rel), target, fs.constants.COPYFILE_FICLONE);
  }
  return files;
}

/** Files already in `dir` apart from placeholders (none when it does not exist). */
export function existingFiles(dir: string): string[] {
  return listFiles(dir).filter((rel) => !PLACEHOLDERS.has(path.basename(rel)));
}

/**
 * @throws TargetNotEmptyError when `dir` holds files other than placeholders
 */
export function assertEmptyFolder(dir: string, what: string, option: string): void {
  const files = existingFiles(dir);
  if (files.length > 0) {
    throw new TargetNotEmptyError(
      `The ${what} folder ${dir} is not empty (${files.length} files, e.g. ${files.slice(0, 3).join(', ')}). ` +
        `A restore writes only into an empty or new folder: move those files away or name another folder ` +
        `with ${option}. Nothing was changed.`,
    );
  }
}
