/**
 * The build queue: one coalesced job per site. Two adapters share this interface — pg-boss on
 * PostgreSQL (production: any number of worker processes on any number of machines) and an
 * in-process runner (the SQLite quick start and unit tests).
 *
 * Coalescing: at most one *waiting* job per site. A site asked for again while a job waits is
 * not queued twice (the waiting job will read the newest content when it starts); a site asked
 * for while its job runs gets one waiting job, which starts after the running one ends. So ten
 * edits in a second make one or two builds of each affected site, never ten.
 */
export interface BuildJobData {
  site: string;
  /** Highest content version among the events that asked for this build (for logs and skipping). */
  version: number;
  reason: string;
  /** Taken before waiting jobs of a lower priority (default 0): the national bundle goes first. */
  priority?: number;
}

export interface BuildJob {
  id: string;
  data: BuildJobData;
  /** 0 on the first attempt. */
  retryCount: number;
}

export type JobOutcome = { id: string; ok: true } | { id: string; ok: false; error: string };

export interface WorkOptions {
  /** Batches built at the same time by this process. */
  concurrency: number;
  /** Jobs (sites) taken at once and built in one generator run. */
  batchSize: number;
}

export interface QueueCounts {
  /** Waiting to start (including retries waiting for their delay). */
  queued: number;
  active: number;
  /** Failed after every retry: visible to operators, repaired by hand or by the reconciler. */
  deadLetters: number;
}

export interface DeadLetter {
  site: string;
  error: string | null;
  failedAt: Date | null;
}

export interface BuildQueue {
  readonly kind: 'pg-boss' | 'in-process';
  start(): Promise<void>;
  /** Asks for a build of `data.site`; false when a waiting job already covers it. */
  enqueue(data: BuildJobData): Promise<boolean>;
  /** Several at once, in one statement where the queue can (so one batch can take them all); returns how many were new. */
  enqueueMany(data: readonly BuildJobData[]): Promise<number>;
  /** Starts taking jobs; each batch's outcomes settle its jobs one by one (failed ones are retried). */
  work(options: WorkOptions, handler: (jobs: BuildJob[]) => Promise<JobOutcome[]>): Promise<void>;
  counts(): Promise<QueueCounts>;
  deadLetters(limit?: number): Promise<DeadLetter[]>;
  /** Stops taking jobs; with `graceful`, waits up to `timeoutMs` for running batches to finish. */
  stop(options?: { graceful?: boolean; timeoutMs?: number }): Promise<void>;
}

export interface RetryPolicy {
  /** Retries after the first attempt. Default 3. */
  retryLimit: number;
  /** First retry delay (s); doubles each retry. Default 5. */
  retryDelaySeconds: number;
  /** Cap on the delay (s). Default 300. */
  retryDelayMaxSeconds: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retryLimit: 3, retryDelaySeconds: 5, retryDelayMaxSeconds: 300 };
