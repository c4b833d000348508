import type { Core, UID } from '@strapi/strapi';
import { CONTENT_TYPES } from '../../content-types';

export const CITATION_COMPONENT = 'shared.legal-citation';
export const LEGAL_DOCUMENT = CONTENT_TYPES.legalDocument;

/**
 * The content types whose items cite legal documents: those with a `citations` attribute made
 * of the legal-citation component (introduction, Q&A, dialogue, material, video, situation).
 * Read from the models, so a new citing type needs no change here.
 */
export function citingTypes(strapi: Core.Strapi): UID.ContentType[] {
  return Object.values(strapi.contentTypes)
    .filter((model) => {
      const attribute = (model.attributes as Record<string, { type?: string; component?: string }>).citations;
      return attribute?.type === 'component' && attribute.component === CITATION_COMPONENT;
    })
    .map((model) => model.uid as UID.ContentType);
}
