import type { Core } from '@strapi/strapi';
import { reviewActor, type ReviewActor } from '@pbgdpl/domain';

type RequestState = {
  user?: { roles?: Array<{ code?: string | null }> | null } | null;
  auth?: { strategy?: { name?: string } } | null;
};

/** Content-API tokens are issued by an operator to an integration (the data import, a sync job). */
const SYSTEM_TOKEN_STRATEGIES = new Set(['api-token', 'content-api-token']);

/**
 * Who is behind the current Document Service call, for the review rules:
 * - no request (seed, scripts, cron jobs, bootstrap): the system;
 * - a signed-in admin user (admin panel, admin token): by their roles' codes;
 * - a content-API token: the system (an operator-issued integration);
 * - anyone else in a request (anonymous, a users-permissions end user): an editor, who can
 *   write drafts at most. Public routes that write (question forms) must still pick their fields.
 */
export function currentActor(strapi: Core.Strapi): ReviewActor {
  const ctx = strapi.requestContext.get() as { state?: RequestState } | undefined;
  if (!ctx) return 'system';
  const state = ctx.state ?? {};
  const roles = state.user?.roles;
  if (Array.isArray(roles)) return reviewActor(roles.map((role) => role?.code ?? null));
  if (SYSTEM_TOKEN_STRATEGIES.has(state.auth?.strategy?.name ?? '')) return 'system';
  return 'editor';
}

/** The signed-in admin user's role codes (none for the system, tokens and the public). */
export function currentRoleCodes(strapi: Core.Strapi): string[] {
  const ctx = strapi.requestContext.get() as { state?: RequestState } | undefined;
  const roles = ctx?.state?.user?.roles;
  return Array.isArray(roles) ? roles.map((role) => role?.code ?? '').filter(Boolean) : [];
}

/** The review actor of a stored writer (a row's `updatedBy` populated with its roles); null = system. */
export function actorOfWriter(
  writer: { roles?: Array<{ code?: string | null }> | null } | null | undefined,
): ReviewActor {
  if (!writer) return 'system';
  return reviewActor((writer.roles ?? []).map((role) => role?.code ?? null));
}
