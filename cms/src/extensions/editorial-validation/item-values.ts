import type { Core, UID } from '@strapi/strapi';
import type { UploadedFileFacts } from '@pbgdpl/domain';
import { LOCALE_INDEPENDENT_RELATIONS } from '../locale-facts';

/**
 * Turns an editorial item into what the domain's validation reads: the stored draft merged with
 * the write, relations as their target (or null), files as the upload's stored facts (never the
 * client's word for name, type or size), components with their files resolved the same way.
 */

type Attribute = {
  type: string;
  relation?: string;
  multiple?: boolean;
  component?: string;
  repeatable?: boolean;
  pluginOptions?: { i18n?: { localized?: boolean } };
};
type Attributes = Record<string, Attribute>;
type Row = Record<string, unknown> & { locale?: string };

const FILE_UID = 'plugin::upload.file';
const FILE_FIELDS = ['id', 'name', 'ext', 'mime', 'size'];

function attributesOf(strapi: Core.Strapi, uid: string): Attributes {
  return (strapi.getModel(uid as UID.Schema)?.attributes ?? {}) as Attributes;
}

/** A populate tree reaching every relation, file and component (with their files) of `uid`. */
function populateFor(strapi: Core.Strapi, uid: string, depth = 0): Record<string, unknown> {
  const populate: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(attributesOf(strapi, uid))) {
    if (attribute.type === 'relation' && depth === 0) populate[name] = { select: ['id', 'documentId'] };
    else if (attribute.type === 'media') populate[name] = { select: FILE_FIELDS };
    else if (attribute.type === 'component' && attribute.component && depth < 3) {
      const nested = populateFor(strapi, attribute.component, depth + 1);
      populate[name] = Object.keys(nested).length > 0 ? { populate: nested } : true;
    }
  }
  return populate;
}

/**
 * The stored draft of the item in `locale`. For a translation not yet written, the facts shared
 * by all locales (non-localized fields and the locale-independent relations) come from another
 * locale's draft, as Strapi and the locale-facts extension will copy them.
 */
export async function storedValues(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  documentId: string | undefined,
  locale: string,
): Promise<Row> {
  if (!documentId) return {};
  const rows = (await strapi.db.query(uid).findMany({
    where: { documentId, publishedAt: null },
    populate: populateFor(strapi, uid),
  })) as Row[];
  const own = rows.find((r) => r.locale === locale);
  if (own) return own;
  const other = rows[0];
  if (!other) return {};
  const shared = new Set(LOCALE_INDEPENDENT_RELATIONS[uid] ?? []);
  const attributes = attributesOf(strapi, uid);
  return Object.fromEntries(
    Object.entries(other).filter(
      ([name]) => shared.has(name) || attributes[name]?.pluginOptions?.i18n?.localized === false,
    ),
  );
}

/** Where a relation written in any of Strapi's syntaxes ends up: a target, null, or unchanged. */
export function relationAfterWrite(value: unknown, stored: unknown): unknown {
  if (value === undefined) return stored ?? null;
  if (value === null || value === '') return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (Array.isArray(value)) return value.length > 0 ? value[value.length - 1] : null;
  if (typeof value === 'object') {
    const relation = value as { set?: unknown[]; connect?: unknown[]; disconnect?: unknown[] };
    if ('documentId' in relation || 'id' in relation) return relation;
    if (Array.isArray(relation.set))
      return relation.set.length > 0 ? relation.set[relation.set.length - 1] : null;
    if (Array.isArray(relation.connect) && relation.connect.length > 0) {
      return relation.connect[relation.connect.length - 1];
    }
    if (Array.isArray(relation.disconnect) && relation.disconnect.length > 0) return null;
    return stored ?? null;
  }
  return stored ?? null;
}

