/**
 * One stored row as an open-data record: a JSON object for JSON Lines (structure kept: rich
 * text as Strapi's blocks, components as objects, lists as arrays) and the same values flattened
 * for CSV (rich text as plain text, lists joined with "; ", structures as JSON text). Pure.
 */
import { blocksToPlainText, csvCell } from '@pbgdpl/domain';
import type { Column } from './columns';

type Row = Record<string, unknown>;

/** A media file as a reader gets it: an absolute URL when the CMS's public address is known. */
export interface MediaValue {
  url: string;
  name: string | null;
  mime: string | null;
  /** Kilobytes, as Strapi stores it. */
  sizeKb: number | null;
}

export interface RecordOptions {
  /** The CMS's public address (PUBLIC_URL), to make `/uploads/…` URLs absolute. */
  publicUrl?: string;
}

/** The JSON Lines object of a row (keys in column order; `extra` appended, e.g. relations). */
export function jsonRecord(
  row: Row,
  columns: readonly Column[],
  options: RecordOptions = {},
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const column of columns) out[column.name] = jsonValue(column, row[column.name], options);
  return { ...out, ...extra };
}

/** The CSV line of a row (no line end), cells in column order. */
export function csvLine(record: Record<string, unknown>, columns: readonly Column[]): string {
  return columns.map((column) => csvCell(csvValue(column, record[column.name]))).join(',');
}

export function csvHeader(columns: readonly Column[]): string {
  return columns.map((column) => csvCell(column.name)).join(',');
}

function jsonValue(column: Column, value: unknown, options: RecordOptions): unknown {
  if (value === undefined || value === null) return column.multiple ? [] : null;
  switch (column.kind) {
    case 'datetime':
      return isoInstant(value);
    case 'relation': {
      const key = column.target!.key;
      const list = (Array.isArray(value) ? value : [value]) as Row[];
      const keys = list.map((target) => target[key]).filter((k): k is string => typeof k === 'string');
      return column.multiple ? keys.sort() : (keys[0] ?? null);
    }
    case 'media':
      return Array.isArray(value) ? value.map((m) => media(m as Row, options)) : media(value as Row, options);
    case 'component':
      return Array.isArray(value) ? value.map((c) => component(c, options)) : component(value, options);
    default:
      if (value instanceof Date)
        return column.type === 'date' ? value.toISOString().slice(0, 10) : value.toISOString();
      return value;
  }
}

function csvValue(column: Column, value: unknown): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (column.kind === 'blocks') return blocksToPlainText(value);
  if (column.kind === 'media') {
    const list = (Array.isArray(value) ? value : [value]) as MediaValue[];
    return list.map((m) => m.url).join(' ; ');
  }
  if (Array.isArray(value) && column.kind === 'relation') return value.join('; ');
  if (typeof value === 'object') return JSON.stringify(value);
  return value as string | number | boolean;
}

function media(file: Row, options: RecordOptions): MediaValue {
  const url = String(file.url ?? '');
  const absolute =
    options.publicUrl && url.startsWith('/') ? `${options.publicUrl.replace(/\/+$/, '')}${url}` : url;
  return {
    url: absolute,
    name: (file.name as string | undefined) ?? null,
    mime: (file.mime as string | undefined) ?? null,
    sizeKb: typeof file.size === 'number' ? file.size : file.size ? Number(file.size) : null,
  };
}

/** A component without Strapi's ids; media inside it as MediaValue. */
function component(value: unknown, options: RecordOptions): unknown {
  if (Array.isArray(value)) return value.map((v) => component(v, options));
  if (!value || typeof value !== 'object' || value instanceof Date) return value;
  const row = value as Row;
  if ('url' in row && 'mime' in row) return media(row, options);
  const out: Row = {};
  for (const [key, inner] of Object.entries(row)) {
    if (key === 'id' || key === '__temp_key__') continue;
    out[key] = component(inner, options);
  }
  return out;
}

/** A stored date-time (Date, ISO text, SQLite's epoch milliseconds) as an ISO instant. */
export function isoInstant(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  const date =
    value instanceof Date
      ? value
      : typeof value === 'number' || /^\d+$/.test(String(value))
        ? new Date(Number(value))
        : new Date(String(value).includes('T') ? String(value) : `${String(value).replace(' ', 'T')}Z`);
  return Number.isNaN(date.getTime()) ? String(value) : date.toISOString();
}

/** The citation component: a cited document resolved by number (citations extension). */
export const CITATION_COMPONENT = 'shared.legal-citation';

type Citation = { citedDocumentId?: string | null; documentTitle?: string | null };

function citationsOf(row: Row, columns: readonly Column[]): Citation[] {
  return columns
    .filter((c) => c.kind === 'component' && c.component === CITATION_COMPONENT)
    .flatMap((c) => (Array.isArray(row[c.name]) ? (row[c.name] as Citation[]) : []));
}

type HistoryEntry = { cause?: string; sourceDocumentId?: string | null };

function historyOf(row: Row): HistoryEntry[] {
  return Array.isArray(row.validityHistory) ? (row.validityHistory as HistoryEntry[]) : [];
}

/** The documentIds a page points at besides its relations: cited documents, sources of validity changes. */
export function referencedDocumentIds(rows: readonly Row[], columns: readonly Column[]): string[] {
  const ids = rows.flatMap((row) => [
    ...citationsOf(row, columns).map((c) => c.citedDocumentId),
    ...historyOf(row).map((entry) => entry.sourceDocumentId),
  ]);
  return ids.filter((id): id is string => typeof id === 'string' && id !== '');
}

/**
 * References to documents no reader can see (an editor's own draft, a disabled site's
 * document): a citation keeps the number the editor typed, without the document's id and
 * title; a validity change caused by such a document (the validity extension counts relations
 * from drafts too) is left out of the history rather than naming it.
 */
export function withholdHiddenReferences(
  rows: readonly Row[],
  columns: readonly Column[],
  visible: ReadonlySet<string>,
): void {
  for (const row of rows) {
    for (const citation of citationsOf(row, columns))
      if (citation.citedDocumentId && !visible.has(citation.citedDocumentId)) {
        citation.citedDocumentId = null;
        citation.documentTitle = null;
      }
    if (Array.isArray(row.validityHistory))
      row.validityHistory = historyOf(row).filter(
        (entry) =>
          entry.cause !== 'relation' || !entry.sourceDocumentId || visible.has(entry.sourceDocumentId),
      );
  }
}
