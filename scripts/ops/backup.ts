/**
 * `pnpm ops:backup --out DIR`: a complete, checked backup of what cannot be rebuilt (see
 * packages/operations and docs/operations.md) into DIR/pbgdpl-<UTC time>/.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createBackup, pruneBackups } from '@pbgdpl/operations';
import {
  ROOT,
  TARGET_HELP,
  TARGET_OPTIONS,
  currentCommit,
  fail,
  fromCwd,
  megabytes,
  targets,
} from './targets.ts';

const HELP = `Sao lưu (back up) the CMS database, uploads, secrets layout and sync state

  pnpm ops:backup --out DIR [options]

  --out DIR              folder that receives pbgdpl-<UTC time>/ ($PBGDPL_BACKUP_DIR)
  --keep N               then keep only the N newest backups in DIR (default: keep all)
  --env-file FILE        the CMS's env file, whose variable names are recorded (default cms/.env)
${TARGET_HELP}
  --json                 one JSON line with the result`;

async function main() {
  const args = process.argv.slice(2);
  const { values } = parseArgs({
    args: args[0] === '--' ? args.slice(1) : args,
    options: {
      ...TARGET_OPTIONS,
      out: { type: 'string' },
      keep: { type: 'string' },
      'env-file': { type: 'string' },
    },
  });
  if (values.help) return console.log(HELP);
  const out = values.out ?? process.env.PBGDPL_BACKUP_DIR;
  if (!out) throw new Error('Name the backup folder with --out DIR (or $PBGDPL_BACKUP_DIR).');
  const keep = values.keep === undefined ? null : Number(values.keep);
  if (keep !== null && (!Number.isInteger(keep) || keep < 1))
    throw new Error(`--keep must be a whole number of backups, 1 or more, not "${values.keep}".`);
  const where = targets(values);
  const result = await createBackup({
    outDir: fromCwd(out),
    ...where,
    envFile: values['env-file'] ? fromCwd(values['env-file']) : path.join(ROOT, 'cms', '.env'),
    exampleFile: path.join(ROOT, 'cms', '.env.example'),
    commit: currentCommit(),
    log: (message) => !values.json && console.error(`  ${message}`),
  });
  const pruned = keep === null ? [] : pruneBackups(fromCwd(out), keep);
  const { manifest } = result;
  if (values.json) {
    console.log(
      JSON.stringify({
        dir: result.dir,
        bytes: result.bytes,
        seconds: result.seconds,
        database: manifest.database.client,
        tables: manifest.database.tables.length,
        rows: manifest.database.tables.reduce((n, t) => n + t.rows, 0),
        uploads: manifest.uploads.files,
        pruned,
      }),
    );
    return;
  }
  console.log(`Backup written: ${result.dir}`);
  console.log(
    `  ${manifest.database.client} database: ${manifest.database.tables.length} tables, ` +
      `${manifest.database.tables.reduce((n, t) => n + t.rows, 0)} rows; uploads: ${manifest.uploads.files} files ` +
      `(${megabytes(manifest.uploads.bytes)}); sync state: ${manifest.syncState.where}`,
  );
  console.log(
    `  ${megabytes(result.bytes)} in ${result.seconds.toFixed(1)} s; check it with: pnpm ops:verify --from ${result.dir}`,
  );
  for (const dir of pruned) console.log(`  removed old backup ${dir}`);
}

main().catch(fail);
