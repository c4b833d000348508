/**
 * Organizations: every unit of the hand-compiled central list, plus the issuers that documents
 * name but the list lacks (the Party Central Committee for 60-NQ/TW). Document issuer names are
 * matched by their diacritic-free slug, which also absorbs the old and new tone placements
 * ("Uỷ ban" / "Ủy ban", "Hoà" / "Hòa") and Unicode composition differences.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { slugifyVietnamese, type SiteKind } from '@pbgdpl/domain';
import { DATA_FILES } from './data-dir.js';
import { DataImportError } from './errors.js';
import type { IssueLog } from './issues.js';
import type { OrganizationCategory, OrganizationRecord } from './records.js';

interface RawOrganization {
  id?: unknown;
  ten?: unknown;
  ten_en?: unknown;
  doc_symbol?: unknown;
}

/** A unit of the central list that runs its own PBGDPL site (ministries, agencies, đoàn thể). */
export interface CentralUnit {
  code: string;
  name: string;
  nameEn: string | null;
  kind: Extract<SiteKind, 'ministry' | 'ministry_agency' | 'mass_organisation'>;
}

const SITE_GROUPS = {
  ministries: { category: 'ministry', kind: 'ministry' },
  ministerial_level_agencies: { category: 'ministry_agency', kind: 'ministry_agency' },
  central_mass_organisations: { category: 'mass_organisation', kind: 'mass_organisation' },
} as const;

/** The file's "other_central_issuers" do not say what they are; these ids do. */
const OTHER_ISSUER_CATEGORIES: Readonly<Record<string, OrganizationCategory>> = {
  'quoc-hoi': 'legislature',
  'uy-ban-thuong-vu-quoc-hoi': 'legislature',
  'chu-tich-nuoc': 'state_president',
  'chinh-phu': 'government',
  'thu-tuong-chinh-phu': 'government',
  'toa-an-nhan-dan-toi-cao': 'judiciary',
  'vien-kiem-sat-nhan-dan-toi-cao': 'judiciary',
  'kiem-toan-nha-nuoc': 'central_body',
};

/** Issuers met in the documents but absent from the central list. */
const EXTRA_ISSUERS: readonly Omit<OrganizationRecord, 'code'>[] = [
  {
    name: 'Ban Chấp hành Trung ương Đảng',
    nameEn: 'Central Committee of the Communist Party of Viet Nam',
    docSymbol: 'TW',
    category: 'party',
  },
];

const optionalText = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim().normalize('NFC') : null;

export interface CentralList {
  organizations: OrganizationRecord[];
  centralUnits: CentralUnit[];
}

/**
 * @throws {DataImportError} when the file is not JSON or lacks one of its four groups.
 */
export async function readCentralList(dataDir: string, issues: IssueLog): Promise<CentralList> {
  const file = DATA_FILES.organizations;
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(await readFile(path.join(dataDir, file), 'utf8')) as Record<string, unknown>;
  } catch (cause) {
    throw new DataImportError(`Cannot read ${file} in "${dataDir}": ${(cause as Error).message}`, { cause });
  }

  const organizations: OrganizationRecord[] = [];
  const centralUnits: CentralUnit[] = [];
  for (const group of [...Object.keys(SITE_GROUPS), 'other_central_issuers']) {
    const entries = raw[group];
    if (!Array.isArray(entries)) {
      throw new DataImportError(
        `${file} in "${dataDir}" has no "${group}" list; the import needs all four groups.`,
      );
    }
    for (const entry of entries as RawOrganization[]) {
      const code = optionalText(entry.id);
      const name = optionalText(entry.ten);
      if (!code || !name || slugifyVietnamese(code) !== code) {
        issues.error(
          `${file}:${group}`,
          'code',
          `Entry ${JSON.stringify(entry)} has no valid id (slug) or name; skipped.`,
        );
        continue;
      }
      const siteGroup = SITE_GROUPS[group as keyof typeof SITE_GROUPS] as
        (typeof SITE_GROUPS)[keyof typeof SITE_GROUPS] | undefined;
      const category = siteGroup?.category ?? OTHER_ISSUER_CATEGORIES[code];
      if (!category) {
        issues.warn(
          `${file}:${code}`,
          'category',
          `Unknown central issuer "${name}"; imported with category "other".`,
        );
      }
      const nameEn = optionalText(entry.ten_en);
      organizations.push({
        code,
        name,
        nameEn,
        docSymbol: optionalText(entry.doc_symbol),
        category: category ?? 'other',
      });
      if (siteGroup) centralUnits.push({ code, name, nameEn, kind: siteGroup.kind });
    }
  }
  return { organizations, centralUnits };
}

/** Finds or creates the organization behind an issuer name printed on a document. */
export class IssuerDirectory {
  private readonly bySlug = new Map<string, OrganizationRecord>();

  constructor(organizations: readonly OrganizationRecord[]) {
    for (const organization of organizations) {
      this.bySlug.set(slugifyVietnamese(organization.name), organization);
      this.bySlug.set(organization.code, organization);
    }
  }

  /** The organization code for `name`, adding a record for an issuer outside the central list. */
  resolve(name: string, source: string, issues: IssueLog): string {
    const normalized = name.normalize('NFC').replace(/\s+/g, ' ').trim();
    const slug = slugifyVietnamese(normalized);
    const known = this.bySlug.get(slug);
    if (known) return known.code;

    const extra = EXTRA_ISSUERS.find((candidate) => slugifyVietnamese(candidate.name) === slug);
    const record: OrganizationRecord = extra
      ? { code: slug, ...extra }
      : { code: slug, name: normalized, nameEn: null, docSymbol: null, category: 'other' };
    if (!extra) {
      issues.warn(
        source,
        'issuerCodes',
        `Issuer "${normalized}" is not in ${DATA_FILES.organizations}; added as "${slug}" with category "other".`,
      );
    }
    this.bySlug.set(slug, record);
    return record.code;
  }

  get(code: string): OrganizationRecord | undefined {
    return this.bySlug.get(code);
  }

  /** Every organization, the central list first, then issuers added while reading documents. */
  list(): OrganizationRecord[] {
    return [...new Set(this.bySlug.values())];
  }
}
