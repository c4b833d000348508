import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Core } from '@strapi/strapi';
import { vietnameseDuration } from '@pbgdpl/domain';
import {
  BodyRefused,
  answerBodyRefusal,
  bodySettings,
  markBodyRead,
  parseTextBody,
  readBounded,
} from '../request-body';
import { ACCOUNT_RULE, ADDRESS_RULE } from './schedule';
import { clearFailures, recordFailure, secondsLocked } from './store';

type Ctx = {
  method: string;
  path: string;
  status: number;
  body: unknown;
  req: IncomingMessage;
  request: { ip: string; body?: unknown };
  state: Record<string, unknown>;
  is(...types: string[]): string | false | null;
  get(field: string): string;
  set(field: string, value: string): void;
};

/** The admin API's doors that take a secret from someone not signed in. */
const LOGIN = '/admin/login';
const GUARDED = new Set([
  LOGIN,
  '/admin/register',
  '/admin/register-admin',
  '/admin/forgot-password',
  '/admin/reset-password',
]);

/**
 * Register phase, ahead of Strapi's middlewares: the admin sign-in and the other doors that take
 * a secret without a session (registration token, password reset) back off after failures —
 * per account across every address (a password guessed slowly from many addresses) and per
 * address across every account (one password tried on many accounts) — with a Vietnamese 429
 * and `Retry-After`. Counters live in the database (store.ts), shared by every process. A door
 * shut for an account is shut for that email whether the account exists or not, so the answer
 * tells nothing about which accounts exist. A password-reset e-mail request counts against the
 * address every time (no mailbox is flooded from one address).
 */
export function guardAdminLogin(strapi: Core.Strapi, clock: () => number = Date.now): void {
  strapi.server.use(async (koa, next) => {
    const ctx = koa as unknown as Ctx;
    if (ctx.method !== 'POST' || !GUARDED.has(ctx.path)) return next();
    const now = clock();
    const addressKey = `address:${ctx.request.ip}`;
    const shut = await secondsLocked(strapi, addressKey, now);
    if (shut > 0) return refuse(ctx, shut, 'address');

    let accountKey: string | null = null;
    if (ctx.path === LOGIN) {
      try {
        const email = await readEmail(ctx);
        accountKey = email ? `account:${crypto.createHash('sha256').update(email).digest('hex')}` : null;
      } catch (error) {
        if (error instanceof BodyRefused) return answerBodyRefusal(ctx, error);
        throw error;
      }
      const accountShut = accountKey ? await secondsLocked(strapi, accountKey, now) : 0;
      if (accountShut > 0) return refuse(ctx, accountShut, 'account');
    }

    await next();

    const failed = ctx.status === 400 || ctx.status === 401 || ctx.status === 403;
    if (failed || ctx.path === '/admin/forgot-password') {
      const addressWait = await recordFailure(strapi, addressKey, ADDRESS_RULE, now);
      const accountWait =
        accountKey && failed ? await recordFailure(strapi, accountKey, ACCOUNT_RULE, now) : 0;
      if (failed && Math.max(addressWait, accountWait) > 0)
        ctx.set('Retry-After', String(Math.max(addressWait, accountWait)));
    } else if (accountKey && ctx.status < 300) {
      await clearFailures(strapi, accountKey);
    }
  });
}

/** The email of a sign-in, read here (public limit) so the account's door is checked first. */
async function readEmail(ctx: Ctx): Promise<string | null> {
  const kind = ctx.is('application/json')
    ? 'json'
    : ctx.is('application/x-www-form-urlencoded')
      ? 'form'
      : null;
  if (!kind) return null;
  const body = await parseTextBody(await readBounded(ctx.req, bodySettings().publicBytes), kind);
  ctx.request.body = body;
  markBodyRead(ctx);
  const email = (body as { email?: unknown } | null)?.email;
  return typeof email === 'string' && email.trim() ? email.trim().toLowerCase() : null;
}

function refuse(ctx: Ctx, seconds: number, door: 'account' | 'address'): void {
  ctx.status = 429;
  ctx.set('Retry-After', String(seconds));
  ctx.set('Cache-Control', 'no-store');
  const message =
    door === 'account'
      ? `Tài khoản này đã đăng nhập sai quá nhiều lần. Hãy thử lại sau ${vietnameseDuration(seconds)}.`
      : `Có quá nhiều lần đăng nhập sai từ địa chỉ mạng của bạn. Hãy thử lại sau ${vietnameseDuration(seconds)}.`;
  ctx.body = {
    data: null,
    error: {
      status: 429,
      name: 'RateLimitError',
      code: 'login_backoff',
      message,
      details: { retryAfter: seconds },
    },
  };
}
