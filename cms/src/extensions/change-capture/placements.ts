/**
 * What the sync engine needs to know about an item: where it shows (its placements) and a
 * fingerprint of its public rows, read before and after a write to tell whether the public
 * state moved. Only public rows count: the published ones for draft & publish types, every row
 * for the others (sites, relations, vocabularies).
 */
import type { Core, UID } from '@strapi/strapi';
import type { ChangePlacement } from '@pbgdpl/domain';
import { CONTENT_TYPES } from '../../content-types';

export const LEGAL_DOCUMENT = CONTENT_TYPES.legalDocument;
export const DOCUMENT_RELATION = CONTENT_TYPES.documentRelation;
export const SITE = CONTENT_TYPES.site;
/** A site's adoption of another site's item (federation): only the adopting site prints it. */
export const ADOPTION = CONTENT_TYPES.siteAdoption;
/** Vocabularies every site prints (issuers, fields): a change reaches every site. */
const EVERYWHERE: ReadonlySet<string> = new Set([CONTENT_TYPES.organization, CONTENT_TYPES.legalField]);

export type TrackedKind = 'legal-document' | 'editorial' | 'relation' | 'site' | 'everywhere' | 'adoption';

/** How the sync engine follows a content type, or null when its changes never reach a site. */
export function trackedKind(strapi: Core.Strapi, uid: string): TrackedKind | null {
  if (uid === LEGAL_DOCUMENT) return 'legal-document';
  if (uid === DOCUMENT_RELATION) return 'relation';
  if (uid === SITE) return 'site';
  if (uid === ADOPTION) return 'adoption';
  if (EVERYWHERE.has(uid)) return 'everywhere';
  const model = strapi.contentTypes[uid as UID.ContentType];
  if (uid.startsWith('api::') && model && 'owningSite' in model.attributes && 'audience' in model.attributes)
    return 'editorial';
  return null;
}

export interface PublicState {
  /** `id:locale:updatedAt:publishedAt` of each public row, sorted: equal before and after = no public change. */
  fingerprint: string;
  placements: ChangePlacement[];
  owningSite: string | null;
  /** For relations: the documents at both ends. */
  relatedDocumentIds: string[];
}

type Row = Record<string, unknown> & {
  id: number;
  locale?: string | null;
  updatedAt?: unknown;
  publishedAt?: unknown;
};
const code = (value: unknown): string | null =>
  value && typeof value === 'object' && typeof (value as { code?: unknown }).code === 'string'
    ? (value as { code: string }).code
    : null;
const codes = (value: unknown): string[] =>
  Array.isArray(value)
    ? value
        .map(code)
        .filter((c): c is string => c !== null)
        .sort()
    : [];

const POPULATE: Record<TrackedKind, Record<string, unknown> | undefined> = {
  'legal-document': { owningSite: { select: ['code'] }, scopeSite: { select: ['code'] } },
  editorial: {
    owningSite: { select: ['code'] },
    audienceProvinces: { select: ['code'] },
    fields: { select: ['code'] },
  },
  site: { parent: { select: ['code'] } },
  adoption: { owningSite: { select: ['code'] } },
  relation: undefined,
  everywhere: undefined,
};

/** The public rows of one item and where they show. */
export async function readPublicState(
  strapi: Core.Strapi,
  uid: string,
  kind: TrackedKind,
  documentId: string,
): Promise<PublicState> {
  const model = strapi.contentTypes[uid as UID.ContentType];
  const draftAndPublish = Boolean(model?.options?.draftAndPublish);
  const where: Record<string, unknown> = { documentId };
  if (draftAndPublish) where.publishedAt = { $notNull: true };
  const populate = POPULATE[kind];
  const rows = (await strapi.db
    .query(uid as UID.ContentType)
    .findMany({ where, ...(populate ? { populate } : {}) })) as Row[];
  const fingerprint = rows
    .map((r) => `${r.id}:${r.locale ?? ''}:${String(r.updatedAt ?? '')}:${String(r.publishedAt ?? '')}`)
    .sort()
    .join('|');
  const placements: ChangePlacement[] = [];
  const related = new Set<string>();
  let owningSite: string | null = null;
  for (const row of rows) {
    if (kind === 'legal-document') {
      owningSite ??= code(row.owningSite);
      placements.push({
        kind: 'legal-document',
        scope: (row.scope as 'national' | 'local' | null) ?? null,
        owningSite: code(row.owningSite),
        scopeSite: code(row.scopeSite),
      });
    } else if (kind === 'editorial') {
      owningSite ??= code(row.owningSite);
      placements.push({
        kind: 'editorial',
        owningSite: code(row.owningSite),
        audience: (row.audience as string | null) ?? null,
        audienceSiteKinds: Array.isArray(row.audienceSiteKinds)
          ? (row.audienceSiteKinds as string[]).slice().sort()
          : [],
        audienceProvinces: codes(row.audienceProvinces),
        mandatory: row.mandatory === true,
        fields: codes(row.fields),
      });
    } else if (kind === 'site') {
      owningSite ??= (row.code as string) ?? null;
      placements.push({ kind: 'site', code: row.code as string, parent: code(row.parent) });
    } else if (kind === 'adoption') {
      owningSite ??= code(row.owningSite);
      const adopter = code(row.owningSite);
      if (adopter) placements.push({ kind: 'adoption', adoptingSite: adopter });
    } else if (kind === 'relation') {
      for (const key of ['sourceDocumentId', 'targetDocumentId']) {
        if (typeof row[key] === 'string' && row[key]) related.add(row[key]);
      }
    } else {
      placements.push({ kind: 'everywhere' });
    }
  }
  // Sites that adopted the item print it (home page, local note): they are rebuilt with it.
  if (kind === 'editorial') placements.push(...(await adopterPlacements(strapi, uid, documentId)));
  return { fingerprint, placements, owningSite, relatedDocumentIds: [...related].sort() };
}

/**
 * The adoption's `targetType` of an editorial type: `api::legal-situation.legal-situation` →
 * `legal_situation` (the enumeration of `api::site-adoption`).
 */
export function adoptionTargetType(uid: string): string | null {
  const name = /^api::([a-z-]+)\.\1$/.exec(uid)?.[1];
  return name ? name.replace(/-/g, '_') : null;
}

/** One `adoption` placement per site that adopted this item. */
async function adopterPlacements(
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
): Promise<ChangePlacement[]> {
  const targetType = adoptionTargetType(uid);
  if (!targetType || !strapi.contentTypes[ADOPTION as UID.ContentType]) return [];
  const rows = (await strapi.db.query(ADOPTION as UID.ContentType).findMany({
    where: { targetType, targetDocumentId: documentId },
    select: ['id'],
    populate: { owningSite: { select: ['code'] } },
  })) as Array<{ owningSite: unknown }>;
  const sites = new Set(rows.map((r) => code(r.owningSite)).filter((c): c is string => c !== null));
  return [...sites].sort().map((site) => ({ kind: 'adoption' as const, adoptingSite: site }));
}

/** Placements of the legal documents at the ends of a relation: both documents' pages show it. */
export async function relatedDocumentPlacements(
  strapi: Core.Strapi,
  documentIds: readonly string[],
): Promise<ChangePlacement[]> {
  const placements: ChangePlacement[] = [];
  for (const documentId of documentIds) {
    placements.push(
      ...(await readPublicState(strapi, LEGAL_DOCUMENT, 'legal-document', documentId)).placements,
    );
  }
  return placements;
}
