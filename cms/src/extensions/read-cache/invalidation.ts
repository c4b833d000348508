import type { Core } from '@strapi/strapi';
import { CONTENT_TYPES } from '../../content-types';

/** Document Service actions that write. */
export const WRITE_ACTIONS = new Set([
  'create',
  'update',
  'delete',
  'publish',
  'unpublish',
  'discardDraft',
  'clone',
]);

/**
 * Types no anonymous reader ever sees: not readable by the Public role, and no public type
 * relates to them. Citizens' reports on published items.
 */
const NEVER_PUBLIC = new Set<string>([CONTENT_TYPES.report]);

/**
 * Draft & publish types whose drafts no anonymous reader sees (federation's `publishedOnly`
 * forces `status: published` on every anonymous REST and GraphQL read, populated relations
 * included) and whose draft writes touch no published row: citizens' questions, written as
 * drafts by the public forms and by the moderation workflow until an answer is published.
 * Other types stay out on purpose: a draft write of a legal document, for one, recomputes
 * validity on its published rows too (`strapi.db.query`), which may flag citing items.
 */
const DRAFTS_NEVER_PUBLIC = new Set<string>([CONTENT_TYPES.qa]);

interface WriteContext {
  uid: string;
  action: string;
  params: unknown;
}

/**
 * Whether a Document Service write may change what anonymous readers get, i.e. must move the
 * content version. False only for writes to a type nobody reads anonymously, and for creating
 * or updating the draft of a question that has no published version. Publishing, unpublishing,
 * deleting, discarding a draft, cloning, a write with `status: 'published'` and any write to a
 * question that has a published version (in any locale) move it.
 */
export async function changesPublicReads(
  strapi: Core.Strapi,
  context: WriteContext,
  result: unknown,
): Promise<boolean> {
  if (!WRITE_ACTIONS.has(context.action)) return false;
  if (NEVER_PUBLIC.has(context.uid)) return false;
  if (!DRAFTS_NEVER_PUBLIC.has(context.uid)) return true;
  if (context.action !== 'create' && context.action !== 'update') return true;
  const params = (context.params ?? {}) as { status?: string; documentId?: string };
  if (params.status === 'published') return true;
  const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
  if (!documentId) return true;
  // A new document has no published version; an update reads it (in the write's transaction).
  if (context.action === 'create' && !params.documentId) return false;
  const published = await strapi.db.query(context.uid as never).findOne({
    where: { documentId, publishedAt: { $notNull: true } },
    select: ['id'],
  });
  return published !== null;
}
