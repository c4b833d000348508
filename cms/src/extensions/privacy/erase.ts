import type { Core } from '@strapi/strapi';
import { normaliseEmail, normaliseTrackingCode } from '@pbgdpl/domain';
import { appendAuditEntry } from '../audit';
import { operatorLabel } from '../federation/caller';
import { CONTENT_TYPES } from '../../content-types';

const QA = CONTENT_TYPES.qa;

/** The contact fields an asker may have left; erased on request. */
export const CONTACT_FIELDS = ['askerName', 'askerEmail', 'askerPhone'] as const;

export type ErasureRequest = { trackingCode: string } | { email: string };

export interface ErasureResult {
  /** Questions (documents) the request names. */
  matched: number;
  /** Those that still held contact data, now erased. */
  questions: number;
  /** Their tracking codes, for the operator's reply to the asker. */
  trackingCodes: string[];
}

/** A request the command cannot act on (the message is for the operator, in Vietnamese). */
export class ErasureError extends Error {
  override name = 'ErasureError';
}

/**
 * Erases an asker's name, email and phone from their questions — by tracking code (one
 * question) or by email (every question sent with it) — in every locale and version, and records
 * each erasure in the audit log (who ran it, which question, which fields; never the erased
 * values). The question, its answer and its handling status stay: they are the unit's record and carry
 * no contact data. Below the Document Service: an erasure is not an editorial change and must
 * work on published questions without touching their publication.
 * @throws ErasureError for a malformed code or email.
 */
export async function eraseAskerData(strapi: Core.Strapi, request: ErasureRequest): Promise<ErasureResult> {
  const where = whereOf(request);
  const rows = (await strapi.db.query(QA).findMany({
    where,
    select: ['documentId', 'trackingCode', 'title', 'locale', 'askerName', 'askerEmail', 'askerPhone'],
    populate: { owningSite: { select: ['id', 'code'] } },
  })) as Array<{
    documentId: string;
    trackingCode: string | null;
    title: string | null;
    locale: string | null;
    askerName: string | null;
    askerEmail: string | null;
    askerPhone: string | null;
    owningSite: { id: number; code: string } | null;
  }>;
  const byDocument = new Map<string, (typeof rows)[number]>();
  for (const row of rows)
    if (!byDocument.has(row.documentId) || row.locale === 'vi') byDocument.set(row.documentId, row);
  const holding = [...byDocument].filter(([documentId]) =>
    rows.some((r) => r.documentId === documentId && CONTACT_FIELDS.some((field) => r[field])),
  );

  await strapi.db.transaction(async () => {
    for (const [documentId, row] of holding) {
      const held = CONTACT_FIELDS.filter((field) =>
        rows.some((r) => r.documentId === documentId && r[field]),
      );
      await strapi.db.query(QA).updateMany({
        where: { documentId },
        data: { askerName: null, askerEmail: null, askerPhone: null },
      });
      await appendAuditEntry(strapi, {
        action: 'update',
        caller: { kind: 'system' },
        origin: { ip: null, userAgent: null },
        contentType: QA,
        documentId,
        locale: row.locale,
        itemTitle: row.title,
        site: row.owningSite,
        actorLabel: operatorLabel() ?? 'delete-asker-data',
        changes: {
          erasure: {
            reason: 'Người hỏi yêu cầu xóa thông tin liên hệ',
            by: 'trackingCode' in request ? 'tracking-code' : 'email',
            fields: held,
          },
        },
      });
    }
  });
  return {
    matched: byDocument.size,
    questions: holding.length,
    trackingCodes: holding.map(([, r]) => r.trackingCode).filter((c): c is string => Boolean(c)),
  };
}

/**
 * Checks a request before anything is opened (the command validates its arguments first).
 * @throws ErasureError for a malformed code or email.
 */
export function checkErasureRequest(request: ErasureRequest): void {
  whereOf(request);
}

function whereOf(request: ErasureRequest): Record<string, unknown> {
  if ('trackingCode' in request) {
    const code = normaliseTrackingCode(request.trackingCode);
    if (!code)
      throw new ErasureError(
        `“${request.trackingCode}” không phải mã tra cứu (10 chữ và số, ví dụ 7K3QD-M2X9A).`,
      );
    return { trackingCode: code };
  }
  const email = normaliseEmail(request.email);
  if (!email || !email.includes('@')) throw new ErasureError(`“${request.email}” không phải địa chỉ email.`);
  return { askerEmail: { $eqi: email } };
}
