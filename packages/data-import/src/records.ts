/**
 * The plain records this package produces. They are JSON-able and their field names are the
 * CMS's attribute names, so the seed can pass them to Strapi without renaming anything.
 */
import type { DocumentType, IsoDate, RelationKind, SiteKind, ValidityStatus } from '@pbgdpl/domain';

export interface SiteRecord {
  /** Stable registry code (see `@pbgdpl/domain` site codes). */
  code: string;
  name: string;
  nameEn: string | null;
  kind: SiteKind;
  parentCode: string | null;
  /** Official province (2-digit) or commune (5-digit) code; null for central sites. */
  adminUnitCode: string | null;
  /** As printed in the admin-unit list: "Tỉnh", "Xã", "Phường", "Đặc khu"…; null for central sites. */
  unitType: string | null;
  basePath: string;
  /** The organization that runs the site, when it is one of the imported organizations. */
  organizationCode: string | null;
}

export const ORGANIZATION_CATEGORIES = [
  'legislature',
  'state_president',
  'government',
  'ministry',
  'ministry_agency',
  'government_agency',
  'judiciary',
  'central_body',
  'mass_organisation',
  'party',
  'local_government',
  'other',
] as const;

export type OrganizationCategory = (typeof ORGANIZATION_CATEGORIES)[number];

export interface OrganizationRecord {
  code: string;
  name: string;
  nameEn: string | null;
  /** Abbreviation used in document numbers ("QH", "BTP"); unverified in the source file. */
  docSymbol: string | null;
  category: OrganizationCategory;
}

/** A legal field (lĩnh vực). */
export interface FieldRecord {
  code: string;
  name: string;
  nameEn: string | null;
  parentCode: string | null;
}

export interface DocumentRecord {
  number: string;
  documentType: DocumentType;
  title: string;
  abstract: string;
  fullText: string;
  issuerCodes: string[];
  signerTitle: string | null;
  signerName: string | null;
  /** ISO date; never null: the CMS requires it, so documents without one are not imported. */
  issuedDate: string;
  effectiveFrom: string | null;
  /** Always null here: the sources say nothing reliable about expiry. */
  effectiveTo: null;
  scope: 'national' | 'local';
  scopeSiteCode: string | null;
  owningSiteCode: string;
  sourceUrl: string | null;
  fieldCodes: string[];
  /** Status as a third party declared it, not computed; null when no source says. */
  declaredStatus: ValidityStatus | null;
  declaredStatusSource: string | null;
  declaredStatusAsOf: string | null;
  titleEn: string | null;
}

/** One problem met in the data. Messages are in English, like the rest of the code. */
export interface ImportIssue {
  /** "error": the record (or part of it) was left out; "warning": imported with a repair or a gap. */
  severity: 'warning' | 'error';
  /** "<file relative to the data folder>:<line or id>". */
  source: string;
  /** The record field concerned ("issuedDate", "number"…). */
  field: string;
  message: string;
}

/**
 * A relation a document's text states about another act ("Luật Doanh nghiệp số 68/2014/QH13
 * hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành"), recorded from the acting document.
 */
export interface RelationRecord {
  /** The acting document; always a document of the dataset. */
  sourceNumber: string;
  kind: RelationKind;
  /** Normalised with the domain's rules; may be an act outside the dataset. */
  targetNumber: string;
  /** The target's name as the source's text gives it ("Luật Doanh nghiệp"), without number or date. */
  targetTitle: string | null;
  /** True when only part of the target is concerned (always for amendments). */
  partial: boolean;
  /** The part as the text names it ("khoản 6 Điều 19"); null for the whole act or an unnamed part. */
  affectedPart: string | null;
  /** From when the source says the change applies: its own entry into force, or a date it states. */
  effectiveDate: IsoDate | null;
  /** Verbatim context: the target's amendment history as cited, an exception ("trừ …"). */
  note: string | null;
  /** Whether targetNumber is a document of this dataset (of the subset, for the demo). */
  targetInDataset: boolean;
}

export interface Dataset {
  sites: SiteRecord[];
  organizations: OrganizationRecord[];
  fields: FieldRecord[];
  documents: DocumentRecord[];
  relations: RelationRecord[];
  report: ImportIssue[];
}

export type DatasetSubset = 'demo' | 'full';

export interface LoadDatasetOptions {
  /** The public data folder (see resolveDataDir). */
  dataDir: string;
  /** "full" (default) or the small "demo" selection. */
  subset?: DatasetSubset;
  /** Progress messages; silent by default. */
  log?: (message: string) => void;
}
