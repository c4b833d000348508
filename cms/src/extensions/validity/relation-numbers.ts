import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { CONTENT_TYPES } from '../../content-types';

const DOCUMENT = CONTENT_TYPES.legalDocument;

/**
 * Editors record a relation by document numbers ("45/2019/QH14 thay thế 10/2012/QH13"). This
 * resolves each number to the one document carrying it and stores its documentId beside it;
 * an unknown or ambiguous number is refused with a message naming the field. The acting
 * (source) document must be in the CMS; a target that is not (older acts are often not
 * digitised) may be recorded by number and title (`targetTitle`) and is then shown unlinked.
 * @throws errors.ValidationError when a number matches no document or several.
 */
export async function resolveRelationNumbers(
  strapi: Core.Strapi,
  merged: Record<string, unknown>,
  data: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const out = { ...data };
  for (const side of ['source', 'target'] as const) {
    const numberKey = `${side}Number`;
    const idKey = `${side}DocumentId`;
    const number =
      typeof merged[numberKey] === 'string' ? (merged[numberKey] as string).normalize('NFC').trim() : '';
    if (!number) continue;
    if (numberKey in data) out[numberKey] = number;
    const explicitId = data[idKey];
    const rows: Array<{ documentId: string }> = await strapi.db.query(DOCUMENT).findMany({
      where: explicitId ? { documentId: explicitId, number } : { number },
      select: ['documentId'],
    });
    const ids = [...new Set(rows.map((r) => r.documentId))];
    if (ids.length === 0) {
      const external =
        side === 'target' && typeof merged.targetTitle === 'string' && merged.targetTitle.trim() !== '';
      if (external) {
        out[idKey] = null;
        continue;
      }
      throw fieldError(
        numberKey,
        `Không tìm thấy văn bản có số ký hiệu "${number}" trong cơ sở dữ liệu.` +
          (side === 'target'
            ? ' Nếu văn bản chưa có trong cơ sở dữ liệu, hãy ghi tên văn bản (targetTitle).'
            : ''),
      );
    }
    if (ids.length > 1) {
      throw fieldError(
        numberKey,
        `Số ký hiệu "${number}" trùng với ${ids.length} văn bản; hãy ghi rõ mã văn bản (${idKey}).`,
      );
    }
    out[idKey] = ids[0];
  }
  if (out.sourceDocumentId && out.sourceDocumentId === out.targetDocumentId) {
    throw fieldError('targetNumber', 'Một văn bản không thể có quan hệ với chính nó.');
  }
  return out;
}

function fieldError(path: string, message: string): errors.ValidationError {
  return new errors.ValidationError(message, {
    errors: [{ path: [path], message, name: 'ValidationError' }],
  });
}
