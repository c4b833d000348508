import type { Core } from '@strapi/strapi';

const TABLE = 'pbgdpl_content_version';

/**
 * One row counting content writes. Every process of the CMS reads it before answering from its
 * cache, so a write through any process invalidates the caches of all of them.
 */
export async function ensureContentVersionTable(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  if (!(await knex.schema.hasTable(TABLE))) {
    await knex.schema.createTable(TABLE, (table) => {
      table.integer('id').primary();
      table.bigInteger('version').notNullable();
      table.timestamp('changed_at', { useTz: true }).notNullable();
    });
  }
  await knex(TABLE)
    .insert({ id: 1, version: 1, changed_at: new Date() })
    .onConflict('id')
    .ignore();
}

export async function readContentVersion(strapi: Core.Strapi): Promise<string> {
  const row = (await strapi.db.connection(TABLE).where({ id: 1 }).first('version')) as
    | { version: string | number }
    | undefined;
  return String(row?.version ?? 0);
}

/** Call after any write that can change what public readers see and that bypasses the Document Service. */
export async function bumpContentVersion(strapi: Core.Strapi): Promise<void> {
  await strapi.db.connection(TABLE)
    .where({ id: 1 })
    .update({ version: strapi.db.connection.raw('version + 1'), changed_at: new Date() });
}
