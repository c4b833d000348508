/**
 * HTTP routes of the national oversight:
 * - admin API (`/pbgdpl-coverage/...`, an admin session token as the admin panel sends; scope by
 *   `coverageViewer`): the ranked table (JSON or CSV), one site, roll-ups, trend, snapshot export,
 *   and a re-computation for national administrators;
 * - public (`GET /api/pbgdpl-coverage/public/<site code>`): "this site meets N of M requirements"
 *   for the site itself to show — no private data, cached.
 */
import type { Core } from '@strapi/strapi';
import { REQUIREMENTS, isIsoDate, todayInVietnam, type RequirementCode } from '@pbgdpl/domain';
import type { AdminUser } from '../federation/types';
import { CoverageRefusal, REFUSALS, coverageViewer } from './access';
import { RESPONSE_WINDOW_DAYS, computeCoverage } from './compute';
import { sendCoverageDigests } from './digest';
import { latestDay, readDay } from './snapshots';
import {
  checkFilters,
  coverageRollUps,
  coverageTable,
  coverageTrend,
  siteDetail,
  snapshotExport,
  snapshotsCsv,
  tableCsv,
} from './views';
import { CONTENT_TYPES } from '../../content-types';

type KoaMiddleware = Parameters<Core.Strapi['server']['use']>[0];
type Context = Parameters<KoaMiddleware>[0];

const PUBLIC_CACHE_MS = 5 * 60_000;
const MAX_EXPORT_DAYS = 366;

