import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { todayInVietnam, type IsoDate } from '@pbgdpl/domain';
import { onValidityChange } from '../validity';
import { currentActor } from '../review/actor';
import { citingTypes } from './citing-types';
import { resolveCitations } from './resolve';
import { flagOnValidityChange } from './flag';
import { clearIfRechecked } from './recheck';

export { flagCitingItems } from './flag';

type Params = { documentId?: string; locale?: string; data?: Record<string, unknown> };
type StoredRow = {
  locale: string;
  mayBeOutdated: boolean | null;
  citationsCheckedAt: IsoDate | null;
  citations?: unknown[];
};

/**
 * Citations and the "may be outdated" flag (see README.md):
 * - every write of a citing item resolves its citations' numbers to documents, and dates the
 *   check (`citationsCheckedAt`) today when it has none;
 * - the flag is the system's: writes by signed-in users cannot set or clear it directly;
 * - a save that re-checks a flagged item (checked-as-at on or after the latest change of every
 *   cited document) clears it;
 * - a change to a cited document's validity flags its citing items (validity change listener).
 */
export function registerCitations(strapi: Core.Strapi): void {
  onValidityChange(strapi, (change) => flagOnValidityChange(strapi, change));

  let citing: Set<string> | null = null;
  strapi.documents.use(async (context, next) => {
    citing ??= new Set(citingTypes(strapi));
    if (!citing.has(context.uid) || (context.action !== 'create' && context.action !== 'update'))
      return next();
    const params = context.params as Params;
    const data = params.data;
    if (!data) return next();
    const uid = context.uid as UID.ContentType;
    const locale = params.locale ?? (await strapi.plugin('i18n').service('locales').getDefaultLocale());

    const stored =
      context.action === 'update' && params.documentId
        ? await storedDrafts(strapi, uid, params.documentId)
        : [];
    const storedHere = stored.find((r) => r.locale === locale) ?? stored[0];
    if (Array.isArray(data.citations))
      data.citations = await resolveCitations(strapi, data.citations, locale);
    if (currentActor(strapi) !== 'system') {
      delete data.mayBeOutdated;
      delete data.outdatedReason;
    }
    // A system write (script, seed) may set the flag itself; then it is taken as given.
    const flagSetByWrite = 'mayBeOutdated' in data;
    const flagged = flagSetByWrite ? data.mayBeOutdated === true : stored.some((r) => r.mayBeOutdated);
    const today = todayInVietnam(new Date());
    const checkedAt = 'citationsCheckedAt' in data ? data.citationsCheckedAt : storedHere?.citationsCheckedAt;
    if (typeof checkedAt === 'string' && checkedAt > today && checkedAt !== storedHere?.citationsCheckedAt) {
      const message = 'Ngày kiểm tra trích dẫn không được sau ngày hôm nay.';
      throw new errors.ValidationError(message, {
        errors: [{ path: ['citationsCheckedAt'], message, name: 'ValidationError' }],
      });
    }
    const citations = Array.isArray(data.citations) ? data.citations : (storedHere?.citations ?? []);
    if (!checkedAt && citations.length > 0 && !flagged) data.citationsCheckedAt = today;

    const result = await next();
    const documentId = (result as { documentId?: string } | null)?.documentId ?? params.documentId;
    if (flagged && !flagSetByWrite && documentId) await clearIfRechecked(strapi, uid, documentId, locale);
    return result;
  });
}

/** The item's stored drafts (every locale): the flag and the check date are shared by all. */
async function storedDrafts(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  documentId: string,
): Promise<StoredRow[]> {
  return (await strapi.db.query(uid).findMany({
    where: { documentId, publishedAt: { $null: true } },
    select: ['locale', 'mayBeOutdated', 'citationsCheckedAt'],
    populate: { citations: { select: ['id'] } },
  })) as StoredRow[];
}
