import type { Core } from '@strapi/strapi';
import { inScope } from '@pbgdpl/domain';
import { appendAuditEntry } from '../audit/entry';
import { requestOrigin } from './caller';
import { findSite, storedOwner } from './lookups';
import { MESSAGES, refusal } from './messages';
import { addedRefs, parseRelationInput } from './relation-input';
import { adminScope } from './scope';
import { siteOwnedTypes, type AdminUser } from './types';

type Ctx = {
  params: { model?: string; id?: string; sourceId?: string };
  query?: Record<string, unknown>;
  request: { body?: Record<string, unknown>; query?: Record<string, unknown> };
  state: { user?: AdminUser };
};
type Handler = (this: unknown, ctx: Ctx, next?: unknown) => Promise<unknown>;

/** The content manager's collection-type actions that name documents or set an owner. */
const GUARDED = [
  'findOne',
  'create',
  'update',
  'delete',
  'publish',
  'unpublish',
  'discard',
  'clone',
  'autoClone',
  'countDraftRelations',
  'bulkDelete',
  'bulkPublish',
  'bulkUnpublish',
  'bulkFindForValidation',
  'countManyEntriesDraftRelations',
];

/**
 * The content manager checks RBAC conditions itself and answers a bare "Forbidden" (or, for a
 * single read, an empty document with its list of locales). This guard runs first on every
 * content-manager action that names an item of a site-owned type: an item of a site outside
 * the caller's scope, or an owner outside it, is refused with the federation's Vietnamese
 * message and the field it concerns — the same refusal the Document Service gives on every
 * other path.
 */
export function guardContentManager(strapi: Core.Strapi): void {
  const controller = strapi.plugin('content-manager').controller('collection-types') as unknown as Record<
    string,
    Handler
  >;
  let owned: Set<string> | null = null;
  for (const action of GUARDED) {
    const original = controller[action];
    if (typeof original !== 'function') continue;
    controller[action] = async function guarded(this: unknown, ctx: Ctx, next?: unknown) {
      owned ??= siteOwnedTypes(strapi);
      const user = ctx.state.user;
      if (user && ctx.params.model && owned.has(ctx.params.model)) {
        try {
          await check(strapi, ctx, ctx.params.model, user);
        } catch (error) {
          await logDenied(strapi, ctx, ctx.params.model, user, action, error as Error);
          throw error;
        }
      }
      return original.call(this, ctx, next);
    };
  }
}

async function check(strapi: Core.Strapi, ctx: Ctx, model: string, user: AdminUser): Promise<void> {
  const { scope } = await adminScope(strapi, user);
  if (scope.kind === 'all') return;
  const query = ctx.request.query ?? ctx.query ?? {};
  const body = ctx.request.body ?? {};
  const ids = [
    ctx.params.id,
    ctx.params.sourceId,
    ...asList(body.documentIds),
    ...asList(query.documentIds),
  ].filter((id): id is string => typeof id === 'string' && id !== '');
  for (const documentId of ids) {
    const stored = await storedOwner(strapi, model, documentId);
    for (const owner of stored.owners)
      if (!inScope(scope, owner ? String(owner.id) : null))
        throw refusal(MESSAGES.outOfScope(owner), 'owningSite');
  }
  if ('owningSite' in body) {
    for (const ref of addedRefs(parseRelationInput(true, body.owningSite))) {
      const site = await findSite(strapi, ref);
      if (!site || !inScope(scope, String(site.id)))
        throw refusal(MESSAGES.ownerOutOfScope(site), 'owningSite');
    }
  }
}

/** A refusal here never reaches the Document Service: the audit log still records the attempt. */
async function logDenied(
  strapi: Core.Strapi,
  ctx: Ctx,
  model: string,
  user: AdminUser,
  action: string,
  error: Error,
) {
  const documentId = ctx.params.id ?? ctx.params.sourceId ?? null;
  const owner = documentId ? (await storedOwner(strapi, model, documentId)).owners[0] : null;
  await appendAuditEntry(strapi, {
    action: 'denied',
    caller: { kind: 'admin', user },
    origin: requestOrigin(strapi),
    contentType: model,
    documentId,
    site: owner ? { id: owner.id, code: owner.code } : null,
    changes: { attempted: `content-manager.${action}`, reason: error.message },
  });
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}
