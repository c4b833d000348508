import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createBaseBackup, preparePointInTimeRecovery } from './point-in-time.js';

/**
 * The point-in-time recovery drill on a throwaway PostgreSQL 15 cluster of its own (initdb as the
 * `postgres` system user, as .ci/run starts its server): WAL archived by archive_command, a base
 * backup, rows written after it, a wrong DELETE, then a new cluster recovered to the moment
 * before the DELETE holds every row committed until then. Needs root (to act as `postgres`) and
 * the server binaries (PG_BIN_DIR, default /usr/lib/postgresql/15/bin).
 */
const PG_BIN = process.env.PG_BIN_DIR ?? '/usr/lib/postgresql/15/bin';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pbgdpl-pitr-'));
const archive = path.join(work, 'wal-archive');
const clusters: string[] = [];

const asPostgres = (bin: string, args: string[]) =>
  execFileSync('runuser', ['-u', 'postgres', '--', path.join(PG_BIN, bin), ...args], {
    encoding: 'utf8',
    stdio: 'pipe',
  });

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function startCluster(dataDir: string, port: number, settings: string[]): Promise<string> {
  asPostgres('pg_ctl', [
    '-D',
    dataDir,
    '-l',
    `${dataDir}.log`,
    '-w',
    '-t',
    '120',
    '-o',
    `-p ${port} -k ${work} -c listen_addresses=127.0.0.1 ${settings.map((s) => `-c ${s}`).join(' ')}`,
    'start',
  ]);
  clusters.push(dataDir);
  return `postgres://postgres@127.0.0.1:${port}/postgres`;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(() => {
  fs.chmodSync(work, 0o755);
  fs.mkdirSync(archive);
  execFileSync('chown', ['postgres', work, archive]);
});

afterAll(() => {
  for (const dir of clusters) {
    try {
      asPostgres('pg_ctl', ['-D', dir, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // already stopped
    }
  }
  fs.rmSync(work, { recursive: true, force: true });
});

test('a cluster recovered to the moment before a wrong DELETE holds every row committed until then', async () => {
  const primary = path.join(work, 'primary');
  asPostgres('initdb', ['-D', primary, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const url = await startCluster(primary, await freePort(), [
    'wal_level=replica',
    'archive_mode=on',
    `archive_command='test ! -f ${archive}/%f && cp %p ${archive}/%f'`,
  ]);
  await query(url, 'CREATE TABLE ghi_chep (id serial PRIMARY KEY, dot text NOT NULL)');
  await query(url, "INSERT INTO ghi_chep (dot) SELECT 'truoc sao luu goc' FROM generate_series(1, 100)");

  await createBaseBackup(url, path.join(work, 'base'), PG_BIN);
  expect(fs.existsSync(path.join(work, 'base', 'backup_manifest'))).toBe(true);

  await query(url, "INSERT INTO ghi_chep (dot) SELECT 'sau sao luu goc' FROM generate_series(1, 50)");
  // The moment to return to, read from the server's own clock (microseconds), after that commit.
  const [{ target }] = (await query<{ target: string }>(url, 'SELECT clock_timestamp()::text AS target')) as [
    { target: string },
  ];
  await query(url, "DELETE FROM ghi_chep WHERE dot = 'truoc sao luu goc'");
  // Close the WAL segment holding the DELETE so archive_command copies it, and wait until it has.
  const [{ segment }] = (await query<{ segment: string }>(
    url,
    'SELECT pg_walfile_name(pg_switch_wal()) AS segment',
  )) as [{ segment: string }];
  for (let i = 0; i < 600 && !fs.existsSync(path.join(archive, segment)); i += 1)
    await new Promise((r) => setTimeout(r, 100));
  expect(fs.existsSync(path.join(archive, segment))).toBe(true);
  expect(await query(url, 'SELECT dot, count(*)::int AS n FROM ghi_chep GROUP BY dot')).toEqual([
    { dot: 'sau sao luu goc', n: 50 },
  ]);

  const recovered = path.join(work, 'recovered');
  await preparePointInTimeRecovery({
    baseBackupDir: path.join(work, 'base'),
    walArchiveDir: archive,
    targetTime: target,
    dataDir: recovered,
    pgBin: PG_BIN,
  });
  execFileSync('chown', ['-R', 'postgres', recovered]);
  const recoveredUrl = await startCluster(recovered, await freePort(), []);
  let inRecovery = true;
  for (let i = 0; i < 1200 && inRecovery; i += 1) {
    inRecovery = (await query<{ r: boolean }>(recoveredUrl, 'SELECT pg_is_in_recovery() AS r'))[0]!.r;
    if (inRecovery) await new Promise((r) => setTimeout(r, 100));
  }
  expect(inRecovery).toBe(false);
  expect(
    await query(recoveredUrl, 'SELECT dot, count(*)::int AS n FROM ghi_chep GROUP BY dot ORDER BY dot'),
  ).toEqual([
    { dot: 'sau sao luu goc', n: 50 },
    { dot: 'truoc sao luu goc', n: 100 },
  ]);
  // Open for writes after promotion.
  await query(recoveredUrl, "INSERT INTO ghi_chep (dot) VALUES ('sau khoi phuc')");
});

test('recovery refuses a data folder that already holds files', async () => {
  const busy = path.join(work, 'busy');
  fs.mkdirSync(busy);
  fs.writeFileSync(path.join(busy, 'PG_VERSION'), '15');
  await expect(
    preparePointInTimeRecovery({
      baseBackupDir: path.join(work, 'base'),
      walArchiveDir: archive,
      targetTime: new Date(),
      dataDir: busy,
      pgBin: PG_BIN,
    }),
  ).rejects.toThrow(/is not empty/);
});
