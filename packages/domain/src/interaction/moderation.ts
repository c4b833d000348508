/**
 * The way of a citizen's question through its unit (received → assigned → answered →
 * published, or rejected with a reason), as rules on a write: the handling status follows the
 * work (deriveQaStatus), what a change of assignee or the "forward to" field means, what follows
 * from it (notifications, the response time), and what is refused. Questions written by editors
 * themselves (no tracking code) are not moderated. The CMS applies the plan; no I/O here.
 */
import { hasBlocksContent, isBlank } from '../editorial/values.js';
import { QA_STATUSES, type QaStatus } from '../editorial/vocabulary.js';

export { QA_STATUSES, type QaStatus };

export function isQaStatus(value: unknown): value is QaStatus {
  return typeof value === 'string' && (QA_STATUSES as readonly string[]).includes(value);
}

/** A question as stored before the write. */
export interface QaModerationState {
  readonly handlingStatus: QaStatus;
  readonly assigneeEmail: string | null;
  readonly consentToPublish: boolean;
  readonly ownerSiteId: string | null;
  /** A published version exists. */
  readonly published: boolean;
}

/** The fields the handling status follows, as they will be after the write. */
export interface QaWorkFields {
  readonly assigneeEmail: string | null | undefined;
  readonly answer: unknown;
  readonly answeredAt: unknown;
  readonly rejectionReason: unknown;
}

/** What the write asks for. */
export interface QaModerationRequest {
  /** The work fields after the write (stored values merged with the written ones). */
  readonly after: QaWorkFields;
  /** Whether the write names an assignee (an unchanged one included). */
  readonly assigneeWritten: boolean;
  /** The site (database id) the question is forwarded to. */
  readonly forwardTo?: string | null;
}

export type QaModerationEffect =
  /** Give the question to `forwardTo`: owner changed, back to received, assignee cleared. */
  | 'forward'
  /** Tell the newly assigned officer. */
  | 'notify_assignee'
  /** Record when the question was first answered (response time). */
  | 'record_response'
  /** The asker did not agree to publication: the answer goes to them privately (email, tracking code). */
  | 'deliver_answer'
  /** Tell the asker why the question was refused. */
  | 'notify_rejected';

export type QaModerationPlan =
  | {
      readonly ok: true;
      /** The handling status to store: it follows the work, it is never typed by hand. */
      readonly handlingStatus: QaStatus;
      /** The assignee to store (normalised), when the write named one or the plan clears it. */
      readonly assigneeEmail?: string | null;
      readonly effects: readonly QaModerationEffect[];
      /** Delivering an answer privately is publishing it: the review rule must allow a publish. */
      readonly needsPublishRight: boolean;
    }
  | { readonly ok: false; readonly field: string; readonly message: string };

const UNANSWERED: readonly QaStatus[] = ['received', 'assigned'];

/**
 * A citizen's question's handling status follows the work done on it, so editors never pick it
 * by hand (the admin shows it read-only, and a value sent for it is replaced by this one):
 * a refusal reason → rejected; a published version → published; an answer with its date →
 * answered; an officer named → assigned; otherwise received.
 */
export function deriveQaStatus(work: QaWorkFields, published: boolean): QaStatus {
  if (!isBlank(work.rejectionReason)) return 'rejected';
  if (published) return 'published';
  if (hasText(work.answer) && !isBlank(work.answeredAt)) return 'answered';
  if (normaliseEmail(work.assigneeEmail)) return 'assigned';
  return 'received';
}

