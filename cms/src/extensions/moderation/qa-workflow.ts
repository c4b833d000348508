import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  answerEmail,
  assignedEmail,
  blocksToPlainText,
  decideReview,
  deriveQaStatus,
  forwardedEmail,
  inScope,
  isQaStatus,
  isReviewState,
  planQaPublish,
  planQaUpdate,
  rejectedEmail,
  type QaModerationState,
} from '@pbgdpl/domain';
import { adminScope } from '../federation';
import { parseRelationInput, toOneAfter } from '../federation/relation-input';
import { findSite } from '../federation/lookups';
import {
  activeAdmin,
  adminEditUrl,
  notifyAfterCommit,
  siteStaffEmails,
  statusPageUrl,
} from '../notifications';
import { moderationActor } from './actor';
import { CONTENT_TYPES } from '../../content-types';

export const QA = CONTENT_TYPES.qa;

/**
 * Kept by the workflow itself: an editor's save never writes them. `handlingStatus` follows the
 * work (deriveQaStatus); the admin shows it read-only, and a value sent for it is replaced.
 */
const MANAGED_FIELDS = [
  'forwardedFrom',
  'forwardedAt',
  'respondedAt',
  'trackingCode',
  'receivedAt',
  'handlingStatus',
];

type Params = { documentId?: string; locale?: string; data?: Record<string, unknown> };

interface StoredQa extends QaModerationState {
  id: number;
  documentId: string;
  title: string;
  question: string;
  trackingCode: string | null;
  askerEmail: string | null;
  respondedAt: string | null;
  reviewState: string | null;
  rejectionReason: string | null;
  answer: unknown;
  answeredAt: string | null;
  site: { id: number; code: string; name: string } | null;
}

/**
 * The moderation of citizens' questions (a Q&A with a tracking code) as a Document Service
 * middleware, so the admin panel, the API and scripts follow the same way (planQaUpdate and
 * planQaPublish in @pbgdpl/domain):
 * - `assigneeEmail` names the officer (an active admin of the question's site): a received
 *   question becomes "assigned" and the officer gets an email;
 * - `forwardTo` hands the question to another unit (a commune's question that is the
 *   province's or a ministry's to answer): the owner changes, `forwardedFrom`/`forwardedAt`
 *   record it, the handling status goes back to "received" and the new unit's staff get an email. Any
 *   site may be chosen — forwarding outside one's own scope is the point;
 * - "answered" records the response time; when the asker did not agree to publication the
 *   answer is delivered to them privately, which is a publication for the review rule;
 * - "rejected" (with its reason, required by the editorial validation) is emailed to the asker;
 * - publishing needs an answer and the asker's consent, passes the review rule as any publish,
 *   sets "published" and emails the asker the answer.
 * Writes by the system (no signed-in user) and Q&As written by editors pass untouched.
 */
export function registerQaWorkflow(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== QA) return next();
    const params = context.params as Params;
    if (context.action === 'unpublish' && params.documentId)
      return unpublish(strapi, params.documentId, next) as ReturnType<typeof next>;
    if (context.action !== 'update' && context.action !== 'publish') return next();
    const actor = moderationActor(strapi);
    if (actor === 'system' || !params.documentId) return next();
    const stored = await storedQa(strapi, params.documentId);
    if (!stored?.trackingCode) return next();
    const result =
      context.action === 'publish'
        ? publish(strapi, stored, next)
        : update(strapi, stored, params, actor, next);
    return result as ReturnType<typeof next>;
  });
}

