/**
 * Document numbers (số ký hiệu). State documents read "<số>/<năm>/<ký hiệu>" ("45/2019/QH14",
 * "15/2025/NĐ-CP"), or "<số>/<ký hiệu>" without a year ("1654/NQ-UBTVQH15", "471/QĐ-TTg"); Party
 * documents read "<số>-<loại>/<cơ quan>" ("60-NQ/TW"). Editors paste numbers from PDFs and web
 * pages, so input is NFC-normalised and forgiving about spaces, dashes, case and a "Số:" prefix;
 * the normalised form is what we store, compare and show.
 */
import { DocumentNumberError, type DocumentNumberProblem } from './errors.js';
import { slugifyVietnamese } from './slug.js';

export interface ParsedDocumentNumber {
  /** The running number: 45 in "45/2019/QH14". Leading zeros stay in `normalized` ("01/2025/TT-BTP"). */
  readonly ordinal: number;
  /** The year segment, when the number has one. */
  readonly year?: number;
  /** What follows the number and year: "QH14", "NĐ-CP", "NQ-UBTVQH15"; "NQ/TW" for Party documents. */
  readonly symbol: string;
  /** The canonical spelling: "15/2025/NĐ-CP", "471/QĐ-TTg", "60-NQ/TW". */
  readonly normalized: string;
  /** 'state' for "<số>/[<năm>/]<ký hiệu>", 'party' for "<số>-<loại>/<cơ quan>". */
  readonly style: 'state' | 'party';
}

export type DocumentNumberParseResult =
  | { readonly ok: true; readonly value: ParsedDocumentNumber }
  | { readonly ok: false; readonly error: DocumentNumberError };

/** The CMS stores numbers in a string field of this length. */
export const DOCUMENT_NUMBER_MAX_LENGTH = 80;
/** Years a document number may carry: from the founding of the state to well past today. */
export const DOCUMENT_NUMBER_YEARS = { min: 1945, max: 2099 } as const;
export const DOCUMENT_NUMBER_EXAMPLE = '45/2019/QH14';

const PART = String.raw`[\p{Lu}\d]+`;
const SYMBOL = `${PART}(?:-${PART})*`;
const STATE_NUMBER = new RegExp(String.raw`^(\d{1,6})\/(?:(\d{4})\/)?(${SYMBOL})$`, 'u');
const PARTY_NUMBER = new RegExp(String.raw`^(\d{1,6})-(\p{Lu}+)\/(${SYMBOL})$`, 'u');
const PREFIX = /^số(?:\s*ký\s*hiệu)?\s*[:.]?\s*/iu;
const DASHES = /[\u2010-\u2015\u2212]/g;
const SLASHES = /[\uff0f\u2215]/g;
const SPACES = /\s+/gu;

/**
 * Parses a document number, or says in Vietnamese why it cannot.
 * Never throws; see parseDocumentNumber for the throwing variant.
 */
export function safeParseDocumentNumber(input: string): DocumentNumberParseResult {
  const raw = typeof input === 'string' ? input.normalize('NFC').trim() : '';
  const compact = raw.replace(PREFIX, '').replace(DASHES, '-').replace(SLASHES, '/').replace(SPACES, '');
  if (compact === '') return failure('empty', input, 'Số ký hiệu là bắt buộc.');
  if (compact.length > DOCUMENT_NUMBER_MAX_LENGTH) {
    return failure('too_long', input, `Số ký hiệu dài quá ${DOCUMENT_NUMBER_MAX_LENGTH} ký tự.`);
  }
  const upper = compact.toUpperCase();
  const state = STATE_NUMBER.exec(upper);
  const party = state ? null : PARTY_NUMBER.exec(upper);
  const [, ordinalText = '', second = '', symbolText = ''] = state ?? party ?? [];
  if ((state === null && party === null) || !/\p{Lu}/u.test(symbolText)) {
    return failure(
      'format',
      input,
      `Số ký hiệu "${raw}" không đúng định dạng, ví dụ: ${DOCUMENT_NUMBER_EXAMPLE}, 15/2025/NĐ-CP, ` +
        '1654/NQ-UBTVQH15 hoặc 60-NQ/TW.',
    );
  }
  const ordinal = Number(ordinalText);
  if (ordinal === 0) return failure('ordinal', input, `Số thứ tự trong số ký hiệu "${raw}" phải lớn hơn 0.`);

  const symbol = canonicalSymbol(symbolText);
  if (party) {
    const partySymbol = `${second}/${symbol}`;
    return success({
      ordinal,
      symbol: partySymbol,
      normalized: `${ordinalText}-${partySymbol}`,
      style: 'party',
    });
  }
  if (second === '')
    return success({ ordinal, symbol, normalized: `${ordinalText}/${symbol}`, style: 'state' });
  const year = Number(second);
  if (year < DOCUMENT_NUMBER_YEARS.min || year > DOCUMENT_NUMBER_YEARS.max) {
    return failure(
      'year',
      input,
      `Năm ${second} trong số ký hiệu "${raw}" không hợp lệ: phải từ ${DOCUMENT_NUMBER_YEARS.min} ` +
        `đến ${DOCUMENT_NUMBER_YEARS.max}.`,
    );
  }
  return success({ ordinal, year, symbol, normalized: `${ordinalText}/${second}/${symbol}`, style: 'state' });
}

/**
 * Parses a document number ("45/2019/QH14", " 15 / 2025 / nđ-cp ", "Số: 60-NQ/TW").
 * @throws {DocumentNumberError} when it is empty, malformed, or has a zero ordinal or an
 *   implausible year; the message is in Vietnamese and shows an example.
 */
export function parseDocumentNumber(input: string): ParsedDocumentNumber {
  const result = safeParseDocumentNumber(input);
  if (!result.ok) throw result.error;
  return result.value;
}

export function isDocumentNumber(input: string): boolean {
  return safeParseDocumentNumber(input).ok;
}

/**
 * The canonical spelling of a document number: " 15/2025/nđ-cp" → "15/2025/NĐ-CP".
 * @throws {DocumentNumberError} when the number cannot be parsed.
 */
export function normalizeDocumentNumber(input: string): string {
  return parseDocumentNumber(input).normalized;
}

/**
 * The number as a URL segment: "45/2019/QH14" → "45-2019-qh14", "15/2025/NĐ-CP" →
 * "15-2025-nd-cp", "60-NQ/TW" → "60-nq-tw". Always starts with a digit.
 * @throws {DocumentNumberError} when the number cannot be parsed.
 */
export function documentNumberSlug(input: string): string {
  return slugifyVietnamese(parseDocumentNumber(input).normalized);
}

/** The Prime Minister's symbol is written "TTg" by convention, everything else upper case. */
function canonicalSymbol(symbol: string): string {
  return symbol
    .split('-')
    .map((part) => (part === 'TTG' ? 'TTg' : part))
    .join('-');
}

function success(value: ParsedDocumentNumber): DocumentNumberParseResult {
  return { ok: true, value };
}

function failure(problem: DocumentNumberProblem, input: string, message: string): DocumentNumberParseResult {
  return { ok: false, error: new DocumentNumberError(problem, input, message) };
}
