import type { Core } from '@strapi/strapi';
import { CONTENT_TYPES } from '../../content-types';

/**
 * Fields that must never leave the admin: askers' contact data, the workflow's internals and
 * reporters' keys. Strapi keeps `private` attributes out of REST and GraphQL answers and out of
 * webhook payloads; this check makes the CMS refuse to boot if a schema change ever drops the
 * flag, rather than publish someone's phone number.
 */
export const MUST_BE_PRIVATE: Record<string, readonly string[]> = {
  [CONTENT_TYPES.qa]: [
    'askerName',
    'askerEmail',
    'askerPhone',
    'consentToPublish',
    'trackingCode',
    'rejectionReason',
    'internalNote',
    'assigneeEmail',
    'forwardTo',
    'forwardedFrom',
    'forwardedAt',
    'respondedAt',
  ],
  [CONTENT_TYPES.report]: ['trackingCode', 'reporterKey', 'resolutionNote'],
};

/** @throws Error naming the type and fields that are not private. */
export function assertPrivateFields(strapi: Core.Strapi): void {
  const exposed: string[] = [];
  for (const [uid, fields] of Object.entries(MUST_BE_PRIVATE)) {
    const attributes = strapi.contentTypes[uid as keyof typeof strapi.contentTypes]?.attributes as
      Record<string, { private?: boolean }> | undefined;
    if (!attributes) continue;
    for (const field of fields)
      if (attributes[field] && attributes[field]!.private !== true) exposed.push(`${uid}.${field}`);
  }
  if (exposed.length > 0)
    throw new Error(
      `privacy: these fields must be "private": true in their schema.json, or they reach public APIs: ${exposed.join(', ')}`,
    );
}
