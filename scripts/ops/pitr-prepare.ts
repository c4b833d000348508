/**
 * `pnpm ops:pitr-prepare --base DIR --wal-archive DIR --target-time T --data-dir NEW`: a new data
 * folder that, started with pg_ctl, replays the archived WAL up to T and opens (docs/operations.md).
 */
import { parseArgs } from 'node:util';
import { preparePointInTimeRecovery } from '@pbgdpl/operations';
import { fail, fromCwd } from './targets.ts';

async function main() {
  const args = process.argv.slice(2);
  const { values } = parseArgs({
    args: args[0] === '--' ? args.slice(1) : args,
    options: {
      base: { type: 'string' },
      'wal-archive': { type: 'string' },
      'target-time': { type: 'string' },
      'data-dir': { type: 'string' },
      'pg-bin': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const { base, 'wal-archive': wal, 'target-time': target, 'data-dir': dataDir } = values;
  if (values.help || !base || !wal || !target || !dataDir)
    return console.log(`Khôi phục đến một thời điểm (prepare point-in-time recovery)

  pnpm ops:pitr-prepare --base DIR --wal-archive DIR --target-time "2026-12-08 09:41:00+07" --data-dir NEW

  --base DIR           a base backup (pnpm ops:base-backup) taken before the target time
  --wal-archive DIR    where the server's archive_command copies WAL segments
  --target-time T      replay transactions committed up to T (with its time zone), then open
  --data-dir NEW       a new, empty data folder for the recovered cluster
  --pg-bin DIR         folder of pg_verifybackup (e.g. /usr/lib/postgresql/15/bin)`);
  // PostgreSQL reads the timestamp; demand an explicit zone so nobody recovers to the wrong hour.
  if (!/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}(:?\d{2})?)$/.test(target))
    throw new Error(
      `--target-time must be a timestamp with its zone, e.g. "2026-12-08 09:41:00+07", not "${target}".`,
    );
  await preparePointInTimeRecovery({
    baseBackupDir: fromCwd(base),
    walArchiveDir: fromCwd(wal),
    targetTime: target,
    dataDir: fromCwd(dataDir),
    pgBin: values['pg-bin'] ?? null,
  });
  console.log(`Ready: ${fromCwd(dataDir)}
  chown -R postgres ${fromCwd(dataDir)}
  pg_ctl -D ${fromCwd(dataDir)} -o "-p <free port>" start    # replays up to ${target}, then opens for writes
Check the data there, then dump it (pnpm ops:backup --database-url …) and restore it where it belongs.`);
}

main().catch(fail);
