/**
 * The review step before publishing (Strapi's own review workflows are a paid feature). Every
 * editorial item carries a review state; editors' work must be approved by a reviewer before it
 * is published, and only reviewers approve or send work back. Writes made by the system
 * (seed, scripts, scheduled jobs: no signed-in user) are trusted.
 *
 * Decisions, in order (decideReview):
 * 1. An editor may move an item to `draft` or `submitted`, never to `approved` or
 *    `changes_requested` (reviewer_only).
 * 2. An approval covers the content the reviewer saw: when an editor changes the content of an
 *    approved item, it goes back to `submitted` — into the reviewer's queue again, since the
 *    editor's intent is still to publish (rather than `draft`, which would leave it waiting
 *    silently until the editor remembers to resubmit).
 * 3. An editor may publish only an `approved` item (approval_required).
 * 4. Reviewers (and the system) may set any state and publish in any state; their own edits keep
 *    the state. Publishing keeps the state too.
 */

export const REVIEW_STATES = ['draft', 'submitted', 'approved', 'changes_requested'] as const;

export type ReviewState = (typeof REVIEW_STATES)[number];

export const REVIEW_STATE_LABELS: Readonly<Record<ReviewState, { vi: string; en: string }>> = {
  draft: { vi: 'Đang soạn', en: 'Draft' },
  submitted: { vi: 'Chờ duyệt', en: 'Submitted for review' },
  approved: { vi: 'Đã duyệt', en: 'Approved' },
  changes_requested: { vi: 'Cần chỉnh sửa', en: 'Changes requested' },
};

export function isReviewState(value: unknown): value is ReviewState {
  return typeof value === 'string' && (REVIEW_STATES as readonly string[]).includes(value);
}

/** Admin roles whose holders may approve and publish (Strapi's super admin among them). */
export const REVIEWER_ROLE_CODES = [
  'strapi-super-admin',
  'pbgdpl-national-admin',
  'pbgdpl-unit-admin',
  'pbgdpl-unit-reviewer',
] as const;

/** Admin roles whose work needs approval before it is published (Strapi's built-in editor and author too). */
export const EDITOR_ROLE_CODES = [
  'pbgdpl-national-editor',
  'pbgdpl-unit-editor',
  'strapi-editor',
  'strapi-author',
] as const;

/**
 * Who is writing, as far as review goes: the system (no signed-in user), a reviewer, or an
 * editor. Anyone signed in without a reviewer role counts as an editor, including roles this
 * code does not know: an unknown role must not publish unreviewed work.
 */
export type ReviewActor = 'system' | 'reviewer' | 'editor';

/** The actor for a writer's admin role codes; null means no signed-in user (a system write). */
export function reviewActor(roleCodes: ReadonlyArray<string | null | undefined> | null): ReviewActor {
  if (roleCodes === null) return 'system';
  const reviewer = roleCodes.some((code) => (REVIEWER_ROLE_CODES as readonly string[]).includes(code ?? ''));
  return reviewer ? 'reviewer' : 'editor';
}

export const REVIEW_MESSAGES = {
  approval_required: 'Bài viết cần được người duyệt chấp thuận trước khi xuất bản.',
  reviewer_only:
    'Chỉ người duyệt mới được chấp thuận bài viết hoặc yêu cầu chỉnh sửa; biên tập viên chỉ có thể gửi duyệt.',
} as const;

export type ReviewProblem = keyof typeof REVIEW_MESSAGES;

export interface ReviewInput {
  readonly actor: ReviewActor;
  /** The stored state; null for an item not stored yet (treated as `draft`). */
  readonly current: ReviewState | null;
  /** The state the write asks for; absent when it does not mention it. */
  readonly requested?: ReviewState | null;
  /** The write publishes the item. */
  readonly publishing: boolean;
  /** The write changed the item's content (anything but its review and schedule fields). */
  readonly contentChanged?: boolean;
}

export type ReviewDecision =
  | { readonly allowed: true; readonly reviewState: ReviewState }
  | {
      readonly allowed: false;
      readonly problem: ReviewProblem;
      readonly field: 'reviewState';
      readonly message: string;
    };

/** Whether a write may go ahead, and the review state the item has after it (see the module comment). */
export function decideReview(input: ReviewInput): ReviewDecision {
  const current = input.current ?? 'draft';
  let next = input.requested ?? current;
  if (input.actor === 'editor') {
    if (next !== current && (next === 'approved' || next === 'changes_requested'))
      return deny('reviewer_only');
    if (input.contentChanged && next === 'approved') next = 'submitted';
    if (input.publishing && next !== 'approved') return deny('approval_required');
  }
  return { allowed: true, reviewState: next };
}

/**
 * Whether the scheduler may publish a due item: it was approved, or nobody who needs approval
 * wrote it since (`lastWriters`: the actors who last wrote each locale's draft).
 */
export function mayPublishOnSchedule(
  reviewState: ReviewState | string | null | undefined,
  lastWriters: readonly ReviewActor[],
): boolean {
  return reviewState === 'approved' || lastWriters.every((writer) => writer !== 'editor');
}

function deny(problem: ReviewProblem): ReviewDecision {
  return { allowed: false, problem, field: 'reviewState', message: REVIEW_MESSAGES[problem] };
}
