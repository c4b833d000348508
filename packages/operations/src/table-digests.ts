/**
 * A digest of every table's rows, to prove a restore holds the same data as its source: the row
 * count and the sum of a 60-bit hash of each row, so the result does not depend on row order (a
 * restore reloads rows in its own order). Not a cryptographic seal: it catches lost, extra and
 * changed rows, not a forger. PostgreSQL and SQLite digests are not comparable with each other.
 */
import type pg from 'pg';
import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';

export interface TableDigest {
  /** `schema.table` on PostgreSQL, the table name on SQLite. */
  table: string;
  rows: number;
  digest: string;
}

/** Session settings that fix how values print, so a row prints the same on any server. */
const STABLE_OUTPUT = [
  "SET LOCAL TimeZone = 'UTC'",
  "SET LOCAL DateStyle = 'ISO, YMD'",
  "SET LOCAL IntervalStyle = 'postgres'",
  'SET LOCAL extra_float_digits = 1',
  "SET LOCAL bytea_output = 'hex'",
];

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Every ordinary and partitioned table outside PostgreSQL's own schemas (partitions are counted
 * through their parent). Run inside a transaction: the settings above are local to it, and a
 * backup runs this in the transaction whose snapshot pg_dump shares.
 */
export async function postgresTableDigests(client: pg.ClientBase): Promise<TableDigest[]> {
  for (const statement of STABLE_OUTPUT) await client.query(statement);
  const { rows: tables } = await client.query<{ schema: string; name: string }>(
    `SELECT n.nspname AS schema, c.relname AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
      ORDER BY n.nspname COLLATE "C", c.relname COLLATE "C"`,
  );
  const digests: TableDigest[] = [];
  for (const { schema, name } of tables) {
    const { rows } = await client.query<{ rows: string; digest: string }>(
      `SELECT count(*)::text AS rows,
              coalesce(sum(('x' || substr(md5(t::text), 1, 15))::bit(60)::bigint), 0)::text AS digest
         FROM ${quoteIdent(schema)}.${quoteIdent(name)} AS t`,
    );
    digests.push({ table: `${schema}.${name}`, rows: Number(rows[0]!.rows), digest: rows[0]!.digest });
  }
  return digests;
}

/** Every table of a SQLite database but SQLite's own, digested the same way in Node. */
export function sqliteTableDigests(db: Database.Database): TableDigest[] {
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
    )
    .all() as Array<{ name: string }>;
  return tables.map(({ name }) => {
    let rows = 0;
    let sum = 0n;
    const statement = db
      .prepare(`SELECT * FROM ${quoteIdent(name)}`)
      .raw(true)
      .safeIntegers(true);
    for (const row of statement.iterate() as Iterable<unknown[]>) {
      rows += 1;
      // Integers as BigInt (no rounding of 64-bit ids); blobs print through Buffer's toJSON.
      const text = JSON.stringify(row, (_key, value: unknown) =>
        typeof value === 'bigint' ? `${value}n` : value,
      );
      sum += BigInt(`0x${createHash('sha256').update(text).digest('hex').slice(0, 15)}`);
    }
    return { table: name, rows, digest: sum.toString() };
  });
}

/** Tables whose digest differs (or that only one side has), by name. */
export function compareDigests(
  expected: readonly TableDigest[],
  actual: readonly TableDigest[],
): Array<{ table: string; expected: TableDigest | null; actual: TableDigest | null }> {
  const byName = (list: readonly TableDigest[]) => new Map(list.map((d) => [d.table, d]));
  const a = byName(expected);
  const b = byName(actual);
  const names = [...new Set([...a.keys(), ...b.keys()])].sort();
  return names
    .filter((n) => a.get(n)?.rows !== b.get(n)?.rows || a.get(n)?.digest !== b.get(n)?.digest)
    .map((n) => ({ table: n, expected: a.get(n) ?? null, actual: b.get(n) ?? null }));
}
