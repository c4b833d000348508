import type { Core } from '@strapi/strapi';
import { currentCaller, requestState, type Caller } from './caller';
import { callerScope } from './scope';
import { MEMBERSHIP, SITE } from './types';

/**
 * Each site's folder in the media library: "Đơn vị/<site name>", created with the site (and at
 * boot for sites that have none), renamed with it. A unit's people upload into their site's
 * folder, and see and pick only the folders of their sites, the national sites' folders and the
 * shared folder "Dùng chung" (upload-guard.ts and conditions.ts apply this). Strapi's upload
 * plugin has no permissions on folders (strapi #15059, #18851, #23697): which folder belongs to
 * which site is kept here, in `pbgdpl_site_media_folders` (site id → folder id).
 */
export const FOLDER = 'plugin::upload.folder';
export const FILE = 'plugin::upload.file';
export const SITE_FOLDERS_TABLE = 'pbgdpl_site_media_folders';
/** The parent of every site's folder. */
export const UNITS_FOLDER_NAME = 'Đơn vị';
/** Assets every unit may read and pick (logos, shared illustrations); written by national staff. */
export const SHARED_FOLDER_NAME = 'Dùng chung';

export interface FolderRow {
  id: number;
  name: string;
  path: string;
}

type SiteRow = { id: number; code: string; name: string; kind: string };

/** Set once bootstrap made the table: site writes before that (none in practice) skip the folder. */
const ready = new WeakSet<Core.Strapi>();

/** Bootstrap: the mapping table, the two top folders and a folder for every site that has none. */
export async function bootstrapSiteFolders(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  if (!(await knex.schema.hasTable(SITE_FOLDERS_TABLE))) {
    await knex.schema.createTable(SITE_FOLDERS_TABLE, (table) => {
      table.integer('site_id').notNullable().primary();
      table.integer('folder_id').notNullable();
    });
  }
  ready.add(strapi);
  await topFolder(strapi, UNITS_FOLDER_NAME);
  await topFolder(strapi, SHARED_FOLDER_NAME);
  const mapped = new Set(
    ((await knex(SITE_FOLDERS_TABLE).select('site_id')) as Array<{ site_id: number }>).map((r) =>
      Number(r.site_id),
    ),
  );
  const sites = (await strapi.db
    .query(SITE)
    .findMany({ select: ['id', 'code', 'name', 'kind'], orderBy: { id: 'asc' } })) as SiteRow[];
  let created = 0;
  for (const site of sites) {
    if (mapped.has(site.id)) continue;
    await ensureSiteFolder(strapi, site);
    created += 1;
  }
  if (created > 0) strapi.log.info(`federation: created ${created} site folders in the media library`);
}

/**
 * Register: a site created through the Document Service gets its folder in the same breath; a
 * renamed site's folder follows its name.
 */
export function registerSiteFolders(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== SITE || (context.action !== 'create' && context.action !== 'update')) return next();
    const result = await next();
    const documentId = (result as { documentId?: string } | null)?.documentId;
    if (!documentId || !ready.has(strapi)) return result;
    const site = (await strapi.db.query(SITE).findOne({
      where: { documentId },
      select: ['id', 'code', 'name', 'kind'],
    })) as SiteRow | null;
    if (site) await ensureSiteFolder(strapi, site);
    return result;
  });
}

type Knex = Core.Strapi['db']['connection'];

/**
 * Runs `work` with the knex of the transaction in progress (Strapi's `db.transaction` joins it),
 * or of a new one: raw queries beside `strapi.db.query` must not take a second connection while
 * a write holds one — SQLite (the quick start) has only one, and would wait for ever.
 */
function withKnex<T>(strapi: Core.Strapi, work: (knex: Knex) => Promise<T>): Promise<T> {
  const transaction = strapi.db.transaction.bind(strapi.db) as unknown as (
    cb: (scope: { trx: Knex }) => Promise<T>,
  ) => Promise<T>;
  return transaction(({ trx }) => work(trx));
}

/** The site's folder, created (or renamed to the site's name) when needed. */
export function ensureSiteFolder(strapi: Core.Strapi, site: SiteRow): Promise<FolderRow> {
  return withKnex(strapi, (knex) => ensureSiteFolderWith(strapi, knex, site));
}

