/** The operator's view: per site the live release, content version, last build, error; the queue. */
import { isSiteStale } from '@pbgdpl/domain';
import type { EventSource } from './events.js';
import type { BuildQueue, DeadLetter, QueueCounts } from './queue/types.js';
import type { SiteState, SyncStateStore } from './state.js';

export interface SyncStatus {
  contentVersion: number;
  queue: QueueCounts;
  deadLetters: DeadLetter[];
  sites: Array<SiteState & { stale: boolean }>;
}

export async function syncStatus(deps: {
  events: EventSource;
  state: SyncStateStore;
  queue: BuildQueue;
}): Promise<SyncStatus> {
  const [contentVersion, queue, deadLetters, sites] = await Promise.all([
    deps.events.contentVersion(),
    deps.queue.counts(),
    deps.queue.deadLetters(50),
    deps.state.sites(),
  ]);
  return {
    contentVersion,
    queue,
    deadLetters,
    sites: sites.map((s) => ({ ...s, stale: isSiteStale(s) })),
  };
}

/** A fixed-width table for terminals. */
export function formatStatus(status: SyncStatus): string {
  const rows = status.sites.map((s) => [
    s.site,
    s.liveRelease ?? '—',
    s.builtVersion === null ? '—' : String(s.builtVersion),
    s.builtAt ? s.builtAt.toISOString().replace('T', ' ').slice(0, 19) : '—',
    s.durationMs === null ? '—' : `${(s.durationMs / 1000).toFixed(1)} s`,
    s.stale ? 'chờ dựng' : 'mới nhất',
    s.lastError ? s.lastError.split('\n')[0]!.slice(0, 60) : '',
  ]);
  const header = ['site', 'live release', 'version', 'built (UTC)', 'duration', 'state', 'last error'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [
    `content version ${status.contentVersion} · queue: ${status.queue.queued} waiting, ${status.queue.active} running, ${status.queue.deadLetters} dead letters`,
    line(header),
    ...rows.map(line),
    ...(status.deadLetters.length > 0
      ? ['', 'dead letters:', ...status.deadLetters.map((d) => `  ${d.site}: ${d.error ?? ''}`)]
      : []),
  ].join('\n');
}
