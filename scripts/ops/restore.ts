/**
 * `pnpm ops:restore --from DIR`: a backup into an empty database and uploads folder, checked before
 * (checksums) and after (every table's digest against the source's).
 */
import { parseArgs } from 'node:util';
import { restoreBackup } from '@pbgdpl/operations';
import { TARGET_HELP, TARGET_OPTIONS, fail, fromCwd, targets } from './targets.ts';

const HELP = `Khôi phục (restore) a backup into an EMPTY database and uploads folder

  pnpm ops:restore --from DIR [options]

  --from DIR             a backup folder (pbgdpl-<time>/ written by pnpm ops:backup)
${TARGET_HELP}

  Refuses, changing nothing, a backup whose checksums differ and a target that holds data.`;

async function main() {
  const args = process.argv.slice(2);
  const { values } = parseArgs({
    args: args[0] === '--' ? args.slice(1) : args,
    options: { ...TARGET_OPTIONS, from: { type: 'string' } },
  });
  if (values.help) return console.log(HELP);
  if (!values.from) throw new Error('Name the backup with --from DIR.');
  const result = await restoreBackup({
    from: fromCwd(values.from),
    ...targets(values),
    log: (message) => !values.json && console.error(`  ${message}`),
  });
  const needed = result.secrets.variables.filter((v) => v.setIn !== 'not-set');
  if (values.json) {
    console.log(
      JSON.stringify({
        seconds: result.seconds,
        tables: result.tables.length,
        rows: result.tables.reduce((n, t) => n + t.rows, 0),
        uploads: result.uploads,
        variables: needed.map((v) => v.name),
      }),
    );
    return;
  }
  console.log(
    `Restored ${result.manifest.database.client} database (${result.tables.length} tables, each identical to the ` +
      `backup's digest) and ${result.uploads} uploads in ${result.seconds.toFixed(1)} s (backup of ${result.manifest.startedAt}).`,
  );
  console.log(
    `Before starting the CMS, set these ${needed.length} variables as they were (secrets from your secret store; ` +
      `the backup holds their names only):\n  ${needed.map((v) => `${v.name}${v.secret ? ' (secret)' : ''}`).join(', ')}`,
  );
  console.log('Then rebuild the sites if their web roots were lost too: pnpm sync:build --all');
}

main().catch(fail);
