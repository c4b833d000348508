/**
 * The in-process queue for the SQLite quick start and unit tests: the same coalescing,
 * retries with exponential backoff, dead letters and graceful stop as the pg-boss adapter, in
 * memory. Jobs do not survive the process: the reconciler finds the sites they would have built.
 */
import {
  DEFAULT_RETRY,
  type BuildJob,
  type BuildJobData,
  type BuildQueue,
  type DeadLetter,
  type JobOutcome,
  type QueueCounts,
  type RetryPolicy,
  type WorkOptions,
} from './types.js';

interface Entry {
  job: BuildJob;
  startAfter: number;
}

export interface InProcessQueueOptions extends Partial<RetryPolicy> {
  /** How often idle loops look for work (ms). Default 200. */
  pollMs?: number;
  /** Clock for retry delays (tests). */
  now?: () => number;
}

export function inProcessQueue(options: InProcessQueueOptions = {}): BuildQueue {
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...options };
  const now = options.now ?? Date.now;
  const pollMs = options.pollMs ?? 200;
  const waiting = new Map<string, Entry>();
  const active = new Map<string, BuildJob>();
  const dead: DeadLetter[] = [];
  const loops: Promise<void>[] = [];
  let sequence = 0;
  let stopping = false;
  let wake: (() => void) | null = null;

  const take = (batchSize: number): BuildJob[] => {
    const ready = [...waiting.values()]
      .filter((e) => e.startAfter <= now() && !active.has(e.job.data.site))
      .sort((a, b) => (b.job.data.priority ?? 0) - (a.job.data.priority ?? 0))
      .slice(0, batchSize);
    for (const entry of ready) {
      waiting.delete(entry.job.data.site);
      active.set(entry.job.data.site, entry.job);
    }
    return ready.map((e) => e.job);
  };

  const settle = (job: BuildJob, outcome: JobOutcome | undefined) => {
    active.delete(job.data.site);
    if (outcome?.ok) return;
    const error = outcome && !outcome.ok ? outcome.error : 'no outcome reported for the job';
    if (job.retryCount >= retry.retryLimit) {
      dead.push({ site: job.data.site, error, failedAt: new Date(now()) });
      return;
    }
    // A newer request that arrived meanwhile already waits: it supersedes the retry.
    if (waiting.has(job.data.site)) return;
    const delay = Math.min(retry.retryDelayMaxSeconds, retry.retryDelaySeconds * 2 ** job.retryCount) * 1000;
    waiting.set(job.data.site, {
      job: { ...job, retryCount: job.retryCount + 1 },
      startAfter: now() + delay,
    });
  };

  const idle = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, pollMs);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  return {
    kind: 'in-process',
    async start() {
      stopping = false;
    },
    async enqueue(data: BuildJobData) {
      const current = waiting.get(data.site);
      if (current) {
        current.job.data.version = Math.max(current.job.data.version, data.version);
        return false;
      }
      sequence += 1;
      waiting.set(data.site, {
        job: { id: `job-${sequence}`, data: { ...data }, retryCount: 0 },
        startAfter: 0,
      });
      wake?.();
      return true;
    },
    async enqueueMany(list: readonly BuildJobData[]) {
      let created = 0;
      for (const data of list) if (await this.enqueue(data)) created += 1;
      return created;
    },
    async work(work: WorkOptions, handler) {
      for (let i = 0; i < work.concurrency; i += 1) {
        loops.push(
          (async () => {
            while (!stopping) {
              const jobs = take(work.batchSize);
              if (jobs.length === 0) {
                await idle();
                continue;
              }
              let outcomes: JobOutcome[];
              try {
                outcomes = await handler(jobs);
              } catch (error) {
                outcomes = jobs.map((j) => ({ id: j.id, ok: false, error: (error as Error).message }));
              }
              for (const job of jobs)
                settle(
                  job,
                  outcomes.find((o) => o.id === job.id),
                );
            }
          })(),
        );
      }
    },
    async counts(): Promise<QueueCounts> {
      return { queued: waiting.size, active: active.size, deadLetters: dead.length };
    },
    async deadLetters(limit = 100) {
      return dead.slice(-limit);
    },
    async stop(stop = {}) {
      stopping = true;
      wake?.();
      if (stop.graceful === false) return;
      const all = Promise.all(loops);
      if (!stop.timeoutMs) return void (await all);
      // The deadline is cleared once the loops are done: a pending timer would keep the process
      // alive for the whole timeout after a finished build (`pnpm sync:build`, the demo).
      let deadline: NodeJS.Timeout | undefined;
      await Promise.race([all, new Promise((r) => (deadline = setTimeout(r, stop.timeoutMs)))]);
      clearTimeout(deadline);
    },
  };
}
