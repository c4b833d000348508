import type { Core } from '@strapi/strapi';
import { computeValidity, todayInVietnam, type IncomingRelation, type ValidityResult } from '@pbgdpl/domain';
import { emitValidityChange, type ValidityChange } from './changes';
import { CONTENT_TYPES } from '../../content-types';

const DOCUMENT = CONTENT_TYPES.legalDocument;
const RELATION = CONTENT_TYPES.documentRelation;

type DocumentRow = {
  id: number;
  publishedAt: string | null;
  issuedDate: string | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  declaredStatus: string | null;
  declaredStatusSource: string | null;
  declaredStatusAsOf: string | null;
  validityStatus: string | null;
  validityBasis: string | null;
  validityHistory: unknown;
};

const SELECT = [
  'id',
  'publishedAt',
  'issuedDate',
  'effectiveFrom',
  'effectiveTo',
  'declaredStatus',
  'declaredStatusSource',
  'declaredStatusAsOf',
  'validityStatus',
  'validityBasis',
  'validityHistory',
];

/**
 * Recomputes one document's validity from its dates, its declared status and the relations
 * acting on it, and stores the result on all its rows (every locale; drafts from the draft
 * dates, published rows from the published dates). Returns true when anything changed, and
 * then tells the validity-change listeners (changes.ts) how the public version — the published
 * rows, or the draft while there are none — moved.
 */
export async function recomputeValidity(
  strapi: Core.Strapi,
  documentId: string,
  asOf = todayInVietnam(new Date()),
): Promise<boolean> {
  const rows = (await strapi.db
    .query(DOCUMENT)
    .findMany({ where: { documentId }, select: SELECT })) as DocumentRow[];
  if (rows.length === 0) return false;
  const relations = (await strapi.db
    .query(RELATION)
    .findMany({ where: { targetDocumentId: documentId } })) as IncomingRelation[];
  let changed = false;
  let change: ValidityChange | null = null;
  for (const published of [false, true]) {
    const group = rows.filter((r) => (r.publishedAt !== null) === published);
    const first = group[0];
    if (!first) continue;
    const result = computeValidity(
      {
        issuedDate: first.issuedDate,
        effectiveFrom: first.effectiveFrom,
        effectiveTo: first.effectiveTo,
        declared: first.declaredStatus
          ? {
              status: first.declaredStatus as ValidityResult['status'],
              source: first.declaredStatusSource ?? '',
              asOf: first.declaredStatusAsOf,
            }
          : null,
        relations,
      },
      asOf,
    );
    if (!sameResult(first, result) && (published || !rows.some((r) => r.publishedAt !== null))) {
      const before = {
        status: first.validityStatus,
        history: first.validityHistory as ValidityResult['history'] | null,
      };
      change = { documentId, asOf, before, after: result };
    }
    for (const row of group) {
      if (sameResult(row, result)) continue;
      await strapi.db.query(DOCUMENT).update({
        where: { id: row.id },
        data: {
          validityStatus: result.status,
          validityBasis: result.basis,
          validityHistory: result.history,
          validityComputedAt: new Date(),
        },
      });
      changed = true;
    }
  }
  if (change) await emitValidityChange(strapi, change);
  return changed;
}

function sameResult(row: DocumentRow, result: ValidityResult): boolean {
  return (
    row.validityStatus === result.status &&
    row.validityBasis === result.basis &&
    JSON.stringify(row.validityHistory ?? null) === JSON.stringify(result.history)
  );
}

/** Recomputes every document (the nightly date flip). Returns how many documents changed. */
export async function recomputeAllValidity(
  strapi: Core.Strapi,
  asOf = todayInVietnam(new Date()),
): Promise<number> {
  const rows = (await strapi.db.query(DOCUMENT).findMany({ select: ['documentId'] })) as Array<{
    documentId: string;
  }>;
  let changed = 0;
  for (const documentId of new Set(rows.map((r) => r.documentId))) {
    if (await recomputeValidity(strapi, documentId, asOf)) changed += 1;
  }
  return changed;
}
