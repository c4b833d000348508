import {
  newSubmissionEmail,
  newTrackingCode,
  parseReport,
  REPORTABLE_TYPES,
  type FormBody,
} from '@pbgdpl/domain';
import { hideIfReportedEnough, REPORT } from '../moderation/hide-reported';
import { adminEditUrl, notifyAfterCommit, siteStaffEmails } from '../notifications';
import {
  accepted,
  admitForm,
  afterStored,
  checkSiteLimit,
  receivingSite,
  type IntakeContext,
  type Receipt,
} from './intake';
import { REJECT } from './rejection';
import { reporterKey } from './token';
import { contentTypeUid } from '../../content-types';

/**
 * A report that a published item is wrong or outdated. The reporter is known only by a keyed
 * hash of their address, enough to count different reporters and to refuse a second report of
 * the same item from the same person. When three different people have reported an item it is
 * taken off the sites pending review (../moderation/hide-reported.ts).
 */
export async function submitReport(c: IntakeContext, body: FormBody): Promise<Receipt> {
  await admitForm(c, body);
  const input = accepted(parseReport(body, REPORTABLE_TYPES));
  await receivingSite(c, input.siteCode);
  const uid = contentTypeUid(input.itemType);
  const item = (await c.strapi.db.query(uid as never).findOne({
    where: { documentId: input.itemId, publishedAt: { $notNull: true } },
    select: ['documentId', 'title'],
    populate: { owningSite: { select: ['id', 'code'] } },
  })) as { documentId: string; title: string | null; owningSite: { id: number; code: string } | null } | null;
  if (!item?.owningSite) throw REJECT.unknownItem();
  const owner = await receivingSite(c, item.owningSite.code);
  await checkSiteLimit(c, owner);
  const reporter = reporterKey(c.settings.secret, c.ip);
  const receivedAt = c.now.toISOString();

  // Not in a transaction of our own (see ./claim.ts): two reports by one person racing each
  // other only add a report; distinct reporters are counted, not reports.
  const earlier = await c.strapi.db.query(REPORT).count({
    where: {
      itemDocumentId: item.documentId,
      reporterKey: reporter,
      status: { $in: ['received', 'item_hidden'] },
    },
  });
  if (earlier > 0) throw REJECT.alreadyReported();
  const trackingCode = newTrackingCode();
  const report = (await c.strapi.documents(REPORT).create({
    data: {
      trackingCode,
      itemType: input.itemType,
      itemDocumentId: item.documentId,
      itemTitle: (item.title ?? '').slice(0, 500),
      reason: input.reason,
      message: input.message,
      status: 'received',
      receivedAt,
      reporterKey: reporter,
      owningSite: owner.documentId,
    },
  } as never)) as { documentId: string };
  const created = { trackingCode, documentId: report.documentId };

  await afterStored(c.strapi, 'notify the site', async () => {
    const mail = newSubmissionEmail({
      siteName: owner.name,
      kind: 'report',
      title: item.title ?? item.documentId,
      adminUrl: adminEditUrl(c.strapi, REPORT, created.documentId),
    });
    await notifyAfterCommit(c.strapi, {
      to: await siteStaffEmails(c.strapi, owner.id),
      kind: 'new-report',
      ...mail,
    });
  });
  // A failed check is retried by the next report on the item.
  await afterStored(c.strapi, 'check the reports of the item', () =>
    hideIfReportedEnough(c.strapi, { uid, documentId: item.documentId, site: owner }),
  );
  return {
    kind: 'report',
    trackingCode: created.trackingCode,
    receivedAt,
    status: 'received',
    site: { code: owner.code, name: owner.name },
  };
}

