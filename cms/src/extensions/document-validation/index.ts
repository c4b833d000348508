import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { validateLegalDocumentInput } from '@pbgdpl/domain';
import { CONTENT_TYPES } from '../../content-types';

const DOCUMENT = CONTENT_TYPES.legalDocument;

/**
 * Validates every write of a legal document with the domain's rules (number format, dates in
 * order, required abstract, scope site for local documents) before anything is stored, whatever
 * the path (admin, REST, GraphQL, scripts). The editor gets every problem at once, in
 * Vietnamese, each attached to its field; nothing is written.
 */
export function registerDocumentValidation(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== DOCUMENT || (context.action !== 'create' && context.action !== 'update'))
      return next();
    const params = context.params as { documentId?: string; locale?: string; data?: Record<string, unknown> };
    if (!params.data) return next();

    const current = params.documentId ? await currentValues(strapi, params.documentId, params.locale) : {};
    const merged = { ...current, ...params.data, scopeSite: scopeSiteOf(params.data, current) };
    const result = validateLegalDocumentInput(merged);
    if (!result.ok) {
      const [first] = result.errors;
      throw new errors.ValidationError(
        result.errors.length === 1
          ? first!.message
          : `${first!.message} (và ${result.errors.length - 1} lỗi khác)`,
        {
          errors: result.errors.map((e) => ({ path: [e.path], message: e.message, name: 'ValidationError' })),
        },
      );
    }
    // Store the normalised forms (NFC text, canonical number) the validation produced.
    params.data = { ...params.data, number: result.value.number };
    return next();
  });
}

/** The stored draft of this locale, or (for a new translation) of any locale: its shared facts. */
async function currentValues(
  strapi: Core.Strapi,
  documentId: string,
  locale?: string,
): Promise<Record<string, unknown>> {
  const rows = (await strapi.db.query(DOCUMENT).findMany({
    where: { documentId, publishedAt: null },
    populate: { scopeSite: { select: ['documentId'] } },
  })) as Array<Record<string, unknown> & { locale: string; scopeSite: { documentId: string } | null }>;
  const row = rows.find((r) => r.locale === locale) ?? rows[0];
  if (!row) return {};
  return { ...row, scopeSite: row.scopeSite?.documentId ?? null };
}

/** Whether the write leaves the document with a scope site, in whichever relation syntax it used. */
function scopeSiteOf(data: Record<string, unknown>, current: Record<string, unknown>): string | null {
  if (!('scopeSite' in data)) return (current.scopeSite as string | null) ?? null;
  const value = data.scopeSite as unknown;
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (value && typeof value === 'object') {
    const relation = value as { set?: unknown[]; connect?: unknown[]; documentId?: string; id?: number };
    if (relation.documentId || relation.id) return String(relation.documentId ?? relation.id);
    const list = relation.set ?? relation.connect;
    if (Array.isArray(list) && list.length > 0) return 'set';
    if (Array.isArray(relation.set)) return null;
    return (current.scopeSite as string | null) ?? null;
  }
  return null;
}
