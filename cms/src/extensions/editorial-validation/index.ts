import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  EDITORIAL_TYPES,
  EDITORIAL_TYPE_LABELS,
  firstFreeSlug,
  safeParseDocumentNumber,
  validateEditorialInput,
  type EditorialType,
  type FieldError,
} from '@pbgdpl/domain';
import { relationAfterWrite, resolveWrittenFiles, storedValues, targetDocumentId } from './item-values';
import { CONTENT_TYPES } from '../../content-types';

const SITE = CONTENT_TYPES.site;
const LEGAL_DOCUMENT = CONTENT_TYPES.legalDocument;

/** `api::qa.qa` → `qa` for the editorial types; undefined for any other type. */
export function editorialTypeOf(uid: string): EditorialType | undefined {
  const name = /^api::([a-z-]+)\.\1$/.exec(uid)?.[1];
  return (EDITORIAL_TYPES as readonly string[]).includes(name ?? '') ? (name as EditorialType) : undefined;
}

type Params = { documentId?: string; locale?: string; data?: Record<string, unknown> };

/**
 * Validates every create and update of an editorial item (introduction, Q&A, dialogue, material,
 * video, legal situation, book, guidance, news) with the domain's rules before anything is
 * stored, whatever the path (admin, REST, GraphQL, scripts). Problems come back at once as one
 * Strapi ValidationError (HTTP 400), each on its field, in Vietnamese. Loosely typed values are
 * stored normalised: the slug (made from the title when empty, unique within the owning site and
 * locale — never checked against other sites, so it reveals nothing of their content),
 * a YouTube id pasted as an address, cited document numbers.
 */
export function registerEditorialValidation(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const type = editorialTypeOf(context.uid);
    if (!type || (context.action !== 'create' && context.action !== 'update')) return next();
    const params = context.params as Params;
    if (!params.data) return next();
    const uid = context.uid as UID.ContentType;
    const locale = params.locale ?? (await strapi.plugin('i18n').service('locales').getDefaultLocale());

    const stored = await storedValues(strapi, uid, params.documentId, locale);
    const written = await resolveWrittenFiles(strapi, uid, params.data);
    const owningSite = relationAfterWrite(params.data.owningSite, stored.owningSite);
    const item: Record<string, unknown> = { ...stored, ...written, owningSite };

    const known = await knownHistoricNumbers(strapi, item.citations);
    const result = validateEditorialInput(type, item, { isKnownDocumentNumber: (n) => known.has(n) });
    const problems = [...result.errors];
    let slug = result.patch.slug;
    const siteId = await targetDocumentId(strapi, SITE, owningSite);
    // An item moving to another site (a question forwarded to another unit, an owner changed by
    // a national administrator) must not bring a slug that site already uses. Its slug is then
    // numbered silently, never refused: a refusal would tell a caller who may not work on that
    // site which addresses it uses.
    const movedSite =
      params.documentId !== undefined &&
      'owningSite' in params.data &&
      siteId !== (await targetDocumentId(strapi, SITE, stored.owningSite ?? null));
    const slugWritten =
      'slug' in params.data || result.patch.slugFromTitle === true || !params.documentId || movedSite;
    if (slug && slugWritten && problems.length === 0) {
      const taken = await slugsTaken(strapi, uid, { slug, locale, siteId, documentId: params.documentId });
      if (taken.has(slug) && (result.patch.slugFromTitle || movedSite)) {
        slug = firstFreeSlug(slug, (s) => taken.has(s));
      } else if (taken.has(slug)) {
        problems.push({
          path: 'slug',
          message:
            `Đường dẫn "${slug}" đã được dùng cho một mục ${EDITORIAL_TYPE_LABELS[type].vi.toLowerCase()} ` +
            'khác của trang này: hãy chọn đường dẫn khác.',
        });
      }
    }
    if (problems.length > 0) throw validationError(problems);

    const data = { ...params.data };
    if (slug && slugWritten) data.slug = slug;
    if (result.patch.youtubeId && result.patch.youtubeId !== data.youtubeId && 'youtubeId' in data) {
      data.youtubeId = result.patch.youtubeId;
    }
    if (Array.isArray(data.citations) && result.patch.citationNumbers) {
      const numbers = result.patch.citationNumbers;
      data.citations = (data.citations as Array<Record<string, unknown>>).map((c, i) =>
        c && typeof c === 'object' ? { ...c, documentNumber: numbers[i] ?? c.documentNumber } : c,
      );
    }
    params.data = data;
    return next();
  });
}

/** One Strapi ValidationError listing every problem on its field ("citations.0.documentNumber" → path array). */
function validationError(problems: readonly FieldError[]): errors.ValidationError {
  const [first] = problems;
  const message =
    problems.length === 1 ? first!.message : `${first!.message} (và ${problems.length - 1} lỗi khác)`;
  return new errors.ValidationError(message, {
    errors: problems.map((p) => ({
      path: p.path.split('.').map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment)),
      message: p.message,
      name: 'ValidationError',
    })),
  });
}

/**
 * Cited numbers the parser refuses but the corpus holds exactly (historic numbering, kept as
 * printed). Resolving citations against the corpus is the citations extension's job; this only
 * keeps the format rule from refusing a real document.
 */
async function knownHistoricNumbers(strapi: Core.Strapi, citations: unknown): Promise<Set<string>> {
  if (!Array.isArray(citations)) return new Set();
  const unparsed = citations
    .map((c) => (typeof c?.documentNumber === 'string' ? c.documentNumber.normalize('NFC').trim() : ''))
    .filter((n) => n !== '' && !safeParseDocumentNumber(n).ok);
  if (unparsed.length === 0) return new Set();
  const rows = (await strapi.db
    .query(LEGAL_DOCUMENT)
    .findMany({ where: { number: { $in: unparsed } }, select: ['number'] })) as Array<{ number: string }>;
  return new Set(rows.map((r) => r.number));
}

/** Slugs like `slug` (itself or numbered) used by other items of the same type, site and locale. */
async function slugsTaken(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  scope: { slug: string; locale: string; siteId: string | null; documentId?: string | undefined },
): Promise<Set<string>> {
  if (!scope.siteId) return new Set();
  const rows = (await strapi.db.query(uid).findMany({
    where: {
      locale: scope.locale,
      slug: { $startsWith: scope.slug },
      owningSite: { documentId: scope.siteId },
      ...(scope.documentId ? { documentId: { $ne: scope.documentId } } : {}),
    },
    select: ['slug'],
  })) as Array<{ slug: string | null }>;
  return new Set(rows.map((r) => r.slug).filter((s): s is string => !!s));
}
