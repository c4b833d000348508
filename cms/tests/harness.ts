import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import { Client } from 'pg';
import { createStrapi, type Core } from '@strapi/strapi';

export const CMS_DIR = path.resolve(__dirname, '..');

export interface TestCms {
  strapi: Core.Strapi;
  /** The Koa callback for Supertest. */
  http: ReturnType<Core.Strapi['server']['app']['callback']>;
  /** Environment that points another process (the seed) at the same database. */
  env: Record<string, string>;
  stop: () => Promise<void>;
}

/**
 * A database of its own for one test file: a fresh PostgreSQL database when TEST_DATABASE_URL
 * names a server (CI), else a fresh SQLite file. Returns the environment to reach it.
 */
export async function createTestDatabase(
  name: string,
): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
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
  const file = path.join(CMS_DIR, '.tmp', `test-${id}.db`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.rmSync(file, { force: true });
  return {
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.relative(CMS_DIR, file), DATABASE_URL: '' },
    drop: async () => fs.rmSync(file, { force: true }),
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Fresh secrets for a test run: nothing secret is committed or defaulted. */
export function testSecrets(): Record<string, string> {
  const r = () => crypto.randomBytes(24).toString('base64');
  return {
    APP_KEYS: `${r()},${r()}`,
    API_TOKEN_SALT: r(),
    ADMIN_JWT_SECRET: r(),
    TRANSFER_TOKEN_SALT: r(),
    JWT_SECRET: r(),
    ENCRYPTION_KEY: r(),
    STRAPI_TELEMETRY_DISABLED: 'true',
    SERVE_ADMIN_PANEL: 'false',
    STRAPI_STARTUP_BANNER: 'false',
    NODE_ENV: 'test',
  };
}

/** Boots the compiled CMS in-process on its own database and mounts its HTTP routes. */
export async function startTestCms(
  name: string,
  options: { database?: Awaited<ReturnType<typeof createTestDatabase>> } = {},
): Promise<TestCms> {
  const database = options.database ?? (await createTestDatabase(name));
  const env = { ...testSecrets(), ...database.env };
  Object.assign(process.env, env);
  const strapi = createStrapi({ appDir: CMS_DIR, distDir: path.join(CMS_DIR, 'dist') });
  strapi.log.level = 'error';
  await strapi.load();
  await strapi.server.mount();
  return {
    strapi,
    http: strapi.server.app.callback(),
    env,
    stop: async () => {
      await strapi.destroy();
      await database.drop();
    },
  };
}
