import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

export interface TestDatabase {
  /** Environment variables that point the CMS (any process) at this database. */
  env: Record<string, string>;
  drop: () => Promise<void>;
}

/**
 * A database of its own for one test file: a fresh PostgreSQL database when TEST_DATABASE_URL
 * names a server (CI), else a fresh SQLite file under `sqliteDir`.
 */
export async function createTestDatabase(name: string, sqliteDir: string): Promise<TestDatabase> {
  const id = `${name}_${process.pid}`.replace(/[^a-z0-9_]/gi, '_').toLowerCase();
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const database = `pbgdpl_test_${id}`;
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await adminQuery(adminUrl, `CREATE DATABASE ${database}`);
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    return {
      env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString() },
      drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`),
    };
  }
  const file = path.join(sqliteDir, `test-${id}.db`);
  fs.mkdirSync(sqliteDir, { recursive: true });
  fs.rmSync(file, { force: true });
  return {
    // The CMS resolves DATABASE_FILENAME against its own folder; an absolute path works too.
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: file, DATABASE_URL: '' },
    drop: async () => fs.rmSync(file, { force: true }),
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
