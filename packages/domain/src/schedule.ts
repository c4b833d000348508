/**
 * Time-driven editorial rules: scheduled publishing (an item with a publish time stays a draft
 * until then) and the life of a policy dialogue (đối thoại chính sách), which opens for
 * questions, holds its live session and closes by its own dates. Callers pass `now`, so the
 * clock can be driven in tests.
 */

export const DIALOGUE_STATUSES = ['planned', 'open', 'live', 'closed'] as const;

export type DialogueStatus = (typeof DIALOGUE_STATUSES)[number];

export const DIALOGUE_STATUS_LABELS: Readonly<Record<DialogueStatus, { vi: string; en: string }>> = {
  planned: { vi: 'Sắp diễn ra', en: 'Planned' },
  open: { vi: 'Đang nhận câu hỏi', en: 'Open for questions' },
  live: { vi: 'Đang đối thoại trực tuyến', en: 'Live' },
  closed: { vi: 'Đã kết thúc', en: 'Closed' },
};

export function isDialogueStatus(value: unknown): value is DialogueStatus {
  return typeof value === 'string' && (DIALOGUE_STATUSES as readonly string[]).includes(value);
}

/** A dialogue's schedule as stored (ISO datetimes or Dates); liveAt may be missing. */
export interface DialogueSchedule {
  readonly opensAt: string | Date | null | undefined;
  readonly liveAt?: string | Date | null | undefined;
  readonly closesAt: string | Date | null | undefined;
}

/**
 * The status a dialogue's dates give at `now`: planned before it opens, open from opensAt,
 * live from liveAt (the live session runs until it closes), closed from closesAt. A missing
 * opensAt counts as already open; a missing closesAt as never closing.
 */
export function dialogueStatusAt(schedule: DialogueSchedule, now: Date): DialogueStatus {
  const at = now.getTime();
  const reached = (value: string | Date | null | undefined): boolean => {
    const time = toTime(value);
    return time !== null && time <= at;
  };
  if (reached(schedule.closesAt)) return 'closed';
  if (reached(schedule.liveAt)) return 'live';
  if (toTime(schedule.opensAt) === null || reached(schedule.opensAt)) return 'open';
  return 'planned';
}

/**
 * The status the scheduler moves a dialogue to: the one its dates give, but only forwards
 * (planned → open → live → closed). An editor who closes a dialogue early, or sets it back to
 * planned after postponing it, is not overruled until its (new) dates are reached.
 */
export function advanceDialogueStatus(
  current: DialogueStatus | string | null | undefined,
  schedule: DialogueSchedule,
  now: Date,
): DialogueStatus {
  const byDates = dialogueStatusAt(schedule, now);
  if (!isDialogueStatus(current)) return byDates;
  return DIALOGUE_STATUSES.indexOf(byDates) > DIALOGUE_STATUSES.indexOf(current) ? byDates : current;
}

/** Whether an item scheduled for `publishAt` is due at `now` (an unscheduled item never is). */
export function isPublishDue(publishAt: string | Date | null | undefined, now: Date): boolean {
  const time = toTime(publishAt);
  return time !== null && time <= now.getTime();
}

function toTime(value: string | Date | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const time = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isNaN(time) ? null : time;
}
