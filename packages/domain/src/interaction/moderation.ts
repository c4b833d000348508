/**
 * The way of a citizen's question through its unit (received → assigned → answered →
 * published, or rejected with a reason), as rules on a write: what a change to the status, the
 * assignee or the "forward to" field means, what follows from it (notifications, the response
 * time), and what is refused. Questions written by editors themselves (no tracking code) are not
 * moderated. The CMS applies the plan; nothing here does I/O.
 */
import { QA_STATUSES, type QaStatus } from '../editorial/vocabulary.js';

export { QA_STATUSES, type QaStatus };

export function isQaStatus(value: unknown): value is QaStatus {
  return typeof value === 'string' && (QA_STATUSES as readonly string[]).includes(value);
}

/** A question as stored before the write. */
export interface QaModerationState {
  readonly status: QaStatus;
  readonly assigneeEmail: string | null;
  readonly consentToPublish: boolean;
  readonly ownerSiteId: string | null;
  /** A published version exists. */
  readonly published: boolean;
}

/** What the write asks for; a field left out of the write is undefined. */
export interface QaModerationRequest {
  readonly status?: QaStatus;
  readonly assigneeEmail?: string | null;
  /** The site (database id) the question is forwarded to. */
  readonly forwardTo?: string | null;
}

export type QaModerationEffect =
  /** Give the question to `forwardTo`: owner changed, status back to received, assignee cleared. */
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
      /** The status to store, when the plan sets one the write did not ask for. */
      readonly status?: QaStatus;
      /** The assignee to store (normalised), when the write named one or the plan clears it. */
      readonly assigneeEmail?: string | null;
      readonly effects: readonly QaModerationEffect[];
      /** Delivering an answer privately is publishing it: the review rule must allow a publish. */
      readonly needsPublishRight: boolean;
    }
  | { readonly ok: false; readonly field: string; readonly message: string };

const UNANSWERED: readonly QaStatus[] = ['received', 'assigned'];

/** The rules for one update of a citizen's question. */
export function planQaUpdate(before: QaModerationState, request: QaModerationRequest): QaModerationPlan {
  if (request.forwardTo !== undefined && request.forwardTo !== null) {
    if (before.published)
      return refuse('forwardTo', 'Không chuyển được câu hỏi đang công khai: hãy gỡ công khai trước.');
    if (!UNANSWERED.includes(before.status))
      return refuse(
        'forwardTo',
        'Chỉ chuyển được câu hỏi chưa trả lời (trạng thái “Đã tiếp nhận” hoặc “Đã giao xử lý”).',
      );
    if (request.forwardTo === before.ownerSiteId) return refuse('forwardTo', 'Câu hỏi đã thuộc trang này.');
    return {
      ok: true,
      status: 'received',
      assigneeEmail: null,
      effects: ['forward'],
      needsPublishRight: false,
    };
  }

  const effects: QaModerationEffect[] = [];
  let status: QaStatus | undefined;
  let assigneeEmail: string | null | undefined;
  if (request.assigneeEmail !== undefined) {
    assigneeEmail = normaliseEmail(request.assigneeEmail);
    const changed = assigneeEmail !== normaliseEmail(before.assigneeEmail);
    if (changed && assigneeEmail) {
      effects.push('notify_assignee');
      if (request.status === undefined && before.status === 'received') status = 'assigned';
    }
    if (changed && !assigneeEmail && request.status === undefined && before.status === 'assigned')
      status = 'received';
  }

  const target = status ?? request.status ?? before.status;
  const assigneeAfter = assigneeEmail !== undefined ? assigneeEmail : normaliseEmail(before.assigneeEmail);
  if (target !== before.status) {
    if (target === 'published')
      return refuse(
        'status',
        'Trạng thái “Đã công khai” được đặt khi câu trả lời được xuất bản: hãy chọn “Đã trả lời” rồi xuất bản.',
      );
    if (before.published)
      return refuse('status', 'Câu hỏi đang công khai: hãy gỡ công khai trước khi đổi trạng thái xử lý.');
    if (target === 'assigned' && !assigneeAfter)
      return refuse('assigneeEmail', 'Hãy nhập email cán bộ được giao khi chọn trạng thái “Đã giao xử lý”.');
    if (target === 'answered') {
      effects.push('record_response');
      if (!before.consentToPublish) effects.push('deliver_answer');
    }
    if (target === 'rejected') effects.push('notify_rejected');
  }
  return {
    ok: true,
    ...(status !== undefined ? { status } : {}),
    ...(assigneeEmail !== undefined ? { assigneeEmail } : {}),
    effects,
    needsPublishRight: effects.includes('deliver_answer'),
  };
}

export type QaPublishPlan =
  | { readonly ok: true; readonly firstPublication: boolean }
  | { readonly ok: false; readonly field: string; readonly message: string };

/** The rules for publishing a citizen's question with its answer. */
export function planQaPublish(before: Pick<QaModerationState, 'status' | 'consentToPublish'>): QaPublishPlan {
  if (before.status !== 'answered' && before.status !== 'published')
    return refuse(
      'status',
      'Chỉ công khai được câu hỏi đã có câu trả lời: hãy chọn trạng thái “Đã trả lời” trước.',
    );
  if (!before.consentToPublish)
    return refuse(
      'consentToPublish',
      'Người hỏi không đồng ý công khai câu hỏi: câu trả lời chỉ gửi riêng cho người hỏi (trạng thái “Đã trả lời”), không xuất bản.',
    );
  return { ok: true, firstPublication: before.status !== 'published' };
}

/** What a citizen reads when looking a question up by its tracking code. */
export interface AskerStatusView {
  status: QaStatus;
  label: string;
  explanation: string;
  /** Whether the answer may be shown to the holder of the code. */
  answerVisible: boolean;
}

export function askerStatusView(row: { status: QaStatus; consentToPublish: boolean }): AskerStatusView {
  switch (row.status) {
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
  row: { status: QaStatus },
  label: string,
  explanation: string,
  answerVisible: boolean,
): AskerStatusView {
  return { status: row.status, label, explanation, answerVisible };
}

function refuse(field: string, message: string): { ok: false; field: string; message: string } {
  return { ok: false, field, message };
}

/** Lower case, trimmed; empty means none. */
export function normaliseEmail(value: string | null | undefined): string | null {
  const email = (value ?? '').trim().toLowerCase();
  return email === '' ? null : email;
}
