import type { Core } from '@strapi/strapi';
import { resolveRelationNumbers } from './relation-numbers';
import { recomputeValidity, recomputeAllValidity } from './recompute';
import { CONTENT_TYPES } from '../../content-types';

export { recomputeAllValidity, recomputeValidity };
export { onValidityChange, type ValidityChange } from './changes';

const DOCUMENT = CONTENT_TYPES.legalDocument;
const RELATION = CONTENT_TYPES.documentRelation;

/**
 * Validity status is derived, never typed: after any write that can change it (a document's
 * dates, a relation acting on it) the affected documents are recomputed with the domain's
 * computeValidity. Installed as a Document Service middleware so every path (admin, REST,
 * GraphQL, scripts) goes through it.
 */
export function registerValidity(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const params = context.params as { documentId?: string; data?: Record<string, unknown> };

    if (context.uid === RELATION) {
      if ((context.action === 'create' || context.action === 'update') && params.data) {
        const current =
          context.action === 'update' && params.documentId
            ? await strapi.db.query(RELATION).findOne({ where: { documentId: params.documentId } })
            : null;
        params.data = await resolveRelationNumbers(strapi, { ...current, ...params.data }, params.data);
      }
      const before = params.documentId
        ? await strapi.db.query(RELATION).findMany({ where: { documentId: params.documentId } })
        : [];
      const result = await next();
      const after = params.documentId
        ? await strapi.db.query(RELATION).findMany({ where: { documentId: params.documentId } })
        : [result];
      const targets = new Set(
        [...before, ...after]
          .map((r) => (r as { targetDocumentId?: string } | null)?.targetDocumentId)
          .filter(Boolean),
      );
      for (const documentId of targets) await recomputeValidity(strapi, documentId as string);
      return result;
    }

    const result = await next();
    if (context.uid === DOCUMENT && ['create', 'update', 'publish'].includes(context.action)) {
      const documentId = (result as { documentId?: string } | null)?.documentId ?? params.documentId;
      if (documentId) await recomputeValidity(strapi, documentId);
    }
    return result;
  });
}
