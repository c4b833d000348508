import type { Core, UID } from '@strapi/strapi';

export type Outcome = 'created' | 'updated' | 'unchanged';
export interface Tally {
  created: number;
  updated: number;
  unchanged: number;
}

export const emptyTally = (): Tally => ({ created: 0, updated: 0, unchanged: 0 });

/** A relation in seed data: the documentId of the target, or a list of them, or nothing. */
export type RelationValue = string | string[] | null;

type Existing = { documentId: string } & Record<string, unknown>;

/**
 * Compares what is stored with what the seed wants. Scalars compare by value (dates as
 * 'YYYY-MM-DD' strings, as Strapi returns them); relations by the set of target documentIds.
 */
export function differs(
  existing: Existing,
  data: Record<string, unknown>,
  relationKeys: readonly string[],
): string[] {
  const changed: string[] = [];
  for (const [key, wanted] of Object.entries(data)) {
    if (relationKeys.includes(key)) {
      if (relationIds(existing[key]) !== relationIds(wanted)) changed.push(key);
    } else if (normalise(existing[key]) !== normalise(wanted)) {
      changed.push(key);
    }
  }
  return changed;
}

function normalise(value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function relationIds(value: unknown): string {
  const list = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
  return list
    .map((v) => (typeof v === 'string' ? v : (v as { documentId: string }).documentId))
    .sort()
    .join(',');
}

/** Loads every row of a non-localized type, keyed by `code`, with relations' documentIds. */
export async function loadByCode(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  relationKeys: readonly string[],
): Promise<Map<string, Existing>> {
  const populate = Object.fromEntries(relationKeys.map((k) => [k, { select: ['documentId'] }]));
  const rows = (await strapi.db.query(uid).findMany({ populate })) as Existing[];
  return new Map(rows.map((row) => [String(row.code), row]));
}

/** Creates or updates one entry of a non-localized type so that it holds `data`. */
export async function upsertEntry(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  existing: Existing | undefined,
  data: Record<string, unknown>,
  relationKeys: readonly string[],
): Promise<{ outcome: Outcome; documentId: string }> {
  const documents = strapi.documents(uid);
  if (!existing) {
    const created = await documents.create({ data } as never);
    return { outcome: 'created', documentId: (created as { documentId: string }).documentId };
  }
  const changed = differs(existing, data, relationKeys);
  if (changed.length === 0) return { outcome: 'unchanged', documentId: existing.documentId };
  const patch = Object.fromEntries(changed.map((k) => [k, data[k]]));
  await documents.update({ documentId: existing.documentId, data: patch } as never);
  return { outcome: 'updated', documentId: existing.documentId };
}
