/**
 * Which sites show a local legal document — one rule, read in both directions. A site lists the
 * local documents scoped to it or to its parent (a province's resolution reaches its communes) and
 * those it owns: that is what content-client asks the CMS for when a site is built. So a local
 * document shows on its owning site, on its scope site and on that site's children: that is whom
 * the sync engine rebuilds when it changes. A national document shows on every site.
 */
import type { SiteRegistry } from '../federation/registry.js';

/** Where a local document belongs, by site code. */
export interface LocalDocumentPlace {
  owningSite: string | null;
  scopeSite: string | null;
}

/** The scope sites whose local documents `site` lists: itself, and its parent when it has one. */
export function localScopeSites(site: { code: string; parent: { code: string } | null }): string[] {
  return site.parent ? [site.code, site.parent.code] : [site.code];
}

/** Whether `site` lists a local document placed at `document`. */
export function showsLocalDocument(
  site: { code: string; parent: { code: string } | null },
  document: LocalDocumentPlace,
): boolean {
  return (
    document.owningSite === site.code ||
    (document.scopeSite !== null && localScopeSites(site).includes(document.scopeSite))
  );
}

/**
 * The codes of the sites that show a local document: its owner, its scope site and that site's
 * children (registry ids are site codes here). Disabled sites are included: callers that build
 * leave them out.
 */
export function sitesShowingLocalDocument(document: LocalDocumentPlace, registry: SiteRegistry): string[] {
  const codes = new Set<string>();
  if (document.owningSite) codes.add(document.owningSite);
  if (document.scopeSite) {
    codes.add(document.scopeSite);
    for (const child of registry.childrenOf(document.scopeSite)) codes.add(child.id);
  }
  return [...codes];
}
