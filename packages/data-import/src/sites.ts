/**
 * The registry of sites: the national portal, the central units that run a site, the 34
 * provinces and their 3,321 communes (after the July 2025 reform, with no district level).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  NATIONAL_SITE_CODE,
  assignCommuneCodes,
  centralSiteCode,
  provinceSiteCode,
  siteBasePath,
  slugifyVietnamese,
} from '@pbgdpl/domain';
import { parseCsv, type CsvRow } from './csv.js';
import { DATA_FILES } from './data-dir.js';
import { DataImportError } from './errors.js';
import type { IssueLog } from './issues.js';
import type { CentralUnit } from './organizations.js';
import type { SiteRecord } from './records.js';

/** What the mission plans for; a different count in the files is reported, not fatal. */
export const EXPECTED_COUNTS = {
  ministry: 14,
  ministry_agency: 3,
  mass_organisation: 6,
  province: 34,
  commune: 3321,
} as const;

export const NATIONAL_PORTAL = {
  name: 'Cổng Phổ biến, giáo dục pháp luật quốc gia',
  nameEn: 'National Legal Dissemination and Education Portal',
  /** The Ministry of Justice runs the national portal (Decision 471/QĐ-TTg). */
  organizationCode: 'bo-tu-phap',
} as const;

export interface ProvinceUnit {
  adminCode: string;
  /** Short name without the unit type ("An Giang"): what documents print after "tỉnh"/"thành phố". */
  name: string;
  /** "Tỉnh" or "Thành phố trực thuộc trung ương". */
  unitType: string;
  siteCode: string;
}

export interface AdminUnits {
  provinces: ProvinceUnit[];
  sites: SiteRecord[];
}

async function readCsv(dataDir: string, file: string, columns: readonly string[]): Promise<CsvRow[]> {
  const rows = parseCsv(await readFile(path.join(dataDir, file), 'utf8'));
  const missing = columns.filter((column) => rows.length > 0 && !(column in rows[0]!.values));
  if (rows.length === 0 || missing.length > 0) {
    throw new DataImportError(
      `${file} in "${dataDir}" ${rows.length === 0 ? 'has no rows' : `lacks the columns ${missing.join(', ')}`}; ` +
        `expected the columns ${columns.join(', ')}.`,
    );
  }
  return rows;
}

/**
 * Province and commune sites: all provinces in official-code order, then the communes grouped by
 * province, so a parent always precedes its children (the seed can create them in one pass).
 * @throws {DataImportError} when a CSV file lacks its header columns.
 */
export async function readAdminUnits(dataDir: string, issues: IssueLog): Promise<AdminUnits> {
  const provinceRows = await readCsv(dataDir, DATA_FILES.provinces, [
    'code',
    'name',
    'full_name',
    'full_name_en',
    'code_name',
    'unit_type',
    'ward_count',
  ]);
  const wardRows = await readCsv(dataDir, DATA_FILES.wards, [
    'code',
    'name',
    'full_name',
    'full_name_en',
    'code_name',
    'unit_type',
    'province_code',
  ]);

  const provinces: ProvinceUnit[] = [];
  const provinceSites: SiteRecord[] = [];
  const declaredWardCount = new Map<string, number>();
  for (const { line, values } of provinceRows) {
    const source = `${DATA_FILES.provinces}:${line}`;
    if (!/^\d{2}$/.test(values.code ?? '') || !values.full_name || !values.name) {
      issues.error(source, 'adminUnitCode', `Province row without a 2-digit code or a name; skipped.`);
      continue;
    }
    const code = provinceSiteCode(values.code_name ?? '', values.name);
    provinces.push({
      adminCode: values.code!,
      name: values.name,
      unitType: values.unit_type ?? '',
      siteCode: code,
    });
    declaredWardCount.set(values.code!, Number(values.ward_count));
    provinceSites.push({
      code,
      name: values.full_name,
      nameEn: values.full_name_en || null,
      kind: 'province',
      parentCode: NATIONAL_SITE_CODE,
      adminUnitCode: values.code!,
      unitType: values.unit_type || null,
      basePath: siteBasePath(code),
      organizationCode: null,
    });
  }
  provinces.sort((a, b) => a.adminCode.localeCompare(b.adminCode));
  provinceSites.sort((a, b) => (a.adminUnitCode ?? '').localeCompare(b.adminUnitCode ?? ''));

  const wardsByProvince = new Map<string, CsvRow[]>();
  for (const row of wardRows) {
    const { code, province_code: provinceCode, full_name: fullName } = row.values;
    const source = `${DATA_FILES.wards}:${row.line}`;
    if (!/^\d{5}$/.test(code ?? '') || !fullName) {
      issues.error(source, 'adminUnitCode', `Commune row without a 5-digit code or a full name; skipped.`);
    } else if (!declaredWardCount.has(provinceCode ?? '')) {
      issues.error(
        source,
        'parentCode',
        `Commune ${code} names province "${provinceCode}", which is not in ${DATA_FILES.provinces}; skipped.`,
      );
    } else {
      wardsByProvince.set(provinceCode!, [...(wardsByProvince.get(provinceCode!) ?? []), row]);
    }
  }

  const communeSites: SiteRecord[] = [];
  for (const province of provinces) {
    const rows = wardsByProvince.get(province.adminCode) ?? [];
    if (rows.length !== declaredWardCount.get(province.adminCode)) {
      issues.warn(
        `${DATA_FILES.provinces}:${province.adminCode}`,
        'ward_count',
        `ward_count says ${declaredWardCount.get(province.adminCode)} but ${DATA_FILES.wards} lists ${rows.length} communes.`,
      );
    }
    communeSites.push(...communeSitesOf(province, rows, issues));
  }

  checkCount('province', provinceSites.length, DATA_FILES.provinces, issues);
  checkCount('commune', communeSites.length, DATA_FILES.wards, issues);
  return { provinces, sites: [...provinceSites, ...communeSites] };
}

