/**
 * Facts read from the text of a law when the metadata lacks them or contradicts it. Laws end
 * with a fixed adoption formula ("Luật này đã được Quốc hội … thông qua ngày 20 tháng 11 năm
 * 2019") followed by the signature, and state their scope in Article 1 ("Phạm vi điều chỉnh"):
 * these set phrases are what makes the parsing reliable enough to use.
 */
import { isIsoDate, type IsoDate } from '@pbgdpl/domain';

export type { IsoDate };

/** A real calendar date as ISO "YYYY-MM-DD", or null (e.g. 30 February, or before 1900). */
export function toIsoDate(year: number, month: number, day: number): IsoDate | null {
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return year >= 1900 && isIsoDate(iso) ? iso : null;
}

/** Accepts "YYYY-MM-DD" only if it is a real date. */
export function parseIsoDate(value: unknown): IsoDate | null {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim()) : null;
  return match ? toIsoDate(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

const dateFrom = (match: RegExpExecArray | RegExpMatchArray | null | undefined): IsoDate | null =>
  match ? toIsoDate(Number(match[3]), Number(match[2]), Number(match[1])) : null;

/** The adoption date in the closing formula; the last one, since earlier ones cite other acts. */
export function findAdoptionDate(text: string): IsoDate | null {
  // "ngày 2011" instead of "năm 2011" is a typo seen in the corpus (67/2011/QH12).
  const matches = [
    ...text.matchAll(/thông qua ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*(?:năm|ngày)\s*(\d{4})/giu),
  ];
  return dateFrom(matches.at(-1));
}

/** The place-and-date line of the header ("Hà Nội, ngày 20 tháng 11 năm 2019"). */
export function findHeaderDate(text: string): IsoDate | null {
  return dateFrom(/ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})/iu.exec(text.slice(0, 600)));
}

/** A date written into a title, as old laws do ("… ngày 20-5-1957 …", "… ngày 30/06/1989 …"). */
export function findDateInTitle(title: string): IsoDate | null {
  return dateFrom(/ngày\s*(\d{1,2})[-/](\d{1,2})[-/](\d{4})/iu.exec(title));
}

/** The law's own entry-into-force clause, not a transitional "kể từ ngày" about something else. */
export function findEffectiveDate(text: string): IsoDate | null {
  return dateFrom(
    /(?:Bộ\s+)?luật này có hiệu lực(?: thi hành)?(?: kể)? từ ngày\s*(\d{1,2})\s*(?:tháng|\/|-)\s*(\d{1,2})\s*(?:năm|ngày|\/|-)\s*(\d{4})/iu.exec(
      text,
    ),
  );
}

/** Whitespace removed and Unicode composed: "75/2006/QH 11" → "75/2006/QH11". */
export function cleanNumber(raw: string): string {
  return raw.normalize('NFC').replace(/\s+/g, '');
}

/** Comparison key for numbers from different sources (case differs: "21-lct/hđnn8"). */
export function numberKey(raw: string): string {
  return cleanNumber(raw).toUpperCase();
}

/**
 * Completes a number whose legislature term was cut off ("73/2006/QH") from the header, where
 * it is printed in full, sometimes with a stray space ("Luật số: 73/2006/QH 11").
 */
export function completeNumberFromHeader(number: string, text: string): string | null {
  if (!/\/QH$/.test(number)) return null;
  const escaped = number.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const match = new RegExp(`${escaped}\\s*(\\d{1,2})\\b`).exec(text.slice(0, 800));
  return match ? `${number}${match[1]}` : null;
}

/** The number embedded in a thuvienphapluat.vn document id ("…-2003-06-2003-QH11-51044"). */
export function numberFromSourceId(id: string): string | null {
  const match = /-(\d{1,3})-(\d{4})-(QH\d{1,2})-\d+$/.exec(id);
  return match ? `${match[1]}/${match[2]}/${match[3]}` : null;
}

/**
 * A title for a law whose metadata has none: the enacting clause names it ("Quốc hội ban hành
 * Luật X"), else the scope sentence does ("Luật này quy định về X" → "Luật X").
 */
export function deriveTitle(text: string): string | null {
  const enacted = /Quốc hội ban hành\s+((?:Bộ\s+)?[Ll]uật\s+[^.;\n]{3,200})[.;\n]/u.exec(text);
  if (enacted)
    return enacted[1]!.trim().replace(/^(Bộ\s+)?luật/u, (word) => word[0]!.toUpperCase() + word.slice(1));
  const scope = /(Bộ\s+)?Luật này quy định(?: về)?\s+([^.;\n]{3,200})[.;\n]/u.exec(text);
  return scope ? `${scope[1] ? 'Bộ luật' : 'Luật'} ${scope[2]!.trim()}` : null;
}

export type AbstractOrigin = 'scope-article' | 'scope-sentence' | 'title';

const MAX_ABSTRACT = 600;

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= MAX_ABSTRACT) return flat;
  const cut = flat.slice(0, MAX_ABSTRACT);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_ABSTRACT - 40))}…`;
}

/**
 * The laws have no trích yếu. The honest substitute is the law's own words about what it
 * governs: the first paragraph of Article 1 when it is the scope article, else the scope
 * sentence of the preamble, else the title itself.
 */
export function deriveAbstract(text: string, title: string): { abstract: string; origin: AbstractOrigin } {
  const article = /\nĐiều 1\.?\s*Phạm vi điều chỉnh[^\n]*\n(?:1\.\s*)?([^\n]+)/iu.exec(text);
  if (article) return { abstract: shorten(article[1]!), origin: 'scope-article' };
  const sentence = /(?:Bộ\s+)?Luật này quy định[^\n.;]*/u.exec(text);
  if (sentence) return { abstract: shorten(`${sentence[0]}.`), origin: 'scope-sentence' };
  return { abstract: title, origin: 'title' };
}

export interface Signer {
  title: string | null;
  name: string;
}

const PERSON_NAME = /^\p{Lu}\p{Ll}*(?: \p{Lu}\p{Ll}*){1,4}$/u;
const SIGNER_TITLES: Readonly<Record<string, string>> = {
  'CHỦ TỊCH QUỐC HỘI': 'Chủ tịch Quốc hội',
  'PHÓ CHỦ TỊCH QUỐC HỘI': 'Phó Chủ tịch Quốc hội',
  'CHỦ TỊCH NƯỚC': 'Chủ tịch nước',
};

const isPersonName = (line: string | undefined): line is string =>
  line !== undefined && line.length <= 40 && PERSON_NAME.test(line);

/**
 * The signature: a known title line followed by a name (searched from the end, because some laws
 * carry annex tables after it), else a bare name over "(Đã ký)" with no title printed.
 */
export function findSigner(text: string): Signer | null {
  const lines = text
    .split('\n')
    .map((line) => line.trim().normalize('NFC'))
    .filter((line) => line !== '');
  for (let i = lines.length - 2; i >= 0; i -= 1) {
    const title = SIGNER_TITLES[lines[i]!.replace(/\s+/g, ' ').toUpperCase()];
    if (title && isPersonName(lines[i + 1])) return { title, name: lines[i + 1]! };
  }
  const last = lines.at(-1);
  const beforeLast = lines.at(-2);
  if (last === '(Đã ký)' && isPersonName(beforeLast)) return { title: null, name: beforeLast };
  return null;
}
