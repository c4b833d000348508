import type { Core, UID } from '@strapi/strapi';
import { mayPublishOnSchedule } from '@pbgdpl/domain';
import { actorOfWriter } from '../review/actor';

type DueRow = {
  documentId: string;
  reviewState: string | null;
  updatedBy: { roles?: Array<{ code: string }> } | null;
};

export interface PublishDueResult {
  /** Documents published (every locale of each). */
  published: number;
  /** Due documents left as drafts because their review does not allow publishing yet. */
  awaitingReview: number;
  /** Due documents whose publication failed (logged; retried at the next run). */
  failed: number;
}

/** Types with draft & publish and a `publishAt` attribute. */
export function scheduledTypes(strapi: Core.Strapi): UID.ContentType[] {
  return Object.values(strapi.contentTypes)
    .filter((model) => model.options?.draftAndPublish && 'publishAt' in model.attributes)
    .map((model) => model.uid as UID.ContentType);
}

/**
 * Publishes every draft whose `publishAt` has come (≤ now), in all its locales, and clears
 * `publishAt` — when review allows it: approved, or last written only by the system or by
 * reviewers (mayPublishOnSchedule). Others stay due and are retried each run, so an approval
 * that comes late publishes at the next run.
 *
 * Each document is claimed by clearing its `publishAt` in the same transaction as the publish:
 * a second CMS process running the same job finds nothing left to claim, and a failed publish
 * rolls the claim back. Running it twice for the same `now` publishes nothing the second time.
 */
export async function publishDue(strapi: Core.Strapi, now: Date): Promise<PublishDueResult> {
  const result: PublishDueResult = { published: 0, awaitingReview: 0, failed: 0 };
  for (const uid of scheduledTypes(strapi)) {
    const due = { publishedAt: { $null: true }, publishAt: { $notNull: true, $lte: now } };
    const rows = (await strapi.db.query(uid).findMany({
      where: due,
      select: ['documentId', 'reviewState'],
      populate: { updatedBy: { select: ['id'], populate: { roles: { select: ['code'] } } } },
    })) as DueRow[];
    const byDocument = new Map<string, DueRow[]>();
    for (const row of rows) byDocument.set(row.documentId, [...(byDocument.get(row.documentId) ?? []), row]);

    for (const [documentId, drafts] of byDocument) {
      const writers = drafts.map((d) => actorOfWriter(d.updatedBy));
      if (!mayPublishOnSchedule(drafts[0]!.reviewState, writers)) {
        result.awaitingReview += 1;
        continue;
      }
      try {
        const published = await strapi.db.transaction(async () => {
          const claim = await strapi.db
            .query(uid)
            .updateMany({ where: { documentId, ...due }, data: { publishAt: null } });
          if (claim.count === 0) return false;
          await strapi.documents(uid).publish({ documentId, locale: '*' } as never);
          return true;
        });
        if (published) result.published += 1;
      } catch (error) {
        result.failed += 1;
        strapi.log.warn(`schedule: could not publish ${uid} ${documentId}: ${(error as Error).message}`);
      }
    }
  }
  return result;
}
