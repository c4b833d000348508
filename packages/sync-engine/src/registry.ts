import type { ContentClient } from '@pbgdpl/content-client';
import type { SiteRegistry } from '@pbgdpl/domain';
import { syncRegistry, type SyncSite } from './fanout.js';

/**
 * The site registry, read over GraphQL. Reading all ≈3,400 sites takes tens of seconds, so it is
 * never on a publish's path once loaded: a registry older than `ttlMs` is still answered at once
 * while a fresh copy loads in the background (registry changes ask for `fresh`, which waits:
 * the dispatcher does so for every event on a site of the registry). The TTL is only a safety net
 * for changes made around the CMS: ten minutes, so that the CMS is not read in full every minute.
 */
export function registryLoader(client: ContentClient, ttlMs = 10 * 60_000) {
  let cached: { at: number; registry: SiteRegistry } | null = null;
  let loading: Promise<SiteRegistry> | null = null;
  const load = (): Promise<SiteRegistry> => {
    loading ??= (async () => {
      try {
        const sites = await client.listSites({ all: true, enabledOnly: false });
        const entries: SyncSite[] = sites.map((s) => ({
          id: s.code,
          kind: s.kind as SyncSite['kind'],
          parentId: s.parent?.code ?? null,
          enabled: s.enabled !== false,
        }));
        cached = { at: Date.now(), registry: syncRegistry(entries) };
        return cached.registry;
      } finally {
        loading = null;
      }
    })();
    return loading;
  };
  return async (options: { fresh?: boolean } = {}): Promise<SiteRegistry> => {
    if (options.fresh) {
      // A load that started before the change may miss it: let it finish, then read again.
      await loading?.catch(() => undefined);
      return load();
    }
    if (!cached) return load();
    // Stale: answer with what we have; a failed background load is retried on the next call.
    if (Date.now() - cached.at >= ttlMs) load().catch(() => undefined);
    return cached.registry;
  };
}
export type RegistryLoader = ReturnType<typeof registryLoader>;
