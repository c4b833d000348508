/**
 * Whether a policy dialogue takes questions now: from its opening time until it closes (the
 * live session included), unless the host closed it early. Its dates decide, not the phase the
 * scheduler last stored, so a question is not refused in the minute before the scheduler runs.
 */
import { formatVietnamTime, toInstant } from '../editorial/values.js';
import { dialogueStatusAt, type DialogueSchedule } from '../schedule.js';

export type DialogueIntake = { readonly open: true } | { readonly open: false; readonly message: string };

export function dialogueIntake(
  dialogue: DialogueSchedule & { readonly phase?: string | null },
  now: Date,
): DialogueIntake {
  const byDates = dialogueStatusAt(dialogue, now);
  if (byDates === 'planned') {
    const opens = toInstant(dialogue.opensAt);
    return {
      open: false,
      message: `Cuộc đối thoại chưa mở: bắt đầu nhận câu hỏi từ ${opens ? formatVietnamTime(opens) : 'ngày sẽ thông báo'}.`,
    };
  }
  if (byDates === 'closed') {
    const closes = toInstant(dialogue.closesAt);
    return {
      open: false,
      message: `Cuộc đối thoại đã kết thúc${closes ? ` lúc ${formatVietnamTime(closes)}` : ''}: không nhận thêm câu hỏi.`,
    };
  }
  if (dialogue.phase === 'closed')
    return { open: false, message: 'Cuộc đối thoại đã được đơn vị chủ trì đóng: không nhận thêm câu hỏi.' };
  return { open: true };
}