/** The rules for one update of a citizen's question. */
export function planQaUpdate(before: QaModerationState, request: QaModerationRequest): QaModerationPlan {
  if (request.forwardTo !== undefined && request.forwardTo !== null) {
    if (before.published)
      return refuse('forwardTo', 'Không chuyển được câu hỏi đang công khai: hãy gỡ công khai trước.');
    if (!UNANSWERED.includes(before.handlingStatus))
      return refuse(
        'forwardTo',
        'Chỉ chuyển được câu hỏi chưa trả lời hay từ chối (trạng thái “Đã tiếp nhận” hoặc “Đã giao xử lý”).',
      );
    if (request.forwardTo === before.ownerSiteId) return refuse('forwardTo', 'Câu hỏi đã thuộc trang này.');
    return {
      ok: true,
      handlingStatus: 'received',
      assigneeEmail: null,
      effects: ['forward'],
      needsPublishRight: false,
    };
  }

  const effects: QaModerationEffect[] = [];
  const assigneeEmail = normaliseEmail(request.after.assigneeEmail);
  if (request.assigneeWritten && assigneeEmail && assigneeEmail !== normaliseEmail(before.assigneeEmail))
    effects.push('notify_assignee');
  const handlingStatus = deriveQaStatus({ ...request.after, assigneeEmail }, before.published);
  if (handlingStatus !== before.handlingStatus) {
    if (before.published && handlingStatus === 'rejected')
      return refuse('rejectionReason', 'Câu hỏi đang công khai: hãy gỡ công khai trước khi từ chối.');
    if (handlingStatus === 'answered' && before.handlingStatus !== 'published') {
      effects.push('record_response');
      if (!before.consentToPublish) effects.push('deliver_answer');
    }
    if (handlingStatus === 'rejected') effects.push('notify_rejected');
  }
  return {
    ok: true,
    handlingStatus,
    ...(request.assigneeWritten ? { assigneeEmail } : {}),
    effects,
    needsPublishRight: effects.includes('deliver_answer'),
  };
}

export type QaPublishPlan =
  | { readonly ok: true; readonly firstPublication: boolean }
  | { readonly ok: false; readonly field: string; readonly message: string };

/** The rules for publishing a citizen's question with its answer. */
export function planQaPublish(
  before: Pick<QaModerationState, 'handlingStatus' | 'consentToPublish'>,
): QaPublishPlan {
  if (before.handlingStatus !== 'answered' && before.handlingStatus !== 'published')
    return refuse(
      'answer',
      'Chỉ công khai được câu hỏi đã có câu trả lời: hãy nhập câu trả lời và ngày trả lời, lưu lại rồi xuất bản.',
    );
  if (!before.consentToPublish)
    return refuse(
      'consentToPublish',
      'Người hỏi không đồng ý công khai câu hỏi: câu trả lời chỉ gửi riêng cho người hỏi (khi lưu câu trả lời và ngày trả lời), không xuất bản.',
    );
  return { ok: true, firstPublication: before.handlingStatus !== 'published' };
}

/**
 * What a citizen reads when looking a question up by its tracking code. `status` is the
 * question's handling status under the name the public look-up has always answered with.
 */
export interface AskerStatusView {
  status: QaStatus;
  label: string;
  explanation: string;
  /** Whether the answer may be shown to the holder of the code. */
  answerVisible: boolean;
}

export function askerStatusView(row: {
  handlingStatus: QaStatus;
  consentToPublish: boolean;
}): AskerStatusView {
  switch (row.handlingStatus) {
    case 'received':
      return view(row, 'Đã tiếp nhận', 'Câu hỏi đã đến cơ quan và đang chờ phân công trả lời.', false);
    case 'assigned':
      return view(row, 'Đang xử lý', 'Câu hỏi đã được giao cho cán bộ trả lời.', false);
    case 'answered':
      return row.consentToPublish
        ? view(
            row,
            'Đang hoàn thiện câu trả lời',
            'Câu trả lời đã được soạn và đang chờ duyệt để công bố.',
            false,
          )
        : view(
            row,
            'Đã trả lời',
            'Câu trả lời được gửi riêng cho bạn (qua email nếu bạn để lại) và hiện ở đây.',
            true,
          );
    case 'published':
      return view(
        row,
        'Đã trả lời công khai',
        'Câu hỏi và câu trả lời đã được đăng trên trang, không kèm thông tin của bạn.',
        true,
      );
    case 'rejected':
      return view(row, 'Không được trả lời', 'Cơ quan không trả lời câu hỏi này; lý do ở dưới.', false);
  }
}

function view(
  row: { handlingStatus: QaStatus },
  label: string,
  explanation: string,
  answerVisible: boolean,
): AskerStatusView {
  return { status: row.handlingStatus, label, explanation, answerVisible };
}

/** Rich text with words in it, or plain text (an answer given through the API). */
function hasText(value: unknown): boolean {
  return typeof value === 'string' ? value.trim() !== '' : hasBlocksContent(value);
}

function refuse(field: string, message: string): { ok: false; field: string; message: string } {
  return { ok: false, field, message };
}

/** Lower case, trimmed; empty means none. */
export function normaliseEmail(value: string | null | undefined): string | null {
  const email = (value ?? '').trim().toLowerCase();
  return email === '' ? null : email;
}
