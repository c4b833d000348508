import type { Core } from '@strapi/strapi';
import { AUDIT_ENTRY } from '../federation/types';

const APPEND_ONLY = 'audit log is append-only: entries cannot be updated or deleted';

/**
 * Keeps the audit log append-only below the Document Service too:
 * - the database layer refuses any update or delete of an entry (every Strapi code path);
 * - the database itself refuses UPDATE, DELETE and TRUNCATE on the log's table and on the link
 *   to its site (triggers, PostgreSQL and SQLite), so not even a script with SQL can rewrite it.
 * Runs in bootstrap(), after the schema sync created the tables; idempotent.
 */
export async function guardAuditLog(strapi: Core.Strapi): Promise<void> {
  const refuse = () => {
    throw new Error(APPEND_ONLY);
  };
  strapi.db.lifecycles.subscribe({
    models: [AUDIT_ENTRY],
    beforeUpdate: refuse,
    beforeUpdateMany: refuse,
    beforeDelete: refuse,
    beforeDeleteMany: refuse,
  });
  const meta = strapi.db.metadata.get(AUDIT_ENTRY) as unknown as {
    tableName: string;
    attributes: Record<string, { joinTable?: { name: string } }>;
  };
  const tables = [meta.tableName, meta.attributes.site?.joinTable?.name].filter((t): t is string =>
    Boolean(t),
  );
  const knex = strapi.db.connection;
  const client = strapi.db.dialect.client;
  for (const table of tables) {
    if (client === 'postgres') {
      await knex.raw(`CREATE OR REPLACE FUNCTION pbgdpl_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '${APPEND_ONLY}'; END $$`);
      await knex.raw(`DROP TRIGGER IF EXISTS ${table}_append_only ON ${table}`);
      await knex.raw(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION pbgdpl_audit_append_only()`);
      await knex.raw(`DROP TRIGGER IF EXISTS ${table}_no_truncate ON ${table}`);
      await knex.raw(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION pbgdpl_audit_append_only()`);
    } else if (client === 'sqlite') {
      for (const operation of ['UPDATE', 'DELETE']) {
        await knex.raw(`CREATE TRIGGER IF NOT EXISTS ${table}_no_${operation.toLowerCase()}
          BEFORE ${operation} ON ${table} BEGIN SELECT RAISE(ABORT, '${APPEND_ONLY}'); END`);
      }
    }
  }
}
