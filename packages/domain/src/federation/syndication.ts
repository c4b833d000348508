/**
 * Syndication: on which sites an item appears. Every editorial item has an owning site and an
 * audience; the Ministry's national content reaches every site, a province's reaches its
 * communes, and a site may opt out of topics (legal fields) it does not cover, except for items
 * marked mandatory. Used by the site template (what to list on a site) and by the sync engine
 * (which sites to rebuild after a change).
 */
import type { SiteKind } from '../site-kind.js';
import { ancestorIds, descendantIds, isEnabled, type SiteRegistry } from './registry.js';

/**
 * The audience values of the editorial types' `audience` field (their labels live with the
 * editorial vocabulary); repeated here as a type so the rules do not depend on it.
 */
export type SyndicationAudience = 'own_site' | 'own_and_descendants' | 'all_sites' | 'filtered';

export interface SyndicatedItem {
  /** The owning site's id; an item with no owner appears nowhere. */
  owningSiteId: string | null;
  audience: SyndicationAudience;
  /** For `filtered`: the kinds of site that receive it (empty or null: any kind). */
  audienceSiteKinds?: readonly SiteKind[] | null;
  /** For `filtered`: provinces whose site and communes receive it (empty or null: anywhere). */
  audienceProvinceIds?: readonly string[] | null;
  /** Set by the Ministry: shown even on sites that opted out of its fields. */
  mandatory?: boolean;
  /** The item's legal fields (ids). */
  fieldIds?: readonly string[];
}

export interface SyndicationContext {
  registry: SiteRegistry;
  /** Fields a site opted out of (ids); a field's sub-fields are opted out with it. */
  optedOutFieldIds?: (siteId: string) => readonly string[];
  /** The parent of a legal field (sectors hold fields), for opting out of a whole sector. */
  fieldParentOf?: (fieldId: string) => string | null;
}

export type Placement =
  | { appears: true; as: 'own' | 'syndicated' }
  | { appears: false; why: 'unknown_site' | 'site_disabled' | 'no_owner' | 'not_in_audience' | 'opted_out' };

/**
 * Where the item stands on one site, with the reason when it does not appear.
 *
 * Rules, in order:
 * 1. A disabled or unknown site shows nothing; an item without an owner appears nowhere.
 * 2. The owner always shows its own items (opt-outs do not apply to it).
 * 3. The audience picks the other sites: `own_site` none; `own_and_descendants` the sites
 *    below the owner; `all_sites` every site; `filtered` the sites of the listed kinds (any
 *    kind when none is listed) within the listed provinces (a province and its communes;
 *    anywhere when none is listed) — a `filtered` audience with neither list adds no site.
 * 4. Only national content crosses unit boundaries: an item owned by any other site reaches at
 *    most its owner's descendants, whatever its audience says (a province cannot push to
 *    another province, a commune to the country).
 * 5. A site that opted out of every field of the item does not show it, unless it is mandatory.
 *    Items with no field are never opted out.
 */
export function placementOnSite(
  item: SyndicatedItem,
  siteId: string,
  context: SyndicationContext,
): Placement {
  const { registry } = context;
  const site = registry.get(siteId);
  if (!site) return { appears: false, why: 'unknown_site' };
  if (!isEnabled(site)) return { appears: false, why: 'site_disabled' };
  if (item.owningSiteId === null) return { appears: false, why: 'no_owner' };
  if (item.owningSiteId === siteId) return { appears: true, as: 'own' };
  const owner = registry.get(item.owningSiteId);
  if (!owner) return { appears: false, why: 'no_owner' };

  const ancestors = ancestorIds(registry, siteId);
  const belowOwner = ancestors.includes(owner.id);
  if (owner.kind !== 'national' && !belowOwner) return { appears: false, why: 'not_in_audience' };
  if (!inAudience(item, site.kind, siteId, ancestors, belowOwner))
    return { appears: false, why: 'not_in_audience' };
  if (!item.mandatory && optedOut(item, siteId, context)) return { appears: false, why: 'opted_out' };
  return { appears: true, as: 'syndicated' };
}

export function appearsOnSite(item: SyndicatedItem, siteId: string, context: SyndicationContext): boolean {
  return placementOnSite(item, siteId, context).appears;
}

/**
 * Every site the item appears on (its owner first, then in registry order): the sites the sync
 * engine rebuilds after the item changes.
 */
export function reachedSites(item: SyndicatedItem, context: SyndicationContext): string[] {
  if (item.owningSiteId === null) return [];
  const owner = context.registry.get(item.owningSiteId);
  if (!owner) return [];
  // Non-national items reach at most the owner's subtree: no need to look at the whole country.
  const candidates =
    owner.kind === 'national'
      ? context.registry.all().map((s) => s.id)
      : [owner.id, ...descendantIds(context.registry, owner.id)];
  const reached = candidates.filter((id) => appearsOnSite(item, id, context));
  return reached.sort((a, b) => (a === owner.id ? -1 : b === owner.id ? 1 : 0));
}

function inAudience(
  item: SyndicatedItem,
  kind: SiteKind,
  siteId: string,
  ancestors: readonly string[],
  belowOwner: boolean,
): boolean {
  switch (item.audience) {
    case 'own_site':
      return false;
    case 'own_and_descendants':
      return belowOwner;
    case 'all_sites':
      return true;
    case 'filtered': {
      const kinds = item.audienceSiteKinds ?? [];
      const provinces = item.audienceProvinceIds ?? [];
      if (kinds.length === 0 && provinces.length === 0) return false;
      const kindOk = kinds.length === 0 || kinds.includes(kind);
      const provinceOk =
        provinces.length === 0 || provinces.includes(siteId) || ancestors.some((a) => provinces.includes(a));
      return kindOk && provinceOk;
    }
  }
}

function optedOut(item: SyndicatedItem, siteId: string, context: SyndicationContext): boolean {
  const fields = item.fieldIds ?? [];
  if (fields.length === 0 || !context.optedOutFieldIds) return false;
  const excluded = new Set(context.optedOutFieldIds(siteId));
  if (excluded.size === 0) return false;
  return fields.every((field) => fieldAndParents(field, context.fieldParentOf).some((f) => excluded.has(f)));
}

function fieldAndParents(field: string, parentOf: ((id: string) => string | null) | undefined): string[] {
  const chain = [field];
  const seen = new Set(chain);
  let parent = parentOf?.(field) ?? null;
  while (parent !== null && !seen.has(parent)) {
    chain.push(parent);
    seen.add(parent);
    parent = parentOf?.(parent) ?? null;
  }
  return chain;
}
