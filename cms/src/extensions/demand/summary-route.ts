import type { Core } from '@strapi/strapi';
import type { KoaContext as Context } from './koa';
import { adminScope } from '../federation';
import type { AdminUser } from '../federation/types';
import { DEMAND_REJECT, DemandRejected, answerRejection } from './answer';
import type { DemandSettings } from './settings';
import { demandSummary } from './summary';
import { CONTENT_TYPES } from '../../content-types';

export const SUMMARY_PATH = '/pbgdpl-demand/summary';

/**
 * `GET /api/pbgdpl-demand/summary?site=<code>&days=30` for signed-in administrators (an admin
 * session token, as the admin panel sends). The figures of one site, or without `site` those of
 * the whole country. Who sees what follows the federation's scope (`adminScope`): Strapi's super
 * admin and national administrators every site and the country; a unit administrator their site
 * and, for a province, its communes; other roles their own sites. Anything else is a Vietnamese
 * 403 naming the site.
 */
export function registerDemandSummaryRoute(strapi: Core.Strapi, settings: () => DemandSettings): void {
  strapi.server.routes({
    type: 'admin',
    prefix: '/api',
    routes: [
      {
        method: 'GET',
        path: SUMMARY_PATH,
        handler: async (ctx: Context) => {
          try {
            ctx.body = await summaryFor(strapi, ctx, settings());
            ctx.set('Cache-Control', 'no-store');
          } catch (error) {
            if (error instanceof DemandRejected) answerRejection(ctx, error);
            else throw error;
          }
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  } as never);
}

interface SiteRow {
  id: number;
  code: string;
  name: string;
}

async function summaryFor(strapi: Core.Strapi, ctx: Context, settings: DemandSettings) {
  const days = daysOf(ctx.query.days);
  const code = typeof ctx.query.site === 'string' ? ctx.query.site.trim() : '';
  const { scope, siteIds } = await adminScope(strapi, ctx.state.user as AdminUser);
  let site: SiteRow | null = null;
  if (code) {
    site = (await strapi.db
      .query(CONTENT_TYPES.site)
      .findOne({ where: { code }, select: ['id', 'code', 'name'] })) as SiteRow | null;
    if (!site) throw DEMAND_REJECT.notFoundSite(code);
    if (scope.kind !== 'all' && !siteIds.includes(site.id))
      throw DEMAND_REJECT.forbiddenScope(
        `Bạn không được xem số liệu của trang “${site.name}”: chỉ xem được trang của đơn vị mình (và các xã, phường trực thuộc nếu là quản trị viên của tỉnh, thành phố).`,
      );
  } else if (scope.kind !== 'all') {
    throw DEMAND_REJECT.forbiddenScope(
      'Chỉ quản trị viên quốc gia xem được số liệu toàn quốc; hãy chọn trang của đơn vị mình (tham số site).',
    );
  }
  const summary = await demandSummary(strapi, {
    siteIds: site ? [site.id] : null,
    days,
    now: new Date(),
    kAnonymity: settings.kAnonymity,
  });
  return { site: site ? { code: site.code, name: site.name } : null, ...summary };
}

function daysOf(value: unknown): number {
  if (value === undefined || value === '') return 30;
  const days = Number(value);
  if (typeof value !== 'string' || !Number.isInteger(days) || days < 1 || days > 366)
    throw DEMAND_REJECT.badDays();
  return days;
}
