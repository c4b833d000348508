import type { Core } from '@strapi/strapi';
import { AUDIT_ENTRY, DOCUMENT_RELATION, LEGAL_DOCUMENT, MEMBERSHIP, SITE } from '../federation/types';

type Attribute = { type: string; relation?: string; private?: boolean; multiple?: boolean; target?: string };

/** Bookkeeping columns the log leaves out (they change on every write or say nothing). */
export const IGNORED_FIELDS = [
  'id',
  'documentId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'firstPublishedAt',
  'createdBy',
  'updatedBy',
  'locale',
  'localizations',
];

/** A stored item as the log sees it: plain values, and the site it belongs to. */
export interface Snapshot {
  values: Record<string, unknown>;
  title: string | null;
  site: { id: number; code: string } | null;
  locale: string | null;
}

/** The longest value (as JSON) copied into the log; longer ones are summarised. */
const MAX_VALUE_LENGTH = 2000;

/**
 * Reads one version of an item (the draft, for draft & publish types; the given locale, else
 * any) with its relations as documentIds, its media as file names and its components without
 * their ids.
 */
export async function snapshot(
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
  locale?: string | null,
): Promise<Snapshot | null> {
  const model = strapi.contentType(uid as never) as unknown as {
    attributes: Record<string, Attribute>;
    options?: { draftAndPublish?: boolean };
    pluginOptions?: { i18n?: { localized?: boolean } };
  };
  const attributes = model.attributes;
  const where: Record<string, unknown> = { documentId };
  if (model.options?.draftAndPublish) where.publishedAt = null;
  if (model.pluginOptions?.i18n?.localized && locale && locale !== '*') where.locale = locale;
  const populate: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    if (IGNORED_FIELDS.includes(name)) continue;
    if (attribute.type === 'relation')
      populate[name] = {
        select: ['id', 'documentId', 'code'].filter((f) => f !== 'code' || attribute.target === SITE),
      };
    else if (attribute.type === 'media') populate[name] = { select: ['id', 'name'] };
    else if (attribute.type === 'component' || attribute.type === 'dynamiczone') populate[name] = true;
  }
  const row = (await strapi.db.query(uid as never).findOne({ where, populate })) as Record<
    string,
    unknown
  > | null;
  if (!row) return null;
  const values: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    if (IGNORED_FIELDS.includes(name) || !(name in row)) continue;
    values[name] = bounded(plain(attribute, row[name]));
  }
  return {
    values,
    title: titleOf(row),
    site: await siteOf(strapi, uid, row),
    locale: typeof row.locale === 'string' ? row.locale : null,
  };
}

/**
 * Fields whose values never enter the log: private contact details (Q&A askers'), passwords,
 * private links and tokens (an invitation link is a credential).
 */
export function redactedFields(strapi: Core.Strapi, uid: string): string[] {
  const attributes = (
    strapi.contentType(uid as never) as unknown as { attributes: Record<string, Attribute> }
  ).attributes;
  return Object.entries(attributes)
    .filter(
      ([name, a]) =>
        a.type === 'password' ||
        (a.private === true &&
          (a.type === 'email' || /(name|email|phone|address|token|secret|url)$/i.test(name))),
    )
    .map(([name]) => name);
}

function plain(attribute: Attribute, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (attribute.type === 'relation') {
    const list = Array.isArray(value) ? value : [value];
    const ids = list.map(
      (v) => (v as { documentId?: string; id: number }).documentId ?? (v as { id: number }).id,
    );
    return Array.isArray(value) ? ids.sort() : (ids[0] ?? null);
  }
  if (attribute.type === 'media') {
    const list = Array.isArray(value) ? value : [value];
    const names = list.map((v) => (v as { name?: string }).name ?? null);
    return Array.isArray(value) ? names : (names[0] ?? null);
  }
  if (attribute.type === 'component' || attribute.type === 'dynamiczone') return withoutIds(value);
  return value;
}

function withoutIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => k !== 'id' && k !== '__temp_key__')
        .map(([k, v]) => [k, withoutIds(v)]),
    );
  }
  return value;
}

/** Long values (full texts) are kept as a length and a beginning, not copied whole. */
function bounded(value: unknown): unknown {
  const json = JSON.stringify(value);
  if (json === undefined || json.length <= MAX_VALUE_LENGTH) return value;
  return { truncated: true, length: json.length, start: json.slice(0, 300) };
}

function titleOf(row: Record<string, unknown>): string | null {
  for (const key of ['title', 'name', 'number', 'code', 'email', 'fromPath', 'sourceNumber']) {
    if (typeof row[key] === 'string' && row[key] !== '') return String(row[key]).slice(0, 500);
  }
  return null;
}

async function siteOf(
  strapi: Core.Strapi,
  uid: string,
  row: Record<string, unknown>,
): Promise<{ id: number; code: string } | null> {
  const pick = (v: unknown) => (v && typeof v === 'object' ? (v as { id: number; code: string }) : null);
  if (uid === SITE) return { id: Number(row.id), code: String(row.code) };
  if (uid === MEMBERSHIP || uid === AUDIT_ENTRY) return pick(row.site);
  if ('owningSite' in row) return pick(row.owningSite);
  if (uid === DOCUMENT_RELATION && typeof row.sourceDocumentId === 'string') {
    const source = (await strapi.db.query(LEGAL_DOCUMENT).findOne({
      where: { documentId: row.sourceDocumentId },
      populate: { owningSite: { select: ['id', 'code'] } },
    })) as { owningSite?: { id: number; code: string } | null } | null;
    return source?.owningSite ?? null;
  }
  return null;
}
