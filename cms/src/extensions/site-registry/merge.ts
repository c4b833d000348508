import type { Core } from '@strapi/strapi';
import { appendAuditEntry } from '../audit/entry';
import { currentCaller, requestOrigin } from '../federation/caller';
import { LEGAL_DOCUMENT, MEMBERSHIP, SITE, siteOwnedTypes } from '../federation/types';
import { RegistryError } from './errors';
import { redirect, siteByCode, type SiteRow } from './sites';

export interface MergeResult {
  into: string;
  from: string[];
  /** Items (documents) whose owner moved, by content type. */
  movedItems: Record<string, number>;
  /** Items whose slug clashed with one of the surviving site's and got the old code appended. */
  renamedSlugs: Array<{ contentType: string; documentId: string; from: string; to: string }>;
  movedMemberships: number;
  droppedDuplicateMemberships: number;
  reparentedSites: string[];
  redirects: Array<{ fromPath: string; toPath: string }>;
}

type Row = {
  id: number;
  documentId: string;
  locale?: string | null;
  publishedAt?: string | null;
  slug?: string | null;
};

/**
 * Merges sites into one (communes and wards were merged in the 2025 reform): everything the old
 * sites owned — every version and locale of their items, legal documents' territorial scope,
 * audiences naming them — now belongs to the surviving site; their editors become its members;
 * their child sites move under it; their addresses redirect to its address; they are disabled
 * (kept, with their history). The items move in one transaction; the other steps follow and
 * are idempotent, so an interrupted merge is completed by running it again. One `site_merge`
 * audit entry lists what moved; the site-record changes are audited one by one.
 *
 * Item rows are moved below the Document Service (an owner change is not an editorial change:
 * drafts keep their state and published versions stay published), so rebuild the surviving
 * site afterwards (`pnpm sites:build --site <into>`).
 * @throws RegistryError for unknown codes, a site merged into itself or into another kind.
 */
export async function mergeSites(
  strapi: Core.Strapi,
  input: { from: string[]; into: string },
): Promise<MergeResult> {
  const into = await siteByCode(strapi, input.into);
  if (!into.enabled)
    throw new RegistryError(`Trang “${into.name}” đang ngừng hoạt động: không hợp nhất vào trang này.`);
  const sources: SiteRow[] = [];
  for (const code of [...new Set(input.from)]) {
    const site = await siteByCode(strapi, code);
    if (site.id === into.id) throw new RegistryError(`Không hợp nhất trang “${site.name}” vào chính nó.`);
    if (site.kind !== into.kind)
      throw new RegistryError(
        `Chỉ hợp nhất các trang cùng loại: “${site.name}” (${site.kind}) và “${into.name}” (${into.kind}).`,
      );
    sources.push(site);
  }
  if (sources.length === 0) throw new RegistryError('Hãy nêu ít nhất một trang cần hợp nhất (--from).');

  const result: MergeResult = {
    into: into.code,
    from: sources.map((s) => s.code),
    movedItems: {},
    renamedSlugs: [],
    movedMemberships: 0,
    droppedDuplicateMemberships: 0,
    reparentedSites: [],
    redirects: [],
  };
  const caller = currentCaller(strapi);
  // Items move in one transaction, below the Document Service. The registry records, memberships
  // and redirects then go through the Document Service (audited, seen by the sync engine), which
  // must not run inside an outer transaction (the read cache bumps its version on its own
  // connection). Each step is idempotent: if the command is interrupted, run it again.
  await strapi.db.transaction(async () => {
    for (const source of sources) {
      await moveItems(strapi, source, into, result);
      await moveReferences(strapi, source, into);
    }
  });
  for (const source of sources) {
    await moveMemberships(strapi, source, into, result);
    await reparentChildren(strapi, source, into, result);
    await redirect(strapi, {
      fromPath: source.basePath,
      fromSiteCode: source.code,
      to: into,
      reason: 'merge',
    });
    result.redirects.push({ fromPath: source.basePath, toPath: into.basePath });
    if (source.enabled)
      await strapi
        .documents(SITE)
        .update({ documentId: source.documentId, data: { enabled: false } } as never);
  }
  await appendAuditEntry(strapi, {
    action: 'site_merge',
    caller,
    origin: requestOrigin(strapi),
    contentType: SITE,
    documentId: into.documentId,
    itemTitle: into.name,
    site: { id: into.id, code: into.code },
    changes: result,
  });
  return result;
}

