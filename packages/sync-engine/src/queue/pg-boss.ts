/**
 * The production queue: pg-boss on the CMS's PostgreSQL (its own schema, `pgboss` by default).
 * Any number of `pnpm sync:worker` processes on any number of machines take jobs from it.
 *
 * - Queue `pbgdpl-site-build`, policy `stately` with the site code as singleton key: at most
 *   one waiting and one running job per site (see types.ts on coalescing).
 * - Retries with exponential backoff, then the job moves to `pbgdpl-site-build-dead`, where
 *   operators see it (`pnpm sync:status`).
 * - Heartbeats: a worker that dies (killed, machine lost) stops beating, and its job is retried
 *   by another worker after `heartbeatSeconds`.
 */
import pg from 'pg';
import type { PgBoss } from 'pg-boss';
import { BUILD_QUEUE, DEAD_LETTER_QUEUE, PG_BOSS_SCHEMA } from '@pbgdpl/domain';
import {
  DEFAULT_RETRY,
  type BuildJob,
  type BuildJobData,
  type BuildQueue,
  type DeadLetter,
  type RetryPolicy,
} from './types.js';

export { BUILD_QUEUE, DEAD_LETTER_QUEUE };

export interface PgBossQueueOptions extends Partial<RetryPolicy> {
  connectionString: string;
  /** Schema for pg-boss's tables. Default `pgboss`. */
  schema?: string;
  /** Missed-heartbeat window before a running job is retried elsewhere (≥ 10). Default 30. */
  heartbeatSeconds?: number;
  /** How often pg-boss supervises jobs (s). Default 10. */
  superviseIntervalSeconds?: number;
  /** How often idle workers poll (s). Default 1. */
  pollingIntervalSeconds?: number;
  onError?: (error: Error) => void;
}

export function pgBossQueue(options: PgBossQueueOptions): BuildQueue {
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...options };
  const supervise = options.superviseIntervalSeconds ?? 10;
  // Loaded when started: pg-boss is ESM only, and the SQLite mode (and Jest) never needs it.
  let instance: PgBoss | null = null;
  const started = () => {
    if (!instance) throw new Error('The pg-boss queue is not started: call start() first.');
    return instance;
  };
  const workerIds: string[] = [];
  const schema = options.schema ?? PG_BOSS_SCHEMA;
  // Counts come from the job table itself: pg-boss's getQueue() counts are a cache refreshed by
  // its monitor, and stay stale after the last worker stops.
  let countPool: pg.Pool | null = null;

  return {
    kind: 'pg-boss',
    async start() {
      const { PgBoss } = await import('pg-boss');
      instance = new PgBoss({
        connectionString: options.connectionString,
        schema,
        superviseIntervalSeconds: supervise,
        monitorIntervalSeconds: supervise,
        schedule: false,
      });
      const boss = instance;
      boss.on('error', (error: Error) => options.onError?.(error));
      await boss.start();
      for (const [name, extra] of [
        [DEAD_LETTER_QUEUE, {}],
        [BUILD_QUEUE, { deadLetter: DEAD_LETTER_QUEUE }],
      ] as const) {
        if (await boss.getQueue(name)) continue;
        await boss.createQueue(name, {
          policy: name === BUILD_QUEUE ? 'stately' : 'standard',
          retryLimit: retry.retryLimit,
          retryDelay: retry.retryDelaySeconds,
          retryBackoff: true,
          retryDelayMax: retry.retryDelayMaxSeconds,
          heartbeatSeconds: options.heartbeatSeconds ?? 30,
          ...extra,
        });
      }
    },
    async enqueue(data: BuildJobData) {
      const boss = started();
      const id = await boss.send(
        BUILD_QUEUE,
        { ...data },
        { singletonKey: data.site, priority: data.priority ?? 0 },
      );
      return id !== null;
    },
    async enqueueMany(list: readonly BuildJobData[]) {
      const boss = started();
      if (list.length === 0) return 0;
      const ids = await boss.insert(
        BUILD_QUEUE,
        list.map((data) => ({ data: { ...data }, singletonKey: data.site, priority: data.priority ?? 0 })),
        { returnId: true },
      );
      return ids?.length ?? 0;
    },
    async work(work, handler) {
      const boss = started();
      for (let i = 0; i < work.concurrency; i += 1) {
        workerIds.push(
          await boss.work<BuildJobData>(
            BUILD_QUEUE,
            {
              batchSize: work.batchSize,
              perJobResults: true,
              pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1,
            },
            async (jobs) => {
              const buildJobs: BuildJob[] = jobs.map((j) => ({
                id: j.id,
                data: j.data,
                retryCount: j.retryCount,
              }));
              const outcomes = await handler(buildJobs);
              return buildJobs.map((job) => {
                const outcome = outcomes.find((o) => o.id === job.id);
                return outcome?.ok
                  ? { id: job.id, status: 'completed' as const }
                  : {
                      id: job.id,
                      status: 'failed' as const,
                      output: { message: outcome && !outcome.ok ? outcome.error : 'no outcome reported' },
                    };
              });
            },
          ),
        );
      }
    },
    async counts() {
      started();
      countPool ??= new pg.Pool({ connectionString: options.connectionString, max: 1 });
      const { rows } = await countPool.query<{ name: string; state: string; jobs: number }>(
        `SELECT name, state, count(*)::int AS jobs FROM ${schema}.job
         WHERE name = ANY($1) AND state IN ('created', 'retry', 'active') GROUP BY name, state`,
        [[BUILD_QUEUE, DEAD_LETTER_QUEUE]],
      );
      const sum = (name: string, states: string[]) =>
        rows.filter((r) => r.name === name && states.includes(r.state)).reduce((n, r) => n + r.jobs, 0);
      return {
        queued: sum(BUILD_QUEUE, ['created', 'retry']),
        active: sum(BUILD_QUEUE, ['active']),
        deadLetters: sum(DEAD_LETTER_QUEUE, ['created', 'retry', 'active']),
      };
    },
    async deadLetters(limit = 100): Promise<DeadLetter[]> {
      const boss = started();
      const jobs = await boss.findJobs<BuildJobData>(DEAD_LETTER_QUEUE, { queued: true, limit });
      return jobs.map((job) => {
        const output = (job as { output?: { message?: string } }).output;
        return {
          site: job.data.site,
          error: output?.message ?? null,
          failedAt: (job as { createdOn?: Date }).createdOn ?? null,
        };
      });
    },
    async stop(stop = {}) {
      const boss = started();
      await countPool?.end().catch(() => undefined);
      countPool = null;
      await boss.stop({ graceful: stop.graceful ?? true, timeout: stop.timeoutMs ?? 60_000, close: true });
    },
  };
}
