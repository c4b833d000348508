import type { Core } from '@strapi/strapi';
import { syncHealth } from '../../../extensions/observability';

/**
 * Liveness and readiness in one answer: 200 when the database answers, 503 when it does not.
 * It names no software, version or database engine: the answer is public, and such names only
 * tell an attacker which published vulnerabilities to try.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async check(ctx: { status: number; body: unknown; get: (header: string) => string }) {
    const started = Date.now();
    let database: 'ok' | 'unavailable' = 'ok';
    try {
      await strapi.db.connection.raw('select 1');
    } catch (error) {
      database = 'unavailable';
      strapi.log.error(`health: database check failed (${(error as Error).name})`);
    }
    ctx.status = database === 'ok' ? 200 : 503;
    ctx.body = {
      status: database === 'ok' ? 'ok' : 'degraded',
      database,
      uptimeSeconds: Math.round(process.uptime()),
      // The sync engine's workers and dispatcher (details for operators only): observability/health.ts.
      ...(database === 'ok' ? { sync: await syncHealth(strapi, ctx.get('Authorization')) } : {}),
      checkedInMs: Date.now() - started,
    };
  },
});