async function ensureSiteFolderWith(strapi: Core.Strapi, knex: Knex, site: SiteRow): Promise<FolderRow> {
  const parent = await topFolder(strapi, UNITS_FOLDER_NAME);
  const mapping = (await knex(SITE_FOLDERS_TABLE).where({ site_id: site.id }).first()) as
    { folder_id: number } | undefined;
  const existing = mapping
    ? ((await strapi.db.query(FOLDER).findOne({
        where: { id: mapping.folder_id },
        select: ['id', 'name', 'path'],
      })) as FolderRow | null)
    : null;
  const wanted = await freeName(strapi, parent.id, folderName(site.name), site.code, existing?.id);
  if (existing) {
    if (existing.name !== wanted) {
      await strapi.db.query(FOLDER).update({ where: { id: existing.id }, data: { name: wanted } });
      existing.name = wanted;
    }
    return existing;
  }
  const folder = (await strapi
    .plugin('upload')
    .service('folder')
    .create({ name: wanted, parent: parent.id })) as FolderRow;
  if (mapping) await knex(SITE_FOLDERS_TABLE).where({ site_id: site.id }).update({ folder_id: folder.id });
  else await knex(SITE_FOLDERS_TABLE).insert({ site_id: site.id, folder_id: folder.id });
  return folder;
}

