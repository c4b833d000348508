/**
 * The outermost middleware of the CMS (installed with strapi.server.use in register(), ahead of
 * config/middlewares.ts): gives each request its id (X-Request-Id in and out), answers
 * `GET /metrics` for operators, and records each answer in the metrics — its duration by route
 * pattern, a citizen's submission by outcome, a refused login by reason.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { CmsMetrics } from './metrics';
import { REQUEST_ID_HEADER, acceptRequestId, runWithRequestId } from './request-id';

interface Ctx {
  method: string;
  path: string;
  status: number;
  body: unknown;
  state: Record<string, unknown>;
  _matchedRoute?: string | RegExp;
  get(field: string): string;
  set(field: string, value: string): void;
}

const SUBMISSION_PATH = /^\/api\/submissions\/(questions|dialogue-questions|reports)\/?$/;
/** Route prefixes that label unmatched requests (a read-cache hit answers before routing). */
const KNOWN_PREFIXES = new Set([
  'api',
  'admin',
  'uploads',
  'content-manager',
  'upload',
  'i18n',
  'users-permissions',
  'pbgdpl-sync',
  'pbgdpl-coverage',
]);

/** A bounded label for the histogram: the router's pattern, else a known prefix, never a raw path. */
export function routeLabel(ctx: Pick<Ctx, 'path' | '_matchedRoute'>): string {
  if (typeof ctx._matchedRoute === 'string') return ctx._matchedRoute;
  if (ctx.path === '/graphql' || ctx.path === '/metrics') return ctx.path;
  const first = ctx.path.split('/')[1] ?? '';
  return KNOWN_PREFIXES.has(first) ? `/${first}/*` : 'unmatched';
}

const REFUSAL_BY_STATUS: Record<number, string> = {
  400: 'invalid',
  403: 'forbidden',
  404: 'not_found',
  409: 'duplicate',
  413: 'too_large',
  415: 'unsupported',
  429: 'rate_limited',
};

/** accepted, a refusal's code (JSON answers carry it; HTML ones by status), or unavailable/error. */
export function submissionOutcome(status: number, body: unknown): string {
  if (status < 400) return 'accepted';
  const code = (body as { error?: { code?: unknown } } | null)?.error?.code;
  if (typeof code === 'string' && /^[a-z_]{1,40}$/.test(code)) return code;
  if (status === 503) return 'unavailable';
  return REFUSAL_BY_STATUS[status] ?? (status >= 500 ? 'error' : 'refused');
}

/** Which login a refused answer was, if any. */
export function loginFailure(
  method: string,
  path: string,
  status: number,
): { realm: string; reason: string } | null {
  if (method !== 'POST' || status < 400) return null;
  const realm = path === '/admin/login' ? 'admin' : path === '/api/auth/local' ? 'users' : null;
  if (!realm) return null;
  const reason = status === 429 ? 'rate_limited' : status >= 500 ? 'error' : 'invalid_credentials';
  return { realm, reason };
}

/** Bearer token check in constant time (length first: timingSafeEqual needs equal lengths). */
export function bearerMatches(header: string, token: string): boolean {
  const given = Buffer.from(header.replace(/^Bearer\s+/i, ''));
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

export function observabilityMiddleware(
  strapi: Core.Strapi,
  metrics: CmsMetrics,
  metricsToken: string | null,
) {
  const record = (ctx: Ctx, seconds: number) => {
    metrics.httpDuration.observe(
      { method: ctx.method, route: routeLabel(ctx), status: String(ctx.status) },
      seconds,
    );
    const submission = ctx.method === 'POST' ? SUBMISSION_PATH.exec(ctx.path) : null;
    if (submission)
      metrics.submissions.inc({ kind: submission[1]!, outcome: submissionOutcome(ctx.status, ctx.body) });
    const login = loginFailure(ctx.method, ctx.path, ctx.status);
    if (login) {
      metrics.loginFailures.inc(login);
      strapi.log.warn(`login refused (${login.realm}, ${login.reason})`);
    }
  };
  return async (ctx: Ctx, next: () => Promise<unknown>) => {
    const requestId = acceptRequestId(ctx.get(REQUEST_ID_HEADER) || undefined);
    ctx.set(REQUEST_ID_HEADER, requestId);
    ctx.state.requestId = requestId;
    const started = process.hrtime.bigint();
    await runWithRequestId(requestId, async () => {
      try {
        if (ctx.path === '/metrics' && ctx.method === 'GET') await answerMetrics(ctx, metrics, metricsToken);
        else await next();
      } finally {
        // Again after the others: the read cache replays the headers of the answer it stored,
        // and that answer's request had another id.
        ctx.set(REQUEST_ID_HEADER, requestId);
        // Inside the request's context, so the warning below carries its id.
        record(ctx, Number(process.hrtime.bigint() - started) / 1e9);
      }
    });
  };
}

/** Operators only: the METRICS_TOKEN bearer; without the variable the endpoint does not exist. */
async function answerMetrics(ctx: Ctx, metrics: CmsMetrics, token: string | null): Promise<void> {
  ctx.set('Cache-Control', 'no-store');
  if (!token) {
    ctx.status = 404;
    ctx.body = { error: { status: 404, name: 'NotFoundError', message: 'Không tìm thấy.' } };
    return;
  }
  if (!bearerMatches(ctx.get('Authorization'), token)) {
    ctx.status = 401;
    ctx.set('WWW-Authenticate', 'Bearer realm="metrics"');
    ctx.body = {
      error: {
        status: 401,
        name: 'UnauthorizedError',
        message: 'Cần mã truy cập của người vận hành (METRICS_TOKEN).',
      },
    };
    return;
  }
  ctx.set('Content-Type', metrics.registry.contentType);
  ctx.body = await metrics.scrape();
  ctx.status = 200;
}
