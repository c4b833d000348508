/**
 * What the CMS can see of the sync engine from its database, without the engine running: the
 * tables the workers write (`pbgdpl_sync_sites`, `pbgdpl_sync_cursor` — on PostgreSQL and in the
 * SQLite file alike — and, on PostgreSQL, pg-boss's `pgboss.job` and `pgboss.instance`) and the
 * dispatcher's advisory lock. Names, queries and the rule of a stale or failing site are the
 * contract of `@pbgdpl/domain` (src/sync/) that the admin's status page and the engine use too.
 */
import type { Core } from '@strapi/strapi';
import {
  BUILD_QUEUE,
  DEAD_LETTER_QUEUE,
  DISPATCHER_LOCK,
  PG_BOSS_SCHEMA,
  SYNC_TABLES,
  hasTable as hasSyncTable,
  isSiteFailing,
  isSiteStale,
  readDispatchCursor,
  readSiteStates,
} from '@pbgdpl/domain';
import { CHANGE_EVENTS_TABLE } from '../change-capture';
import { syncReader } from '../change-capture/sync-reader';

const OUTBOX_TABLE = 'pbgdpl_email_outbox';

type Row = Record<string, unknown>;

async function rows(strapi: Core.Strapi, sql: string, bindings: unknown[] = []): Promise<Row[]> {
  const result = (await strapi.db.connection.raw(sql, bindings as never)) as { rows?: Row[] } | Row[];
  return Array.isArray(result) ? result : (result.rows ?? []);
}

const isPostgres = (strapi: Core.Strapi) => strapi.db.dialect.client === 'postgres';
const hasTable = (strapi: Core.Strapi, name: string) => strapi.db.connection.schema.hasTable(name);

async function hasPgBoss(strapi: Core.Strapi, table: 'job' | 'instance'): Promise<boolean> {
  if (!isPostgres(strapi)) return false;
  return hasSyncTable(syncReader(strapi), `${PG_BOSS_SCHEMA}.${table}`);
}

/** Change events the dispatcher has not passed yet, and how old the oldest is. */
export async function undispatchedEvents(
  strapi: Core.Strapi,
): Promise<{ count: number; oldestAgeSeconds: number }> {
  const knex = strapi.db.connection;
  const after = Math.max(0, (await readDispatchCursor(syncReader(strapi)))?.eventId ?? 0);
  const row = (await knex(CHANGE_EVENTS_TABLE)
    .where('id', '>', after)
    .count('id as count')
    .min('occurred_at as oldest')
    .first()) as Row | undefined;
  const oldest = row?.oldest ? new Date(row.oldest as string | number).getTime() : null;
  return {
    count: Number(row?.count ?? 0),
    oldestAgeSeconds: oldest === null ? 0 : Math.max(0, (Date.now() - oldest) / 1000),
  };
}

/** Email messages by status (pending, sending, sent, failed). */
export async function emailOutbox(strapi: Core.Strapi): Promise<Record<string, number>> {
  if (!(await hasTable(strapi, OUTBOX_TABLE))) return {};
  const counts = (await strapi.db
    .connection(OUTBOX_TABLE)
    .select('status')
    .count('id as n')
    .groupBy('status')) as Row[];
  return Object.fromEntries(counts.map((r) => [String(r.status), Number(r.n)]));
}

export interface SiteReading {
  site: string;
  builtAt: Date | null;
  durationMs: number | null;
  stale: boolean;
  failing: boolean;
}

/** Each site's last release (when, how long it took), whether a newer change waits, whether its last build failed. */
export async function siteReadings(strapi: Core.Strapi): Promise<SiteReading[]> {
  return (await readSiteStates(syncReader(strapi))).map((s) => ({
    site: s.site,
    builtAt: s.builtAt,
    durationMs: s.durationMs,
    stale: isSiteStale(s),
    failing: isSiteFailing(s),
  }));
}

/** Build jobs waiting or running per site, and dead-letter jobs (pg-boss; empty without it). */
export async function queueReadings(
  strapi: Core.Strapi,
): Promise<{ bySite: Array<{ site: string; state: string; jobs: number }>; deadLetters: number }> {
  if (!(await hasPgBoss(strapi, 'job'))) return { bySite: [], deadLetters: 0 };
  const bySite = await rows(
    strapi,
    `SELECT singleton_key AS site, state, count(*)::int AS jobs FROM ${PG_BOSS_SCHEMA}.job
      WHERE name = ? AND state IN ('created', 'retry', 'active') GROUP BY singleton_key, state`,
    [BUILD_QUEUE],
  );
  const dead = await rows(
    strapi,
    `SELECT count(*)::int AS jobs FROM ${PG_BOSS_SCHEMA}.job WHERE name = ? AND state IN ('created', 'retry', 'active')`,
    [DEAD_LETTER_QUEUE],
  );
  return {
    bySite: bySite.map((r) => ({ site: String(r.site ?? ''), state: String(r.state), jobs: Number(r.jobs) })),
    deadLetters: Number(dead[0]?.jobs ?? 0),
  };
}

export interface WorkerReading {
  /** Whether the sync engine has ever run against this database (its tables exist). */
  deployed: boolean;
  /** pg-boss instances (one per worker process) whose heartbeat is recent and that did not stop. */
  liveWorkers: number;
  lastHeartbeatAt: string | null;
  /** Whether a process holds the dispatcher's advisory lock now. */
  dispatcherLive: boolean;
  lastBuildAt: string | null;
}

/** Whether workers and a dispatcher are alive, from pg-boss's instance registry and the advisory lock. */
export async function workerReading(strapi: Core.Strapi): Promise<WorkerReading> {
  const deployed = await hasTable(strapi, SYNC_TABLES.sites);
  const reading: WorkerReading = {
    deployed,
    liveWorkers: 0,
    lastHeartbeatAt: null,
    dispatcherLive: false,
    lastBuildAt: null,
  };
  if (!deployed) return reading;
  const built = (await strapi.db.connection(SYNC_TABLES.sites).max('built_at as last').first()) as
    Row | undefined;
  reading.lastBuildAt = built?.last ? new Date(built.last as string | number).toISOString() : null;
  if (await hasPgBoss(strapi, 'instance')) {
    // pg-boss's own definition of a live instance: not stopped, a heartbeat within 3 beats.
    const [instances] = await rows(
      strapi,
      `SELECT count(*) FILTER (WHERE stopped_on IS NULL
                AND heartbeat_on >= now() - heartbeat_seconds * 3 * interval '1 second')::int AS live,
              max(heartbeat_on) AS last
         FROM ${PG_BOSS_SCHEMA}.instance`,
    );
    reading.liveWorkers = Number(instances?.live ?? 0);
    reading.lastHeartbeatAt = instances?.last ? new Date(instances.last as string).toISOString() : null;
  }
  if (isPostgres(strapi)) {
    const [lock] = await rows(
      strapi,
      `SELECT count(*)::int AS held FROM pg_locks
        WHERE locktype = 'advisory' AND granted AND classid = 0 AND objid = ? AND objsubid = 1
          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      [DISPATCHER_LOCK],
    );
    reading.dispatcherLive = Number(lock?.held ?? 0) > 0;
  }
  return reading;
}
