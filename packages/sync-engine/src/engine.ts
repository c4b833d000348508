/**
 * One sync process: build workers, and (one per deployment) the dispatcher and the reconciler.
 * `pnpm sync:worker` runs this; tests and the benchmark call it directly.
 *
 * - PostgreSQL (`database.kind = 'postgres'`): pg-boss queue, state tables, and a session
 *   advisory lock elects the one process that dispatches and reconciles; every process builds.
 *   Run N of these on N machines against one database.
 * - SQLite (`'sqlite'`): the in-process queue, and the state in the CMS's SQLite file (tables
 *   beside its change events, where the CMS's status page reads them); one process.
 */
import pg from 'pg';
import { createContentClient, graphqlEndpoint } from '@pbgdpl/content-client';
import { DISPATCHER_LOCK } from '@pbgdpl/domain';
import {
  buildHandler,
  generatorBuilder,
  removeAbandonedBuilds,
  type SiteBuilder,
  type SiteBuildResult,
} from './build.js';
import { dispatchOnce, type DispatchResult } from './dispatcher.js';
import { postgresEventSource } from './event-source-pg.js';
import { sqliteEventSource } from './event-source-sqlite.js';
import type { EventSource } from './events.js';
import type { Logger } from './log.js';
import { generatorNationalBuilder, type NationalIndexBuilder } from './national-index.js';
import { inProcessQueue } from './queue/in-process.js';
import { pgBossQueue, type PgBossQueueOptions } from './queue/pg-boss.js';
import type { BuildQueue, RetryPolicy } from './queue/types.js';
import { reconcileOnce, type ReconcileResult } from './reconciler.js';
import { registryLoader, type RegistryLoader } from './registry.js';
import type { SyncStateStore } from './state.js';
import { postgresStateStore } from './state-postgres.js';
import { sqliteStateStore } from './state-sqlite.js';
import { publishQueueSnapshots } from './queue/snapshot.js';

/** The CMS's database: the engine reads its change events there and keeps its own state beside them. */
export type SyncDatabase = { kind: 'postgres'; url: string } | { kind: 'sqlite'; file: string };

export interface SyncEngineConfig {
  database: SyncDatabase;
  cmsUrl: string;
  /** Read-only API token: its requests bypass the CMS read cache (see cms read-cache README). */
  token?: string;
  outDir: string;
  /** Batches built at once by this process. Default 1. */
  concurrency?: number;
  /** Sites per generator run. Default 10. */
  batchSize?: number;
  /** Only these site codes are built by this deployment (default: every enabled site). */
  sites?: readonly string[] | null;
  /** Run build workers (default true). */
  work?: boolean;
  /** Take part in the election of the dispatcher/reconciler (default true). */
  lead?: boolean;
  /** Dispatcher pass interval: events within one interval coalesce. Default 1000 ms; 0 = only on demand. */
  dispatchIntervalMs?: number;
  /** Reconciler interval. Default 5 min; 0 = only on demand. */
  reconcileIntervalMs?: number;
  retry?: Partial<RetryPolicy>;
  pgBoss?: Pick<
    PgBossQueueOptions,
    'heartbeatSeconds' | 'superviseIntervalSeconds' | 'pollingIntervalSeconds' | 'schema'
  >;
  /** Replace the generator (unit tests). */
  builder?: SiteBuilder;
  /**
   * The clock builds take their date from: the generator's build date (asOf, which decides the
   * "newly effective" C-1 list) is `todayInVietnam(now())` and dialogues' phase is `now()`, read
   * when a batch starts. Default real time; tests and drills drive it (a date flip without
   * waiting for midnight). Only the builds' date: queue timing, gaps and recorded build times
   * stay on real time. Unused when `builder` replaces the generator.
   */
  now?: () => Date;
  /**
   * Builds the shared national search bundle (ADR 0004, strategy E; national-index.ts). Default:
   * the generator's, unless `builder` replaces the generator; null: no national-index jobs.
   */
  nationalBuilder?: NationalIndexBuilder | null;
  log: Logger;
  onSite?: (result: SiteBuildResult, durationMs: number) => void;
}

export interface SyncEngine {
  queue: BuildQueue;
  state: SyncStateStore;
  events: EventSource;
  registry: RegistryLoader;
  /** One dispatcher pass now (whether or not this process leads). */
  dispatch(): Promise<DispatchResult>;
  reconcile(): Promise<ReconcileResult>;
  isLeader(): boolean;
  /** Graceful: running batches finish (up to timeoutMs), then everything closes. */
  stop(options?: { graceful?: boolean; timeoutMs?: number }): Promise<void>;
}