/** A folder name may not contain "/" nor start or end with a space (the upload plugin's rules). */
function folderName(name: string): string {
  return name.replace(/\//g, '-').replace(/\s+/g, ' ').trim() || 'Trang';
}

/** Site names repeat (many "Xã Tân Hiệp"): the second one gets its code in brackets. */
async function freeName(
  strapi: Core.Strapi,
  parentId: number,
  name: string,
  code: string,
  ownId: number | undefined,
): Promise<string> {
  const taken = async (candidate: string) =>
    (await strapi.db.query(FOLDER).count({
      where: { name: candidate, parent: { id: parentId }, ...(ownId ? { id: { $ne: ownId } } : {}) },
    })) > 0;
  return (await taken(name)) ? `${name} (${code})` : name;
}

/** A folder at the root of the media library with this name, created once. */
async function topFolder(strapi: Core.Strapi, name: string): Promise<FolderRow> {
  const found = (await strapi.db.query(FOLDER).findOne({
    where: { name, parent: { id: { $null: true } } },
    select: ['id', 'name', 'path'],
  })) as FolderRow | null;
  if (found) return found;
  return (await strapi.plugin('upload').service('folder').create({ name, parent: null })) as FolderRow;
}

/**
 * What a caller may do in the media library, as folder ids:
 * - `writable`: the folders of the caller's sites and everything below them (upload, move, edit);
 * - `readable`: those, plus the national sites' folders and "Dùng chung" with everything below;
 * - `navigation`: the folders above readable ones ("Đơn vị"), shown so they can be opened;
 * - `home`: where the caller's uploads go when they name no writable folder (their own site's).
 * `null`: no limit (super admin, national administrator, national integrations, system writes).
 */
export interface FolderScope {
  writable: Set<number>;
  readable: Set<number>;
  navigation: Set<number>;
  home: FolderRow | null;
}

const memo = new WeakMap<object, Promise<FolderScope | null>>();

export function callerFolderScope(strapi: Core.Strapi, caller: Caller = currentCaller(strapi)) {
  const state = requestState(strapi);
  if (!state) return computeFolderScope(strapi, caller);
  let found = memo.get(state);
  if (!found) memo.set(state, (found = computeFolderScope(strapi, caller)));
  return found;
}

async function computeFolderScope(strapi: Core.Strapi, caller: Caller): Promise<FolderScope | null> {
  const pending = callerScope(strapi, caller);
  if (!pending) return null;
  const { scope, siteIds } = await pending;
  if (scope.kind === 'all') return null;
  return withKnex(strapi, (knex) => folderScopeOf(strapi, knex, caller, siteIds));
}

async function folderScopeOf(
  strapi: Core.Strapi,
  knex: Knex,
  caller: Caller,
  siteIds: number[],
): Promise<FolderScope> {
  const national = (
    (await strapi.db.query(SITE).findMany({ where: { kind: 'national' }, select: ['id'] })) as Array<{
      id: number;
    }>
  ).map((s) => s.id);
  const mappings = (await knex(SITE_FOLDERS_TABLE)
    .whereIn('site_id', [...new Set([...siteIds, ...national])])
    .select('site_id', 'folder_id')) as Array<{ site_id: number; folder_id: number }>;
  const folderOf = new Map(mappings.map((m) => [Number(m.site_id), Number(m.folder_id)]));
  const shared = await strapi.db.query(FOLDER).findOne({
    where: { name: SHARED_FOLDER_NAME, parent: { id: { $null: true } } },
    select: ['id'],
  });
  const ownRoots = siteIds.map((id) => folderOf.get(id)).filter((id): id is number => id !== undefined);
  const readRoots = [
    ...ownRoots,
    ...national.map((id) => folderOf.get(id)).filter((id): id is number => id !== undefined),
    ...(shared ? [(shared as { id: number }).id] : []),
  ];
  const writable = await subtreeIds(strapi, ownRoots);
  const readable = new Set([...writable, ...(await subtreeIds(strapi, readRoots))]);
  const navigation = await ancestorIds(strapi, readRoots);
  return { writable, readable, navigation, home: await homeFolder(strapi, caller, folderOf, siteIds) };
}

/** The caller's own site folder: a membership's site first (a province before its communes). */
async function homeFolder(
  strapi: Core.Strapi,
  caller: Caller,
  folderOf: Map<number, number>,
  siteIds: number[],
): Promise<FolderRow | null> {
  let preferred: number[] = [];
  if (caller.kind === 'admin') {
    preferred = (
      (await strapi.db.query(MEMBERSHIP).findMany({
        where: { adminUserId: caller.user.id },
        populate: { site: { select: ['id'] } },
        orderBy: { id: 'asc' },
      })) as Array<{ site: { id: number } | null }>
    )
      .map((m) => m.site?.id)
      .filter((id): id is number => id !== undefined);
  }
  const site = [...preferred, ...siteIds].find((id) => folderOf.has(id));
  if (site === undefined) return null;
  return (await strapi.db.query(FOLDER).findOne({
    where: { id: folderOf.get(site) },
    select: ['id', 'name', 'path'],
  })) as FolderRow | null;
}

/** The folders and every folder below them (by their materialised path). */
async function subtreeIds(strapi: Core.Strapi, rootIds: number[]): Promise<Set<number>> {
  if (rootIds.length === 0) return new Set();
  const roots = (await strapi.db
    .query(FOLDER)
    .findMany({ where: { id: { $in: rootIds } }, select: ['id', 'path'] })) as Array<{
    id: number;
    path: string;
  }>;
  const out = new Set(roots.map((r) => r.id));
  // Chunks keep each OR list short (a province's administrator has a hundred communes).
  for (let i = 0; i < roots.length; i += 50) {
    const below = (await strapi.db.query(FOLDER).findMany({
      where: { $or: roots.slice(i, i + 50).map((r) => ({ path: { $startsWith: `${r.path}/` } })) },
      select: ['id'],
    })) as Array<{ id: number }>;
    for (const f of below) out.add(f.id);
  }
  return out;
}

/** The folders above these (their paths' segments are the ancestors' pathIds). */
async function ancestorIds(strapi: Core.Strapi, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = (await strapi.db
    .query(FOLDER)
    .findMany({ where: { id: { $in: ids } }, select: ['id', 'path', 'pathId'] })) as Array<{
    id: number;
    path: string;
    pathId: number;
  }>;
  const pathIds = new Set<number>();
  for (const row of rows)
    for (const segment of row.path.split('/').filter(Boolean).slice(0, -1)) pathIds.add(Number(segment));
  if (pathIds.size === 0) return new Set();
  const ancestors = (await strapi.db
    .query(FOLDER)
    .findMany({ where: { pathId: { $in: [...pathIds] } }, select: ['id'] })) as Array<{ id: number }>;
  return new Set(ancestors.map((a) => a.id));
}

/** Every folder id a caller may see in lists (readable ones and the folders leading to them). */
export function visibleFolders(scope: FolderScope): Set<number> {
  return new Set([...scope.readable, ...scope.navigation]);
}

/** A folder's row by id (its path decides where a file in it lives). */
export async function folderRow(strapi: Core.Strapi, id: number): Promise<FolderRow | null> {
  return (await strapi.db
    .query(FOLDER)
    .findOne({ where: { id }, select: ['id', 'name', 'path'] })) as FolderRow | null;
}
