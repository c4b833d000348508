/**
 * Whose content a signed-in person may change: the federation's write scope. Pure: the CMS
 * passes the person's role codes, the sites they are a member of, and the part of the registry
 * that matters (those sites, their descendants and the national sites).
 */
import { SUPER_ADMIN_ROLE_CODE } from './roles.js';
import { descendantIds, type SiteRegistry } from './registry.js';

/** Everything, or a fixed set of site ids. */
export type WriteScope = { kind: 'all' } | { kind: 'sites'; siteIds: ReadonlySet<string> };

export interface ScopeInput {
  /** Codes of the person's admin roles (unknown codes give no extra rights). */
  roleCodes: ReadonlyArray<string | null | undefined>;
  /** Sites the person is a member of (site-membership rows). */
  memberSiteIds: readonly string[];
  registry: SiteRegistry;
}

const ALL_SCOPE_ROLES: ReadonlySet<string> = new Set([SUPER_ADMIN_ROLE_CODE, 'pbgdpl-national-admin']);

/**
 * The rules:
 * - Strapi's super admin and the national administrator: every site.
 * - Everyone else: the sites they are a member of;
 * - a national editor also every national site (no membership needed);
 * - a unit administrator also every site below theirs (a province's communes), except below
 *   the national site, whose "descendants" are the whole country.
 * Strapi's built-in editor and author roles get memberships only, like a unit editor.
 */
export function writeScope(input: ScopeInput): WriteScope {
  const codes = input.roleCodes.filter((c): c is string => typeof c === 'string');
  if (codes.some((code) => ALL_SCOPE_ROLES.has(code))) return { kind: 'all' };
  const siteIds = new Set<string>(input.memberSiteIds);
  if (codes.includes('pbgdpl-national-editor')) {
    for (const site of input.registry.all()) if (site.kind === 'national') siteIds.add(site.id);
  }
  if (codes.includes('pbgdpl-unit-admin')) {
    for (const id of input.memberSiteIds) {
      if (input.registry.get(id)?.kind === 'national') continue;
      for (const below of descendantIds(input.registry, id)) siteIds.add(below);
    }
  }
  return { kind: 'sites', siteIds };
}

/** Whether an item owned by `siteId` is in the scope; an item with no owner only for "all". */
export function inScope(scope: WriteScope, siteId: string | null | undefined): boolean {
  if (scope.kind === 'all') return true;
  return siteId !== null && siteId !== undefined && scope.siteIds.has(siteId);
}

/** What a relation may point at: the target's owner and whether it has a published version. */
export interface LinkTarget {
  owningSiteId: string | null;
  owningSiteKind: string | null;
  published: boolean;
}

/**
 * A unit may link its items to its own items (drafts included) and to published national
 * items (a commune's Q&A may belong to the Ministry's published dialogue), never to another
 * unit's items or to national drafts.
 */
export function mayLinkTo(scope: WriteScope, target: LinkTarget): boolean {
  if (inScope(scope, target.owningSiteId)) return true;
  return target.owningSiteKind === 'national' && target.published;
}
