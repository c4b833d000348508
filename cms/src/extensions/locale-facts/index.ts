import type { Core, UID } from '@strapi/strapi';

/**
 * Strapi 5 stores relations per locale (its i18n treats every relation as localized), so a
 * document's owning site or issuers could differ between its `vi` and `en` rows. For the types
 * listed here those relations are facts of the document, not of a translation: after every
 * write through the Document Service we make all locales of the document carry the same
 * targets, comparing like with like (drafts with drafts, published rows with published rows).
 *
 * Direction: a relation present in the write's `data` flows from the written locale to the
 * others; a relation absent from it flows into the written locale from the document's other
 * locales (so creating the `en` translation inherits the facts instead of erasing them).
 */
export const LOCALE_INDEPENDENT_RELATIONS: Partial<Record<UID.ContentType, readonly string[]>> = {
  'api::legal-document.legal-document': ['issuers', 'fields', 'owningSite', 'scopeSite'],
};

type Row = { id: number; locale: string; publishedAt: string | null } & Record<string, unknown>;

const WRITE_ACTIONS = new Set(['create', 'update', 'publish']);

export function registerLocaleFactSync(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const result = await next();
    const relations = LOCALE_INDEPENDENT_RELATIONS[context.uid as UID.ContentType];
    if (!relations || !WRITE_ACTIONS.has(context.action)) return result;

    const documentId = (result as { documentId?: string } | null)?.documentId
      ?? (context.params as { documentId?: string }).documentId;
    if (!documentId) return result;
    const params = context.params as { locale?: string; data?: Record<string, unknown> };
    const locale = params.locale ?? (await defaultLocale(strapi));
    const provided = context.action === 'publish' ? relations : relations.filter((r) => params.data && r in params.data);
    await syncDocument(strapi, context.uid as UID.ContentType, documentId, locale, relations, provided);
    return result;
  });
}

async function defaultLocale(strapi: Core.Strapi): Promise<string> {
  return strapi.plugin('i18n').service('locales').getDefaultLocale();
}

/** Copies relation targets between the rows of one document; see the module comment. */
export async function syncDocument(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  documentId: string,
  writtenLocale: string,
  relations: readonly string[],
  provided: readonly string[],
): Promise<void> {
  const populate = Object.fromEntries(relations.map((r) => [r, { select: ['id'] }]));
  const rows = (await strapi.db.query(uid).findMany({ where: { documentId }, populate })) as Row[];
  for (const published of [false, true]) {
    const group = rows.filter((r) => (r.publishedAt !== null) === published);
    const written = group.find((r) => r.locale === writtenLocale);
    if (!written) continue;
    const others = group.filter((r) => r !== written);
    if (others.length === 0) continue;
    // Pull: relations the write did not mention come from the other locales (first one found).
    const pulled = relations.filter((r) => !provided.includes(r));
    const pullData = Object.fromEntries(pulled.map((r) => [r, targetIds(others[0]![r])]));
    const changedPull = pulled.filter((r) => !sameTargets(written[r], others[0]![r]));
    if (changedPull.length > 0) {
      await strapi.db.query(uid).update({ where: { id: written.id }, data: pick(pullData, changedPull) });
    }
    // Push: relations the write set flow to every other locale.
    for (const other of others) {
      const changedPush = provided.filter((r) => !sameTargets(written[r], other[r]));
      if (changedPush.length === 0) continue;
      const pushData = Object.fromEntries(changedPush.map((r) => [r, targetIds(written[r])]));
      await strapi.db.query(uid).update({ where: { id: other.id }, data: pushData });
    }
  }
}

function targetIds(value: unknown): number[] | number | null {
  if (Array.isArray(value)) return value.map((v: { id: number }) => v.id).sort((a, b) => a - b);
  if (value && typeof value === 'object' && 'id' in value) return (value as { id: number }).id;
  return null;
}

function sameTargets(a: unknown, b: unknown): boolean {
  return JSON.stringify(targetIds(a)) === JSON.stringify(targetIds(b));
}

function pick<T>(record: Record<string, T>, keys: readonly string[]): Record<string, T> {
  return Object.fromEntries(keys.map((k) => [k, record[k] as T]));
}
