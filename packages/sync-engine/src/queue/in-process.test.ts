import { inProcessQueue } from './in-process.js';
import type { BuildJob, JobOutcome } from './types.js';

const until = async (check: () => boolean | Promise<boolean>) => {
  for (let i = 0; i < 500 && !(await check()); i += 1) await new Promise((r) => setTimeout(r, 5));
};

test('ten requests for one site while none runs make one job', async () => {
  const queue = inProcessQueue({ pollMs: 5 });
  const created = [];
  for (let i = 0; i < 10; i += 1)
    created.push(await queue.enqueue({ site: 'ha-noi', version: i, reason: 'edit' }));
  expect(created.filter(Boolean)).toHaveLength(1);
  const seen: BuildJob[][] = [];
  await queue.work({ concurrency: 1, batchSize: 5 }, async (jobs) => {
    seen.push(jobs);
    return jobs.map((j) => ({ id: j.id, ok: true }));
  });
  await until(async () => seen.length === 1 && (await queue.counts()).active === 0);
  await queue.stop();
  expect(seen).toHaveLength(1);
  expect(seen[0]![0]!.data).toMatchObject({ site: 'ha-noi', version: 9 });
});

test('a request while its site builds waits for that build, and runs once after it', async () => {
  const queue = inProcessQueue({ pollMs: 5 });
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const runs: string[] = [];
  await queue.work({ concurrency: 2, batchSize: 1 }, async (jobs) => {
    runs.push(jobs[0]!.id);
    if (runs.length === 1) await gate;
    return jobs.map((j) => ({ id: j.id, ok: true }));
  });
  await queue.enqueue({ site: 'ha-noi', version: 1, reason: 'first' });
  await until(async () => (await queue.counts()).active === 1);
  expect(await queue.enqueue({ site: 'ha-noi', version: 2, reason: 'second' })).toBe(true);
  expect(await queue.enqueue({ site: 'ha-noi', version: 3, reason: 'third' })).toBe(false);
  expect(runs).toHaveLength(1);
  release();
  await until(() => runs.length === 2);
  await queue.stop();
  expect(runs).toHaveLength(2);
});

test('a failing site is retried with backoff, then dead-lettered and visible', async () => {
  let clock = 0;
  const queue = inProcessQueue({ pollMs: 5, retryLimit: 2, retryDelaySeconds: 10, now: () => clock });
  const attempts: number[] = [];
  await queue.work({ concurrency: 1, batchSize: 1 }, async (jobs): Promise<JobOutcome[]> => {
    attempts.push(jobs[0]!.retryCount);
    return jobs.map((j) => ({ id: j.id, ok: false, error: 'Astro build failed' }));
  });
  await queue.enqueue({ site: 'ha-noi', version: 1, reason: 'edit' });
  await until(() => attempts.length === 1);
  expect((await queue.counts()).queued).toBe(1);
  clock += 9_000;
  await new Promise((r) => setTimeout(r, 30));
  expect(attempts).toEqual([0]);
  clock += 1_000;
  await until(() => attempts.length === 2);
  clock += 20_000;
  await until(() => attempts.length === 3);
  await until(async () => (await queue.counts()).deadLetters === 1);
  await queue.stop();
  expect(attempts).toEqual([0, 1, 2]);
  expect(await queue.deadLetters()).toEqual([
    expect.objectContaining({ site: 'ha-noi', error: 'Astro build failed' }),
  ]);
});

test('a graceful stop lets the running batch finish', async () => {
  const queue = inProcessQueue({ pollMs: 5 });
  let finished = false;
  await queue.work({ concurrency: 1, batchSize: 1 }, async (jobs) => {
    await new Promise((r) => setTimeout(r, 50));
    finished = true;
    return jobs.map((j) => ({ id: j.id, ok: true }));
  });
  await queue.enqueue({ site: 'ha-noi', version: 1, reason: 'edit' });
  await until(async () => (await queue.counts()).active === 1);
  await queue.stop({ graceful: true });
  expect(finished).toBe(true);
});

test('a graceful stop with a deadline leaves no timer behind once the loops are done (the process can exit)', async () => {
  const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
  const queue = inProcessQueue({ pollMs: 5 });
  const before = timers();
  await queue.work({ concurrency: 1, batchSize: 1 }, async (jobs) =>
    jobs.map((j) => ({ id: j.id, ok: true })),
  );
  await queue.enqueue({ site: 'ha-noi', version: 1, reason: 'edit' });
  await until(async () => (await queue.counts()).queued === 0 && (await queue.counts()).active === 0);
  await queue.stop({ timeoutMs: 120_000 });
  await new Promise((r) => setImmediate(r));
  expect(timers()).toBeLessThanOrEqual(before);
});
