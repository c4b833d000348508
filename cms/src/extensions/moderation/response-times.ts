import type { Core } from '@strapi/strapi';
import { responseTimes, type SiteResponseTime } from '@pbgdpl/domain';
import { CONTENT_TYPES } from '../../content-types';

const QA = CONTENT_TYPES.qa;

/**
 * Received → first answered, per site, for citizens' questions (those with a tracking code)
 * received in [from, to): counts and the median and 90th-percentile hours. One row per question
 * (its Vietnamese draft), so translations and published copies are not counted twice. For the
 * national oversight view.
 */
export async function responseTimesBySite(
  strapi: Core.Strapi,
  options: { from?: Date; to?: Date; siteCodes?: string[] } = {},
): Promise<SiteResponseTime[]> {
  const where: Record<string, unknown> = { trackingCode: { $notNull: true }, publishedAt: { $null: true } };
  const received: Record<string, Date> = {};
  if (options.from) received.$gte = options.from;
  if (options.to) received.$lt = options.to;
  if (Object.keys(received).length > 0) where.receivedAt = received;
  if (options.siteCodes) where.owningSite = { code: { $in: options.siteCodes } };
  const rows = (await strapi.db.query(QA).findMany({
    where,
    select: ['documentId', 'locale', 'handlingStatus', 'receivedAt', 'respondedAt'],
    populate: { owningSite: { select: ['code'] } },
  })) as Array<{
    documentId: string;
    locale: string;
    handlingStatus: string;
    receivedAt: string | null;
    respondedAt: string | null;
    owningSite: { code: string } | null;
  }>;
  const byDocument = new Map<string, (typeof rows)[number]>();
  for (const row of rows)
    if (!byDocument.has(row.documentId) || row.locale === 'vi') byDocument.set(row.documentId, row);
  return responseTimes(
    [...byDocument.values()].map((row) => ({
      siteCode: row.owningSite?.code ?? '(không có trang)',
      receivedAt: row.receivedAt,
      respondedAt: row.respondedAt,
      rejected: row.handlingStatus === 'rejected',
    })),
  );
}
