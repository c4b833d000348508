/**
 * Table and column names of Strapi's content types, read from Strapi's own metadata so the
 * set-based queries follow the schemas (link tables are named by Strapi, and shortened when long).
 */
import type { Core, UID } from '@strapi/strapi';

type Attribute = {
  columnName?: string;
  joinTable?: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } };
};
type Meta = { tableName: string; attributes: Record<string, Attribute> };

function meta(strapi: Core.Strapi, uid: string): Meta {
  return strapi.db.metadata.get(uid as UID.ContentType) as unknown as Meta;
}

export function tableOf(strapi: Core.Strapi, uid: string): string {
  return meta(strapi, uid).tableName;
}

/** The column of a scalar attribute, or null when the type has no such attribute. */
export function columnOf(strapi: Core.Strapi, uid: string, attribute: string): string | null {
  const found = meta(strapi, uid).attributes[attribute];
  if (!found || found.joinTable) return null;
  return found.columnName ?? attribute.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

export interface Link {
  table: string;
  /** Column holding the owning row's id. */
  from: string;
  /** Column holding the related row's id. */
  to: string;
}

/** The link table of a relation attribute. @throws Error when the attribute is not a relation. */
export function linkOf(strapi: Core.Strapi, uid: string, attribute: string): Link {
  const joinTable = meta(strapi, uid).attributes[attribute]?.joinTable;
  if (!joinTable) throw new Error(`${uid}.${attribute} is not a relation with a link table.`);
  return { table: joinTable.name, from: joinTable.joinColumn.name, to: joinTable.inverseJoinColumn.name };
}

/** Double-quoted SQL identifier (PostgreSQL and SQLite). */
export const q = (identifier: string): string => `"${identifier.replace(/"/g, '""')}"`;

/** A database date-time (Date, ISO text, or SQLite's epoch milliseconds) as ISO text, or null. */
export function isoOf(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  const date =
    value instanceof Date
      ? value
      : typeof value === 'number' || /^\d+$/.test(String(value))
        ? new Date(Number(value))
        : new Date(String(value).includes('T') || String(value).length <= 10 ? String(value) : String(value).replace(' ', 'T') + 'Z');
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Rows of a raw query on either dialect. */
export async function rawRows<T = Record<string, unknown>>(
  db: Core.Strapi['db']['connection'],
  sql: string,
  bindings: readonly unknown[] = [],
): Promise<T[]> {
  const result = (await db.raw(sql, bindings as never)) as { rows?: T[] } | T[];
  return Array.isArray(result) ? result : (result.rows ?? []);
}
