/**
 * Changes no one writes: a date comes. A legal document enters the "newly effective" list (C-1)
 * on its effectiveFrom and leaves it NEWLY_EFFECTIVE_WINDOW_DAYS later, and expires on its
 * effectiveTo (each at 00:00 Asia/Ho_Chi_Minh);
 * a dialogue opens, goes live and closes at its times. Each such moment gets one event, keyed by
 * the item and the moment, so running this every minute, twice, or on two CMS processes emits it
 * once; looking back CATCH_UP_DAYS recovers the moments a stopped CMS missed.
 */
import type { Core, UID } from '@strapi/strapi';
import { NEWLY_EFFECTIVE_WINDOW_DAYS, addDays, todayInVietnam } from '@pbgdpl/domain';
import { bumpContentVersion } from '../read-cache';
import { appendChangeEvent } from './events';
import { LEGAL_DOCUMENT, readPublicState, trackedKind } from './placements';

const CATCH_UP_DAYS = 7;
const MOMENT_FIELDS = ['opensAt', 'liveAt', 'closesAt'] as const;

/** Appends the events of the dates that came by `now`; returns how many were new. */
export async function captureDateDrivenChanges(strapi: Core.Strapi, now: Date): Promise<number> {
  const asOf = todayInVietnam(now);
  let count = 0;
  const windows: Array<{ reason: string; from: string; to: string; field?: 'effectiveTo' }> = [
    { reason: 'enters-newly-effective', from: addDays(asOf, -CATCH_UP_DAYS), to: asOf },
    // Expiry changes the status (the validity recompute records it too; this covers a CMS without it).
    { reason: 'expires', from: addDays(asOf, -CATCH_UP_DAYS), to: asOf, field: 'effectiveTo' },
    {
      reason: 'leaves-newly-effective',
      from: addDays(asOf, -(NEWLY_EFFECTIVE_WINDOW_DAYS + CATCH_UP_DAYS)),
      to: addDays(asOf, -NEWLY_EFFECTIVE_WINDOW_DAYS),
    },
  ];
  for (const window of windows) {
    const rows = (await strapi.db.query(LEGAL_DOCUMENT).findMany({
      where: {
        publishedAt: { $notNull: true },
        [window.field ?? 'effectiveFrom']: { $gte: window.from, $lte: window.to },
      },
      select: ['documentId', window.field ?? 'effectiveFrom'],
    })) as Array<{ documentId: string } & Record<string, string>>;
    for (const row of uniqueBy(rows, (r) => r.documentId)) {
      const state = await readPublicState(strapi, LEGAL_DOCUMENT, 'legal-document', row.documentId);
      const added = await appendChangeEvent(strapi.db.connection, {
        uid: LEGAL_DOCUMENT,
        documentId: row.documentId,
        locale: null,
        action: window.reason,
        source: 'date',
        owningSite: state.owningSite,
        placements: state.placements,
        dedupeKey: `date:${window.reason}:${row.documentId}:${String(row[window.field ?? 'effectiveFrom']).slice(0, 10)}`,
      });
      if (added) count += 1;
    }
  }
  const since = new Date(now.getTime() - CATCH_UP_DAYS * 86_400_000);
  for (const [uid, model] of Object.entries(strapi.contentTypes)) {
    const fields = MOMENT_FIELDS.filter((f) => f in model.attributes);
    if (fields.length === 0 || trackedKind(strapi, uid) !== 'editorial') continue;
    for (const field of fields) {
      const rows = (await strapi.db.query(uid as UID.ContentType).findMany({
        where: { publishedAt: { $notNull: true }, [field]: { $gte: since, $lte: now } },
        select: ['documentId', field],
      })) as Array<Record<string, unknown> & { documentId: string }>;
      for (const row of uniqueBy(rows, (r) => r.documentId)) {
        const state = await readPublicState(strapi, uid, 'editorial', row.documentId);
        const moment = new Date(row[field] as string).toISOString();
        const added = await appendChangeEvent(strapi.db.connection, {
          uid,
          documentId: row.documentId,
          locale: null,
          action: `${field}-reached`,
          source: 'date',
          owningSite: state.owningSite,
          placements: state.placements,
          dedupeKey: `date:${field}:${uid}:${row.documentId}:${moment}`,
        });
        if (added) count += 1;
      }
    }
  }
  // A date that came changes what the public sees: builds after this must count as newer.
  if (count > 0) await bumpContentVersion(strapi);
  return count;
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}
