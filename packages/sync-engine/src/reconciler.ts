/**
 * The reconciler: the safety net behind the dispatcher. A site is stale when it was never built,
 * or when an event that affects it has a content version ≥ the version its live release was built
 * from (a build from version v includes every change whose event version is < v). It finds such
 * sites — whatever happened to their jobs (a dispatcher crash between cursor and queue, a job
 * deleted, a dead letter) — and asks for their builds again.
 */
import type { EventSource } from './events.js';
import { affectedSites } from './fanout.js';
import type { Logger } from './log.js';
import type { BuildQueue } from './queue/types.js';
import type { RegistryLoader } from './registry.js';
import type { SyncStateStore } from './state.js';

export interface ReconcileDeps {
  events: EventSource;
  state: SyncStateStore;
  queue: BuildQueue;
  registry: RegistryLoader;
  log: Logger;
  sites?: ReadonlySet<string> | null;
  pageSize?: number;
}

export interface ReconcileResult {
  neverBuilt: string[];
  stale: string[];
  enqueued: number;
}

export async function reconcileOnce(deps: ReconcileDeps): Promise<ReconcileResult> {
  const registry = await deps.registry({ fresh: true });
  const managed = registry
    .all()
    .filter((s) => s.enabled !== false && (!deps.sites || deps.sites.has(s.id)))
    .map((s) => s.id);
  const built = new Map((await deps.state.sites()).map((s) => [s.site, s.builtVersion]));
  const neverBuilt = managed.filter((code) => (built.get(code) ?? null) === null);
  const versions = managed.map((code) => built.get(code)).filter((v): v is number => typeof v === 'number');
  const stale = new Map<string, number>();
  if (versions.length > 0) {
    const oldest = Math.min(...versions);
    const pageSize = deps.pageSize ?? 1000;
    for (let after = 0; ;) {
      const page = await deps.events.eventsFromVersion(oldest, after, pageSize);
      for (const event of page) {
        for (const site of affectedSites(event.placements, registry)) {
          const builtVersion = built.get(site);
          if (typeof builtVersion !== 'number' || builtVersion > event.contentVersion) continue;
          if (deps.sites && !deps.sites.has(site)) continue;
          stale.set(site, Math.max(stale.get(site) ?? 0, event.contentVersion));
        }
      }
      if (page.length < pageSize) break;
      after = page.at(-1)!.id;
    }
  }
  const enqueued = await deps.queue.enqueueMany([
    ...neverBuilt.map((site) => ({ site, version: 0, reason: 'never built' })),
    ...[...stale].map(([site, version]) => ({ site, version, reason: 'reconciler: stale' })),
  ]);
  const result = { neverBuilt: neverBuilt.sort(), stale: [...stale.keys()].sort(), enqueued };
  if (neverBuilt.length + stale.size > 0)
    deps.log('info', 'reconcile', { neverBuilt: neverBuilt.length, stale: stale.size, enqueued });
  return result;
}
