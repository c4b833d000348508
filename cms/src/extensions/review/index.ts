import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { decideDocumentReview, decideReview, isReviewState, type ReviewState } from '@pbgdpl/domain';
import { currentActor } from './actor';
import { contentSnapshot } from './content-snapshot';
import { LEGAL_DOCUMENT, afterDocumentPublish, urgentContext } from './document-review';

export { currentActor, actorOfWriter } from './actor';

type Params = { documentId?: string; locale?: string; status?: string; data?: Record<string, unknown> };

/** The outcome of a review decision the middleware acts on (editorial or document rule). */
type Allowed = { reviewState: ReviewState; urgent: boolean };

/**
 * The review step (see README.md; decideReview and decideDocumentReview in @pbgdpl/domain) as a
 * Document Service middleware on every type with a `reviewState`, so the admin, REST, GraphQL
 * and scripts all go through it. System writes (no signed-in user) pass untouched. Legal
 * documents follow the stricter document rule: an explicit approval before any publish, or the
 * national administrator's urgent publish with a reason (audited).
 * @throws errors.PolicyError (403) when an editor publishes unapproved work or approves, or a
 *   reviewer publishes an unapproved document without the urgent right and a reason.
 */
export function registerReview(strapi: Core.Strapi): void {
  let reviewed: Set<string> | null = null;
  strapi.documents.use(async (context, next) => {
    reviewed ??= new Set(reviewedTypes(strapi));
    if (!reviewed.has(context.uid)) return next();
    const actor = currentActor(strapi);
    if (actor === 'system') return next();
    const uid = context.uid as UID.ContentType;
    const params = context.params as Params;
    const isDocument = uid === LEGAL_DOCUMENT;
    const publishing = context.action === 'publish' || params.status === 'published';
    const requested = isReviewState(params.data?.reviewState) ? params.data.reviewState : undefined;
    const urgency =
      isDocument && publishing ? await urgentContext(strapi, params.documentId, params.data) : null;
    const decide = (current: ReviewState | null, contentChanged = false): Allowed => {
      const input = { actor, current, requested, publishing, contentChanged };
      if (!isDocument) return { ...enforce(decideReview(input)), urgent: false };
      return enforce(
        decideDocumentReview({
          ...input,
          urgentPublishRight: urgency?.right ?? false,
          urgentReason: urgency?.reason,
        }),
      );
    };
    // Documents only: record an urgent publish and clear the reason, inside the write's transaction.
    const published = async <R>(result: R, current: ReviewState | null, decision: Allowed): Promise<R> => {
      const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
      if (isDocument && publishing && documentId)
        await afterDocumentPublish(strapi, documentId, {
          urgent: decision.urgent,
          reason: urgency?.reason ?? null,
          reviewStateBefore: current,
          locale: params.locale ?? null,
        });
      return result;
    };

    if (context.action === 'create') {
      const decision = decide(null);
      return published(await next(), null, decision);
    }
    if (context.action !== 'update' && context.action !== 'publish') return next();
    const current = params.documentId ? await storedState(strapi, uid, params.documentId) : null;
    const decision = decide(current);
    if (context.action === 'publish' || actor !== 'editor' || decision.reviewState !== 'approved')
      return published(await next(), current, decision);

    // An editor edits approved work: if the content changes, the approval no longer covers it.
    const documentId = params.documentId!;
    const locale = params.locale ?? (await strapi.plugin('i18n').service('locales').getDefaultLocale());
    const run = async () => {
      const before = await contentSnapshot(strapi, uid, documentId, locale);
      const result = await next();
      if ((await contentSnapshot(strapi, uid, documentId, locale)) !== before) {
        const after = decide(current, true);
        await strapi.db.query(uid).updateMany({
          where: { documentId, publishedAt: { $null: true } },
          data: { reviewState: after.reviewState },
        });
      }
      return published(result, current, decision);
    };
    // Saved and published in one call: a refusal after the save must undo the save.
    return publishing ? strapi.db.transaction(run) : run();
  });
}

/** Types with draft & publish and a `reviewState` attribute: every editorial type. */
export function reviewedTypes(strapi: Core.Strapi): UID.ContentType[] {
  return Object.values(strapi.contentTypes)
    .filter((model) => model.options?.draftAndPublish && 'reviewState' in model.attributes)
    .map((model) => model.uid as UID.ContentType);
}

/** The document's review state (not localized: any draft row says it). */
async function storedState(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  documentId: string,
): Promise<ReviewState | null> {
  const row = (await strapi.db.query(uid).findOne({
    where: { documentId, publishedAt: { $null: true } },
    select: ['reviewState'],
  })) as { reviewState: string | null } | null;
  return isReviewState(row?.reviewState) ? row.reviewState : null;
}

function enforce<D extends { allowed: boolean }>(decision: D): Extract<D, { allowed: true }> {
  if (decision.allowed) return decision as Extract<D, { allowed: true }>;
  const refusal = decision as unknown as { message: string; field: string };
  // A PolicyError is a ForbiddenError (403) whose message Strapi shows; a plain ForbiddenError
  // thrown below a route is answered with a bare "Forbidden" (core compose-endpoint).
  throw new errors.PolicyError(refusal.message, {
    errors: [{ path: [refusal.field], message: refusal.message, name: 'PolicyError' }],
  });
}
