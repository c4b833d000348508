import type { Core } from '@strapi/strapi';
import { advanceDialogueStatus, type DialogueStatus } from '@pbgdpl/domain';
import { CONTENT_TYPES } from '../../content-types';

const DIALOGUE = CONTENT_TYPES.dialogue;

type DialogueRow = {
  id: number;
  documentId: string;
  phase: string | null;
  opensAt: string | Date | null;
  liveAt: string | Date | null;
  closesAt: string | Date | null;
};

/**
 * Moves each policy dialogue's `phase` forwards by its dates at `now` (planned → open → live
 * → closed; advanceDialogueStatus in @pbgdpl/domain) on every row (all locales, drafts and
 * published rows: the phase is not localized). Only dialogues not yet closed are read; the
 * writes are one UPDATE per target phase. Returns how many dialogues (documents) moved.
 */
export async function updateDialoguePhases(strapi: Core.Strapi, now: Date): Promise<number> {
  const rows = (await strapi.db.query(DIALOGUE).findMany({
    where: { $or: [{ phase: { $ne: 'closed' } }, { phase: { $null: true } }] },
    select: ['id', 'documentId', 'phase', 'opensAt', 'liveAt', 'closesAt'],
  })) as DialogueRow[];
  const moves = new Map<DialogueStatus, number[]>();
  const moved = new Set<string>();
  for (const row of rows) {
    const next = advanceDialogueStatus(row.phase, row, now);
    if (next === row.phase) continue;
    moves.set(next, [...(moves.get(next) ?? []), row.id]);
    moved.add(row.documentId);
  }
  for (const [phase, ids] of moves) {
    await strapi.db.query(DIALOGUE).updateMany({ where: { id: { $in: ids } }, data: { phase } });
  }
  return moved.size;
}
