import type { Core, UID } from '@strapi/strapi';
import { citationsRechecked, type IsoDate } from '@pbgdpl/domain';
import { LEGAL_DOCUMENT } from './citing-types';

type DraftRow = {
  locale: string;
  mayBeOutdated: boolean | null;
  citationsCheckedAt: IsoDate | null;
  citations?: Array<{ citedDocumentId: string | null }>;
};

/**
 * After a flagged item is saved: if its checked-as-at date now reaches the latest validity
 * change of every document it cites (`validityChangedAt`), the editor has re-checked it, and
 * the flag and reason are cleared on its drafts (every locale). The published version keeps
 * its banner until the re-checked draft is published. Returns whether it was cleared.
 */
export async function clearIfRechecked(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  documentId: string,
  locale: string,
): Promise<boolean> {
  const query = strapi.db.query(uid);
  const rows = (await query.findMany({
    where: { documentId, publishedAt: { $null: true } },
    select: ['locale', 'mayBeOutdated', 'citationsCheckedAt'],
    populate: { citations: { select: ['citedDocumentId'] } },
  })) as DraftRow[];
  if (!rows.some((r) => r.mayBeOutdated)) return false;
  const written = rows.find((r) => r.locale === locale) ?? rows[0]!;
  const cited = [
    ...new Set(rows.flatMap((r) => (r.citations ?? []).map((c) => c.citedDocumentId)).filter(Boolean)),
  ] as string[];
  const changes = cited.length
    ? ((await strapi.db.query(LEGAL_DOCUMENT).findMany({
        where: { documentId: { $in: cited } },
        select: ['validityChangedAt'],
      })) as Array<{ validityChangedAt: IsoDate | null }>)
    : [];
  if (
    !citationsRechecked(
      written.citationsCheckedAt,
      changes.map((c) => c.validityChangedAt),
    )
  )
    return false;
  await query.updateMany({
    where: { documentId, publishedAt: { $null: true } },
    data: { mayBeOutdated: false, outdatedReason: null },
  });
  return true;
}