function refuse(ctx: Context, error: unknown): void {
  if (!(error instanceof CoverageRefusal)) throw error;
  ctx.status = error.status;
  ctx.body = {
    data: null,
    error: {
      status: error.status,
      name:
        error.status === 403 ? 'ForbiddenError' : error.status === 404 ? 'NotFoundError' : 'ValidationError',
      message: error.message,
    },
  };
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

function wantsCsv(ctx: Context): boolean {
  return text(ctx.query.format) === 'csv';
}

function sendCsv(ctx: Context, body: string, name: string): void {
  ctx.set('Content-Type', 'text/csv; charset=utf-8');
  ctx.set('Content-Disposition', `attachment; filename="${name}"`);
  ctx.body = body;
}

function period(ctx: Context, today: string): { from: string; to: string } {
  const to = text(ctx.query.to) ?? today;
  const from = text(ctx.query.from) ?? to;
  for (const [name, value] of [
    ['from', from],
    ['to', to],
  ] as const)
    if (!isIsoDate(value))
      throw REFUSALS.badParameter(name, `cần ngày dạng YYYY-MM-DD, không phải “${value}”.`);
  const span = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (span < 0) throw REFUSALS.badParameter('from', 'ngày bắt đầu sau ngày kết thúc.');
  if (span >= MAX_EXPORT_DAYS)
    throw REFUSALS.badParameter('from', `mỗi lần xuất tối đa ${MAX_EXPORT_DAYS} ngày.`);
  return { from, to };
}

async function siteName(strapi: Core.Strapi, code: string): Promise<string | null> {
  const site = (await strapi.db.query(CONTENT_TYPES.site).findOne({ where: { code }, select: ['name'] })) as {
    name: string;
  } | null;
  return site?.name ?? null;
}

interface PublicSummary {
  site: { code: string; name: string };
  met: number;
  total: number;
  requirements: Array<{ code: string; label: string; met: boolean }>;
  /** Citizens' questions of the window: how fast this unit answered; null when it received none. */
  qaResponseTime: PublicResponseTime | null;
  computedAt: string;
}

/** Counts and hours only: nothing about a question or an asker. */
interface PublicResponseTime {
  /** Questions received in the last `windowDays` days, up to the computation. */
  windowDays: number;
  received: number;
  answered: number;
  open: number;
  /** Received → first answered, in hours (one decimal); null while nothing was answered. */
  medianHours: number | null;
  p90Hours: number | null;
}

function publicResponseTime(figures: Record<string, unknown>): PublicResponseTime | null {
  const response = figures.qaResponse as Partial<PublicResponseTime> | null | undefined;
  if (!response || typeof response.received !== 'number') return null;
  return {
    windowDays: RESPONSE_WINDOW_DAYS,
    received: response.received,
    answered: response.answered ?? 0,
    open: response.open ?? 0,
    medianHours: response.medianHours ?? null,
    p90Hours: response.p90Hours ?? null,
  };
}

/** Public summaries of the latest day, by site code; reloaded every 5 minutes or after a computation. */
export class PublicSummaries {
  private cache: { loadedAt: number; day: string | null; bySite: Map<string, PublicSummary> } | null = null;

  constructor(private readonly strapi: Core.Strapi) {}

  invalidate(): void {
    this.cache = null;
  }

  async get(code: string, now = Date.now()): Promise<PublicSummary | null> {
    if (!this.cache || now - this.cache.loadedAt > PUBLIC_CACHE_MS) {
      const db = this.strapi.db.connection;
      const day = await latestDay(db);
      const rows = day ? await readDay(db, day, null, { figures: true }) : [];
      const enabled = new Set(
        (
          (await this.strapi.db
            .query(CONTENT_TYPES.site)
            .findMany({ where: { enabled: true }, select: ['code'] })) as Array<{ code: string }>
        ).map((s) => s.code),
      );
      this.cache = {
        loadedAt: now,
        day,
        bySite: new Map(
          rows
            .filter((r) => enabled.has(r.siteCode))
            .map((r) => [
              r.siteCode,
              {
                site: { code: r.siteCode, name: r.siteName },
                met: r.met,
                total: r.total,
                requirements: (Object.keys(REQUIREMENTS) as RequirementCode[]).map((c) => ({
                  code: c,
                  label: REQUIREMENTS[c].label,
                  met: r.states[c] === 'met',
                })),
                qaResponseTime: publicResponseTime(r.figures),
                computedAt: r.computedAt,
              },
            ]),
        ),
      };
    }
    return this.cache.bySite.get(code) ?? null;
  }
}

export function registerCoverageRoutes(strapi: Core.Strapi, summaries: PublicSummaries): void {
  const db = () => strapi.db.connection;
  const viewerOf = (ctx: Context) => coverageViewer(strapi, ctx.state.user as AdminUser);
  const admin = (path: string, handler: (ctx: Context) => Promise<void>, method = 'GET') => ({
    method,
    path,
    handler: async (ctx: Context) => {
      try {
        ctx.set('Cache-Control', 'no-store');
        await handler(ctx);
      } catch (error) {
        refuse(ctx, error);
      }
    },
    config: { policies: ['admin::isAuthenticatedAdmin'] },
  });

  strapi.server.routes({
    type: 'admin',
    prefix: '',
    routes: [
      admin('/pbgdpl-coverage/sites', async (ctx) => {
        const filters = checkFilters({ kind: text(ctx.query.kind), province: text(ctx.query.province) });
        const table = await coverageTable(db(), await viewerOf(ctx), filters);
        if (wantsCsv(ctx)) sendCsv(ctx, tableCsv(table), `pbgdpl-bao-phu-${table.day}.csv`);
        else ctx.body = table;
      }),
      admin('/pbgdpl-coverage/sites/:code', async (ctx) => {
        const code = String(ctx.params.code);
        ctx.body = await siteDetail(db(), await viewerOf(ctx), code, await siteName(strapi, code));
      }),
      admin('/pbgdpl-coverage/rollups', async (ctx) => {
        ctx.body = await coverageRollUps(db(), await viewerOf(ctx));
      }),
      admin('/pbgdpl-coverage/trend', async (ctx) => {
        const days = Number(text(ctx.query.days) ?? '90');
        if (!Number.isInteger(days) || days < 1 || days > MAX_EXPORT_DAYS)
          throw REFUSALS.badParameter('days', `cần số ngày từ 1 đến ${MAX_EXPORT_DAYS}.`);
        const viewer = await viewerOf(ctx);
        ctx.body = await coverageTrend(
          db(),
          viewer,
          days,
          (await latestDay(db())) ?? todayInVietnam(new Date()),
        );
      }),
      admin('/pbgdpl-coverage/snapshots', async (ctx) => {
        const viewer = await viewerOf(ctx);
        const { from, to } = period(ctx, (await latestDay(db())) ?? todayInVietnam(new Date()));
        const rows = await snapshotExport(db(), viewer, from, to);
        if (wantsCsv(ctx)) sendCsv(ctx, snapshotsCsv(rows), `pbgdpl-bao-phu-${from}-${to}.csv`);
        else ctx.body = { from, to, snapshots: rows.map((r) => ({ ...r, figures: undefined })) };
      }),
      admin(
        '/pbgdpl-coverage/compute',
        async (ctx) => {
          const viewer = await viewerOf(ctx);
          if (!viewer.national) throw REFUSALS.nationalOnly();
          const run = await computeCoverage(strapi);
          summaries.invalidate();
          ctx.body = run;
        },
        'POST',
      ),
      admin(
        '/pbgdpl-coverage/digest',
        async (ctx) => {
          const viewer = await viewerOf(ctx);
          if (!viewer.national) throw REFUSALS.nationalOnly();
          ctx.body = await sendCoverageDigests(strapi);
        },
        'POST',
      ),
    ],
  } as never);

  strapi.server.routes({
    type: 'content-api',
    // The content API adds its own `/api` prefix.
    prefix: '',
    routes: [
      {
        method: 'GET',
        path: '/pbgdpl-coverage/public/:code',
        handler: async (ctx: Context) => {
          const code = String(ctx.params.code);
          const summary = /^[a-z0-9-]{1,80}$/.test(code) ? await summaries.get(code) : null;
          if (!summary) {
            ctx.status = 404;
            ctx.set('Cache-Control', 'public, max-age=300');
            ctx.body = {
              data: null,
              error: { status: 404, name: 'NotFoundError', message: `Chưa có số liệu về trang “${code}”.` },
            };
            return;
          }
          ctx.set('Cache-Control', 'public, max-age=3600');
          ctx.body = summary;
        },
        config: { auth: false },
      },
    ],
  } as never);
}
