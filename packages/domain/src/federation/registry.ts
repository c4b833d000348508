/**
 * The site registry as the federation rules see it: each site's kind and parent. Ids are
 * whatever the caller uses (the CMS's documentIds or database ids as strings); the rules only
 * compare them.
 */
import type { SiteKind } from '../site-kind.js';

export interface RegistrySite {
  id: string;
  kind: SiteKind;
  parentId: string | null;
  /** A disabled site is not built and receives nothing (default: enabled). */
  enabled?: boolean;
}

/** An indexed registry: look-ups by id and children lists, built once per computation. */
export interface SiteRegistry {
  get(id: string): RegistrySite | undefined;
  childrenOf(id: string): readonly RegistrySite[];
  all(): readonly RegistrySite[];
}

export function indexRegistry(sites: readonly RegistrySite[]): SiteRegistry {
  const byId = new Map<string, RegistrySite>();
  const children = new Map<string, RegistrySite[]>();
  for (const site of sites) byId.set(site.id, site);
  for (const site of sites) {
    if (site.parentId === null) continue;
    const list = children.get(site.parentId) ?? [];
    list.push(site);
    children.set(site.parentId, list);
  }
  return {
    get: (id) => byId.get(id),
    childrenOf: (id) => children.get(id) ?? [],
    all: () => sites,
  };
}

/** Every site below `id` (children, their children…), not `id` itself; safe on cycles. */
export function descendantIds(registry: SiteRegistry, id: string): string[] {
  const seen = new Set<string>([id]);
  const out: string[] = [];
  const queue = [id];
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const child of registry.childrenOf(current)) {
      if (seen.has(child.id)) continue;
      seen.add(child.id);
      out.push(child.id);
      queue.push(child.id);
    }
  }
  return out;
}

/** The chain of parents above `id`, nearest first; safe on cycles. */
export function ancestorIds(registry: SiteRegistry, id: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>([id]);
  let parent = registry.get(id)?.parentId ?? null;
  while (parent !== null && !seen.has(parent)) {
    out.push(parent);
    seen.add(parent);
    parent = registry.get(parent)?.parentId ?? null;
  }
  return out;
}

export function isEnabled(site: RegistrySite): boolean {
  return site.enabled !== false;
}
