/**
 * `pnpm ops:base-backup --out DIR`: a PostgreSQL base backup (pg_basebackup, checked by
 * pg_verifybackup) — with the server's WAL archive, the start point of point-in-time recovery
 * (`pnpm ops:pitr-prepare`, docs/operations.md).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createBaseBackup } from '@pbgdpl/operations';
import { fail, fromCwd } from './targets.ts';

async function main() {
  const args = process.argv.slice(2);
  const { values } = parseArgs({
    args: args[0] === '--' ? args.slice(1) : args,
    options: {
      out: { type: 'string' },
      'database-url': { type: 'string' },
      'pg-bin': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || !values.out)
    return console.log(`Sao lưu gốc (PostgreSQL base backup for point-in-time recovery)

  pnpm ops:base-backup --out DIR [--database-url URL] [--pg-bin DIR]

  --out DIR            receives base-<UTC time>/ (plain format, WAL included, backup_manifest)
  --database-url URL   a role with REPLICATION ($DATABASE_URL); pg_hba.conf needs a replication line`);
  const url = values['database-url'] ?? process.env.DATABASE_URL;
  if (!url) throw new Error('Name the database with --database-url (or $DATABASE_URL).');
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
  const dir = path.join(fromCwd(values.out), `base-${stamp}`);
  const started = Date.now();
  await createBaseBackup(url, dir, values['pg-bin'] ?? null);
  console.log(`Base backup written and verified: ${dir} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

main().catch(fail);
