/**
 * The in-process queue lives in one process's memory; the CMS's page "Đồng bộ trang" and
 * `pnpm sync:status` run elsewhere. While it works, its counts and dead letters are published to
 * the state store (SQLite: a table beside the sites' state), once a second and only when they
 * changed, so the CMS's database is not written to when nothing moves.
 */
import type { SyncStateStore } from '../state.js';
import type { BuildQueue } from './types.js';

/** Starts publishing; the returned function stops it after one last snapshot. */
export function publishQueueSnapshots(
  queue: BuildQueue,
  state: SyncStateStore,
  onError: (error: Error) => void,
  intervalMs = 1000,
): () => Promise<void> {
  if (!state.recordQueue) return async () => undefined;
  const record = state.recordQueue.bind(state);
  let last = '';
  const publish = async () => {
    const snapshot = { counts: await queue.counts(), deadLetters: await queue.deadLetters(50) };
    const key = JSON.stringify(snapshot);
    if (key === last) return;
    await record(snapshot);
    last = key;
  };
  let running = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(publish).catch(onError);
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
    await publish().catch(onError);
  };
}
