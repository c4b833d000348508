/**
 * `pnpm ops:licences [--out FILE] [--json]`: the licences of the production dependencies
 * (`pnpm licenses list --prod`), grouped, with those needing attention (copyleft, content
 * licences, undeclared). Prints Markdown; --out writes it to a file too.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
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
  const report = licenceReport(JSON.parse(run.stdout));
  const text = values.json
    ? `${JSON.stringify(report, null, 2)}\n`
    : formatLicenceReport(report, new Date().toISOString().slice(0, 10));
  if (values.out) fs.writeFileSync(fromCwd(values.out), text);
  process.stdout.write(text);
}

try {
  main();
} catch (error) {
  fail(error);
}