/** The documentId of a relation target in any of Strapi's forms (`{ documentId }`, a row, an id). */
export async function targetDocumentId(
  strapi: Core.Strapi,
  targetUid: UID.ContentType,
  target: unknown,
): Promise<string | null> {
  if (target === null || target === undefined) return null;
  if (typeof target === 'string' && !/^\d+$/.test(target)) return target;
  const ref: { documentId?: string; id?: unknown } =
    typeof target === 'object' ? (target as { documentId?: string; id?: unknown }) : { id: target };
  if (typeof ref.documentId === 'string') return ref.documentId;
  if (ref.id === undefined) return null;
  const row = (await strapi.db
    .query(targetUid)
    .findOne({ where: { id: Number(ref.id) }, select: ['documentId'] })) as { documentId: string } | null;
  return row?.documentId ?? null;
}

/** Reads the upload ids a written media value refers to. */
function mediaRefs(value: unknown): Array<number | string> {
  if (value === null || value === undefined || value === '') return [];
  if (Array.isArray(value)) return value.flatMap(mediaRefs);
  if (typeof value === 'number') return [value];
  if (typeof value === 'string') return [/^\d+$/.test(value) ? Number(value) : value];
  if (typeof value === 'object') {
    const ref = value as { id?: number | string; documentId?: string };
    if (ref.id !== undefined) return [Number(ref.id)];
    if (ref.documentId) return [ref.documentId];
  }
  return [];
}

/**
 * The write's values with files resolved to their stored facts, walking components by their
 * schema; files already resolved (from the stored row) pass through.
 */
export async function resolveWrittenFiles(
  strapi: Core.Strapi,
  uid: string,
  data: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const refs: Array<number | string> = [];
  const collect = (schemaUid: string, value: Record<string, unknown>) => {
    for (const [name, attribute] of Object.entries(attributesOf(strapi, schemaUid))) {
      if (!(name in value)) continue;
      if (attribute.type === 'media') refs.push(...mediaRefs(value[name]));
      if (attribute.type === 'component' && attribute.component) {
        for (const item of asItems(value[name])) collect(attribute.component, item);
      }
    }
  };
  collect(uid, data);
  const facts = await loadFiles(strapi, refs);
  const resolve = (schemaUid: string, value: Record<string, unknown>): Record<string, unknown> => {
    const out: Record<string, unknown> = { ...value };
    for (const [name, attribute] of Object.entries(attributesOf(strapi, schemaUid))) {
      if (!(name in value)) continue;
      if (attribute.type === 'media') {
        const files = mediaRefs(value[name])
          .map((ref) => facts.get(String(ref)))
          .filter(Boolean);
        out[name] = attribute.multiple ? files : (files[0] ?? null);
      } else if (attribute.type === 'component' && attribute.component) {
        const component = attribute.component;
        const items = asItems(value[name]).map((item) => resolve(component, item));
        out[name] = attribute.repeatable ? items : (items[0] ?? null);
      }
    }
    return out;
  };
  return resolve(uid, data);
}

function asItems(value: unknown): Array<Record<string, unknown>> {
  if (Array.isArray(value))
    return value.filter((v): v is Record<string, unknown> => !!v && typeof v === 'object');
  return value && typeof value === 'object' ? [value as Record<string, unknown>] : [];
}

async function loadFiles(
  strapi: Core.Strapi,
  refs: Array<number | string>,
): Promise<Map<string, UploadedFileFacts>> {
  const ids = refs.filter((r): r is number => typeof r === 'number');
  const documentIds = refs.filter((r): r is string => typeof r === 'string');
  const facts = new Map<string, UploadedFileFacts>();
  if (ids.length === 0 && documentIds.length === 0) return facts;
  const rows = (await strapi.db.query(FILE_UID).findMany({
    where: { $or: [{ id: { $in: ids } }, { documentId: { $in: documentIds } }] },
    select: [...FILE_FIELDS, 'documentId'],
  })) as Array<UploadedFileFacts & { id: number; documentId: string }>;
  for (const row of rows) {
    const fact = {
      name: row.name,
      ext: row.ext,
      mime: row.mime,
      size: row.size === null ? null : Number(row.size),
    };
    facts.set(String(row.id), fact);
    facts.set(row.documentId, fact);
  }
  return facts;
}
