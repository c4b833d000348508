import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isPublishDue } from '@pbgdpl/domain';
import { bumpContentVersion } from '../read-cache';
import { publishDue, scheduledTypes } from './publish-due';
import { updateDialoguePhases } from './dialogue-phase';

export { publishDue, updateDialoguePhases };

type Params = { documentId?: string; status?: string; data?: Record<string, unknown> };

/**
 * An item with a publish time in the future stays a draft: publishing it by hand (admin, API,
 * script) is refused with a message naming `publishAt`; the scheduler publishes it when due.
 * @throws errors.ValidationError (400) naming publishAt.
 */
export function registerSchedule(strapi: Core.Strapi): void {
  let scheduled: Set<string> | null = null;
  strapi.documents.use(async (context, next) => {
    scheduled ??= new Set(scheduledTypes(strapi));
    const params = context.params as Params;
    const publishing = context.action === 'publish' || params.status === 'published';
    if (!scheduled.has(context.uid) || !publishing) return next();
    const publishAt =
      params.data && 'publishAt' in params.data
        ? params.data.publishAt
        : params.documentId
          ? await storedPublishAt(strapi, context.uid as UID.ContentType, params.documentId)
          : null;
    const now = new Date();
    if (publishAt && !isPublishDue(publishAt as string | Date, now)) {
      const at = new Date(publishAt as string).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
      const message = `Bài viết đã được hẹn xuất bản lúc ${at}; hãy xoá thời điểm hẹn nếu muốn xuất bản ngay.`;
      throw new errors.ValidationError(message, {
        errors: [{ path: ['publishAt'], message, name: 'ValidationError' }],
      });
    }
    return next();
  });
}

async function storedPublishAt(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  documentId: string,
): Promise<unknown> {
  const row = (await strapi.db.query(uid).findOne({
    where: { documentId, publishedAt: { $null: true } },
    select: ['publishAt'],
  })) as { publishAt: unknown } | null;
  return row?.publishAt ?? null;
}

/** One run of the minute job: publish what is due, move dialogues along, log what happened. */
export async function runSchedule(strapi: Core.Strapi, now: Date): Promise<void> {
  const publishing = await publishDue(strapi, now);
  const dialogues = await updateDialoguePhases(strapi, now);
  // Dialogue phases are written with strapi.db.query, outside the Document Service.
  if (dialogues > 0) await bumpContentVersion(strapi);
  if (publishing.published + publishing.awaitingReview + publishing.failed + dialogues > 0) {
    strapi.log.info(
      `schedule: published ${publishing.published} due items, ${publishing.awaitingReview} await review, ` +
        `${publishing.failed} failed; ${dialogues} dialogues changed phase`,
    );
  }
}

/** The cron task for src/index.ts: every minute, on the minute. */
export function scheduleCronTasks(strapi: Core.Strapi) {
  return {
    scheduledPublishing: {
      task: () => runSchedule(strapi, new Date()),
      options: { rule: '0 * * * * *' },
    },
  };
}
