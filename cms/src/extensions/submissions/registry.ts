import type { Core } from '@strapi/strapi';
import { originPolicy, type OriginPolicy } from '@pbgdpl/domain';
import type { SubmissionSettings } from './settings';
import { CONTENT_TYPES } from '../../content-types';

const SITE = CONTENT_TYPES.site;

export interface RegistrySite {
  id: number;
  documentId: string;
  code: string;
  name: string;
  basePath: string;
  baseUrl: string | null;
  enabled: boolean;
}

interface Snapshot {
  loadedAt: number;
  byCode: Map<string, RegistrySite>;
  policy: OriginPolicy;
}

/** Sites change rarely; other CMS processes see a change within this time. */
const MAX_AGE_MS = 30_000;

let current: Snapshot | null = null;
let loading: Promise<Snapshot> | null = null;

/**
 * The registered sites and the origin policy they give, from memory (reloaded every 30 s, and
 * at once in this process when a site is written). Every form request needs it; 3,400 sites are
 * a few hundred kilobytes.
 */
export async function siteRegistry(strapi: Core.Strapi, settings: SubmissionSettings): Promise<Snapshot> {
  if (current && Date.now() - current.loadedAt < MAX_AGE_MS) return current;
  loading ??= load(strapi, settings).finally(() => {
    loading = null;
  });
  current = await loading;
  return current;
}

/** Forget the snapshot (a site was written in this process). */
export function forgetSiteRegistry(): void {
  current = null;
}

/** Forget the snapshot whenever a site is created, changed or removed here. */
export function watchSiteRegistry(strapi: Core.Strapi): void {
  strapi.db.lifecycles.subscribe({
    models: [SITE],
    afterCreate: forgetSiteRegistry,
    afterUpdate: forgetSiteRegistry,
    afterUpdateMany: forgetSiteRegistry,
    afterDelete: forgetSiteRegistry,
    afterDeleteMany: forgetSiteRegistry,
  });
}

async function load(strapi: Core.Strapi, settings: SubmissionSettings): Promise<Snapshot> {
  const rows = (await strapi.db.query(SITE).findMany({
    select: ['id', 'documentId', 'code', 'name', 'basePath', 'baseUrl', 'enabled'],
  })) as RegistrySite[];
  const byCode = new Map(rows.map((row) => [row.code, { ...row, enabled: row.enabled !== false }]));
  const policy = originPolicy(
    rows.filter((row) => row.enabled !== false),
    { sitesUrl: settings.sitesUrl, extraOrigins: settings.extraOrigins },
  );
  return { loadedAt: Date.now(), byCode, policy };
}
