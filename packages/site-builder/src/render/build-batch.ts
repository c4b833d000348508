/**
 * Step 2: one Astro build for a batch of sites, in its own process. A child process per batch
 * keeps memory flat over thousands of sites (Astro's in-process build() leaks ~40 MB a run) and
 * a crash in one batch from taking the others down.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { BATCH_FILE_ENV, SNAPSHOT_DIR_ENV } from '@pbgdpl/site-template/snapshot-format';
import { SiteBuildError } from '../errors.js';

export interface BuildBatchOptions {
  /** sites/template: holds astro.config.mjs and src/pages. */
  templateDir: string;
  snapshotDir: string;
  batchFile: string;
  codes: readonly string[];
  /** Empty directory the batch is built into; each site lands in <outDir>/<code>/. */
  outDir: string;
  /** Astro/Vite cache for this run, so concurrent generations do not share one. */
  cacheDir: string;
}

/** Working directories of running Astro builds, under sites/template (git-ignored). */
export const RUNS_DIR = '.astro-runs';

/** Lines of build output kept for the error message. */
const TAIL_LINES = 40;

/**
 * @throws {SiteBuildError} when Astro exits with an error; the message carries the end of its output.
 */
export function buildBatch(options: BuildBatchOptions): Promise<void> {
  const require = createRequire(path.join(options.templateDir, 'package.json'));
  const astroPackage = require.resolve('astro/package.json');
  const astroBin = path.join(path.dirname(astroPackage), 'bin', 'astro.mjs');
  const args = [astroBin, 'build', '--root', options.templateDir, '--outDir', options.outDir];
  // Astro writes its prerender chunks to <cwd>/.astro/ when the output lies outside its working
  // directory; two builds at once in one directory (two workers on a machine) delete each other's
  // chunks. Each run gets a working directory of its own, inside the template so that the chunks
  // still find its node_modules.
  const cwd = path.join(
    options.templateDir,
    RUNS_DIR,
    `${process.pid}-${crypto.randomBytes(4).toString('hex')}`,
  );
  fs.mkdirSync(cwd, { recursive: true });
  const removeCwd = () => fs.rmSync(cwd, { recursive: true, force: true });
  return new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd,
      env: {
        ...process.env,
        [SNAPSHOT_DIR_ENV]: options.snapshotDir,
        [BATCH_FILE_ENV]: options.batchFile,
        PBGDPL_ASTRO_CACHE_DIR: options.cacheDir,
        // No telemetry call-outs from a build machine (and none are possible offline).
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const tail: string[] = [];
    const keep = (chunk: Buffer) => {
      tail.push(
        ...chunk
          .toString('utf8')
          .split('\n')
          .filter((l) => l.trim() !== ''),
      );
      tail.splice(0, Math.max(0, tail.length - TAIL_LINES));
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error) => {
      removeCwd();
      reject(
        new SiteBuildError(
          `Could not start Astro (${astroBin}): ${error.message}`,
          options.codes,
          tail.join('\n'),
        ),
      );
    });
    child.on('close', (code, signal) => {
      removeCwd();
      if (code === 0) return resolve();
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      reject(
        new SiteBuildError(
          `Astro build of ${options.codes.join(', ')} ${how}. Last output:\n${tail.join('\n')}`,
          options.codes,
          tail.join('\n'),
        ),
      );
    });
  });
}
