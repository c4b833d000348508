import type { Core } from '@strapi/strapi';
import * as validity from '../validity';
import { appendChangeEvent, digest, ensureChangeEventsTable, type Db } from './events';
import {
  LEGAL_DOCUMENT,
  readPublicState,
  relatedDocumentPlacements,
  trackedKind,
  type PublicState,
} from './placements';
import { captureDateDrivenChanges } from './dates';
import { registerSyncStatusRoute } from './status-route';
import { registerDateEventsRoute } from './date-events-route';

export { CHANGE_EVENTS_TABLE } from './events';
export { captureDateDrivenChanges };
export { syncStatusReport } from './status-route';

const WRITE_ACTIONS = new Set([
  'create',
  'update',
  'delete',
  'publish',
  'unpublish',
  'discardDraft',
  'clone',
]);

type Params = { documentId?: string; locale?: string };
type ValidityHooks = {
  onValidityChange: (
    strapi: Core.Strapi,
    listener: (change: { documentId: string; asOf: string; after: unknown }) => Promise<void>,
  ) => void;
};
type TransactionScope = { trx: Db };
const transaction = <T>(strapi: Core.Strapi, work: (scope: TransactionScope) => Promise<T>): Promise<T> =>
  (strapi.db.transaction as unknown as (cb: (scope: TransactionScope) => Promise<T>) => Promise<T>)(work);

/**
 * Register: every Document Service write that changes what the public sees (publish, unpublish,
 * update of a published or non-draft item, delete, site registry changes) appends a change
 * event in the same transaction as the write, so a committed write always has its event.
 * Install it last (innermost): it then sees the repository's own effect. Date-driven changes
 * come from `captureDateDrivenChanges` (cron) and validity recomputations (listener below).
 */
export function registerChangeCapture(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const kind = trackedKind(strapi, context.uid);
    if (!kind || !WRITE_ACTIONS.has(context.action)) return next();
    const params = context.params as Params;
    return transaction(strapi, async ({ trx }) => {
      const before = params.documentId
        ? await readPublicState(strapi, context.uid, kind, params.documentId)
        : null;
      const result = await next();
      const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
      if (!documentId) return result;
      const after = await readPublicState(strapi, context.uid, kind, documentId);
      if (before?.fingerprint === after.fingerprint || (!before && after.fingerprint === '')) return result;
      const placements = [...(before?.placements ?? []), ...after.placements];
      if (kind === 'relation') {
        const ends = new Set([...(before?.relatedDocumentIds ?? []), ...after.relatedDocumentIds]);
        placements.push(...(await relatedDocumentPlacements(strapi, [...ends])));
      }
      await appendChangeEvent(trx, {
        uid: context.uid,
        documentId,
        locale: params.locale ?? null,
        action: context.action,
        source: 'document-service',
        owningSite: after.owningSite ?? before?.owningSite ?? null,
        placements,
        dedupeKey: `ds:${context.uid}:${documentId}:${context.action}:${digest([before?.fingerprint ?? null, after.fingerprint])}`,
      });
      return result;
    });
  });
}

/**
 * Bootstrap: the events table exists, the admin-only routes are mounted (status, date events), and
 * a legal document whose stored validity moves (the nightly date flip, a relation written) gets an
 * event of its own — those writes bypass the Document Service.
 */
export async function prepareChangeCapture(strapi: Core.Strapi): Promise<void> {
  await ensureChangeEventsTable(strapi);
  registerSyncStatusRoute(strapi);
  registerDateEventsRoute(strapi);
  // The validity extension's change hook (absent in older builds: the date capture still covers
  // entry into force and expiry then).
  const onValidityChange = (validity as Partial<ValidityHooks>).onValidityChange;
  onValidityChange?.(strapi, async (change) => {
    const state: PublicState = await readPublicState(
      strapi,
      LEGAL_DOCUMENT,
      'legal-document',
      change.documentId,
    );
    await transaction(strapi, ({ trx }) =>
      appendChangeEvent(trx, {
        uid: LEGAL_DOCUMENT,
        documentId: change.documentId,
        locale: null,
        action: 'validity',
        source: 'validity',
        owningSite: state.owningSite,
        placements: state.placements,
        dedupeKey: `validity:${change.documentId}:${change.asOf}:${digest(change.after)}`,
      }),
    );
  });
}

/** Every minute: dates that came (a document entering or leaving "newly effective", a dialogue's phase). */
export function changeCaptureCronTasks(strapi: Core.Strapi) {
  return {
    changeCaptureDates: {
      task: async () => {
        const count = await captureDateDrivenChanges(strapi, new Date());
        if (count > 0) strapi.log.info(`change-capture: ${count} date-driven change events`);
      },
      options: { rule: '30 * * * * *' },
    },
  };
}
