/**
 * Plain Astro for `pnpm bench:generators`: `astro build` of the site template over a kept generator
 * snapshot, exactly as the builder's render step runs it (site-builder render/build-batch.ts: the snapshot
 * and the batch named through PBGDPL_SNAPSHOT_DIR / PBGDPL_BATCH_FILE) — Astro's own rendering, with
 * none of the generator's fetch or post-build steps (search index, sitemap, service worker,
 * precompression, install).
 *
 * Two variants, each built from a throwaway copy of the template (its files copied unchanged):
 * - `all`: every route, the sites as they are published;
 * - `legal`: only the route of the legal-document pages — `[site]/van-ban/` (documents, their
 *   text pages, the list and its filters) — the pages the Hugo site has; the other routes are left
 *   out of the copy.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { TEMPLATE_DIR } from '@pbgdpl/site-builder';

export { TEMPLATE_DIR };

/** The routes the Hugo site mirrors, under src/pages/[site]/. */
const LEGAL_ROUTES = ['van-ban'];

/**
 * A throwaway copy of the template to build (its src/ and config copied, node_modules linked),
 * with every route or only the legal-document ones. It lies at
 * `<dir>/sites/template/` beside links to the rest of the repository, so anything the template
 * reaches outside its folder resolves as it does in place. Astro runs in the copy: its
 * scratch files (prerender chunks under .astro/) never meet another build of sites/template.
 */
export function templateCopy(dir: string, routes: 'all' | 'legal'): string {
  const repo = path.dirname(path.dirname(TEMPLATE_DIR));
  const copy = path.join(dir, 'sites', 'template');
  fs.mkdirSync(copy, { recursive: true });
  for (const entry of fs.readdirSync(repo))
    if (entry !== 'sites' && entry !== '.git') fs.symlinkSync(path.join(repo, entry), path.join(dir, entry));
  for (const file of ['astro.config.mjs', 'package.json', 'tsconfig.json'])
    fs.copyFileSync(path.join(TEMPLATE_DIR, file), path.join(copy, file));
  fs.symlinkSync(path.join(TEMPLATE_DIR, 'node_modules'), path.join(copy, 'node_modules'));
  fs.cpSync(path.join(TEMPLATE_DIR, 'src'), path.join(copy, 'src'), { recursive: true });
  if (routes === 'all') return copy;
  const pages = path.join(copy, 'src', 'pages', '[site]');
  for (const entry of fs.readdirSync(pages))
    if (!LEGAL_ROUTES.includes(entry)) fs.rmSync(path.join(pages, entry), { recursive: true });
  const missing = LEGAL_ROUTES.filter((r) => !fs.existsSync(path.join(pages, r)));
  if (missing.length > 0)
    throw new Error(
      `the template has no route ${missing.join(', ')} any more: update scripts/bench/generators-astro.ts`,
    );
  return copy;
}

/** The command that builds `codes` of the snapshot with the template at `templateDir` into `outDir`. */
export function astroBuildCommand(options: {
  templateDir: string;
  snapshotDir: string;
  codes: readonly string[];
  outDir: string;
  /** Scratch folder for the batch file and Astro's cache (fresh per run: no warm cache). */
  workDir: string;
}): { command: string; args: string[]; env: Record<string, string>; cwd: string } {
  const astroPackage = createRequire(path.join(TEMPLATE_DIR, 'package.json')).resolve('astro/package.json');
  const batchFile = path.join(options.workDir, 'batch.json');
  fs.mkdirSync(options.workDir, { recursive: true });
  fs.writeFileSync(batchFile, JSON.stringify({ codes: options.codes }));
  return {
    command: process.execPath,
    args: [
      path.join(path.dirname(astroPackage), 'bin', 'astro.mjs'),
      'build',
      '--root',
      options.templateDir,
      '--outDir',
      options.outDir,
    ],
    cwd: options.templateDir,
    env: {
      PBGDPL_SNAPSHOT_DIR: options.snapshotDir,
      PBGDPL_BATCH_FILE: batchFile,
      PBGDPL_ASTRO_CACHE_DIR: path.join(options.workDir, 'astro-cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
    },
  };
}
