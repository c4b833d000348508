/**
 * The CMS's published content as the sites read it over GraphQL. Field names are the Strapi
 * attribute names (cms/src/api/<type>/content-types/<type>/schema.json); nullable in the schema
 * means `| null` here. Enumerations reuse the vocabulary of `@pbgdpl/domain`.
 */
import type {
  DocumentType,
  RelationKind,
  SiteKind,
  ValidityBasis,
  ValidityEvent,
  ValidityStatus,
} from '@pbgdpl/domain';

/** A content locale. `vi` is the default and the language of every site; `en` is optional. */
export type Locale = 'vi' | 'en';

/** An uploaded file (Strapi's UploadFile) as far as the sites need it. */
export interface MediaFile {
  /** Relative to the CMS origin ("/uploads/…") with the local provider, absolute otherwise. */
  url: string;
  alternativeText: string | null;
  mime: string;
  width: number | null;
  height: number | null;
  /**
   * The smaller copies Strapi made of an image (thumbnail ≤ 245 px, small ≤ 500, medium ≤ 750,
   * large ≤ 1000 wide; only those smaller than the original). Asked for where the sites show images.
   */
  formats?: MediaFormats | null;
  /** Moves when the file is replaced (Strapi keeps its URL then): the sites' copy is refreshed. */
  updatedAt?: string | null;
}

/** One of Strapi's generated copies of an image. */
export interface MediaFormat {
  url: string;
  width: number | null;
  height: number | null;
  mime?: string | null;
}

export type MediaFormats = Partial<Record<'thumbnail' | 'small' | 'medium' | 'large', MediaFormat>>;

/** Component `site.theme`. Colours are "#rrggbb" (the schema enforces it). */
export interface SiteTheme {
  primaryColor: string | null;
  accentColor: string | null;
  logo: MediaFile | null;
}

/** Component `site.contact`. */
export interface SiteContact {
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
}

/** Content type `organization`: a body that issues documents (cơ quan ban hành). */
export interface Organization {
  documentId: string;
  code: string;
  name: string;
  nameEn: string | null;
  /** Abbreviation used in document numbers ("QH", "BTP"). */
  docSymbol: string | null;
  category: string;
}

/** Content type `legal-field`: sector or field (ngành, lĩnh vực). */
export interface LegalField {
  documentId: string;
  code: string;
  name: string;
  nameEn: string | null;
}

/** Just enough of a site to link to it (a parent or a child in the registry tree). */
export interface SiteRef {
  documentId: string;
  code: string;
  name: string;
  kind: SiteKind;
  /** Where the site is served, e.g. "/ha-noi/". */
  basePath: string;
  enabled: boolean;
}

/** Content type `site`: one entry of the registry of unit sites. */
export interface Site extends SiteRef {
  nameEn: string | null;
  /** Null only for the national portal. */
  parent: SiteRef | null;
  /** Official province (2 digits) or commune (5 digits) code; null for central sites. */
  adminUnitCode: string | null;
  /** "Tỉnh", "Thành phố", "Xã", "Phường", "Đặc khu"…; null for central sites. */
  unitType: string | null;
  /** Public origin when the site has its own domain; null when it lives under a shared host. */
  baseUrl: string | null;
  theme: SiteTheme | null;
  contact: SiteContact | null;
  organization: Pick<Organization, 'documentId' | 'code' | 'name'> | null;
  /**
   * Legal fields (codes) the unit chose not to receive from other sites; items marked mandatory
   * still reach it. Absent from registries read before opt-outs existed.
   */
  optedOutFields?: Array<{ code: string }>;
}

/**
 * One step of a document's status timeline as the CMS stores it in `validityHistory`: the
 * output of `computeValidity` in @pbgdpl/domain (date, status, cause, and for a relation its
 * kind, source number and documentId, affected part; `scheduled` when it lies in the future).
 */
export type ValidityHistoryEntry = ValidityEvent;

/**
 * How `validityStatus` was decided: from the relations acting on the document, from a status an
 * authoritative source declared, or from the effective dates alone (not yet checked against
 * amending documents).
 */
export type { ValidityBasis };

export type DocumentScope = 'national' | 'local';

/** Content type `legal-document` in one locale, published version. */
export interface LegalDocument {
  documentId: string;
  locale: string;
  /** Số ký hiệu, e.g. "45/2019/QH14". */
  number: string;
  documentType: DocumentType;
  title: string;
  /** Trích yếu. */
  abstract: string;
  /** Markdown (or plain text with one paragraph per line); never trusted as HTML. */
  fullText: string | null;
  issuers: Organization[];
  signerTitle: string | null;
  signerName: string | null;
  /** ISO dates (YYYY-MM-DD). */
  issuedDate: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  gazetteNumber: string | null;
  gazetteDate: string | null;
  fields: LegalField[];
  scope: DocumentScope;
  /** The locality a local document applies to. */
  scopeSite: SiteRef | null;
  /** The site whose editors own the document. */
  owningSite: SiteRef | null;
  originalFile: MediaFile | null;
  sourceUrl: string | null;
  declaredStatus: ValidityStatus | null;
  declaredStatusSource: string | null;
  declaredStatusAsOf: string | null;
  validityStatus: ValidityStatus | null;
  validityBasis: ValidityBasis | null;
  validityHistory: ValidityHistoryEntry[] | null;
  /** ISO timestamp of the CMS's last computation. */
  validityComputedAt: string | null;
  updatedAt: string | null;
  publishedAt: string | null;
}

/** A legal document without its full text: what list pages and indexes need. */
export type LegalDocumentSummary = Omit<LegalDocument, 'fullText'>;

/**
 * Content type `document-relation`: the source document acts on the target document ("45/2019/QH14
 * replaces 10/2012/QH13"). Recorded once, by number and documentId; not localized.
 */
export interface DocumentRelation {
  documentId: string;
  sourceNumber: string;
  kind: RelationKind;
  targetNumber: string;
  /** Null when the source document is not in the CMS. */
  sourceDocumentId: string | null;
  /** Null when the target document is not in the CMS. */
  targetDocumentId: string | null;
  /** True when only part of the target is concerned (see `affectedPart`). */
  partial: boolean;
  affectedPart: string | null;
  effectiveDate: string | null;
  note: string | null;
}
