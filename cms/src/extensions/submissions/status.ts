import {
  askerStatusView,
  blocksToPlainText,
  formatTrackingCode,
  isQaStatus,
  normaliseTrackingCode,
  REPORT_REASON_LABELS,
  REPORT_STATUS_LABELS,
  vietnameseDuration,
  type ReportReason,
  type ReportStatus,
} from '@pbgdpl/domain';
import { REPORT } from '../moderation/hide-reported';
import { QA, type IntakeContext } from './intake';
import { REJECT } from './rejection';
import { hit } from './store';

/**
 * What the holder of a tracking code may see: the kind of submission, its status in words,
 * the dates, the reason of a refusal, and the answer once it is given to them. Never a name,
 * an address, a phone number, an internal note or who handled it.
 */
export interface StatusView {
  trackingCode: string;
  kind: 'question' | 'dialogue-question' | 'report';
  status: string;
  label: string;
  explanation: string;
  site: { code: string; name: string } | null;
  receivedAt: string | null;
  answeredAt: string | null;
  rejectionReason: string | null;
  answer: string | null;
  dialogue: { title: string } | null;
  report: { reason: string; itemTitle: string | null } | null;
}

type QaRow = {
  handlingStatus: string;
  consentToPublish: boolean | null;
  receivedAt: string | null;
  answeredAt: string | null;
  respondedAt: string | null;
  rejectionReason: string | null;
  answer: unknown;
  publishedAt: string | null;
  locale: string | null;
  owningSite: { code: string; name: string } | null;
  dialogue: { title: string } | null;
};

/**
 * @throws SubmissionRejected 400 (not a code), 404 (no such code), 429 (too many look-ups)
 */
export async function lookUp(c: IntakeContext, input: unknown): Promise<StatusView> {
  const code = normaliseTrackingCode(input);
  if (!code) throw REJECT.badTrackingCode();
  const verdict = await hit(c.strapi, `read:${c.ip}`, c.settings.readLimits, c.now);
  if (!verdict.allowed)
    throw REJECT.rateLimited(vietnameseDuration(verdict.retryAfter!), verdict.retryAfter!);

  const rows = (await c.strapi.db.query(QA).findMany({
    where: { trackingCode: code },
    select: [
      'handlingStatus',
      'consentToPublish',
      'receivedAt',
      'answeredAt',
      'respondedAt',
      'rejectionReason',
      'answer',
      'publishedAt',
      'locale',
    ],
    populate: { owningSite: { select: ['code', 'name'] }, dialogue: { select: ['title'] } },
  })) as QaRow[];
  if (rows.length > 0) return qaView(code, rows);

  const report = (await c.strapi.db.query(REPORT).findOne({
    where: { trackingCode: code },
    select: ['status', 'reason', 'itemTitle', 'receivedAt'],
    populate: { owningSite: { select: ['code', 'name'] } },
  })) as {
    status: ReportStatus;
    reason: ReportReason;
    itemTitle: string | null;
    receivedAt: string | null;
    owningSite: { code: string; name: string } | null;
  } | null;
  if (!report) throw REJECT.unknownTrackingCode();
  const label = REPORT_STATUS_LABELS[report.status] ?? REPORT_STATUS_LABELS.received;
  return {
    trackingCode: formatTrackingCode(code),
    kind: 'report',
    status: report.status,
    label: label.vi,
    explanation: label.explanation,
    site: report.owningSite ? { code: report.owningSite.code, name: report.owningSite.name } : null,
    receivedAt: report.receivedAt,
    answeredAt: null,
    rejectionReason: null,
    answer: null,
    dialogue: null,
    report: { reason: REPORT_REASON_LABELS[report.reason]?.vi ?? report.reason, itemTitle: report.itemTitle },
  };
}

function qaView(code: string, rows: QaRow[]): StatusView {
  // The draft carries the current handling status; the published Vietnamese version the public
  // answer. The JSON names it `status`, as it always has (reports have one too).
  const draft = rows.find((r) => r.publishedAt === null) ?? rows[0]!;
  const status = isQaStatus(draft.handlingStatus) ? draft.handlingStatus : 'received';
  const view = askerStatusView({ handlingStatus: status, consentToPublish: draft.consentToPublish === true });
  const answerRow =
    status === 'published' ? (rows.find((r) => r.publishedAt !== null && r.locale === 'vi') ?? draft) : draft;
  return {
    trackingCode: formatTrackingCode(code),
    kind: draft.dialogue ? 'dialogue-question' : 'question',
    status,
    label: view.label,
    explanation: view.explanation,
    site: draft.owningSite ? { code: draft.owningSite.code, name: draft.owningSite.name } : null,
    receivedAt: draft.receivedAt,
    answeredAt:
      status === 'answered' || status === 'published' ? (draft.answeredAt ?? draft.respondedAt) : null,
    rejectionReason: status === 'rejected' ? draft.rejectionReason : null,
    answer: view.answerVisible ? blocksToPlainText(answerRow.answer) || null : null,
    dialogue: draft.dialogue ? { title: draft.dialogue.title } : null,
    report: null,
  };
}
