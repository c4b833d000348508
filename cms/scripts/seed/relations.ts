import type { Core } from '@strapi/strapi';
import type { RelationRecord } from '@pbgdpl/data-import';
import { differs, emptyTally, type Tally } from './upsert';
import { progress } from './progress';
import { CONTENT_TYPES } from '../../src/content-types';

const UID = CONTENT_TYPES.documentRelation;

export function relationKey(r: { sourceNumber: string; kind: string; targetNumber: string }): string {
  return `${r.sourceNumber}|${r.kind}|${r.targetNumber}`;
}

/**
 * Upserts the relations the laws' texts state. Each goes through the Document Service, so the
 * CMS resolves the numbers and recomputes the validity of the document acted on.
 */
export async function seedRelations(strapi: Core.Strapi, records: readonly RelationRecord[]): Promise<Tally> {
  const rows = (await strapi.db.query(UID).findMany({})) as Array<
    { documentId: string } & Record<string, unknown>
  >;
  const existing = new Map(rows.map((row) => [relationKey(row as never), row]));
  const tally = emptyTally();
  const bar = progress('Quan hệ giữa văn bản (relations)', records.length);
  for (const record of records) {
    const data = {
      sourceNumber: record.sourceNumber,
      kind: record.kind,
      targetNumber: record.targetNumber,
      targetTitle: record.targetTitle,
      partial: record.partial,
      affectedPart: record.affectedPart,
      effectiveDate: record.effectiveDate,
      note: record.note,
    };
    const current = existing.get(relationKey(record));
    if (!current) {
      await strapi.documents(UID).create({ data } as never);
      tally.created += 1;
    } else {
      const changed = differs(current, data, []);
      if (changed.length === 0) tally.unchanged += 1;
      else {
        const patch = Object.fromEntries(changed.map((k) => [k, data[k as keyof typeof data]]));
        await strapi.documents(UID).update({ documentId: current.documentId, data: patch } as never);
        tally.updated += 1;
      }
    }
    bar.tick();
  }
  bar.done();
  return tally;
}
