/**
 * Step 3: put a freshly built site in place. The new folder is built beside the output (same
 * file system), then swapped in with renames, so a reader sees either the old site or the new
 * one, never a half-written mix. Linux cannot rename a directory over a non-empty one, so the
 * swap is two renames; between them (microseconds) the folder is absent.
 */
import fs from 'node:fs';
import path from 'node:path';

/**
 * Moves `builtDir` to `<outDir>/<code>`, replacing what was there.
 * @throws the file system's error when a rename fails; the old site is then put back.
 */
export function installSite(builtDir: string, outDir: string, code: string): string {
  const target = path.join(outDir, code);
  const old = path.join(outDir, `.${code}.old-${process.pid}-${Date.now()}`);
  const hadOld = fs.existsSync(target);
  if (hadOld) fs.renameSync(target, old);
  try {
    fs.renameSync(builtDir, target);
  } catch (error) {
    if (hadOld) fs.renameSync(old, target);
    throw error;
  }
  if (hadOld) fs.rmSync(old, { recursive: true, force: true });
  return target;
}

/** Pages (index.html files) and bytes in a built site. */
export function measureSite(dir: string): { pages: number; bytes: number } {
  let pages = 0;
  let bytes = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    bytes += fs.statSync(path.join(entry.parentPath, entry.name)).size;
    if (entry.name.endsWith('.html')) pages += 1;
  }
  return { pages, bytes };
}
