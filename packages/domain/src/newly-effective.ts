/**
 * "Newly effective documents" (văn bản mới có hiệu lực), content every PBGDPL site must carry
 * (requirement C-1): documents that entered into force recently, newest first.
 */
import { DomainError } from './errors.js';
import { addDays, assertIsoDate, isIsoDate, type IsoDate } from './iso-date.js';
import type { ValidityStatus } from './validity-status.js';

export const NEWLY_EFFECTIVE_WINDOW_DAYS = 90;

/** The fields the rule reads; a LegalDocument has them all. */
export interface EffectiveDated {
  readonly effectiveFrom: IsoDate | null;
  /** When known, a document that has since expired or been suspended is not "newly effective". */
  readonly validityStatus?: ValidityStatus | null;
}

/**
 * Statuses that contradict "now in force": listing these as new law would mislead readers.
 * not_yet_in_force is not among them: on the day a document takes effect its stored status may
 * still be yesterday's, and the dates are the better witness.
 */
const NOT_APPLICABLE: ReadonlySet<ValidityStatus> = new Set<ValidityStatus>(['expired', 'suspended']);

/**
 * True when the document entered into force within the `windowDays` days ending on `asOf`, both
 * ends included: with the default 90 days and asOf 2021-03-31, effectiveFrom 2021-01-01 (the
 * 90th day back) counts and 2020-12-31 does not. A document without effectiveFrom, or one whose
 * known status is expired or suspended, is not newly effective.
 * @throws {InvalidDateError} when asOf is not an ISO date.
 * @throws {DomainError} when windowDays is not a positive whole number.
 */
export function isNewlyEffective(
  doc: EffectiveDated,
  asOf: IsoDate,
  windowDays = NEWLY_EFFECTIVE_WINDOW_DAYS,
): boolean {
  assertIsoDate(asOf, 'asOf');
  if (!Number.isInteger(windowDays) || windowDays < 1) {
    throw new DomainError(`windowDays must be a positive whole number of days, got ${windowDays}.`);
  }
  if (!isIsoDate(doc.effectiveFrom)) return false;
  if (doc.validityStatus != null && NOT_APPLICABLE.has(doc.validityStatus)) return false;
  const firstDay = addDays(asOf, -(windowDays - 1));
  return doc.effectiveFrom >= firstDay && doc.effectiveFrom <= asOf;
}

/** Sortable by entry into force; issuedDate and number break ties so the order is stable across builds. */
export interface EffectiveSortable {
  readonly effectiveFrom: IsoDate | null;
  readonly issuedDate?: IsoDate | null;
  readonly number?: string;
}

/**
 * A new array, most recently effective first; documents without effectiveFrom go last. Ties fall
 * to the later issued date, then the document number, so pages do not reshuffle between builds.
 */
export function sortByEffectiveDesc<T extends EffectiveSortable>(docs: readonly T[]): T[] {
  return [...docs].sort(
    (a, b) =>
      descNullsLast(a.effectiveFrom, b.effectiveFrom) ||
      descNullsLast(a.issuedDate ?? null, b.issuedDate ?? null) ||
      (a.number ?? '').localeCompare(b.number ?? '', 'vi'),
  );
}

/**
 * The newly effective documents among `docs`, newest first: what the C-1 page lists.
 * @throws {InvalidDateError} when asOf is not an ISO date.
 * @throws {DomainError} when windowDays is not a positive whole number.
 */
export function selectNewlyEffective<T extends EffectiveDated & EffectiveSortable>(
  docs: readonly T[],
  asOf: IsoDate,
  windowDays = NEWLY_EFFECTIVE_WINDOW_DAYS,
): T[] {
  return sortByEffectiveDesc(docs.filter((doc) => isNewlyEffective(doc, asOf, windowDays)));
}

function descNullsLast(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? 1 : -1;
}
