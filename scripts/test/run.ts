/**
 * `pnpm test`: every package's tests through Turborepo (one package at a time: each CMS suite
 * boots a ~500 MB Strapi and the machine has two cores), then one closing line with the totals
 * over all Jest runs, read from the JSON results each package writes.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const RESULTS = '.jest-results.json';
const PACKAGE_DIRS = [
  'cms',
  'tests',
  ...['packages', 'sites'].flatMap((group) => subdirs(path.join(ROOT, group))),
];

function subdirs(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).map((d) => path.relative(ROOT, path.join(dir, d))) : [];
}

for (const dir of PACKAGE_DIRS) fs.rmSync(path.join(ROOT, dir, RESULTS), { force: true });

const turbo = spawnSync('turbo', ['run', 'test', '--concurrency=1', ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
});

let passed = 0;
let failed = 0;
const lines: string[] = [];
for (const dir of PACKAGE_DIRS) {
  const file = path.join(ROOT, dir, RESULTS);
  if (!fs.existsSync(file)) continue;
  const result = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
  };
  passed += result.numPassedTests;
  failed += result.numFailedTests;
  lines.push(
    `  ${dir.padEnd(28)} ${String(result.numPassedTests).padStart(5)} passed, ${result.numFailedTests} failed`,
  );
}
console.log(`\nTest totals by package:\n${lines.join('\n')}`);
console.log(`Tests: ${passed} passed, ${failed} failed`);
process.exit(turbo.status !== 0 || failed > 0 ? 1 : passed === 0 ? 1 : 0);
