import type { Core } from '@strapi/strapi';
import { reviewActor, type ReviewActor } from '@pbgdpl/domain';
import { currentCaller } from '../federation/caller';

/**
 * Who is behind a write, in the review rule's terms (as ../review classes it): no request or a
 * content-API token is the system; a signed-in admin is a reviewer or an editor by role codes;
 * anyone else in a request counts as an editor.
 */
export function moderationActor(strapi: Core.Strapi): ReviewActor {
  const caller = currentCaller(strapi);
  switch (caller.kind) {
    case 'system':
    case 'token':
      return 'system';
    case 'admin':
      return reviewActor((caller.user.roles ?? []).map((role) => role?.code ?? null));
    case 'public':
      return 'editor';
  }
}
