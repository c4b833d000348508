/**
 * A hash of everything besides the snapshot that decides what a page looks like: the template's
 * sources (pages, components, layouts, lib, styles, client scripts), its Astro configuration and
 * locked dependencies, and the built domain package whose labels and paths the pages use. A new
 * template therefore never reuses a page rendered by the old one.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const SOURCE_EXTENSIONS = new Set(['.astro', '.ts', '.js', '.mjs', '.css', '.json']);

let cached: { dir: string; hash: string } | undefined;

/** Computed once per process (about a hundred small files). */
export function templateHash(templateDir: string): string {
  if (cached?.dir === templateDir) return cached.hash;
  const hash = crypto.createHash('sha256');
  const add = (file: string) => {
    hash.update(path.relative(templateDir, file));
    hash.update('\0');
    hash.update(fs.readFileSync(file));
    hash.update('\0');
  };
  for (const file of sourceFiles(path.join(templateDir, 'src'))) add(file);
  for (const name of ['astro.config.mjs', 'package.json']) add(path.join(templateDir, name));
  const domainDist = domainDistDir(templateDir);
  if (domainDist) for (const file of sourceFiles(domainDist)) add(file);
  cached = { dir: templateDir, hash: hash.digest('hex').slice(0, 16) };
  return cached.hash;
}

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter(
      (e) => e.isFile() && SOURCE_EXTENSIONS.has(path.extname(e.name)) && !/\.test\.[cm]?[jt]s$/.test(e.name),
    )
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

function domainDistDir(templateDir: string): string | null {
  try {
    const require = createRequire(path.join(templateDir, 'package.json'));
    return path.join(path.dirname(require.resolve('@pbgdpl/domain/package.json')), 'dist');
  } catch {
    return null;
  }
}