async function update(
  strapi: Core.Strapi,
  stored: StoredQa,
  params: Params,
  actor: ReturnType<typeof moderationActor>,
  next: () => Promise<unknown>,
): Promise<unknown> {
  const data = (params.data ??= {});
  const forwardRef = toOneAfter(parseRelationInput('forwardTo' in data, data.forwardTo));
  for (const field of ['forwardTo', ...MANAGED_FIELDS]) delete data[field];
  const destination = forwardRef && forwardRef !== 'unchanged' ? await findSite(strapi, forwardRef) : null;
  if (forwardRef && forwardRef !== 'unchanged' && !destination)
    throw invalid('Trang được chọn để chuyển không tồn tại.', 'forwardTo');

  const written = (field: string) => field in data;
  const plan = planQaUpdate(stored, {
    after: {
      assigneeEmail: written('assigneeEmail') ? (data.assigneeEmail as string | null) : stored.assigneeEmail,
      answer: written('answer') ? data.answer : stored.answer,
      answeredAt: written('answeredAt') ? data.answeredAt : stored.answeredAt,
      rejectionReason: written('rejectionReason') ? data.rejectionReason : stored.rejectionReason,
    },
    assigneeWritten: written('assigneeEmail'),
    forwardTo: destination ? String(destination.id) : undefined,
  });
  if (!plan.ok) throw invalid(plan.message, plan.field);
  data.handlingStatus = plan.handlingStatus;
  if (plan.assigneeEmail !== undefined) data.assigneeEmail = plan.assigneeEmail;
  const now = new Date();

  if (plan.effects.includes('notify_assignee')) await checkAssignee(strapi, plan.assigneeEmail!, stored);
  if (plan.needsPublishRight) {
    const decision = decideReview({
      actor,
      current: isReviewState(stored.reviewState) ? stored.reviewState : null,
      publishing: true,
    });
    if (!decision.allowed)
      throw new errors.PolicyError(
        `Người hỏi không đồng ý công khai nên câu trả lời được gửi riêng cho họ — việc này cần người duyệt: ${decision.message}`,
        { errors: [{ path: ['handlingStatus'], message: decision.message, name: 'PolicyError' }] },
      );
  }
  if (plan.effects.includes('record_response') && !stored.respondedAt) data.respondedAt = now.toISOString();
  if (destination) {
    data.owningSite = { set: [{ id: destination.id }] };
    data.forwardedFrom = stored.site ? { set: [{ id: stored.site.id }] } : null;
    data.forwardedAt = now.toISOString();
  }

  const result = await next();
  const after = await storedQa(strapi, stored.documentId);
  if (!after) return result;
  for (const effect of plan.effects) {
    if (effect === 'notify_assignee') {
      await notifyAfterCommit(strapi, {
        to: [plan.assigneeEmail!],
        kind: 'assigned',
        ...assignedEmail({
          siteName: after.site?.name ?? '',
          title: after.title,
          adminUrl: adminEditUrl(strapi, QA, after.documentId),
        }),
      });
    } else if (effect === 'forward' && after.site) {
      await notifyAfterCommit(strapi, {
        to: await siteStaffEmails(strapi, after.site.id),
        kind: 'forwarded',
        ...forwardedEmail({
          fromSiteName: stored.site?.name ?? '',
          toSiteName: after.site.name,
          title: after.title,
          adminUrl: adminEditUrl(strapi, QA, after.documentId),
        }),
      });
    } else if (effect === 'deliver_answer') {
      await tellAsker(strapi, after, 'answer');
    } else if (effect === 'notify_rejected') {
      await tellAsker(strapi, after, 'rejected');
    }
  }
  return result;
}

async function publish(
  strapi: Core.Strapi,
  stored: StoredQa,
  next: () => Promise<unknown>,
): Promise<unknown> {
  const plan = planQaPublish(stored);
  if (!plan.ok) throw invalid(plan.message, plan.field);
  const result = await next();
  if (plan.firstPublication) {
    await strapi.db.query(QA).updateMany({
      where: { documentId: stored.documentId },
      data: { handlingStatus: 'published', ...(stored.respondedAt ? {} : { respondedAt: new Date() }) },
    });
    const after = await storedQa(strapi, stored.documentId);
    if (after) await tellAsker(strapi, after, 'published');
  }
  return result;
}

/**
 * Taken off the sites (by an editor, or hidden after reports): the handling status follows
 * again from the work — an answered question is "answered", waiting to be published again. Whoever wrote.
 */
