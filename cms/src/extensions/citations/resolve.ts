import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { citedNumber } from '@pbgdpl/domain';
import { LEGAL_DOCUMENT } from './citing-types';

type Citation = Record<string, unknown> & { documentNumber?: unknown; citedDocumentId?: unknown };
type DocumentRow = {
  documentId: string;
  number: string;
  title: string | null;
  locale: string;
  publishedAt: unknown;
};

/**
 * Editors cite a document by its number, as printed ("45/2019/QH14", "Số 15/2025/nđ-cp"). Each
 * citation is stored with the number in canonical form and the cited document's documentId
 * and title, filled here from the legal documents (never typed by hand), so a change to that
 * document can find every item citing it. A number that matches no document, or several when
 * the citation does not say which (local documents share numbers), is refused — all at once,
 * each error naming its field (`citations.<i>.documentNumber`).
 * @throws errors.ValidationError listing every citation that could not be resolved.
 */
export async function resolveCitations(
  strapi: Core.Strapi,
  citations: unknown[],
  locale: string,
): Promise<unknown[]> {
  const items = citations.map((c) => (c && typeof c === 'object' ? { ...(c as Citation) } : c));
  const numbers = [
    ...new Set(items.map((c) => citedNumber((c as Citation | null)?.documentNumber)).filter(Boolean)),
  ] as string[];
  const rows = numbers.length
    ? ((await strapi.db.query(LEGAL_DOCUMENT).findMany({
        where: { number: { $in: numbers } },
        select: ['documentId', 'number', 'title', 'locale', 'publishedAt'],
      })) as DocumentRow[])
    : [];
  const problems: Array<{ path: string[]; message: string; name: string }> = [];
  items.forEach((item, index) => {
    if (!item || typeof item !== 'object') return;
    const citation = item as Citation;
    const number = citedNumber(citation.documentNumber);
    if (number === null) return; // Strapi's own validation reports the missing required number.
    citation.documentNumber = number;
    const matches = rows.filter((r) => r.number === number);
    const ids = [...new Set(matches.map((r) => r.documentId))];
    const chosen = ids.length === 1 ? ids[0] : ids.find((id) => id === citation.citedDocumentId);
    const path = ['citations', String(index), 'documentNumber'];
    if (ids.length === 0) {
      problems.push({
        path,
        name: 'ValidationError',
        message:
          `Trích dẫn ${index + 1}: không tìm thấy văn bản có số ký hiệu "${number}" trong cơ sở dữ liệu. ` +
          'Hãy kiểm tra lại số ký hiệu, hoặc nhập văn bản trước khi trích dẫn.',
      });
      return;
    }
    if (!chosen) {
      problems.push({
        path,
        name: 'ValidationError',
        message:
          `Trích dẫn ${index + 1}: số ký hiệu "${number}" trùng với ${ids.length} văn bản; ` +
          'hãy ghi rõ mã văn bản được trích dẫn (citedDocumentId).',
      });
      return;
    }
    citation.citedDocumentId = chosen;
    citation.documentTitle = titleFor(
      matches.filter((r) => r.documentId === chosen),
      locale,
    );
  });
  if (problems.length > 0) {
    const [first] = problems;
    throw new errors.ValidationError(
      problems.length === 1 ? first!.message : `${first!.message} (và ${problems.length - 1} lỗi khác)`,
      { errors: problems },
    );
  }
  return items;
}

/** The title in the item's locale, else Vietnamese, else any; published rows first. */
function titleFor(rows: DocumentRow[], locale: string): string | null {
  const rank = (r: DocumentRow) =>
    (r.locale === locale ? 0 : r.locale === 'vi' ? 2 : 4) + (r.publishedAt ? 0 : 1);
  const [best] = [...rows].sort((a, b) => rank(a) - rank(b));
  return best?.title?.slice(0, 500) ?? null;
}
