/**
 * The CMS's own database as `@pbgdpl/domain`'s `SqlReader`, so the CMS reads the sync engine's
 * state with the queries the engine itself uses (the status page, the coverage figures). Knex runs
 * the `?` placeholders on PostgreSQL and SQLite alike.
 */
import type { Core } from '@strapi/strapi';
import type { SqlReader } from '@pbgdpl/domain';

/** Strapi's knex, or a transaction of it. */
type Db = Core.Strapi['db']['connection'];

export function syncReader(strapi: Core.Strapi, db: Db = strapi.db.connection): SqlReader {
  return {
    dialect: strapi.db.dialect.client === 'postgres' ? 'postgres' : 'sqlite',
    rows: async <T extends object>(sql: string, params: readonly unknown[] = []) => {
      const result = (await db.raw(sql, [...params] as never)) as { rows?: T[] } | T[];
      return Array.isArray(result) ? result : (result.rows ?? []);
    },
  };
}
