import type { Core } from '@strapi/strapi';
import type { SiteLabel } from './messages';
import type { RelationRef } from './relation-input';
import { SITE } from './types';

/** A site of the registry by documentId or database id. */
export async function findSite(strapi: Core.Strapi, ref: RelationRef): Promise<SiteLabel | null> {
  const where = 'documentId' in ref ? { documentId: ref.documentId } : { id: ref.id };
  return (await strapi.db.query(SITE).findOne({ where, select: ['id', 'code', 'name'] })) as SiteLabel | null;
}

export interface StoredOwner {
  /** Whether any version of the document exists. */
  exists: boolean;
  /** The owners of its versions (normally one site; several only if data went wrong). */
  owners: Array<SiteLabel | null>;
}

/** Who owns a stored document, across its locales and versions. */
export async function storedOwner(
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
): Promise<StoredOwner> {
  const rows = (await strapi.db.query(uid as never).findMany({
    where: { documentId },
    select: ['id'],
    populate: { owningSite: { select: ['id', 'code', 'name'] } },
  })) as Array<{ owningSite: SiteLabel | null }>;
  const owners = new Map<string, SiteLabel | null>();
  for (const row of rows) owners.set(String(row.owningSite?.id ?? 'none'), row.owningSite ?? null);
  return { exists: rows.length > 0, owners: [...owners.values()] };
}

export interface LinkCandidate {
  label: string;
  owningSiteId: string | null;
  owningSiteKind: string | null;
  published: boolean;
}

/** What a relation would point at: its owner, and whether it has a published version. */
export async function linkCandidate(
  strapi: Core.Strapi,
  uid: string,
  ref: RelationRef,
): Promise<LinkCandidate | null> {
  let documentId: string | undefined;
  if ('documentId' in ref) documentId = ref.documentId;
  else {
    const row = (await strapi.db
      .query(uid as never)
      .findOne({ where: { id: ref.id }, select: ['documentId'] })) as {
      documentId: string;
    } | null;
    documentId = row?.documentId;
  }
  if (!documentId) return null;
  const rows = (await strapi.db.query(uid as never).findMany({
    where: { documentId },
    populate: { owningSite: { select: ['id', 'kind'] } },
  })) as Array<
    Record<string, unknown> & { publishedAt: string | null; owningSite: { id: number; kind: string } | null }
  >;
  if (rows.length === 0) return null;
  const first = rows[0]!;
  return {
    label: String(first.title ?? first.name ?? first.number ?? documentId),
    owningSiteId: first.owningSite ? String(first.owningSite.id) : null,
    owningSiteKind: first.owningSite?.kind ?? null,
    published: rows.some((r) => r.publishedAt !== null),
  };
}
