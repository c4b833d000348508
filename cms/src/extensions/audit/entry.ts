import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { AUDIT_ACTION_LABELS, type AuditAction } from '@pbgdpl/domain';
import { operatorLabel, type Caller } from '../federation/caller';
import { AUDIT_ENTRY } from '../federation/types';

export interface AuditRecord {
  action: AuditAction;
  caller: Caller;
  origin: { ip: string | null; userAgent: string | null };
  contentType?: string | null;
  documentId?: string | null;
  locale?: string | null;
  itemTitle?: string | null;
  site?: { id: number; code: string } | null;
  changes?: unknown;
  /** A person or program named by a script (the operator of a registry change). */
  actorLabel?: string | null;
  /** Defaults to now; tests and imports pass their own. */
  occurredAt?: Date;
}

/**
 * Appends one entry to the audit log, below the Document Service (which refuses every write
 * to the log): the database layer, with the documentId and publication date the Document
 * Service would have given it.
 */
export async function appendAuditEntry(strapi: Core.Strapi, record: AuditRecord): Promise<void> {
  const now = record.occurredAt ?? new Date();
  const actor = describeActor(record.caller);
  const typeName = record.contentType
    ? ((strapi.contentTypes as unknown as Record<string, { info?: { displayName?: string } }>)[
        record.contentType
      ]?.info?.displayName ?? record.contentType)
    : null;
  const summary = [
    AUDIT_ACTION_LABELS[record.action],
    typeName,
    record.itemTitle ? `“${record.itemTitle}”` : null,
  ]
    .filter(Boolean)
    .join(' ')
    .slice(0, 500);
  await strapi.db.query(AUDIT_ENTRY).create({
    data: {
      documentId: newDocumentId(),
      publishedAt: now,
      occurredAt: now,
      action: record.action,
      summary,
      ...actor,
      actorLabel: record.actorLabel ?? actor.actorLabel,
      contentType: record.contentType ?? null,
      itemDocumentId: record.documentId ?? null,
      itemLocale: record.locale ?? null,
      itemTitle: record.itemTitle ?? null,
      site: record.site?.id ?? null,
      siteCode: record.site?.code ?? null,
      ip: record.origin.ip,
      userAgent: record.origin.userAgent,
      changes: record.changes ?? null,
    },
  });
}

function describeActor(caller: Caller) {
  switch (caller.kind) {
    case 'admin':
      return {
        actorKind: 'admin',
        actorId: caller.user.id,
        actorEmail: caller.user.email ?? null,
        actorRoles: (caller.user.roles ?? [])
          .map((r) => r.code)
          .filter(Boolean)
          .join(', ')
          .slice(0, 300),
        actorLabel: [caller.user.firstname, caller.user.lastname].filter(Boolean).join(' ') || null,
      };
    case 'token':
      return {
        actorKind: 'api_token',
        actorId: caller.token.id,
        actorEmail: null,
        actorRoles: null,
        actorLabel: caller.token.name,
      };
    case 'public':
      return { actorKind: 'public', actorId: null, actorEmail: null, actorRoles: null, actorLabel: null };
    case 'system':
      return {
        actorKind: 'system',
        actorId: null,
        actorEmail: null,
        actorRoles: null,
        actorLabel: operatorLabel(),
      };
  }
}

/** A documentId in Strapi's shape (24 lower-case letters and digits, starting with a letter). */
function newDocumentId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = crypto.randomBytes(24);
  let id = alphabet[bytes[0]! % 26]!;
  for (let i = 1; i < 24; i += 1) id += alphabet[bytes[i]! % alphabet.length]!;
  return id;
}
