/**
 * What the sites' search pages may tell the CMS about a search (the demand beacon, issue 8): the
 * query alone, normalised so that the same words count together, and only when it cannot be
 * personal data. A query that looks like an address, an email, a phone or identity number, or
 * that carries control characters or markup, is refused rather than cleaned: a cleaned remnant
 * of personal data is still personal data.
 */

/** Longest query counted, in characters after normalisation. */
export const SEARCH_QUERY_MAX_LENGTH = 100;

/**
 * A query is shown in any summary only once it was counted at least this many times across the
 * whole country in the period shown (k-anonymity): a rare query may name a person or a case.
 */
export const SEARCH_K_ANONYMITY = 3;

export type SearchQueryRejection =
  'not_text' | 'empty' | 'too_long' | 'control' | 'markup' | 'url' | 'email' | 'phone' | 'id_number';

export type SearchQueryCheck =
  { ok: true; query: string } | { ok: false; reason: SearchQueryRejection; message: string };

/** Vietnamese for each refusal (the beacon's 400 answers). */
export const SEARCH_QUERY_MESSAGES: Readonly<Record<SearchQueryRejection, string>> = {
  not_text: 'Từ khóa tìm kiếm phải là một chuỗi chữ.',
  empty: 'Từ khóa tìm kiếm trống hoặc không có chữ, số nào.',
  too_long: `Từ khóa tìm kiếm dài quá ${SEARCH_QUERY_MAX_LENGTH} ký tự nên không được ghi nhận.`,
  control: 'Từ khóa tìm kiếm chứa ký tự điều khiển nên không được ghi nhận.',
  markup: 'Từ khóa tìm kiếm chứa ký hiệu mã HTML nên không được ghi nhận.',
  url: 'Từ khóa tìm kiếm giống một địa chỉ trang web nên không được ghi nhận.',
  email: 'Từ khóa tìm kiếm giống một địa chỉ thư điện tử (thông tin cá nhân) nên không được ghi nhận.',
  phone: 'Từ khóa tìm kiếm giống một số điện thoại (thông tin cá nhân) nên không được ghi nhận.',
  id_number:
    'Từ khóa tìm kiếm chứa một dãy số dài (số định danh, tài khoản…: thông tin cá nhân) nên không được ghi nhận.',
};

/**
 * C0 controls (tab, line feeds and carriage returns are whitespace), DEL, C1 controls and the
 * bidirectional overrides and isolates, which can make a stored text read differently.
 */
function isControl(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  if (code === 0x09 || code === 0x0a || code === 0x0d) return false;
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}
// Zero-width characters and the BOM come with copied text; they are dropped, not refused.
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/gu;
const URL_LIKE =
  /(\b[a-z][a-z0-9+.-]*:\/\/|\bwww\.|\b[\p{L}\p{N}-]+\.(vn|com|net|org|gov|edu|info|biz|io|me|co|xyz|top|site|online|app|dev)\b)/u;
// A tag starts with a letter, "/" or "!" right after "<" ("lương < 5 triệu" is a query, not a tag).
const MARKUP = /<\s*[/!]?\s*\p{L}|&(lt|gt|#\d+|#x[0-9a-f]+);|javascript:/u;
// A run of nine digits or more is an identity, tax or account number, or a phone number.
const LONG_DIGITS = /\d{9,}/u;
// Vietnamese phone numbers as people write them: 0 or +84/84, then 8–10 digits, in groups.
const PHONE = /(^|[^\p{L}\p{N}/])(\+?84|0)(?:[\s.-]?\d){8,10}(?![\p{N}])/u;

/**
 * The query as it is counted: Unicode NFC, zero-width characters dropped, lower case (Vietnamese
 * rules), whitespace collapsed and trimmed; or why it is refused.
 */
export function normaliseSearchQuery(input: unknown): SearchQueryCheck {
  if (typeof input !== 'string') return refuse('not_text');
  // Refuse over-long input before doing any work on it (the beacon's body is small anyway).
  if (input.length > SEARCH_QUERY_MAX_LENGTH * 4) return refuse('too_long');
  const nfc = input.normalize('NFC');
  if (Array.from(nfc).some(isControl)) return refuse('control');
  const query = nfc.replace(INVISIBLE, '').toLocaleLowerCase('vi').replace(/\s+/gu, ' ').trim();
  if (!/[\p{L}\p{N}]/u.test(query)) return refuse('empty');
  if ([...query].length > SEARCH_QUERY_MAX_LENGTH) return refuse('too_long');
  if (MARKUP.test(query)) return refuse('markup');
  if (query.includes('@')) return refuse('email');
  if (URL_LIKE.test(query)) return refuse('url');
  if (LONG_DIGITS.test(query)) return refuse('id_number');
  if (PHONE.test(query)) return refuse('phone');
  return { ok: true, query };
}

function refuse(reason: SearchQueryRejection): SearchQueryCheck {
  return { ok: false, reason, message: SEARCH_QUERY_MESSAGES[reason] };
}