async function unpublish(
  strapi: Core.Strapi,
  documentId: string,
  next: () => Promise<unknown>,
): Promise<unknown> {
  const result = await next();
  const after = await storedQa(strapi, documentId);
  if (after?.trackingCode && !after.published && after.handlingStatus === 'published') {
    const handlingStatus = deriveQaStatus(after, false);
    await strapi.db.query(QA).updateMany({ where: { documentId }, data: { handlingStatus } });
  }
  return result;
}

/** Emails the asker, when they left an address: the answer (private or published) or the refusal. */
async function tellAsker(
  strapi: Core.Strapi,
  qa: StoredQa,
  what: 'answer' | 'published' | 'rejected',
): Promise<void> {
  if (!qa.askerEmail || !qa.trackingCode) return;
  const common = {
    siteName: qa.site?.name ?? '',
    trackingCode: qa.trackingCode,
    question: qa.question,
    statusUrl: statusPageUrl(strapi, qa.trackingCode),
  };
  const mail =
    what === 'rejected'
      ? rejectedEmail({ ...common, reason: qa.rejectionReason ?? '' })
      : answerEmail({ ...common, answer: blocksToPlainText(qa.answer), published: what === 'published' });
  await notifyAfterCommit(strapi, {
    to: [qa.askerEmail],
    kind: what === 'rejected' ? 'asker-rejected' : 'asker-answer',
    ...mail,
  });
}

/** The officer must be an active admin who may work on the question's site. */
async function checkAssignee(strapi: Core.Strapi, email: string, qa: StoredQa): Promise<void> {
  const user = await activeAdmin(strapi, email);
  if (!user)
    throw invalid(`Không có tài khoản quản trị đang hoạt động với email “${email}”.`, 'assigneeEmail');
  const scope = await adminScope(strapi, { id: user.id });
  if (!qa.site || !inScope(scope.scope, String(qa.site.id)))
    throw invalid(
      `Tài khoản “${email}” không làm việc trên trang “${qa.site?.name ?? ''}”: hãy giao cho cán bộ của trang, hoặc chuyển câu hỏi.`,
      'assigneeEmail',
    );
}

/** The question's draft in Vietnamese (the handling status, contact and workflow fields are shared by its locales). */
async function storedQa(strapi: Core.Strapi, documentId: string): Promise<StoredQa | null> {
  const rows = (await strapi.db.query(QA).findMany({
    where: { documentId, publishedAt: null },
    select: [
      'id',
      'documentId',
      'locale',
      'title',
      'question',
      'handlingStatus',
      'assigneeEmail',
      'consentToPublish',
      'trackingCode',
      'askerEmail',
      'respondedAt',
      'reviewState',
      'rejectionReason',
      'answer',
      'answeredAt',
    ],
    populate: { owningSite: { select: ['id', 'code', 'name'] } },
  })) as Array<Record<string, unknown> & { locale: string; owningSite: StoredQa['site'] }>;
  const row = rows.find((r) => r.locale === 'vi') ?? rows[0];
  if (!row) return null;
  const published = await strapi.db
    .query(QA)
    .count({ where: { documentId, publishedAt: { $notNull: true } } });
  return {
    id: row.id as number,
    documentId,
    title: String(row.title ?? ''),
    question: String(row.question ?? ''),
    handlingStatus: isQaStatus(row.handlingStatus) ? row.handlingStatus : 'received',
    assigneeEmail: (row.assigneeEmail as string | null) ?? null,
    consentToPublish: row.consentToPublish === true,
    ownerSiteId: row.owningSite ? String(row.owningSite.id) : null,
    published: published > 0,
    trackingCode: (row.trackingCode as string | null) ?? null,
    askerEmail: (row.askerEmail as string | null) ?? null,
    respondedAt: (row.respondedAt as string | null) ?? null,
    reviewState: (row.reviewState as string | null) ?? null,
    rejectionReason: (row.rejectionReason as string | null) ?? null,
    answer: row.answer,
    answeredAt: (row.answeredAt as string | null) ?? null,
    site: row.owningSite ?? null,
  };
}

function invalid(message: string, field: string): errors.ValidationError {
  return new errors.ValidationError(message, {
    errors: [{ path: [field], message, name: 'ValidationError' }],
  });
}
