/**
 * `pnpm ops:licences [--out FILE] [--json]`: the licences of the production dependencies
 * (`pnpm licenses list --prod`), grouped, with those needing attention (copyleft, content
 * licences, undeclared). Prints Markdown; --out writes it to a file too.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatLicenceReport, licenceReport } from '@pbgdpl/operations';
import { ROOT, fail, fromCwd } from './targets.ts';

function main() {
  const args = process.argv.slice(2);
  const { values } = parseArgs({
    args: args[0] === '--' ? args.slice(1) : args,
    options: {
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help)
    return console.log(
      'Giấy phép (licences of production dependencies)\n\n  pnpm ops:licences [--out FILE] [--json]',
    );
  const run = spawnSync('pnpm', ['licenses', 'list', '--prod', '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0)
    throw new Error(`pnpm licenses list --prod failed: ${run.stderr || run.error?.message}`);
  const report = licenceReport(JSON.parse(run.stdout), licenceFileTitle);
  const text = values.json
    ? `${JSON.stringify(report, null, 2)}\n`
    : formatLicenceReport(report, new Date().toISOString().slice(0, 10));
  if (values.out) fs.writeFileSync(fromCwd(values.out), text);
  process.stdout.write(text);
}

/**
 * The line of a package's LICENSE file that names its licence ("Enterprise License", "MIT
 * License"), for packages that declare none in SPDX form ("SEE LICENSE IN LICENSE", none at all).
 */
function licenceFileTitle(pkg: { paths?: string[] }): string | null {
  const dir = pkg.paths?.[0];
  if (!dir || !fs.existsSync(dir)) return null;
  const file = fs.readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
  if (!file) return 'no licence file';
  const text = fs.readFileSync(path.join(dir, file), 'utf8');
  const title = text
    .split('\n')
    .slice(0, 30)
    .map((l) => l.trim())
    .find((l) => /\blicen[cs]e\b/i.test(l) && l.length <= 60);
  if (title) return title;
  return /Permission is hereby granted, free of charge/.test(text) ? 'MIT-style permission text' : null;
}

try {
  main();
} catch (error) {
  fail(error);
}
