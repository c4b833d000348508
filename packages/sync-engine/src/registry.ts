import type { ContentClient } from '@pbgdpl/content-client';
import type { SiteRegistry } from '@pbgdpl/domain';
import { syncRegistry, type SyncSite } from './fanout.js';

/** The site registry, read over GraphQL and kept for `ttlMs` (reloaded at once when asked). */
export function registryLoader(client: ContentClient, ttlMs = 60_000) {
  let cached: { at: number; registry: SiteRegistry } | null = null;
  return async (options: { fresh?: boolean } = {}): Promise<SiteRegistry> => {
    if (cached && !options.fresh && Date.now() - cached.at < ttlMs) return cached.registry;
    const sites = await client.listSites({ all: true, enabledOnly: false });
    const entries: SyncSite[] = sites.map((s) => ({
      id: s.code,
      kind: s.kind as SyncSite['kind'],
      parentId: s.parent?.code ?? null,
      enabled: s.enabled !== false,
    }));
    cached = { at: Date.now(), registry: syncRegistry(entries) };
    return cached.registry;
  };
}
export type RegistryLoader = ReturnType<typeof registryLoader>;
