/**
 * A read-only status view of the sync engine for administrators: `GET /pbgdpl-sync/status`
 * (admin API, needs an admin session token; JSON). It reads what the sync workers record in this
 * database (`pbgdpl_sync_sites`, `pbgdpl_sync_cursor`, pg-boss's jobs) and the change events, so
 * it works while every worker is down. The operators' CLI is `pnpm sync:status`.
 */
import type { Core } from '@strapi/strapi';
import { CHANGE_EVENTS_TABLE } from './events';

type Row = Record<string, unknown>;

async function rows(strapi: Core.Strapi, sql: string): Promise<Row[]> {
  const result = (await strapi.db.connection.raw(sql)) as { rows?: Row[] } | Row[];
  return Array.isArray(result) ? result : (result.rows ?? []);
}

export async function syncStatusReport(strapi: Core.Strapi) {
  const knex = strapi.db.connection;
  const version = (await knex('pbgdpl_content_version').where({ id: 1 }).first('version')) as
    { version: unknown } | undefined;
  const events = (await knex(CHANGE_EVENTS_TABLE).max('id as last').count('id as total').first()) as
    Row | undefined;
  const sites = (await knex.schema.hasTable('pbgdpl_sync_sites'))
    ? await knex('pbgdpl_sync_sites').select('*').orderBy('site')
    : [];
  const cursor = (await knex.schema.hasTable('pbgdpl_sync_cursor'))
    ? ((await knex('pbgdpl_sync_cursor').where({ name: 'dispatch' }).first('event_id')) as Row | undefined)
    : undefined;
  let queue: Row[] = [];
  if (strapi.db.dialect.client === 'postgres') {
    try {
      queue = await rows(
        strapi,
        "SELECT name, state, count(*)::int AS jobs FROM pgboss.job WHERE name LIKE 'pbgdpl-site-build%' GROUP BY name, state ORDER BY name, state",
      );
    } catch {
      queue = []; // no worker has created pg-boss's schema yet
    }
  }
  return {
    contentVersion: Number(version?.version ?? 0),
    events: {
      total: Number(events?.total ?? 0),
      lastId: Number(events?.last ?? 0),
      dispatchedUpTo: Number(cursor?.event_id ?? 0),
    },
    queue,
    sites: (sites as Row[]).map((s) => ({
      site: s.site,
      liveRelease: s.live_release ?? null,
      builtVersion: s.built_version === null ? null : Number(s.built_version),
      builtAt: s.built_at ?? null,
      durationMs: s.duration_ms ?? null,
      requestedVersion: s.requested_version === null ? null : Number(s.requested_version),
      lastError: s.last_error ?? null,
      lastErrorAt: s.last_error_at ?? null,
    })),
  };
}

/** Bootstrap: the admin-only route. */
export function registerSyncStatusRoute(strapi: Core.Strapi): void {
  strapi.server.routes({
    type: 'admin',
    prefix: '',
    routes: [
      {
        method: 'GET',
        path: '/pbgdpl-sync/status',
        handler: async (ctx: { body: unknown }) => {
          ctx.body = await syncStatusReport(strapi);
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  } as never);
}
