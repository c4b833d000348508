import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Paths of the workspace this suite drives from outside: it runs commands, imports nothing of cms. */
export const ROOT = path.resolve(__dirname, '..', '..');
export const CMS_DIR = path.join(ROOT, 'cms');
export const GENERATOR_CLI = path.join(ROOT, 'packages', 'site-builder', 'dist', 'cli.js');

export function dataDir(): string {
  return process.env.PBGDPL_DATA_DIR ?? path.resolve(ROOT, '..', 'shared', 'data');
}

/** Runs a Node script to completion; throws with its output when it fails. */
export function runNode(
  script: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): string {
  if (!fs.existsSync(script)) throw new Error(`${script} is missing: run \`pnpm build\` first`);
  const result = spawnSync(process.execPath, [script, ...args], {
    ...options,
    encoding: 'utf8',
    timeout: 600_000,
  });
  const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`;
  if (result.status !== 0)
    throw new Error(`${path.basename(script)} ${args.join(' ')} exited ${result.status}:\n${output}`);
  return output;
}
