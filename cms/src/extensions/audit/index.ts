import type { Core } from '@strapi/strapi';
import { auditChanges, type AuditAction } from '@pbgdpl/domain';
import { currentCaller, requestOrigin } from '../federation/caller';
import { isRefusal } from '../federation/messages';
import { AUDIT_ENTRY } from '../federation/types';
import { appendAuditEntry } from './entry';
import { IGNORED_FIELDS, redactedFields, snapshot, type Snapshot } from './snapshot';

export { appendAuditEntry, type AuditRecord } from './entry';
export { guardAuditLog } from './guard';

const ACTIONS: Readonly<Record<string, AuditAction>> = {
  create: 'create',
  update: 'update',
  delete: 'delete',
  publish: 'publish',
  unpublish: 'unpublish',
  discardDraft: 'discard_draft',
  clone: 'clone',
};

type Params = { documentId?: string; locale?: string | string[] };

/**
 * Writes one audit entry for every write to an api content type, whatever the path (admin,
 * REST, GraphQL, tokens, scripts): who (admin user, token, public form or system), what, which
 * item of which site, when, from where (IP, user agent) and the before/after of the fields that
 * changed, private contact fields hidden. The entry is written in the same transaction as the
 * change: no change without its entry. A write the federation refused is logged as `denied`;
 * an update that changed no field (the admin panel saves before it publishes) is not logged.
 * Register it before the federation's enforcement, so that it sees the refusals.
 */
export function registerAudit(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const uid = context.uid as string;
    const action = ACTIONS[context.action as string];
    if (!action || !uid.startsWith('api::') || uid === AUDIT_ENTRY) return next();
    const params = context.params as Params;
    const caller = currentCaller(strapi);
    const origin = requestOrigin(strapi);
    const locale = typeof params.locale === 'string' ? params.locale : null;
    const before =
      params.documentId && action !== 'create'
        ? await snapshot(strapi, uid, params.documentId, locale)
        : null;
    try {
      return await strapi.db.transaction(async () => {
        const result = await next();
        const documentId = action === 'clone' || action === 'create' ? idOf(result) : params.documentId;
        if (!documentId || result === null || result === undefined) return result;
        const after =
          action === 'delete' ? null : await snapshot(strapi, uid, documentId, locale ?? localeOf(result));
        const changes = changesOf(strapi, uid, action, before, after);
        // A save that changed nothing (the admin panel saves before it publishes) is not news.
        if (action === 'update' && changes && Object.keys(changes).length === 0) return result;
        await appendAuditEntry(strapi, {
          action,
          caller,
          origin,
          contentType: uid,
          documentId,
          locale: locale ?? after?.locale ?? before?.locale ?? null,
          itemTitle: after?.title ?? before?.title ?? null,
          site: after?.site ?? before?.site ?? null,
          changes,
        });
        return result;
      });
    } catch (error) {
      if (isRefusal(error)) {
        await appendAuditEntry(strapi, {
          action: 'denied',
          caller,
          origin,
          contentType: uid,
          documentId: params.documentId ?? null,
          locale,
          itemTitle: before?.title ?? null,
          site: before?.site ?? null,
          changes: { attempted: context.action, reason: (error as Error).message },
        });
      }
      throw error;
    }
  });
}

function changesOf(
  strapi: Core.Strapi,
  uid: string,
  action: AuditAction,
  before: Snapshot | null,
  after: Snapshot | null,
): Record<string, unknown> | null {
  // Publishing, unpublishing and discarding a draft change versions, not fields.
  if (action === 'publish' || action === 'unpublish' || action === 'discard_draft') return null;
  return auditChanges(before?.values ?? null, after?.values ?? null, {
    redact: redactedFields(strapi, uid),
    ignore: IGNORED_FIELDS,
  });
}

function idOf(result: unknown): string | undefined {
  const r = result as { documentId?: string; entries?: Array<{ documentId?: string }> } | null;
  return r?.documentId ?? r?.entries?.[0]?.documentId;
}

function localeOf(result: unknown): string | null {
  const r = result as { locale?: string; entries?: Array<{ locale?: string }> } | null;
  return r?.locale ?? r?.entries?.[0]?.locale ?? null;
}
