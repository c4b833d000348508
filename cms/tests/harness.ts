import path from 'path';
import { createStrapi, type Core } from '@strapi/strapi';
import { createTestDatabase as createDatabase, testCmsEnv, type TestDatabase } from '@pbgdpl/test-support';

export const CMS_DIR = path.resolve(__dirname, '..');

export interface TestCms {
  strapi: Core.Strapi;
  /** The Koa callback for Supertest. */
  http: ReturnType<Core.Strapi['server']['app']['callback']>;
  stop: () => Promise<void>;
}

/** A database of its own for one test file (PostgreSQL with TEST_DATABASE_URL, else SQLite). */
export function createTestDatabase(name: string): Promise<TestDatabase> {
  return createDatabase(name, path.join(CMS_DIR, '.tmp'));
}

export { testCmsEnv };

/** Boots the compiled CMS in-process on its own database and mounts its HTTP routes. */
export async function startTestCms(
  name: string,
  options: { database?: TestDatabase } = {},
): Promise<TestCms> {
  const database = options.database ?? (await createTestDatabase(name));
  Object.assign(process.env, testCmsEnv(), database.env);
  const strapi = createStrapi({ appDir: CMS_DIR, distDir: path.join(CMS_DIR, 'dist') });
  strapi.log.level = process.env.TEST_CMS_LOG_LEVEL ?? 'error';
  await strapi.load();
  await strapi.server.mount();
  return {
    strapi,
    http: strapi.server.app.callback(),
    stop: async () => {
      await strapi.destroy();
      await database.drop();
    },
  };
}
