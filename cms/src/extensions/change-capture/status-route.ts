/**
 * A read-only status view of the sync engine for administrators: `GET /pbgdpl-sync/status`
 * (admin API, needs an admin session token; JSON), shown as the admin page "Đồng bộ trang". It
 * reads what the sync workers record in this database — on PostgreSQL and on the SQLite file of
 * the quick start alike — with the queries of `@pbgdpl/domain` (`readSyncReport`) that
 * `pnpm sync:status` runs too, so it answers while every worker is down.
 */
import type { Core } from '@strapi/strapi';
import { readSyncReport, type SyncReport } from '@pbgdpl/domain';
import { syncReader } from './sync-reader';

export function syncStatusReport(strapi: Core.Strapi): Promise<SyncReport> {
  return readSyncReport(syncReader(strapi));
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