function communeSitesOf(province: ProvinceUnit, rows: readonly CsvRow[], issues: IssueLog): SiteRecord[] {
  const communes = rows.map(({ values }) => ({
    adminCode: values.code!,
    codeName: values.code_name ?? '',
    name: values.name ?? '',
  }));
  let codes: Map<string, string>;
  try {
    codes = assignCommuneCodes(province.siteCode, communes);
  } catch (error) {
    issues.error(
      `${DATA_FILES.wards}:province ${province.adminCode}`,
      'code',
      `${(error as Error).message} The province's communes were skipped.`,
    );
    return [];
  }
  reportSlugCollisions(province, communes, codes, issues);

  return rows
    .map(({ values }) => ({
      code: codes.get(values.code!)!,
      name: values.full_name!,
      nameEn: values.full_name_en || null,
      kind: 'commune' as const,
      parentCode: province.siteCode,
      adminUnitCode: values.code!,
      unitType: values.unit_type || null,
      basePath: siteBasePath(codes.get(values.code!)!),
      organizationCode: null,
    }))
    .sort((a, b) => a.adminUnitCode.localeCompare(b.adminUnitCode));
}

/** Tells the operator which communes got an admin-code suffix, and why. */
function reportSlugCollisions(
  province: ProvinceUnit,
  communes: readonly { adminCode: string; codeName: string; name: string }[],
  codes: ReadonlyMap<string, string>,
  issues: IssueLog,
): void {
  const bySlug = new Map<string, typeof communes>();
  for (const commune of communes) {
    const slug = slugifyVietnamese(commune.codeName) || slugifyVietnamese(commune.name);
    bySlug.set(slug, [...(bySlug.get(slug) ?? []), commune]);
  }
  for (const [slug, group] of bySlug) {
    if (group.length < 2) continue;
    const members = group.map(
      (commune) => `${commune.adminCode} "${commune.name}" → ${codes.get(commune.adminCode)}`,
    );
    issues.warn(
      `${DATA_FILES.wards}:province ${province.adminCode}`,
      'code',
      `Communes share the slug "${slug}" once diacritics are dropped; each code carries its admin code: ${members.join('; ')}.`,
    );
  }
}

function checkCount(
  kind: keyof typeof EXPECTED_COUNTS,
  actual: number,
  file: string,
  issues: IssueLog,
): void {
  if (actual !== EXPECTED_COUNTS[kind]) {
    issues.warn(file, 'kind', `Expected ${EXPECTED_COUNTS[kind]} ${kind} sites, found ${actual}.`);
  }
}

/** The national portal and one site per central unit, all children of the portal. */
export function centralSites(units: readonly CentralUnit[], issues: IssueLog): SiteRecord[] {
  const national: SiteRecord = {
    code: NATIONAL_SITE_CODE,
    name: NATIONAL_PORTAL.name,
    nameEn: NATIONAL_PORTAL.nameEn,
    kind: 'national',
    parentCode: null,
    adminUnitCode: null,
    unitType: null,
    basePath: siteBasePath(NATIONAL_SITE_CODE),
    organizationCode: units.some((unit) => unit.code === NATIONAL_PORTAL.organizationCode)
      ? NATIONAL_PORTAL.organizationCode
      : null,
  };
  if (national.organizationCode === null) {
    issues.error(
      DATA_FILES.organizations,
      'organizationCode',
      `"${NATIONAL_PORTAL.organizationCode}" is missing; the national portal has no organization.`,
    );
  }
  const sites = units.map((unit): SiteRecord => ({
    code: centralSiteCode(unit.code),
    name: unit.name,
    nameEn: unit.nameEn,
    kind: unit.kind,
    parentCode: NATIONAL_SITE_CODE,
    adminUnitCode: null,
    unitType: null,
    basePath: siteBasePath(unit.code),
    organizationCode: unit.code,
  }));
  for (const kind of ['ministry', 'ministry_agency', 'mass_organisation'] as const) {
    checkCount(kind, sites.filter((site) => site.kind === kind).length, DATA_FILES.organizations, issues);
  }
  return [national, ...sites];
}
