import type { Core } from '@strapi/strapi';
import {
  indexRegistry,
  siteCodeOfTokenName,
  writeScope,
  type RegistrySite,
  type WriteScope,
} from '@pbgdpl/domain';
import { requestState, type Caller } from './caller';
import { MEMBERSHIP, SITE, type AdminUser } from './types';

/**
 * A caller's write scope with the sites as database ids (strings in `scope`, numbers in
 * `siteIds` for queries). `null` from callerScope means unrestricted (system writes).
 */
export interface CallerScope {
  scope: WriteScope;
  siteIds: number[];
  roleCodes: string[];
  /** Holds the unit administrator role: may manage memberships of the sites in scope. */
  unitAdmin: boolean;
}

export const ALL: CallerScope = { scope: { kind: 'all' }, siteIds: [], roleCodes: [], unitAdmin: false };

type SiteRow = { id: number; kind: RegistrySite['kind']; parent?: { id: number } | null };

// One look-up per request and caller: the admin's ability alone evaluates dozens of conditions.
const memo = new WeakMap<object, Map<string, Promise<CallerScope>>>();

function remembered(
  strapi: Core.Strapi,
  key: string,
  compute: () => Promise<CallerScope>,
): Promise<CallerScope> {
  const state = requestState(strapi);
  if (!state) return compute();
  let byKey = memo.get(state);
  if (!byKey) memo.set(state, (byKey = new Map()));
  let found = byKey.get(key);
  if (!found) byKey.set(key, (found = compute()));
  return found;
}

export function callerScope(strapi: Core.Strapi, caller: Caller): Promise<CallerScope> | null {
  switch (caller.kind) {
    case 'system':
      return null;
    case 'admin':
      return adminScope(strapi, caller.user);
    case 'token':
      return remembered(strapi, `token:${caller.token.id}`, () => tokenScope(strapi, caller.token.name));
    case 'public':
      return Promise.resolve(fromSiteIds([], []));
  }
}

export function adminScope(strapi: Core.Strapi, user: AdminUser): Promise<CallerScope> {
  return remembered(strapi, `admin:${user.id}`, () => computeAdminScope(strapi, user));
}

async function computeAdminScope(strapi: Core.Strapi, user: AdminUser): Promise<CallerScope> {
  const roleCodes = await roleCodesOf(strapi, user);
  const memberships = (await strapi.db.query(MEMBERSHIP).findMany({
    where: { adminUserId: user.id },
    populate: { site: { select: ['id', 'kind'], populate: { parent: { select: ['id'] } } } },
  })) as Array<{ site: SiteRow | null }>;
  const memberSites = memberships.map((m) => m.site).filter((s): s is SiteRow => s !== null);
  const rows = new Map<number, SiteRow>(memberSites.map((s) => [s.id, s]));
  if (roleCodes.includes('pbgdpl-national-editor')) {
    for (const s of (await strapi.db
      .query(SITE)
      .findMany({ where: { kind: 'national' }, select: ['id', 'kind'] })) as SiteRow[])
      rows.set(s.id, s);
  }
  if (roleCodes.includes('pbgdpl-unit-admin')) {
    for (const s of await descendantsOf(
      strapi,
      memberSites.filter((m) => m.kind !== 'national').map((m) => m.id),
    ))
      rows.set(s.id, s);
  }
  const registry = indexRegistry(
    [...rows.values()].map((s) => ({
      id: String(s.id),
      kind: s.kind,
      parentId: s.parent ? String(s.parent.id) : null,
    })),
  );
  const scope = writeScope({ roleCodes, memberSiteIds: memberSites.map((s) => String(s.id)), registry });
  return {
    scope,
    siteIds: scope.kind === 'all' ? [] : [...scope.siteIds].map(Number),
    roleCodes,
    unitAdmin: roleCodes.includes('pbgdpl-unit-admin'),
  };
}

/** Role codes from the populated user, or read when the caller passed a bare user. */
async function roleCodesOf(strapi: Core.Strapi, user: AdminUser): Promise<string[]> {
  if (Array.isArray(user.roles) && user.roles.every((r) => typeof r.code === 'string'))
    return user.roles.map((r) => r.code as string);
  const full = (await strapi.db
    .query('admin::user')
    .findOne({ where: { id: user.id }, populate: { roles: { select: ['code'] } } })) as {
    roles?: Array<{ code: string }>;
  } | null;
  return (full?.roles ?? []).map((r) => r.code);
}

/** Every site below the given ones (provinces' communes), level by level. */
async function descendantsOf(strapi: Core.Strapi, ids: number[]): Promise<SiteRow[]> {
  const out: SiteRow[] = [];
  const seen = new Set(ids);
  let frontier = ids;
  while (frontier.length > 0) {
    const children = (await strapi.db.query(SITE).findMany({
      where: { parent: { id: { $in: frontier } } },
      select: ['id', 'kind'],
      populate: { parent: { select: ['id'] } },
    })) as SiteRow[];
    frontier = children.filter((c) => !seen.has(c.id)).map((c) => c.id);
    for (const c of children) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      out.push(c);
    }
  }
  return out;
}

/**
 * A content-API token named "[<site code>] …" writes as that site; a token without the prefix
 * is a national integration (only national administrators issue tokens); a malformed prefix or
 * an unknown code gives no site at all.
 */
async function tokenScope(strapi: Core.Strapi, name: string): Promise<CallerScope> {
  const code = siteCodeOfTokenName(name);
  if (code === null) return ALL;
  if (code === undefined) return fromSiteIds([], []);
  const site = (await strapi.db.query(SITE).findOne({ where: { code }, select: ['id'] })) as {
    id: number;
  } | null;
  return fromSiteIds(site ? [site.id] : [], []);
}

function fromSiteIds(ids: number[], roleCodes: string[]): CallerScope {
  return {
    scope: { kind: 'sites', siteIds: new Set(ids.map(String)) },
    siteIds: ids,
    roleCodes,
    unitAdmin: false,
  };
}
