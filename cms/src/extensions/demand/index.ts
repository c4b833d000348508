import type { Core } from '@strapi/strapi';
import { addDays, todayInVietnam } from '@pbgdpl/domain';
import { installSearchBeacon } from './beacon';
import { readDemandSettings, type DemandSettings } from './settings';
import { ensureDemandTable, pruneDemand } from './store';
import { registerDemandSummaryRoute } from './summary-route';
import { VisitorMemory } from './visitor-memory';

export { demandSummary, type DemandSummary } from './summary';
export { DEMAND_SEARCHES } from './store';
export type { DemandSettings } from './settings';

let settings: DemandSettings | null = null;

/** The live settings (read at register; tests change them in place). */
export function demandSettings(): DemandSettings {
  settings ??= readDemandSettings();
  return settings;
}

/**
 * Register phase: read the settings (a bad one stops the boot with the variable's name) and put
 * the search beacon ahead of Strapi's middlewares, so its requests touch nothing but the counter.
 */
export function registerDemand(strapi: Core.Strapi): void {
  settings = readDemandSettings();
  installSearchBeacon(strapi, demandSettings, new VisitorMemory(demandSettings));
}

/** Bootstrap phase: the counter table, the administrators' summary route, the nightly clean-up. */
export async function bootstrapDemand(strapi: Core.Strapi): Promise<void> {
  await ensureDemandTable(strapi);
  registerDemandSummaryRoute(strapi, demandSettings);
  strapi.cron.add({
    pruneDemandCounters: {
      task: async () => {
        const oldest = addDays(todayInVietnam(new Date()), -demandSettings().retentionDays);
        const removed = await pruneDemand(strapi, oldest);
        if (removed > 0) strapi.log.info(`demand: removed ${removed} search counters before ${oldest}`);
      },
      options: { rule: '0 35 2 * * *', tz: 'Asia/Ho_Chi_Minh' },
    },
  });
}