export async function startSyncEngine(config: SyncEngineConfig): Promise<SyncEngine> {
  const { log } = config;
  let pool: pg.Pool | null = null;
  let lockClient: pg.Client | null = null;
  let events: EventSource;
  let state: SyncStateStore;
  let queue: BuildQueue;
  if (config.database.kind === 'postgres') {
    pool = new pg.Pool({ connectionString: config.database.url, max: 4 });
    events = postgresEventSource(pool);
    state = await postgresStateStore(pool);
    queue = pgBossQueue({
      connectionString: config.database.url,
      ...config.retry,
      ...config.pgBoss,
      onError: (error) => log('warn', 'queue error', { error: error.message }),
    });
  } else {
    events = sqliteEventSource(config.database.file);
    state = sqliteStateStore(config.database.file);
    queue = inProcessQueue({ ...config.retry });
  }
  await queue.start();

  const client = createContentClient({
    endpoint: graphqlEndpoint(config.cmsUrl),
    ...(config.token ? { token: config.token } : {}),
  });
  const registry = registryLoader(client);
  const sites = config.sites ? new Set(config.sites) : null;
  const nationalBuilder =
    config.nationalBuilder !== undefined
      ? config.nationalBuilder
      : config.builder
        ? null
        : generatorNationalBuilder({
            cmsUrl: config.cmsUrl,
            ...(config.token ? { token: config.token } : {}),
          });
  const deps = { events, state, queue, registry, log, sites, nationalIndex: nationalBuilder !== null };

  for (const name of removeAbandonedBuilds(config.outDir))
    log('warn', 'removed abandoned build folder', { name });

  if (config.work !== false) {
    await queue.work(
      { concurrency: config.concurrency ?? 1, batchSize: config.batchSize ?? 10 },
      buildHandler({
        events,
        state,
        outDir: config.outDir,
        log,
        builder:
          config.builder ??
          generatorBuilder({
            cmsUrl: config.cmsUrl,
            ...(config.token ? { token: config.token } : {}),
            ...(config.now ? { now: config.now } : {}),
          }),
        nationalBuilder,
        ...(config.onSite ? { onSite: config.onSite } : {}),
      }),
    );
  }

  // The in-process queue lives in this process: its counts go where other processes read them.
  const stopPublishing =
    queue.kind === 'in-process'
      ? publishQueueSnapshots(queue, state, (error) =>
          log('warn', 'queue snapshot not recorded', { error: error.message }),
        )
      : async () => undefined;

  let leader = false;
  const tryLead = async () => {
    if (leader || config.lead === false) return leader;
    if (!pool) return (leader = true);
    if (!lockClient) {
      lockClient = new pg.Client({ connectionString: (config.database as { url: string }).url });
      lockClient.on('error', () => {
        leader = false;
        lockClient = null;
      });
      await lockClient.connect();
    }
    const { rows } = await lockClient.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_lock($1) AS locked',
      [DISPATCHER_LOCK],
    );
    leader = rows[0]?.locked === true;
    if (leader) log('info', 'leading: this process dispatches and reconciles');
    return leader;
  };

  const timers: NodeJS.Timeout[] = [];
  let passes = Promise.resolve();
  const every = (ms: number | undefined, fallback: number, task: () => Promise<unknown>, name: string) => {
    const interval = ms ?? fallback;
    if (interval <= 0) return;
    let running = false;
    timers.push(
      setInterval(() => {
        if (running) return;
        running = true;
        passes = (async () => {
          try {
            if (await tryLead()) await task();
          } catch (error) {
            log('error', `${name} failed`, { error: (error as Error).message });
          } finally {
            running = false;
          }
        })();
      }, interval),
    );
  };
  every(config.dispatchIntervalMs, 1000, () => dispatchOnce(deps), 'dispatch');
  every(config.reconcileIntervalMs, 300_000, () => reconcileOnce(deps), 'reconcile');

  return {
    queue,
    state,
    events,
    registry,
    dispatch: () => dispatchOnce(deps),
    reconcile: () => reconcileOnce(deps),
    isLeader: () => leader,
    async stop(options = {}) {
      for (const timer of timers) clearInterval(timer);
      await passes.catch(() => undefined);
      await queue.stop({ graceful: options.graceful ?? true, timeoutMs: options.timeoutMs ?? 120_000 });
      await stopPublishing();
      await lockClient?.end().catch(() => undefined);
      await events.close();
      await state.close();
      await pool?.end();
    },
  };
}
