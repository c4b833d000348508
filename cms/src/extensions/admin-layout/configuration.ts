import type { FieldText, FieldTexts } from '@pbgdpl/domain';
import type { LayoutSpec } from './layouts';

/**
 * Builds a content-manager configuration (what the admin's list and edit views read) from the
 * one Strapi keeps, our layout spec and the field texts. Pure: Strapi's services are passed in.
 */

/** The content manager's stored configuration of a content type or component. */
export interface CmConfiguration {
  settings: Record<string, unknown>;
  metadatas: Record<string, { edit: Record<string, unknown>; list: Record<string, unknown> }>;
  layouts: { list: string[]; edit: Array<Array<{ name: string; size: number }>> };
}

export interface CmAttribute {
  type: string;
  relationType?: string;
  targetModel?: string;
}

export interface BuildInput {
  /** As Strapi synced it at boot (every attribute has metadata; the edit layout lists editable fields). */
  current: CmConfiguration;
  /** The content manager's model: attributes including timestamps and creator fields. */
  attributes: Record<string, CmAttribute>;
  spec: LayoutSpec;
  texts: FieldTexts;
  /** Width rules of a field type (the content manager's field-sizes service). */
  fieldSize: (type: string) => { default: number; isResizable: boolean };
  /** The main field of a relation's target type, when we set one. */
  mainFieldOf: (targetUid: string) => string | undefined;
}

/** Fields Strapi adds to every type; labelled like the rest. */
export const SYSTEM_FIELD_TEXTS: FieldTexts = {
  id: { label: 'ID' },
  createdAt: { label: 'Ngày tạo' },
  updatedAt: { label: 'Cập nhật lúc' },
  publishedAt: { label: 'Xuất bản lúc' },
  createdBy: { label: 'Người tạo' },
  updatedBy: { label: 'Người sửa cuối' },
  locale: { label: 'Ngôn ngữ' },
  localizations: { label: 'Bản dịch' },
};

const NON_LISTABLE = new Set(['json', 'password', 'richtext', 'dynamiczone', 'blocks']);
const ROW = 12;

export function buildConfiguration(input: BuildInput): CmConfiguration {
  const { current, attributes, spec } = input;
  return {
    settings: {
      ...current.settings,
      mainField: spec.mainField,
      ...(spec.sort && { defaultSortBy: spec.sort[0], defaultSortOrder: spec.sort[1] }),
      ...(spec.pageSize && { pageSize: spec.pageSize }),
    },
    metadatas: buildMetadatas(input),
    layouts: {
      list: buildList(spec, attributes, current),
      edit: buildEdit(input),
    },
  };
}

function textOf(texts: FieldTexts, name: string): FieldText | undefined {
  return texts[name] ?? SYSTEM_FIELD_TEXTS[name];
}

function buildMetadatas({
  current,
  attributes,
  spec,
  texts,
  mainFieldOf,
}: BuildInput): CmConfiguration['metadatas'] {
  const readOnly = new Set(spec.readOnly ?? []);
  const metadatas: CmConfiguration['metadatas'] = {};
  for (const [name, meta] of Object.entries(current.metadatas)) {
    const text = textOf(texts, name);
    const edit = { ...meta.edit };
    const list = { ...meta.list };
    if (text) {
      edit.label = text.label;
      edit.description = text.hint ?? '';
      list.label = text.label;
    }
    if (readOnly.has(name)) edit.editable = false;
    const attribute = attributes[name];
    const target = attribute?.type === 'relation' ? attribute.targetModel : undefined;
    const mainField = target ? mainFieldOf(target) : undefined;
    if (mainField) edit.mainField = mainField;
    metadatas[name] = { edit, list };
  }
  return metadatas;
}

function buildList(
  spec: LayoutSpec,
  attributes: Record<string, CmAttribute>,
  current: CmConfiguration,
): string[] {
  const listable = (name: string) => {
    const attribute = attributes[name];
    return !!attribute && !NON_LISTABLE.has(attribute.type) && name in current.metadatas;
  };
  const list = (spec.list ?? []).filter(listable);
  return list.length > 0 ? list : current.layouts.list;
}

function buildEdit({ current, attributes, spec, fieldSize }: BuildInput): CmConfiguration['layouts']['edit'] {
  // Strapi's synced layout holds exactly the fields the edit view may show, with valid sizes.
  const editable = new Map(current.layouts.edit.flat().map((field) => [field.name, field.size]));
  const placed = new Set<string>();
  const rows: CmConfiguration['layouts']['edit'] = [];
  for (const row of spec.edit) {
    const fields = row
      .filter(([name]) => editable.has(name) && !placed.has(name))
      .map(([name, size]) => {
        placed.add(name);
        const rule = fieldSize(attributes[name]?.type ?? 'string');
        return { name, size: rule.isResizable ? Math.min(size, ROW) : rule.default };
      });
    rows.push(...packRow(fields));
  }
  // Fields the spec does not know (added to a schema later) keep Strapi's place at the end.
  const rest = [...editable].filter(([name]) => !placed.has(name)).map(([name, size]) => ({ name, size }));
  rows.push(...packRow(rest));
  return rows;
}

/** Splits fields into rows of at most 12 columns. */
function packRow(
  fields: Array<{ name: string; size: number }>,
): Array<Array<{ name: string; size: number }>> {
  const rows: Array<Array<{ name: string; size: number }>> = [];
  let row: Array<{ name: string; size: number }> = [];
  let width = 0;
  for (const field of fields) {
    if (width + field.size > ROW && row.length > 0) {
      rows.push(row);
      row = [];
      width = 0;
    }
    row.push(field);
    width += field.size;
  }
  if (row.length > 0) rows.push(row);
  return rows;
}
