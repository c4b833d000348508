import type { Core } from '@strapi/strapi';
import { computeCoverage } from './compute';
import { sendCoverageDigests } from './digest';
import { PublicSummaries, registerCoverageRoutes } from './routes';

export { computeCoverage, coverageRows, enabledSites, type CoverageRun } from './compute';
export { sendCoverageDigests, mondayOf, DASHBOARD_PATH } from './digest';
export { SNAPSHOTS_TABLE } from './snapshots';

let summaries: PublicSummaries | null = null;

/** Bootstrap: the admin routes and the public summary route. */
export function bootstrapCoverage(strapi: Core.Strapi): void {
  summaries = new PublicSummaries(strapi);
  registerCoverageRoutes(strapi, summaries);
}

/**
 * Cron tasks for src/index.ts: the nightly computation at 01:30 Vietnam time (after the validity
 * recompute at 00:05 and the date-driven change events), and the weekly digest on Monday at 07:30.
 */
export function coverageCronTasks(strapi: Core.Strapi) {
  return {
    coverageNightly: {
      task: async () => {
        const run = await computeCoverage(strapi);
        summaries?.invalidate();
        strapi.log.info(`coverage: ${run.sites} sites computed for ${run.day} in ${run.durationMs} ms`);
      },
      options: { rule: '0 30 1 * * *', tz: 'Asia/Ho_Chi_Minh' },
    },
    coverageWeeklyDigest: {
      task: async () => {
        const run = await sendCoverageDigests(strapi);
        strapi.log.info(
          `coverage: weekly digest sent to ${run.sent} of ${run.administrators} unit administrators (${run.skipped} skipped)`,
        );
      },
      options: { rule: '0 30 7 * * 1', tz: 'Asia/Ho_Chi_Minh' },
    },
  };
}
