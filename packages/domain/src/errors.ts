/**
 * Errors thrown by @pbgdpl/domain. Every error extends DomainError, so callers can catch the
 * package's failures in one place and tell them apart by `name` (kept explicit because bundlers
 * and minifiers rename classes). Messages an editor may read (document numbers, dates typed in
 * the CMS) are in Vietnamese; messages about a programming mistake are in English.
 */
export class DomainError extends Error {
  override name = 'DomainError';
}

/** A value that should be an ISO calendar date ('YYYY-MM-DD') is not one. */
export class InvalidDateError extends DomainError {
  override name = 'InvalidDateError';

  constructor(
    /** What the value was meant to be, e.g. "asOf" or "relation 45/2019/QH14 effectiveDate". */
    readonly field: string,
    readonly value: unknown,
  ) {
    super(`${field} must be an ISO date 'YYYY-MM-DD' (a real calendar day), got ${JSON.stringify(value)}.`);
  }
}

/** Why a document number (số ký hiệu) was refused. */
export type DocumentNumberProblem = 'empty' | 'format' | 'ordinal' | 'year' | 'too_long';

/** A document number (số ký hiệu) cannot be parsed; the message is for editors, in Vietnamese. */
export class DocumentNumberError extends DomainError {
  override name = 'DocumentNumberError';

  constructor(
    readonly problem: DocumentNumberProblem,
    readonly input: string,
    message: string,
  ) {
    super(message);
  }
}

/** A URL path cannot be built from the given parts (a bad segment, a missing issuer…). */
export class UrlPathError extends DomainError {
  override name = 'UrlPathError';
}
