import type { Core } from '@strapi/strapi';
import { itemHiddenEmail, OPEN_REPORT_STATUSES, REPORT_HIDE_THRESHOLD, shouldHideItem } from '@pbgdpl/domain';
import { runAsOperator } from '../federation';
import { adminEditUrl, notifyAfterCommit, siteStaffEmails } from '../notifications';
import { CONTENT_TYPES } from '../../content-types';

export const REPORT = CONTENT_TYPES.report;

/**
 * Takes an item off the sites when enough different people have reported it (Decidim's rule:
 * three): every locale is unpublished as a system write (audited as "báo cáo của người dân"),
 * its open reports are marked `item_hidden`, and the owning site's staff are told. An editor
 * checks it, republishes it (through the review step) and closes the reports as resolved or
 * dismissed. Returns whether the item was hidden now.
 */
export async function hideIfReportedEnough(
  strapi: Core.Strapi,
  item: { uid: string; documentId: string; site: { id: number; name: string } },
): Promise<boolean> {
  const open = (await strapi.db.query(REPORT).findMany({
    where: { itemDocumentId: item.documentId, status: { $in: [...OPEN_REPORT_STATUSES] } },
    select: ['id', 'reporterKey', 'itemTitle', 'status'],
  })) as Array<{ id: number; reporterKey: string | null; itemTitle: string | null; status: string }>;
  const keys = open.map((r) => r.reporterKey ?? `report-${r.id}`);
  if (!shouldHideItem(keys)) return false;

  const published = await strapi.db
    .query(item.uid as never)
    .count({ where: { documentId: item.documentId, publishedAt: { $notNull: true } } });
  const pending = open.filter((r) => r.status === 'received').map((r) => r.id);
  if (published === 0 && pending.length === 0) return false;
  const reporters = new Set(keys).size;

  // A system write, outside the citizen's request: the public may not unpublish anything.
  await strapi.requestContext.run(undefined as never, () =>
    runAsOperator(`báo cáo của người dân (${reporters} người)`, async () => {
      if (published > 0) {
        await strapi
          .documents(item.uid as never)
          .unpublish({ documentId: item.documentId, locale: '*' } as never);
      }
      if (pending.length > 0) {
        await strapi.db
          .query(REPORT)
          .updateMany({ where: { id: { $in: pending } }, data: { status: 'item_hidden' } });
      }
    }),
  );
  if (published > 0) {
    strapi.log.info(
      `moderation: ${item.uid} ${item.documentId} hidden after ${reporters} reports (threshold ${REPORT_HIDE_THRESHOLD})`,
    );
    const mail = itemHiddenEmail({
      siteName: item.site.name,
      itemTitle: open[0]?.itemTitle ?? item.documentId,
      reporters,
      adminUrl: adminEditUrl(strapi, item.uid, item.documentId),
    });
    await notifyAfterCommit(strapi, {
      to: await siteStaffEmails(strapi, item.site.id),
      kind: 'item-hidden',
      ...mail,
    });
  }
  return published > 0;
}
