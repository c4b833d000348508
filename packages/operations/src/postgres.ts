/**
 * PostgreSQL through its own tools: `pg_dump` in custom format inside a snapshot shared with the
 * table digests (so the manifest describes exactly what the dump holds, while the CMS keeps
 * writing), and `pg_restore` into an empty database in one transaction (all or nothing).
 */
import { spawn } from 'node:child_process';
import pg from 'pg';
import { TargetNotEmptyError, ToolFailedError } from './errors.js';
import { postgresTableDigests, type TableDigest } from './table-digests.js';

/**
 * libpq's environment for a connection URL: the tools get the password through PGPASSWORD, never
 * on their command line (where `ps` would show it).
 */
export function libpqEnv(url: string): Record<string, string> {
  const u = new URL(url);
  const env: Record<string, string> = {
    PGHOST: decodeURIComponent(u.hostname) || '127.0.0.1',
    PGPORT: u.port || '5432',
    PGDATABASE: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'postgres',
  };
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const sslmode = u.searchParams.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

/** Host, port and database of a URL, without user or password: what a manifest may record. */
export function describeDatabaseUrl(url: string): string {
  const env = libpqEnv(url);
  return `${env.PGHOST}:${env.PGPORT}/${env.PGDATABASE}`;
}

/** Runs a PostgreSQL client tool; its stderr becomes the error message. */
export function runTool(tool: string, args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', (error) =>
      reject(
        new ToolFailedError(
          `${tool} could not be started (${error.message}). Install the PostgreSQL client tools of the ` +
            `server's major version or newer (Debian: apt-get install postgresql-client-15) or name their ` +
            `folder with --pg-bin.`,
        ),
      ),
    );
    child.on('close', (code) =>
      code === 0
        ? resolve(out)
        : reject(new ToolFailedError(`${tool} ${args[0] ?? ''} … exited with code ${code}: ${err.trim()}`)),
    );
  });
}

export interface PostgresDumpResult {
  serverVersion: string;
  toolVersion: string;
  tables: TableDigest[];
}

/**
 * Dumps the database named by `url` to `file` (custom format) and digests its tables in the same
 * snapshot. The exporting transaction stays open until pg_dump is done.
 * @throws ToolFailedError when pg_dump fails
 */
export async function dumpPostgres(
  url: string,
  file: string,
  pgBin: string | null,
): Promise<PostgresDumpResult> {
  const tool = (name: string) => (pgBin ? `${pgBin}/${name}` : name);
  const toolVersion = (await runTool(tool('pg_dump'), ['--version'], {})).trim();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows } = await client.query<{ snapshot: string; version: string }>(
      "SELECT pg_export_snapshot() AS snapshot, current_setting('server_version') AS version",
    );
    const { snapshot, version } = rows[0]!;
    const dump = runTool(
      tool('pg_dump'),
      ['--format=custom', '--compress=6', `--snapshot=${snapshot}`, `--file=${file}`],
      libpqEnv(url),
    );
    // Same snapshot as the dump: the digests describe exactly the rows the dump holds.
    const tables = await postgresTableDigests(client);
    await dump;
    await client.query('COMMIT');
    return { serverVersion: version, toolVersion, tables };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * What already lives in a database besides PostgreSQL's own catalogs: schemas other than `public`
 * and relations in any schema. Empty means a restore may go there.
 */
export async function postgresContents(url: string): Promise<{ schemas: string[]; relations: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: schemas } = await client.query<{ name: string }>(
      `SELECT nspname AS name FROM pg_namespace
        WHERE nspname NOT IN ('public', 'pg_catalog', 'information_schema')
          AND nspname NOT LIKE 'pg\\_toast%' AND nspname NOT LIKE 'pg\\_temp%' ORDER BY 1`,
    );
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'
          AND n.nspname NOT LIKE 'pg\\_temp%' AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')`,
    );
    return { schemas: schemas.map((s) => s.name), relations: Number(rows[0]!.n) };
  } finally {
    await client.end();
  }
}

/**
 * Restores a custom-format dump into the empty database named by `url`, in one transaction, without
 * the source's owners and grants (the target's user owns everything), then digests its tables.
 * @throws TargetNotEmptyError when the database holds tables or schemas already
 * @throws ToolFailedError when pg_restore fails (nothing is left behind: one transaction)
 */
export async function restorePostgres(
  url: string,
  file: string,
  pgBin: string | null,
): Promise<TableDigest[]> {
  const contents = await postgresContents(url);
  if (contents.relations > 0 || contents.schemas.length > 0) {
    throw new TargetNotEmptyError(
      `The target database ${describeDatabaseUrl(url)} is not empty (${contents.relations} tables or other ` +
        `relations${contents.schemas.length ? `, schemas ${contents.schemas.join(', ')}` : ''}). A restore goes ` +
        `into a new, empty database only: create one (createdb NAME, or CREATE DATABASE NAME) and name it ` +
        `with --database-url. Nothing was changed.`,
    );
  }
  const tool = pgBin ? `${pgBin}/pg_restore` : 'pg_restore';
  await runTool(
    tool,
    [
      '--no-owner',
      '--no-privileges',
      '--single-transaction',
      '--exit-on-error',
      `--dbname=${libpqEnv(url).PGDATABASE}`,
      file,
    ],
    libpqEnv(url),
  );
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN READ ONLY');
    const digests = await postgresTableDigests(client);
    await client.query('COMMIT');
    return digests;
  } finally {
    await client.end();
  }
}
