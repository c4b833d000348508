import type { Core } from '@strapi/strapi';
import { advanceDialogueStatus, type DialogueStatus } from '@pbgdpl/domain';

const DIALOGUE = 'api::dialogue.dialogue';

type DialogueRow = {
  id: number;
  documentId: string;
  status: string | null;
  opensAt: string | Date | null;
  liveAt: string | Date | null;
  closesAt: string | Date | null;
};

/**
 * Moves each policy dialogue's `status` forwards by its dates at `now` (planned → open → live
 * → closed; advanceDialogueStatus in @pbgdpl/domain) on every row (all locales, drafts and
 * published rows: the status is not localized). Only dialogues not yet closed are read; the
 * writes are one UPDATE per target status. Returns how many dialogues (documents) moved.
 */
export async function updateDialogueStatuses(strapi: Core.Strapi, now: Date): Promise<number> {
  const rows = (await strapi.db.query(DIALOGUE).findMany({
    where: { $or: [{ status: { $ne: 'closed' } }, { status: { $null: true } }] },
    select: ['id', 'documentId', 'status', 'opensAt', 'liveAt', 'closesAt'],
  })) as DialogueRow[];
  const moves = new Map<DialogueStatus, number[]>();
  const moved = new Set<string>();
  for (const row of rows) {
    const next = advanceDialogueStatus(row.status, row, now);
    if (next === row.status) continue;
    moves.set(next, [...(moves.get(next) ?? []), row.id]);
    moved.add(row.documentId);
  }
  for (const [status, ids] of moves) {
    await strapi.db.query(DIALOGUE).updateMany({ where: { id: { $in: ids } }, data: { status } });
  }
  return moved.size;
}
