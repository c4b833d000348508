import type { Core } from '@strapi/strapi';

/**
 * `pbgdpl_demand_searches`: how many times a normalised query was searched on a site on a day
 * (Vietnam time). That is all the search beacon ever writes: one aggregate row per (site, day,
 * query), no address, browser, cookie, time of day or row per request. Created at boot (the
 * submissions' counters are kept the same way); one atomic upsert per counted search.
 */
export const DEMAND_SEARCHES = 'pbgdpl_demand_searches';

/** Creates the table when missing (bootstrap; idempotent). */
export async function ensureDemandTable(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  if (await knex.schema.hasTable(DEMAND_SEARCHES)) return;
  await knex.schema.createTable(DEMAND_SEARCHES, (t) => {
    t.integer('site_id').notNullable();
    // 'YYYY-MM-DD' in Vietnam: a string compares and groups the same on PostgreSQL and SQLite.
    t.string('day', 10).notNullable();
    t.string('query', 100).notNullable();
    t.integer('searches').notNullable();
    t.primary(['site_id', 'day', 'query']);
    // The national totals behind the k-anonymity rule read by day and query.
    t.index(['day', 'query'], `${DEMAND_SEARCHES}_day_query`);
  });
}

/** Adds one search of `query` on the site that day. */
export async function countSearch(
  strapi: Core.Strapi,
  siteId: number,
  day: string,
  query: string,
): Promise<void> {
  await strapi.db.connection.raw(
    `INSERT INTO ${DEMAND_SEARCHES} (site_id, day, query, searches) VALUES (?, ?, ?, 1)
     ON CONFLICT (site_id, day, query) DO UPDATE SET searches = ${DEMAND_SEARCHES}.searches + 1`,
    [siteId, day, query],
  );
}

/** Deletes the days before `oldestKept` (nightly); returns the rows removed. */
export async function pruneDemand(strapi: Core.Strapi, oldestKept: string): Promise<number> {
  return Number(await strapi.db.connection(DEMAND_SEARCHES).where('day', '<', oldestKept).delete());
}
