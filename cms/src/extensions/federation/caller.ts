import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import type { AdminUser } from './types';

// Shared through the global object: a script and the CMS it boots may load this module twice
// (from src/ and from dist/), and both must see the same operator.
const OPERATOR = Symbol.for('pbgdpl.federation.operator');
const operator: AsyncLocalStorage<string> = ((globalThis as Record<symbol, unknown>)[OPERATOR] ??=
  new AsyncLocalStorage<string>()) as AsyncLocalStorage<string>;

/**
 * Runs an operator command (a registry change, creating an account) as a system write that the
 * audit log attributes to `label` (e.g. "create-unit-admin (root@host)").
 */
export function runAsOperator<T>(label: string, fn: () => Promise<T>): Promise<T> {
  return operator.run(label, fn);
}

/** The operator named by runAsOperator around the current system write, if any. */
export function operatorLabel(): string | null {
  return operator.getStore() ?? null;
}

/**
 * Who is behind the current Document Service call:
 * - `system`: no request at all (seed, scripts, cron jobs, bootstrap);
 * - `admin`: a signed-in admin user (admin panel, or an admin token acting for its owner);
 * - `token`: a content-API token (an integration);
 * - `public`: any other request (anonymous, or a users-permissions end user).
 */
export type Caller =
  | { kind: 'system' }
  | { kind: 'admin'; user: AdminUser }
  | { kind: 'token'; token: { id: number; name: string } }
  | { kind: 'public' };

interface RequestState {
  user?: AdminUser | null;
  auth?: { strategy?: { name?: string }; credentials?: unknown } | null;
}

const ADMIN_STRATEGIES = new Set(['admin', 'admin-token']);
const TOKEN_STRATEGIES = new Set(['content-api-token', 'api-token']);

export function currentCaller(strapi: Core.Strapi): Caller {
  const ctx = strapi.requestContext.get() as { state?: RequestState } | undefined;
  if (!ctx) return { kind: 'system' };
  const state = ctx.state ?? {};
  const strategy = state.auth?.strategy?.name ?? '';
  if (ADMIN_STRATEGIES.has(strategy) && state.user && typeof state.user.id === 'number') {
    return { kind: 'admin', user: state.user };
  }
  if (TOKEN_STRATEGIES.has(strategy)) {
    const token = state.auth?.credentials as { id?: number; name?: string } | undefined;
    return { kind: 'token', token: { id: Number(token?.id ?? 0), name: String(token?.name ?? '') } };
  }
  return { kind: 'public' };
}

/** Where the request came from, for the audit log. */
export function requestOrigin(strapi: Core.Strapi): { ip: string | null; userAgent: string | null } {
  const ctx = strapi.requestContext.get() as
    { request?: { ip?: string; header?: Record<string, string | string[] | undefined> } } | undefined;
  if (!ctx?.request) return { ip: null, userAgent: null };
  const agent = ctx.request.header?.['user-agent'];
  return {
    ip: ctx.request.ip ?? null,
    userAgent: (Array.isArray(agent) ? agent[0] : agent)?.slice(0, 500) ?? null,
  };
}

/** The request's state object, to remember per-request work (scope look-ups). */
export function requestState(strapi: Core.Strapi): object | undefined {
  const ctx = strapi.requestContext.get() as { state?: object } | undefined;
  return ctx?.state;
}