/** Every row (versions, locales) of every site-owned type owned by `source` → `into`. */
async function moveItems(
  strapi: Core.Strapi,
  source: SiteRow,
  into: SiteRow,
  result: MergeResult,
): Promise<void> {
  for (const uid of siteOwnedTypes(strapi)) {
    const hasSlug = 'slug' in (strapi.contentType(uid as never).attributes as object);
    const select = ['id', 'documentId', 'locale', 'publishedAt', ...(hasSlug ? ['slug'] : [])];
    const rows = (await strapi.db
      .query(uid as never)
      .findMany({ where: { owningSite: { id: source.id } }, select })) as Row[];
    if (rows.length === 0) continue;
    const taken = hasSlug
      ? new Set(
          (
            (await strapi.db
              .query(uid as never)
              .findMany({ where: { owningSite: { id: into.id } }, select })) as Row[]
          ).map((r) => slugKey(r, r.slug)),
        )
      : new Set<string>();
    for (const row of rows) {
      const data: Record<string, unknown> = { owningSite: into.id };
      if (row.slug && taken.has(slugKey(row, row.slug))) {
        const slug = `${row.slug}-${source.code}`.slice(0, 200);
        data.slug = slug;
        if (!result.renamedSlugs.some((r) => r.documentId === row.documentId && r.to === slug))
          result.renamedSlugs.push({
            contentType: uid,
            documentId: row.documentId,
            from: row.slug,
            to: slug,
          });
      }
      await strapi.db.query(uid as never).update({ where: { id: row.id }, data });
    }
    result.movedItems[uid] = (result.movedItems[uid] ?? 0) + new Set(rows.map((r) => r.documentId)).size;
  }
}

function slugKey(row: Row, slug: string | null | undefined): string {
  return `${row.locale ?? ''}|${row.publishedAt ? 'published' : 'draft'}|${slug ?? ''}`;
}

/** Legal documents' territorial scope and audiences that name `source` now name `into`. */
async function moveReferences(strapi: Core.Strapi, source: SiteRow, into: SiteRow): Promise<void> {
  const scoped = (await strapi.db.query(LEGAL_DOCUMENT).findMany({
    where: { scopeSite: { id: source.id } },
    select: ['id'],
  })) as Row[];
  for (const row of scoped)
    await strapi.db.query(LEGAL_DOCUMENT).update({ where: { id: row.id }, data: { scopeSite: into.id } });
  for (const uid of siteOwnedTypes(strapi)) {
    if (!('audienceProvinces' in (strapi.contentType(uid as never).attributes as object))) continue;
    const rows = (await strapi.db.query(uid as never).findMany({
      where: { audienceProvinces: { id: source.id } },
      select: ['id'],
      populate: { audienceProvinces: { select: ['id'] } },
    })) as Array<{ id: number; audienceProvinces: Array<{ id: number }> }>;
    for (const row of rows) {
      const ids = new Set(row.audienceProvinces.map((p) => p.id).filter((id) => id !== source.id));
      ids.add(into.id);
      await strapi.db
        .query(uid as never)
        .update({ where: { id: row.id }, data: { audienceProvinces: [...ids] } });
    }
  }
}

async function moveMemberships(
  strapi: Core.Strapi,
  source: SiteRow,
  into: SiteRow,
  result: MergeResult,
): Promise<void> {
  const memberships = strapi.documents(MEMBERSHIP);
  const rows = (await strapi.db.query(MEMBERSHIP).findMany({
    where: { site: { id: source.id } },
    select: ['documentId', 'adminUserId'],
  })) as Array<{ documentId: string; adminUserId: number }>;
  for (const row of rows) {
    const twin = await strapi.db
      .query(MEMBERSHIP)
      .findOne({ where: { adminUserId: row.adminUserId, site: { id: into.id } } });
    if (twin) {
      await memberships.delete({ documentId: row.documentId } as never);
      result.droppedDuplicateMemberships += 1;
    } else {
      await memberships.update({ documentId: row.documentId, data: { site: into.documentId } } as never);
      result.movedMemberships += 1;
    }
  }
}

async function reparentChildren(
  strapi: Core.Strapi,
  source: SiteRow,
  into: SiteRow,
  result: MergeResult,
): Promise<void> {
  const children = (await strapi.db.query(SITE).findMany({
    where: { parent: { id: source.id } },
    select: ['documentId', 'code'],
  })) as Array<{ documentId: string; code: string }>;
  for (const child of children) {
    await strapi
      .documents(SITE)
      .update({ documentId: child.documentId, data: { parent: into.documentId } } as never);
    result.reparentedSites.push(child.code);
  }
}
