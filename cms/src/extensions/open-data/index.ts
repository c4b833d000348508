import type { Core } from '@strapi/strapi';
import { exportOpenData } from './export';

export { exportOpenData, keepDaysFromEnv, type ExportOptions, type OpenDataRun } from './export';
export { DATASETS } from './catalogue';
export { OPEN_DATA_LICENCE, OPEN_DATA_SCHEMA_VERSION } from './manifest';

/**
 * Cron task for src/index.ts: the nightly export at 02:15 Vietnam time — after the validity
 * recompute (00:05) and the coverage run (01:30), so the day's files carry the day's validity —
 * into OPEN_DATA_DIR. Without OPEN_DATA_DIR nothing is scheduled (a CMS that does not serve the
 * sites' folder has nowhere to write).
 */
export function openDataCronTasks(strapi: Core.Strapi): Parameters<Core.Strapi['cron']['add']>[0] {
  const outDir = process.env.OPEN_DATA_DIR;
  if (!outDir) return {};
  return {
    openDataNightly: {
      task: async () => {
        try {
          const run = await exportOpenData(strapi, { outDir });
          strapi.log.info(
            `open-data: ${run.records} records, ${(run.bytes / 1_048_576).toFixed(1)} MB for ${run.day} in ${run.durationMs} ms` +
              (run.pruned.days.length ? `; pruned ${run.pruned.days.join(', ')}` : ''),
          );
        } catch (error) {
          // The previous day stays published; tomorrow's run tries again.
          strapi.log.error(`open-data: nightly export failed: ${(error as Error).message}`);
        }
      },
      options: { rule: '0 15 2 * * *', tz: 'Asia/Ho_Chi_Minh' },
    },
  };
}
