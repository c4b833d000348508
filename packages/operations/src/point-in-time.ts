/**
 * Point-in-time recovery for PostgreSQL: a base backup (`pg_basebackup`, plain format, with its own
 * backup manifest checked by `pg_verifybackup`) plus the WAL the server archives continuously
 * (`archive_mode = on`, `archive_command` copying each segment to an archive) can rebuild the
 * database as it was at any moment after the base backup — e.g. one second before an operator's
 * wrong DELETE. The server's archiving is the DBA's configuration (docs/operations.md); this
 * module takes the base backup and prepares a new data folder to replay up to a target time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { OperationsError, TargetNotEmptyError } from './errors.js';
import { libpqEnv, runTool } from './postgres.js';

const tool = (pgBin: string | null, name: string) => (pgBin ? path.join(pgBin, name) : name);

/**
 * A base backup of the whole cluster into `dir` (must not exist): plain format, the WAL needed to
 * make it consistent streamed alongside (`-X stream`), a fast checkpoint, SHA-256 in its manifest,
 * then checked with pg_verifybackup. Needs a role with REPLICATION and a `replication` line in
 * pg_hba.conf.
 * @throws ToolFailedError when pg_basebackup or pg_verifybackup fails
 */
export async function createBaseBackup(url: string, dir: string, pgBin: string | null): Promise<void> {
  if (fs.existsSync(dir))
    throw new TargetNotEmptyError(`${dir} exists: a base backup goes into a new folder.`);
  await runTool(
    tool(pgBin, 'pg_basebackup'),
    [
      '--pgdata',
      dir,
      '--format=plain',
      '--wal-method=stream',
      '--checkpoint=fast',
      '--manifest-checksums=SHA256',
      '--no-password',
    ],
    libpqEnv(url),
  );
  await runTool(tool(pgBin, 'pg_verifybackup'), [dir], {});
}

export interface RecoveryPlan {
  /** The base backup (a folder written by createBaseBackup). */
  baseBackupDir: string;
  /** Where the server's archive_command copied WAL segments. */
  walArchiveDir: string;
  /**
   * Replay the transactions committed up to this moment, then open for writes: a Date, or a
   * timestamp PostgreSQL reads (`2026-12-08 02:00:00.123456+07`, microseconds kept).
   */
  targetTime: Date | string;
  /** A new data folder for the recovered cluster (must not exist or be empty). */
  dataDir: string;
  pgBin: string | null;
}

/**
 * Checks the base backup, copies it to `dataDir` and writes the recovery settings
 * (`restore_command`, `recovery_target_time`, `recovery_target_action = 'promote'`, and
 * `recovery.signal`). Starting PostgreSQL on `dataDir` then replays the archive up to the target
 * and opens the database. The server must not archive into `walArchiveDir` from the recovered
 * cluster (archive_mode is switched off in it).
 * @throws TargetNotEmptyError when dataDir holds files; ToolFailedError when pg_verifybackup fails
 */
export async function preparePointInTimeRecovery(plan: RecoveryPlan): Promise<void> {
  if (fs.existsSync(plan.dataDir) && fs.readdirSync(plan.dataDir).length > 0)
    throw new TargetNotEmptyError(
      `${plan.dataDir} is not empty: recover into a new data folder. Nothing was changed.`,
    );
  if (!fs.existsSync(path.join(plan.walArchiveDir)))
    throw new OperationsError(`The WAL archive ${plan.walArchiveDir} does not exist.`);
  if (plan.walArchiveDir.includes("'"))
    throw new OperationsError(`The WAL archive's path must not contain a quote: ${plan.walArchiveDir}`);
  await runTool(tool(plan.pgBin, 'pg_verifybackup'), [plan.baseBackupDir], {});
  fs.cpSync(plan.baseBackupDir, plan.dataDir, { recursive: true });
  fs.chmodSync(plan.dataDir, 0o700);
  const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;
  const target = typeof plan.targetTime === 'string' ? plan.targetTime : plan.targetTime.toISOString();
  fs.appendFileSync(
    path.join(plan.dataDir, 'postgresql.auto.conf'),
    [
      '',
      '# Point-in-time recovery written by @pbgdpl/operations (preparePointInTimeRecovery)',
      `restore_command = ${quote(`cp '${plan.walArchiveDir}/%f' '%p'`)}`,
      `recovery_target_time = ${quote(target)}`,
      "recovery_target_action = 'promote'",
      "archive_mode = 'off'",
      '',
    ].join('\n'),
  );
  fs.writeFileSync(path.join(plan.dataDir, 'recovery.signal'), '');
}
