import type { Core } from '@strapi/strapi';
import { labelModerationFields } from './admin-labels';
import { registerQaWorkflow } from './qa-workflow';

export { hideIfReportedEnough } from './hide-reported';
export { responseTimesBySite } from './response-times';

/** Register phase: the citizens' questions' workflow on the Document Service. */
export function registerModeration(strapi: Core.Strapi): void {
  registerQaWorkflow(strapi);
}

/** Bootstrap phase (after ../admin-layout): Vietnamese labels of the moderation fields. */
export async function bootstrapModeration(strapi: Core.Strapi): Promise<void> {
  await labelModerationFields(strapi);
}
