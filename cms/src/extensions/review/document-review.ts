import type { Core, UID } from '@strapi/strapi';
import { holdsUrgentPublishRight } from '@pbgdpl/domain';
import { appendAuditEntry } from '../audit';
import { snapshot } from '../audit/snapshot';
import { currentCaller, requestOrigin } from '../federation/caller';
import { currentRoleCodes } from './actor';
import { CONTENT_TYPES } from '../../content-types';

export const LEGAL_DOCUMENT = CONTENT_TYPES.legalDocument;

/** What the urgent-publish rule needs to know about the writer and the document. */
export interface UrgentContext {
  right: boolean;
  /** The reason sent with this write, else the one stored on the draft. */
  reason: string | null;
}

/**
 * The writer's urgent-publish right and the reason they gave: the admin panel saves the form
 * (with the reason) and then publishes in a second call, so the reason is read from the draft
 * when the write itself does not carry one.
 */
export async function urgentContext(
  strapi: Core.Strapi,
  documentId: string | undefined,
  data: Record<string, unknown> | undefined,
): Promise<UrgentContext> {
  const right = holdsUrgentPublishRight(currentRoleCodes(strapi));
  const sent = data?.urgentPublishReason;
  if (typeof sent === 'string' && sent.trim() !== '') return { right, reason: sent.trim() };
  if (!documentId) return { right, reason: null };
  const row = (await strapi.db.query(LEGAL_DOCUMENT).findOne({
    where: { documentId, publishedAt: { $null: true }, urgentPublishReason: { $notNull: true } },
    select: ['urgentPublishReason'],
  })) as { urgentPublishReason: string | null } | null;
  return { right, reason: row?.urgentPublishReason?.trim() || null };
}

/**
 * After a document was published by a signed-in user. An urgent publish is written to the audit
 * log with its reason, and the document goes back to the reviewers' queue (`submitted`); the
 * reason stays on it, so the other locales can be published under it and the reviewer sees why.
 * A publish of the approved document closes the episode: the reason is cleared, so it never
 * covers a later publish. Below the Document Service (bookkeeping, not an editorial change),
 * inside the write's transaction.
 */
export async function afterDocumentPublish(
  strapi: Core.Strapi,
  documentId: string,
  outcome: {
    urgent: boolean;
    reason: string | null;
    reviewStateBefore: string | null;
    locale: string | null;
  },
): Promise<void> {
  const rows = strapi.db.query(LEGAL_DOCUMENT as UID.ContentType);
  if (!outcome.urgent) {
    await rows.updateMany({
      where: { documentId, urgentPublishReason: { $notNull: true } },
      data: { urgentPublishReason: null },
    });
    return;
  }
  const item = await snapshot(strapi, LEGAL_DOCUMENT, documentId, outcome.locale);
  await appendAuditEntry(strapi, {
    action: 'urgent_publish',
    caller: currentCaller(strapi),
    origin: requestOrigin(strapi),
    contentType: LEGAL_DOCUMENT,
    documentId,
    locale: outcome.locale ?? item?.locale ?? null,
    itemTitle: item?.title ?? null,
    site: item?.site ?? null,
    changes: {
      reason: outcome.reason,
      reviewState: { before: outcome.reviewStateBefore ?? 'draft', after: 'submitted' },
    },
  });
  await rows.updateMany({
    where: { documentId, publishedAt: { $null: true } },
    data: { reviewState: 'submitted' },
  });
}
