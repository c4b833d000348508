import type { Core, UID } from '@strapi/strapi';
import { CONTENT_TYPES } from '../../content-types';

/**
 * Strapi 5 stores relations per locale (its i18n treats every relation as localized), so a
 * document's owning site or issuers could differ between its `vi` and `en` rows. For the types
 * listed here those relations are facts of the document, not of a translation: after every
 * write through the Document Service we make all locales of the document carry the same
 * targets, comparing like with like (drafts with drafts, published rows with published rows).
 *
 * The non-localized scalar fields (number, dates, scope…) are handled the same way. Strapi's
 * own i18n sync is meant to cover them, but it decides whether anything changed by comparing
 * with an arbitrary row of the document, so publishing one locale may leave another locale's
 * published row on the old dates (seen on SQLite; PostgreSQL happened to return another row).
 *
 * Direction: a relation present in the write's `data` flows from the written locale to the
 * others; a relation absent from it flows into the written locale from the document's other
 * locales (so creating the `en` translation inherits the facts instead of erasing them).
 */
export const LOCALE_INDEPENDENT_RELATIONS: Partial<Record<UID.ContentType, readonly string[]>> = {
  [CONTENT_TYPES.legalDocument]: ['issuers', 'fields', 'owningSite', 'scopeSite'],
  // Editorial types: every relation to a non-localized type (site, legal-field, organization).
  // Not `qa.dialogue` nor its inverse `dialogue.questions`: dialogue is localized, so Strapi links
  // each locale of a question to the same locale of the dialogue; copying row ids across locales
  // would point an English question at the Vietnamese dialogue row. An inverse side is never
  // synced anyway: it follows from the owning side.
  [CONTENT_TYPES.introduction]: ['owningSite', 'fields', 'audienceProvinces'],
  [CONTENT_TYPES.qa]: ['owningSite', 'fields', 'audienceProvinces', 'answeringOrganization'],
  [CONTENT_TYPES.dialogue]: ['owningSite', 'fields', 'audienceProvinces', 'hostOrganization'],
  [CONTENT_TYPES.material]: ['owningSite', 'fields', 'audienceProvinces'],
  [CONTENT_TYPES.video]: ['owningSite', 'fields', 'audienceProvinces'],
  [CONTENT_TYPES.legalSituation]: ['owningSite', 'fields', 'audienceProvinces'],
  [CONTENT_TYPES.book]: ['owningSite', 'fields', 'audienceProvinces'],
  [CONTENT_TYPES.guidance]: ['owningSite', 'fields', 'audienceProvinces', 'issuer'],
  [CONTENT_TYPES.newsItem]: ['owningSite', 'fields', 'audienceProvinces'],
};

type Row = { id: number; locale: string; publishedAt: string | null } & Record<string, unknown>;

/** Non-localized scalar attributes of a content type: they are facts shared by all locales. */
function sharedScalars(strapi: Core.Strapi, uid: UID.ContentType): string[] {
  const attributes = strapi.getModel(uid).attributes as Record<
    string,
    { type: string; pluginOptions?: { i18n?: { localized?: boolean } } }
  >;
  return Object.entries(attributes)
    .filter(([, a]) => !['relation', 'media', 'component', 'dynamiczone', 'uid'].includes(a.type))
    .filter(([, a]) => a.pluginOptions?.i18n?.localized === false)
    .map(([name]) => name);
}

const WRITE_ACTIONS = new Set(['create', 'update', 'publish']);

export function registerLocaleFactSync(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const result = await next();
    const relations = LOCALE_INDEPENDENT_RELATIONS[context.uid as UID.ContentType];
    if (!relations || !WRITE_ACTIONS.has(context.action)) return result;

    const documentId =
      (result as { documentId?: string } | null)?.documentId ??
      (context.params as { documentId?: string }).documentId;
    if (!documentId) return result;
    const params = context.params as { locale?: string; data?: Record<string, unknown> };
    const locale = params.locale ?? (await defaultLocale(strapi));
    const facts = [...relations, ...sharedScalars(strapi, context.uid as UID.ContentType)];
    const provided =
      context.action === 'publish' ? facts : facts.filter((r) => params.data && r in params.data);
    await syncDocument(
      strapi,
      context.uid as UID.ContentType,
      documentId,
      locale,
      relations,
      facts,
      provided,
    );
    return result;
  });
}

async function defaultLocale(strapi: Core.Strapi): Promise<string> {
  return strapi.plugin('i18n').service('locales').getDefaultLocale();
}

/** Copies facts (relation targets, shared scalars) between the rows of one document. */
export async function syncDocument(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  documentId: string,
  writtenLocale: string,
  relations: readonly string[],
  facts: readonly string[],
  provided: readonly string[],
): Promise<void> {
  const populate = Object.fromEntries(relations.map((r) => [r, { select: ['id'] }]));
  const value = (row: Row, fact: string) =>
    relations.includes(fact) ? targetIds(row[fact]) : (row[fact] ?? null);
  const same = (a: Row, b: Row, fact: string) =>
    JSON.stringify(value(a, fact)) === JSON.stringify(value(b, fact));
  const rows = (await strapi.db.query(uid).findMany({ where: { documentId }, populate })) as Row[];
  for (const published of [false, true]) {
    const group = rows.filter((r) => (r.publishedAt !== null) === published);
    const written = group.find((r) => r.locale === writtenLocale);
    if (!written) continue;
    const others = group.filter((r) => r !== written);
    if (others.length === 0) continue;
    // Pull: facts the write did not mention come from the other locales (first one found).
    const source = others[0]!;
    const changedPull = facts.filter((f) => !provided.includes(f) && !same(written, source, f));
    if (changedPull.length > 0) {
      const data = Object.fromEntries(changedPull.map((f) => [f, value(source, f)]));
      await strapi.db.query(uid).update({ where: { id: written.id }, data });
    }
    // Push: facts the write set flow to every other locale.
    for (const other of others) {
      const changedPush = provided.filter((f) => !same(written, other, f));
      if (changedPush.length === 0) continue;
      const data = Object.fromEntries(changedPush.map((f) => [f, value(written, f)]));
      await strapi.db.query(uid).update({ where: { id: other.id }, data });
    }
  }
}

function targetIds(value: unknown): number[] | number | null {
  if (Array.isArray(value)) return value.map((v: { id: number }) => v.id).sort((a, b) => a - b);
  if (value && typeof value === 'object' && 'id' in value) return (value as { id: number }).id;
  return null;
}
