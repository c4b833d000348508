import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { decideReview, isReviewState, type ReviewDecision, type ReviewState } from '@pbgdpl/domain';
import { currentActor } from './actor';
import { contentSnapshot } from './content-snapshot';

export { currentActor, actorOfWriter } from './actor';

type Params = { documentId?: string; locale?: string; status?: string; data?: Record<string, unknown> };

/**
 * The review step (see README.md and decideReview in @pbgdpl/domain) as a Document Service
 * middleware on every type with a `reviewState`, so the admin, REST, GraphQL and scripts all
 * go through it. System writes (no signed-in user) pass untouched.
 * @throws errors.PolicyError (403) when an editor publishes unapproved work or approves.
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
    const publishing = context.action === 'publish' || params.status === 'published';
    const requested = isReviewState(params.data?.reviewState) ? params.data.reviewState : undefined;

    if (context.action === 'create') {
      enforce(decideReview({ actor, current: null, requested, publishing }));
      return next();
    }
    if (context.action !== 'update' && context.action !== 'publish') return next();
    const current = params.documentId ? await storedState(strapi, uid, params.documentId) : null;
    const decision = enforce(decideReview({ actor, current, requested, publishing }));
    if (context.action === 'publish' || actor !== 'editor' || decision.reviewState !== 'approved')
      return next();

    // An editor edits approved work: if the content changes, the approval no longer covers it.
    const documentId = params.documentId!;
    const locale = params.locale ?? (await strapi.plugin('i18n').service('locales').getDefaultLocale());
    const run = async () => {
      const before = await contentSnapshot(strapi, uid, documentId, locale);
      const result = await next();
      if ((await contentSnapshot(strapi, uid, documentId, locale)) !== before) {
        const after = enforce(decideReview({ actor, current, requested, publishing, contentChanged: true }));
        await strapi.db
          .query(uid)
          .updateMany({
            where: { documentId, publishedAt: { $null: true } },
            data: { reviewState: after.reviewState },
          });
      }
      return result;
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

function enforce(decision: ReviewDecision): Extract<ReviewDecision, { allowed: true }> {
  if (decision.allowed) return decision;
  // A PolicyError is a ForbiddenError (403) whose message Strapi shows; a plain ForbiddenError
  // thrown below a route is answered with a bare "Forbidden" (core compose-endpoint).
  throw new errors.PolicyError(decision.message, {
    errors: [{ path: [decision.field], message: decision.message, name: 'PolicyError' }],
  });
}
