/**
 * The columns of a dataset, read from the content type's schema: every attribute the public API
 * returns (never a `private` one, never a password), minus the dataset's omissions. Relations
 * are written as the target's code (sites, issuers, fields) or documentId (other items), and only
 * to targets a reader can see (published; a site only while enabled). Also the Query Engine's
 * populate tree that reads them.
 */
import type { Core, UID } from '@strapi/strapi';
import { CONTENT_TYPE_FIELD_TEXTS } from '@pbgdpl/domain';
import { ALWAYS_OMITTED, type Dataset } from './catalogue';
import { CONTENT_TYPES } from '../../content-types';

type Attribute = {
  type: string;
  private?: boolean;
  relation?: string;
  target?: string;
  multiple?: boolean;
  component?: string;
  repeatable?: boolean;
  pluginOptions?: { i18n?: { localized?: boolean } };
};
type Schema = {
  uid: string;
  info?: { singularName?: string };
  options?: { draftAndPublish?: boolean };
  pluginOptions?: { i18n?: { localized?: boolean } };
  attributes: Record<string, Attribute>;
};

export type ColumnKind = 'value' | 'datetime' | 'blocks' | 'json' | 'component' | 'media' | 'relation';

export interface Column {
  name: string;
  kind: ColumnKind;
  /** The schema's attribute type (string, date, enumeration…), for the manifest. */
  type: string;
  multiple: boolean;
  /** Vietnamese label (the admin's), for the manifest. */
  label: string;
  /** For relations: the target type, and which of its fields identifies it here. */
  target?: { uid: string; key: 'code' | 'documentId' };
  /** For components: the component's uid. */
  component?: string;
}

/** Targets identified by their code (the registry's vocabularies); any other by documentId. */
const CODED_TARGETS = new Set<string>([
  CONTENT_TYPES.site,
  CONTENT_TYPES.organization,
  CONTENT_TYPES.legalField,
]);
const SITE = CONTENT_TYPES.site;

export function schemaOf(strapi: Core.Strapi, uid: string): Schema {
  return strapi.getModel(uid as UID.Schema) as unknown as Schema;
}

const BASE_LABELS: Record<string, string> = {
  documentId: 'Mã định danh (ổn định qua các phiên bản và ngôn ngữ)',
  locale: 'Ngôn ngữ (vi, en)',
  publishedAt: 'Thời điểm xuất bản',
  updatedAt: 'Thời điểm cập nhật gần nhất',
};

/** The dataset's columns in file order: identity first, then the schema's attributes, then dates. */
export function datasetColumns(strapi: Core.Strapi, dataset: Dataset): Column[] {
  const schema = schemaOf(strapi, dataset.uid);
  const omitted = new Set([...ALWAYS_OMITTED, ...(dataset.omit ?? [])]);
  const texts = CONTENT_TYPE_FIELD_TEXTS[schema.info?.singularName ?? ''] ?? {};
  const base = (name: string, kind: ColumnKind, type: string): Column => ({
    name,
    kind,
    type,
    multiple: false,
    label: BASE_LABELS[name] ?? name,
  });
  const columns: Column[] = [base('documentId', 'value', 'string')];
  if (schema.pluginOptions?.i18n?.localized) columns.push(base('locale', 'value', 'string'));
  for (const [name, attribute] of Object.entries(schema.attributes)) {
    if (omitted.has(name) || name in BASE_LABELS || attribute.private || attribute.type === 'password')
      continue;
    const label = texts[name]?.label ?? name;
    const column = columnOf(name, attribute, label);
    if (column) columns.push(column);
  }
  if (schema.options?.draftAndPublish) columns.push(base('publishedAt', 'datetime', 'datetime'));
  columns.push(base('updatedAt', 'datetime', 'datetime'));
  return columns;
}

function columnOf(name: string, attribute: Attribute, label: string): Column | null {
  const type = attribute.type;
  switch (type) {
    case 'relation': {
      const target = attribute.target;
      if (!target || !target.startsWith('api::')) return null;
      const multiple = attribute.relation === 'oneToMany' || attribute.relation === 'manyToMany';
      return {
        name,
        kind: 'relation',
        type,
        multiple,
        label,
        target: { uid: target, key: CODED_TARGETS.has(target) ? 'code' : 'documentId' },
      };
    }
    case 'media':
      return { name, kind: 'media', type, multiple: attribute.multiple === true, label };
    case 'component':
      return {
        name,
        kind: 'component',
        type,
        multiple: attribute.repeatable === true,
        label,
        component: attribute.component,
      };
    case 'dynamiczone':
      return { name, kind: 'component', type, multiple: true, label };
    case 'blocks':
      return { name, kind: 'blocks', type, multiple: false, label };
    case 'json':
      return { name, kind: 'json', type, multiple: false, label };
    case 'datetime':
    case 'timestamp':
      return { name, kind: 'datetime', type, multiple: false, label };
    default:
      return { name, kind: 'value', type, multiple: false, label };
  }
}

/**
 * The Query Engine's populate for the columns: relation targets by their key, only those a
 * reader may see; media by URL, name, type and size; components whole, with their media.
 */
export function populateFor(strapi: Core.Strapi, columns: readonly Column[]): Record<string, unknown> {
  const populate: Record<string, unknown> = {};
  for (const column of columns) {
    if (column.kind === 'relation' && column.target) {
      const target = schemaOf(strapi, column.target.uid);
      const where: Record<string, unknown> = {};
      if (target.options?.draftAndPublish) where.publishedAt = { $notNull: true };
      if (column.target.uid === SITE) where.enabled = true;
      populate[column.name] = { select: ['id', column.target.key], where };
    } else if (column.kind === 'media') {
      populate[column.name] = { select: MEDIA_FIELDS };
    } else if (column.kind === 'component') {
      populate[column.name] = column.component ? componentPopulate(strapi, column.component) : true;
    }
  }
  return populate;
}

const MEDIA_FIELDS = ['id', 'url', 'name', 'mime', 'size'];

function componentPopulate(strapi: Core.Strapi, uid: string): true | { populate: Record<string, unknown> } {
  const nested: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(schemaOf(strapi, uid).attributes)) {
    if (attribute.type === 'media') nested[name] = { select: MEDIA_FIELDS };
    else if (attribute.type === 'component' && attribute.component)
      nested[name] = componentPopulate(strapi, attribute.component);
  }
  return Object.keys(nested).length > 0 ? { populate: nested } : true;
}
