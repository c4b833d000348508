/**
 * Fan-out: from an event's placements to the sites whose pages show the item — the sites to
 * rebuild. Pure. Editorial items follow the federation's syndication rules (`reachedSites` in
 * @pbgdpl/domain: own / descendants / all / filtered); legal documents the listing rule the
 * builder fetches by (national → every site; local → `sitesShowingLocalDocument` in
 * @pbgdpl/domain: its owner, its scope site and that site's children); an adoption (a site putting another site's item on its pages) the adopting site.
 * Site opt-outs are ignored on purpose: rebuilding a site that opted out of a field is
 * wasted work, never a wrong page, while missing one would leave a stale page up.
 */
import {
  descendantIds,
  indexRegistry,
  reachedSites,
  sitesShowingLocalDocument,
  type ChangePlacement,
  type RegistrySite,
  type SiteKind,
  type SiteRegistry,
  type SyndicationAudience,
} from '@pbgdpl/domain';

/** A registry entry as the sync engine needs it; `id` is the site code. */
export type SyncSite = RegistrySite;

export function syncRegistry(sites: readonly SyncSite[]): SiteRegistry {
  return indexRegistry(sites);
}

const AUDIENCES: ReadonlySet<string> = new Set(['own_site', 'own_and_descendants', 'all_sites', 'filtered']);

/** Every enabled site that shows (or showed) an item with these placements. */
export function affectedSites(placements: readonly ChangePlacement[], registry: SiteRegistry): Set<string> {
  const out = new Set<string>();
  const enabledCodes = () =>
    registry
      .all()
      .filter((s) => s.enabled !== false)
      .map((s) => s.id);
  const add = (code: string | null | undefined) => {
    if (!code) return;
    const site = registry.get(code);
    if (site && site.enabled !== false) out.add(code);
  };
  for (const placement of placements) {
    switch (placement.kind) {
      case 'everywhere':
        for (const code of enabledCodes()) out.add(code);
        break;
      case 'legal-document':
        if (placement.scope === 'national') for (const code of enabledCodes()) out.add(code);
        else for (const code of sitesShowingLocalDocument(placement, registry)) add(code);
        break;
      case 'editorial': {
        const audience = AUDIENCES.has(placement.audience ?? '')
          ? (placement.audience as SyndicationAudience)
          : 'own_site';
        for (const code of reachedSites(
          {
            owningSiteId: placement.owningSite,
            audience,
            audienceSiteKinds: placement.audienceSiteKinds as SiteKind[],
            audienceProvinceIds: placement.audienceProvinces,
            mandatory: placement.mandatory,
          },
          { registry },
        ))
          add(code);
        break;
      }
      case 'adoption':
        add(placement.adoptingSite);
        break;
      case 'site':
        // Its own pages, its parent's list of children, its children's link to it.
        add(placement.code);
        add(placement.parent);
        for (const child of registry.childrenOf(placement.code)) add(child.id);
        break;
    }
  }
  return out;
}

/** Every enabled site below `code` (for tests and tools). */
export function enabledDescendants(registry: SiteRegistry, code: string): string[] {
  return descendantIds(registry, code).filter((id) => registry.get(id)?.enabled !== false);
}
