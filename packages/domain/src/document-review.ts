/**
 * The review step for legal documents: the editorial rule (review.ts) made stricter, plus an
 * urgent-publish right.
 *
 * A wrong document on 3,400 sites (a number, a date in force, a validity) misleads citizens
 * about the law itself, so every published document must carry an explicit approval:
 * 1. Editors: exactly the editorial rule (submit only; publish only an approved document;
 *    changing approved content sends it back to `submitted`).
 * 2. Reviewers (unit reviewer, unit administrator, national administrator, super admin) publish
 *    only an `approved` document — where an editorial reviewer may publish in any state, a
 *    document reviewer first sets "Đã duyệt" (the approval is then an audited change of its
 *    own). Setting it and publishing in one save is allowed: the form's save runs first.
 * 3. Holders of the urgent-publish right (the national administrator, and the super admin
 *    above them) may publish a document that is not approved when they give a reason — for a
 *    decree that takes effect tomorrow while its reviewer is away. The reason goes to the audit
 *    log; the document goes to `submitted`, so a reviewer still reviews it afterwards.
 * 4. The system (seed, scripts, scheduled jobs, integration tokens) is trusted, as for
 *    editorial items.
 */
import { decideReview, type ReviewInput, type ReviewState } from './review.js';

/** Admin roles that may publish a document without its approval, giving a reason. */
export const URGENT_PUBLISH_ROLE_CODES = ['strapi-super-admin', 'pbgdpl-national-admin'] as const;

/** A reason shorter than this says nothing an auditor could check ("gấp", "ok"). */
export const URGENT_REASON_MIN_LENGTH = 10;

export const DOCUMENT_REVIEW_MESSAGES = {
  approval_required: 'Văn bản cần được người duyệt chấp thuận trước khi xuất bản.',
  reviewer_only:
    'Chỉ người duyệt mới được chấp thuận văn bản hoặc yêu cầu chỉnh sửa; biên tập viên chỉ có thể gửi duyệt.',
  reviewer_approval_required:
    'Văn bản phải ở trạng thái duyệt “Đã duyệt” (approved) trước khi xuất bản. ' +
    'Chỉ Quản trị viên quốc gia được xuất bản khẩn văn bản chưa duyệt, kèm lý do.',
  urgent_reason_required:
    'Văn bản chưa được duyệt. Để xuất bản khẩn không qua duyệt, ghi lý do (ít nhất ' +
    `${URGENT_REASON_MIN_LENGTH} ký tự) vào ô “Lý do xuất bản khẩn”, hoặc chuyển trạng thái duyệt sang “Đã duyệt”.`,
} as const;

export type DocumentReviewProblem = keyof typeof DOCUMENT_REVIEW_MESSAGES;

export interface DocumentReviewInput extends ReviewInput {
  /** The writer holds the urgent-publish right (holdsUrgentPublishRight). */
  readonly urgentPublishRight: boolean;
  /** The reason given for publishing without approval (stored on the draft or sent with the write). */
  readonly urgentReason?: string | null;
}

export type DocumentReviewDecision =
  | { readonly allowed: true; readonly reviewState: ReviewState; readonly urgent: boolean }
  | {
      readonly allowed: false;
      readonly problem: DocumentReviewProblem;
      readonly field: 'reviewState' | 'urgentPublishReason';
      readonly message: string;
    };

/** Whether any of these admin role codes carries the urgent-publish right. */
export function holdsUrgentPublishRight(roleCodes: ReadonlyArray<string | null | undefined>): boolean {
  return roleCodes.some((code) => (URGENT_PUBLISH_ROLE_CODES as readonly string[]).includes(code ?? ''));
}

/** Whether a write to a legal document may go ahead, and its review state after it (module comment). */
export function decideDocumentReview(input: DocumentReviewInput): DocumentReviewDecision {
  const editorial = decideReview(input);
  if (!editorial.allowed) return deny(editorial.problem, 'reviewState');
  if (!input.publishing || input.actor !== 'reviewer' || editorial.reviewState === 'approved')
    return { allowed: true, reviewState: editorial.reviewState, urgent: false };
  if (!input.urgentPublishRight) return deny('reviewer_approval_required', 'reviewState');
  if ((input.urgentReason ?? '').trim().length < URGENT_REASON_MIN_LENGTH)
    return deny('urgent_reason_required', 'urgentPublishReason');
  return { allowed: true, reviewState: 'submitted', urgent: true };
}

function deny(
  problem: DocumentReviewProblem,
  field: 'reviewState' | 'urgentPublishReason',
): DocumentReviewDecision {
  return { allowed: false, problem, field, message: DOCUMENT_REVIEW_MESSAGES[problem] };
}
