import type { Core, UID } from '@strapi/strapi';

/**
 * Fields that are not the content a reviewer approves: review and schedule bookkeeping, the
 * citation flag the system maintains, the check date, a document's derived validity,
 * timestamps and authors. Inside
 * components: ids, and the citation fields filled from the cited document.
 */
const NOT_CONTENT = new Set([
  'id',
  'documentId',
  'locale',
  'localizations',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'firstPublishedAt',
  'createdBy',
  'updatedBy',
  'reviewState',
  'reviewNote',
  'publishAt',
  'citationsCheckedAt',
  'mayBeOutdated',
  'outdatedReason',
  // Workflow states are moved by staff and the scheduler, not part of the approved content.
  'handlingStatus',
  'phase',
  // Legal documents: validity is derived by the CMS after every write; the urgent reason is
  // the publisher's note, not the document.
  'validityStatus',
  'validityBasis',
  'validityHistory',
  'validityComputedAt',
  'validityChangedAt',
  'urgentPublishReason',
]);
const NOT_COMPONENT_CONTENT = new Set(['id', '__component', 'citedDocumentId', 'documentTitle']);

type Attribute = { type: string; component?: string; components?: string[] };

/**
 * A comparable fingerprint of one locale's draft content (null when that locale has no draft):
 * scalars as stored, components recursively without ids, relations and media as sorted target
 * ids. Two fingerprints differ exactly when the content an approval covered has changed.
 */
export async function contentSnapshot(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  documentId: string,
  locale: string,
): Promise<string | null> {
  const row = (await strapi.db.query(uid).findOne({
    where: { documentId, locale, publishedAt: { $null: true } },
    populate: populateFor(strapi, uid, NOT_CONTENT),
  })) as Record<string, unknown> | null;
  return row === null ? null : JSON.stringify(normalise(strapi, uid, row, NOT_CONTENT));
}

function attributesOf(strapi: Core.Strapi, uid: string): Record<string, Attribute> {
  const model = strapi.getModel(uid as UID.Schema) as { attributes: Record<string, Attribute> };
  return model.attributes;
}

function populateFor(strapi: Core.Strapi, uid: string, skip: Set<string>): Record<string, unknown> {
  const populate: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(attributesOf(strapi, uid))) {
    if (skip.has(name)) continue;
    if (attribute.type === 'relation' || attribute.type === 'media') populate[name] = { select: ['id'] };
    if (attribute.type === 'component' && attribute.component) {
      const nested = populateFor(strapi, attribute.component, NOT_COMPONENT_CONTENT);
      populate[name] = Object.keys(nested).length > 0 ? { populate: nested } : true;
    }
    if (attribute.type === 'dynamiczone') populate[name] = true;
  }
  return populate;
}

function normalise(
  strapi: Core.Strapi,
  uid: string,
  row: Record<string, unknown>,
  skip: Set<string>,
): unknown {
  const out: Record<string, unknown> = {};
  const attributes = attributesOf(strapi, uid);
  for (const name of Object.keys(attributes).sort()) {
    if (skip.has(name)) continue;
    const attribute = attributes[name]!;
    const value = row[name];
    if (attribute.type === 'relation' || attribute.type === 'media') {
      out[name] = ids(value);
    } else if (attribute.type === 'component' && attribute.component) {
      const component = attribute.component;
      const each = (v: unknown) =>
        v && typeof v === 'object'
          ? normalise(strapi, component, v as Record<string, unknown>, NOT_COMPONENT_CONTENT)
          : null;
      out[name] = Array.isArray(value) ? value.map(each) : each(value);
    } else if (value instanceof Date) {
      out[name] = value.toISOString();
    } else {
      out[name] = value === undefined || value === '' ? null : value;
    }
  }
  return out;
}

function ids(value: unknown): number[] | number | null {
  if (Array.isArray(value)) return value.map((v: { id: number }) => v.id).sort((a, b) => a - b);
  if (value && typeof value === 'object' && 'id' in value) return (value as { id: number }).id;
  return null;
}
