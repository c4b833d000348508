import type { Core } from '@strapi/strapi';
import { registerFingerprintClaim } from './claim';
import { surviveDatabaseRestarts } from './process-guard';
import { watchSiteRegistry } from './registry';
import { guardSubmissionRoutes } from './route-guard';
import { readSubmissionSettings, type SubmissionSettings } from './settings';
import { ensureSubmissionTables, pruneSubmissionTables } from './store';
import { CONTENT_TYPES } from '../../content-types';

export { SubmissionRejected, REJECT } from './rejection';
export type { SubmissionSettings } from './settings';

let settings: SubmissionSettings | null = null;

/** The live settings (read at register; tests and the benchmark change them in place). */
export function submissionSettings(): SubmissionSettings {
  settings ??= readSubmissionSettings();
  return settings;
}

/**
 * Register phase: read the settings (a bad one stops the boot with the variable's name), put
 * the route guard in front of Strapi's middlewares, claim duplicate fingerprints inside the
 * write's transaction, keep the process alive when PostgreSQL restarts, keep the report type
 * out of GraphQL.
 */
export function registerSubmissions(strapi: Core.Strapi): void {
  settings = readSubmissionSettings();
  guardSubmissionRoutes(strapi, submissionSettings);
  registerFingerprintClaim(strapi);
  surviveDatabaseRestarts(strapi);
  const graphql = strapi.plugin('graphql')?.service('extension') as
    { shadowCRUD: (uid: string) => { disable: () => void } } | undefined;
  graphql?.shadowCRUD(CONTENT_TYPES.report).disable();
}

/** Bootstrap phase: the counter tables, the registry watch, the hourly clean-up. */
export async function bootstrapSubmissions(strapi: Core.Strapi): Promise<void> {
  await ensureSubmissionTables(strapi);
  watchSiteRegistry(strapi);
  strapi.cron.add({
    pruneSubmissionCounters: {
      task: async () => {
        const removed = await pruneSubmissionTables(strapi, new Date());
        if (removed > 0) strapi.log.info(`submissions: pruned ${removed} expired counters and fingerprints`);
      },
      options: { rule: '0 17 * * * *' },
    },
  });
}
