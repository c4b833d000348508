import type { Core } from '@strapi/strapi';
import { workerReading, type WorkerReading } from '../../../extensions/observability';

/** A worker or dispatcher not seen for this long is reported as not running. */
const SEEN_RECENTLY_MS = 5 * 60 * 1000;

/**
 * Liveness and readiness in one answer: 200 when the database answers, 503 when it does not.
 * `sync` says, when the sync engine's tables exist, whether workers and the dispatcher are alive
 * (it never turns the answer into a 503: the CMS serves editors and citizens without them).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async check(ctx: { status: number; body: unknown }) {
    const started = Date.now();
    let database: 'ok' | 'unavailable' = 'ok';
    try {
      await strapi.db.connection.raw('select 1');
    } catch (error) {
      database = 'unavailable';
      strapi.log.error(`health: database check failed: ${(error as Error).message}`);
    }
    ctx.status = database === 'ok' ? 200 : 503;
    ctx.body = {
      status: database === 'ok' ? 'ok' : 'degraded',
      database,
      databaseClient: strapi.db.dialect.client,
      strapiVersion: strapi.config.get('info.strapi'),
      uptimeSeconds: Math.round(process.uptime()),
      ...(database === 'ok' ? { sync: await syncHealth(strapi) } : {}),
      checkedInMs: Date.now() - started,
    };
  },
});

/**
 * `not-deployed` (no sync tables: SQLite quick start, or no worker ever ran), `ok` (a worker with a
 * recent heartbeat and a dispatcher holding its lock), `no-worker`, `no-dispatcher`; on SQLite the
 * in-process engine leaves no trace here, so only its last build is known.
 */
async function syncHealth(strapi: Core.Strapi): Promise<Record<string, unknown>> {
  let reading: WorkerReading;
  try {
    reading = await workerReading(strapi);
  } catch (error) {
    return { status: 'unknown', error: (error as Error).message };
  }
  if (!reading.deployed) return { status: 'not-deployed' };
  const heartbeatRecent =
    reading.lastHeartbeatAt !== null && Date.now() - Date.parse(reading.lastHeartbeatAt) < SEEN_RECENTLY_MS;
  const status =
    strapi.db.dialect.client !== 'postgres'
      ? 'unknown'
      : reading.liveWorkers === 0 || !heartbeatRecent
        ? 'no-worker'
        : reading.dispatcherLive
          ? 'ok'
          : 'no-dispatcher';
  return { status, ...reading };
}
