import type { Core } from '@strapi/strapi';
import type { FieldRecord, OrganizationRecord, SiteRecord } from '@pbgdpl/data-import';
import { emptyTally, loadByCode, upsertEntry, type Tally } from './upsert';
import { progress } from './progress';
import { CONTENT_TYPES } from '../../src/content-types';

/** code → documentId for each registry type, filled as the seed goes. */
export interface RegistryIds {
  organizations: Map<string, string>;
  fields: Map<string, string>;
  sites: Map<string, string>;
}

export async function seedOrganizations(
  strapi: Core.Strapi,
  records: readonly OrganizationRecord[],
  ids: RegistryIds,
): Promise<Tally> {
  const uid = CONTENT_TYPES.organization;
  const existing = await loadByCode(strapi, uid, []);
  const tally = emptyTally();
  const bar = progress('Cơ quan ban hành (organizations)', records.length);
  for (const org of records) {
    const data = {
      code: org.code,
      name: org.name,
      nameEn: org.nameEn,
      docSymbol: org.docSymbol,
      category: org.category,
    };
    const { outcome, documentId } = await upsertEntry(strapi, uid, existing.get(org.code), data, []);
    ids.organizations.set(org.code, documentId);
    tally[outcome] += 1;
    bar.tick();
  }
  bar.done();
  return tally;
}

export async function seedFields(
  strapi: Core.Strapi,
  records: readonly FieldRecord[],
  ids: RegistryIds,
): Promise<Tally> {
  const uid = CONTENT_TYPES.legalField;
  const existing = await loadByCode(strapi, uid, ['parent']);
  const tally = emptyTally();
  for (const field of parentsFirst(records, (f) => f.parentCode)) {
    const data = {
      code: field.code,
      name: field.name,
      nameEn: field.nameEn,
      parent: field.parentCode ? requireId(ids.fields, field.parentCode, `field ${field.code}`) : null,
    };
    const { outcome, documentId } = await upsertEntry(strapi, uid, existing.get(field.code), data, [
      'parent',
    ]);
    ids.fields.set(field.code, documentId);
    tally[outcome] += 1;
  }
  console.log(`Ngành, lĩnh vực (fields): ${records.length}`);
  return tally;
}

export async function seedSites(
  strapi: Core.Strapi,
  records: readonly SiteRecord[],
  ids: RegistryIds,
): Promise<Tally> {
  const uid = CONTENT_TYPES.site;
  const relationKeys = ['parent', 'organization'];
  const existing = await loadByCode(strapi, uid, relationKeys);
  const tally = emptyTally();
  const bar = progress('Trang đơn vị (sites)', records.length);
  for (const site of parentsFirst(records, (s) => s.parentCode)) {
    const data = {
      code: site.code,
      name: site.name,
      nameEn: site.nameEn,
      kind: site.kind,
      adminUnitCode: site.adminUnitCode,
      unitType: site.unitType,
      basePath: site.basePath,
      enabled: true,
      parent: site.parentCode ? requireId(ids.sites, site.parentCode, `site ${site.code}`) : null,
      organization: site.organizationCode ? (ids.organizations.get(site.organizationCode) ?? null) : null,
    };
    const { outcome, documentId } = await upsertEntry(
      strapi,
      uid,
      existing.get(site.code),
      data,
      relationKeys,
    );
    ids.sites.set(site.code, documentId);
    tally[outcome] += 1;
    bar.tick();
  }
  bar.done();
  return tally;
}

/** Orders records so that each parent comes before its children (the registry is a tree). */
export function parentsFirst<T extends { code: string }>(
  records: readonly T[],
  parentOf: (r: T) => string | null,
): T[] {
  const byCode = new Map(records.map((r) => [r.code, r]));
  const depth = (r: T, seen = new Set<string>()): number => {
    const parent = parentOf(r);
    if (!parent || !byCode.has(parent) || seen.has(r.code)) return 0;
    seen.add(r.code);
    return 1 + depth(byCode.get(parent)!, seen);
  };
  return [...records].sort((a, b) => depth(a) - depth(b));
}

function requireId(map: Map<string, string>, code: string, owner: string): string {
  const id = map.get(code);
  if (!id) throw new Error(`Seed: ${owner} refers to "${code}", which is neither in the data nor in the CMS`);
  return id;
}
