import type { Core } from '@strapi/strapi';
import {
  describeValidityChange,
  mergeOutdatedReasons,
  type DocumentLabelInput,
  type IsoDate,
  type ValiditySnapshot,
} from '@pbgdpl/domain';
import type { ValidityChange } from '../validity';
import { citingTypes, LEGAL_DOCUMENT } from './citing-types';

/** documentIds per UPDATE … WHERE document_id IN (…): well under every driver's parameter limit. */
const CHUNK = 1000;

type LabelRow = DocumentLabelInput & { documentId: string; locale: string; publishedAt: unknown };

/**
 * Listener for validity changes (validity/changes.ts): when the change is news for editors
 * (describeValidityChange), records the day on the document (`validityChangedAt`, which a
 * re-check must reach) and flags every item citing it.
 */
export async function flagOnValidityChange(strapi: Core.Strapi, change: ValidityChange): Promise<void> {
  const document = await labelOf(strapi, change.documentId);
  if (!document) return;
  const reason = describeValidityChange({
    document,
    before: change.before,
    after: change.after,
    sources: await sourceLabels(strapi, change.after),
  });
  if (reason === null) return;
  await strapi.db
    .query(LEGAL_DOCUMENT)
    .updateMany({ where: { documentId: change.documentId }, data: { validityChangedAt: change.asOf } });
  const flagged = await flagCitingItems(strapi, change.documentId, reason, change.asOf);
  strapi.log.info(
    `citations: ${document.number} changed (${reason}); ${flagged} citing items flagged as may be outdated`,
  );
}

/**
 * Flags every item citing `citedDocumentId` — all types, all locales, drafts and published
 * rows — as may be outdated, with `reason` added to any reason it already carries. Set-based:
 * one query per citing type finds the items through the citation component's table, then a
 * few UPDATEs per thousand items (grouped by existing reason), so a national law cited by
 * 10,000 items costs tens of queries, not tens of thousands. A checked-as-at date on or after
 * `changedOn` is cleared (see checkSurvivesChange in @pbgdpl/domain). Returns how many items
 * (documents) cite it.
 */
export async function flagCitingItems(
  strapi: Core.Strapi,
  citedDocumentId: string,
  reason: string,
  changedOn: IsoDate,
): Promise<number> {
  let items = 0;
  for (const uid of citingTypes(strapi)) {
    const query = strapi.db.query(uid);
    const rows = (await query.findMany({
      where: { citations: { citedDocumentId } },
      select: ['documentId'],
    })) as Array<{ documentId: string }>;
    const documentIds = [...new Set(rows.map((r) => r.documentId))];
    items += documentIds.length;
    for (let start = 0; start < documentIds.length; start += CHUNK) {
      const inChunk = { documentId: { $in: documentIds.slice(start, start + CHUNK) } };
      // Already flagged for another change: keep that reason and add this one.
      const flagged = (await query.findMany({
        where: { ...inChunk, mayBeOutdated: true },
        select: ['outdatedReason'],
      })) as Array<{ outdatedReason: string | null }>;
      for (const existing of new Set(flagged.map((r) => r.outdatedReason ?? null))) {
        const merged = mergeOutdatedReasons(existing, reason);
        if (merged === existing) continue;
        await query.updateMany({
          where: {
            ...inChunk,
            mayBeOutdated: true,
            outdatedReason: existing === null ? { $null: true } : existing,
          },
          data: { outdatedReason: merged },
        });
      }
      await query.updateMany({
        where: { ...inChunk, $or: [{ mayBeOutdated: false }, { mayBeOutdated: { $null: true } }] },
        data: { mayBeOutdated: true, outdatedReason: reason },
      });
      await query.updateMany({
        where: { ...inChunk, citationsCheckedAt: { $gte: changedOn } },
        data: { citationsCheckedAt: null },
      });
    }
  }
  return items;
}

/** Number, type and title of a document: the Vietnamese published row first. */
async function labelOf(strapi: Core.Strapi, documentId: string): Promise<LabelRow | null> {
  const rows = (await strapi.db.query(LEGAL_DOCUMENT).findMany({
    where: { documentId },
    select: ['documentId', 'number', 'documentType', 'title', 'locale', 'publishedAt'],
  })) as LabelRow[];
  const rank = (r: LabelRow) => (r.locale === 'vi' ? 0 : 2) + (r.publishedAt ? 0 : 1);
  return [...rows].sort((a, b) => rank(a) - rank(b))[0] ?? null;
}

/** The acting documents named in the history that are in the CMS, by number. */
async function sourceLabels(
  strapi: Core.Strapi,
  after: ValiditySnapshot,
): Promise<Record<string, DocumentLabelInput>> {
  const ids = [...new Set((after.history ?? []).map((e) => e.sourceDocumentId).filter(Boolean))] as string[];
  const labels: Record<string, DocumentLabelInput> = {};
  for (const documentId of ids) {
    const label = await labelOf(strapi, documentId);
    if (label) labels[label.number] = label;
  }
  return labels;
}
