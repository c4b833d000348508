import type { Core } from '@strapi/strapi';
import { guardAdminLogin } from './guard';
import { ACCOUNT_RULE } from './schedule';
import { ensureLoginFailuresTable, pruneFailures } from './store';

export { LOGIN_FAILURES_TABLE } from './store';
export { ACCOUNT_RULE, ADDRESS_RULE, lockSeconds } from './schedule';

/** Register phase: the guard in front of the admin sign-in (guard.ts). */
export function registerLoginBackoff(strapi: Core.Strapi): void {
  guardAdminLogin(strapi);
}

/** Bootstrap phase: the counters' table and its hourly clean-up. */
export async function bootstrapLoginBackoff(strapi: Core.Strapi): Promise<void> {
  await ensureLoginFailuresTable(strapi);
  strapi.cron.add({
    pruneLoginFailures: {
      task: async () => {
        await pruneFailures(strapi, Date.now(), ACCOUNT_RULE.forgetSeconds);
      },
      options: { rule: '0 23 * * * *' },
    },
  });
}
