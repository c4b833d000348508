/**
 * Citable URL paths, in the spirit of the European Legislation Identifier: a document lives at
 * van-ban/<type>/<year>/<number>/ (with an issuer segment where numbers repeat), so a citizen or
 * another site can build the link from the printed document alone. Paths are relative to a
 * site's base; joinBase puts them under it.
 */
import { DOCUMENT_TYPE_INFO, type DocumentType } from './document-type.js';
import { documentNumberSlug, parseDocumentNumber } from './document-number.js';
import { UrlPathError } from './errors.js';
import { yearOf, type IsoDate } from './iso-date.js';

export interface DocumentPathInput {
  readonly documentType: DocumentType;
  /** The year of the issued date is the year segment (a number's own year may be missing). */
  readonly issuedDate: IsoDate;
  readonly number: string;
  /**
   * Code of the issuing unit, as a slug starting with a letter — normally its site code
   * ("ha-noi", "ha-noi-ba-dinh"). It becomes a segment before the number:
   * van-ban/quyet-dinh-ubnd-tinh/2024/ha-noi/25-2024-qd-ubnd/. Required when
   * needsIssuerSegment() is true. Decide by that rule, not by looking for collisions in today's
   * data: a URL must not change when a second document with the same number arrives later.
   */
  readonly issuerSymbol?: string | null;
}

/** Types numbered by each local council or committee on its own, so numbers repeat nationwide. */
export const LOCALLY_NUMBERED_DOCUMENT_TYPES: ReadonlySet<DocumentType> = new Set<DocumentType>([
  'provincial_council_resolution',
  'provincial_committee_decision',
  'special_unit_document',
  'commune_council_resolution',
  'commune_committee_decision',
  'district_council_resolution',
  'district_committee_decision',
]);

/** Symbol parts that name a kind of local body rather than one body ("KH-UBND", "NQ-HĐND"). */
const LOCAL_BODY_SYMBOLS: ReadonlySet<string> = new Set(['UBND', 'HĐND']);

const ISSUER_SEGMENT = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export const DOCUMENT_LIST_SEGMENT = 'van-ban';
export const NEWLY_EFFECTIVE_SEGMENT = 'van-ban-moi-co-hieu-luc';

/**
 * True when a number does not identify its issuer, so its path needs an issuer segment: local
 * normative types, and any document whose symbol names only a kind of local body ("12/KH-UBND").
 * @throws {DocumentNumberError} when the number cannot be parsed.
 */
export function needsIssuerSegment(documentType: DocumentType, number: string): boolean {
  if (LOCALLY_NUMBERED_DOCUMENT_TYPES.has(documentType)) return true;
  return parseDocumentNumber(number)
    .symbol.split(/[-/]/)
    .some((part) => LOCAL_BODY_SYMBOLS.has(part));
}

/**
 * The citable path of a document, relative to a site's base: "van-ban/bo-luat/2019/45-2019-qh14/".
 * @throws {UrlPathError} when an issuer segment is required but missing, or is not a slug.
 * @throws {DocumentNumberError} when the number cannot be parsed.
 * @throws {InvalidDateError} when issuedDate is not an ISO date.
 */
export function documentPath(input: DocumentPathInput): string {
  const info = DOCUMENT_TYPE_INFO[input.documentType];
  if (info === undefined) throw new UrlPathError(`Unknown document type "${String(input.documentType)}".`);
  const year = yearOf(input.issuedDate);
  const numberSlug = documentNumberSlug(input.number);
  const issuer = input.issuerSymbol ?? '';
  if (issuer === '') {
    if (needsIssuerSegment(input.documentType, input.number)) {
      throw new UrlPathError(
        `Document ${input.number} (${input.documentType}) needs issuerSymbol: its number repeats between ` +
          'issuers. Pass the issuing unit’s site code, e.g. "ha-noi".',
      );
    }
    return `${DOCUMENT_LIST_SEGMENT}/${info.slug}/${year}/${numberSlug}/`;
  }
  if (!ISSUER_SEGMENT.test(issuer)) {
    throw new UrlPathError(
      `issuerSymbol "${issuer}" must be a slug of a-z, 0-9 and single hyphens starting with a letter, e.g. "ha-noi".`,
    );
  }
  return `${DOCUMENT_LIST_SEGMENT}/${info.slug}/${year}/${issuer}/${numberSlug}/`;
}

/** The list of all documents: "van-ban/". */
export function documentListPath(): string {
  return `${DOCUMENT_LIST_SEGMENT}/`;
}

/** Documents of one type: "van-ban/luat/". */
export function documentTypeListPath(documentType: DocumentType): string {
  return `${DOCUMENT_LIST_SEGMENT}/${DOCUMENT_TYPE_INFO[documentType].slug}/`;
}

/** Newly effective documents (requirement C-1): "van-ban-moi-co-hieu-luc/". */
export function newlyEffectivePath(): string {
  return `${NEWLY_EFFECTIVE_SEGMENT}/`;
}

const ORIGIN = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)(.*)$/i;

/**
 * Joins a site's base ("/ha-noi/", "/", "", "https://pbgdpl.gov.vn/ha-noi") and a relative path
 * ("van-ban/", "/van-ban", "feed.xml") with exactly one slash between segments. A path whose last
 * segment has no dot is a directory and ends with a slash ("/ha-noi/van-ban/"); one with a dot is
 * a file ("/ha-noi/feed.xml"). A query or fragment on the relative path is kept.
 * @throws {UrlPathError} on "." or ".." segments, which would let a path leave its site.
 */
export function joinBase(basePath: string, relative: string): string {
  const [, origin = '', basePathOnly = basePath] = ORIGIN.exec(basePath) ?? [];
  const cut = relative.search(/[?#]/);
  const relativePath = cut === -1 ? relative : relative.slice(0, cut);
  const suffix = cut === -1 ? '' : relative.slice(cut);
  const segments = [...basePathOnly.split('/'), ...relativePath.split('/')].filter((s) => s !== '');
  if (segments.some((s) => s === '.' || s === '..')) {
    throw new UrlPathError(`Path "${relative}" under "${basePath}" contains "." or ".." segments.`);
  }
  const last = segments.at(-1);
  const isFile = last !== undefined && last.includes('.');
  const path = segments.length === 0 ? '/' : `/${segments.join('/')}${isFile ? '' : '/'}`;
  return `${origin}${path}${suffix}`;
}
