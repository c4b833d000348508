/**
 * How Vietnamese laws name other acts, and how to read such a name back into parts. A citation
 * reads "<loại> <tên> số <số ký hiệu> [ngày … tháng … năm …]" ("Luật Doanh nghiệp số 68/2014/QH13"),
 * older acts are named by date or year instead of number ("Pháp lệnh luật sư năm 2001"), and a
 * citation may carry its amendment history ("… đã được sửa đổi, bổ sung một số điều theo Luật số
 * 61/2010/QH12 và Luật số 42/2019/QH14"). The acts named in that history are not the subject of
 * the sentence, so they are cut out before anything else is read.
 */
import { slugifyVietnamese } from '@pbgdpl/domain';

/** A document number as printed: "68/2014/QH13", "200/NQ-TVQH", "43/2002/PL- UBTVQH10", "10-LCT/HĐNN7". */
export const NUMBER = String.raw`\d{1,5}(?:\/\d{4})?\/[\p{Lu}\d]+(?:\s?-\s?[\p{Lu}\d]+)*|\d{1,5}-\p{Lu}+\/[\p{Lu}\d]+(?:-[\p{Lu}\d]+)*`;
/** The types of act a law names. Capitalised on purpose: "luật sư", "quy định của luật" are not acts. */
export const ACT_TYPE = String.raw`Bộ luật|Luật|Pháp lệnh|Nghị quyết|Nghị định|Sắc lệnh|Quyết định|Thông tư`;
const DATE = String.raw`ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})`;

const NUMBERED = new RegExp(String.raw`số\s+(${NUMBER})`, 'u');
const NUMBERED_WITH_DATE = new RegExp(String.raw`\s*số\s+(?:${NUMBER})(?:\s+${DATE})?`, 'u');
const DATE_RE = new RegExp(DATE, 'u');
const YEAR_RE = /năm\s+(\d{4})/u;
/** Anything that identifies an act: a number, a full date or a year. */
const IDENTIFIER = new RegExp(String.raw`số\s+(?:${NUMBER})|${DATE}|năm\s+\d{4}`, 'u');
/** The first act type in a phrase, with the word linking it to a part before it ("… của Luật X"). */
const ACT_START = new RegExp(
  String.raw`(?:^|\s)(?:(?:quy định\s+)?(?:của|tại|trong|thuộc|vào|(?:ban hành\s+)?kèm theo)\s+)?(?<![\p{L}])(${ACT_TYPE})(?=\s)`,
  'u',
);
/** "Bãi bỏ các quy định tại Luật X" concerns all of X: such a part is no part. */
const ALL_OF_IT = /^(?:các|những|toàn bộ(?: các)?)(?: quy định)?$/u;

/** One bare reference inside an amendment history: "Luật số 61/2010/QH12", followed by a list separator or the end. */
const HISTORY_REF = String.raw`(?:${ACT_TYPE})\s+số\s+(?:${NUMBER})(?=\s*(?:,|và\s|$))`;
/**
 * "đã được sửa đổi, bổ sung một số điều theo Luật số A và Luật số B". Only bare references count
 * as history: "…, Nghị quyết số 19/2008/QH12 của Quốc hội về …" is a further act in the list.
 */
const HISTORY = new RegExp(
  String.raw`,?\s*(?:đã\s+)?(?:được\s+)?sửa đổi(?:,\s*bổ sung)?(?:\s+một số\s+[đĐ]iều)?\s+theo\s+${HISTORY_REF}(?:\s*(?:,|và)\s*${HISTORY_REF})*`,
  'gu',
);

/**
 * A history whose first amending act is described rather than bare ("… theo Pháp lệnh số
 * 10-LCT/HĐNN7 sửa đổi một số điều về thuế công thương nghiệp …, Pháp lệnh …") runs to the end.
 */
const HISTORY_TO_END = new RegExp(
  String.raw`,?\s*(?:đã\s+)?(?:được\s+)?sửa đổi(?:,\s*bổ sung)?(?:\s+một số\s+[đĐ]iều)?\s+theo\s+(?:${ACT_TYPE})\s+số\s+(?:${NUMBER})\s+(?!và\s)\p{L}.*$`,
  'u',
);

/** Where a list of acts may continue: ", Luật …", " và Chương V của …". */
const ITEM_SEPARATOR = new RegExp(
  String.raw`(?:\s*,\s*|\s+và\s+)(?=(?:${ACT_TYPE}|Các quy định|Những quy định|[Qq]uy định|Chương|Mục|Điều|Phần|Phụ lục)\s)`,
  'gu',
);
/** Inside the items of a semicolon list, only a further act starts a new item ("…; A và Luật B số …"). */
const ACT_SEPARATOR = new RegExp(String.raw`(?:\s*,\s*|\s+và\s+)(?=(?:${ACT_TYPE})\s)`, 'gu');

/** One act named in a statement, with the part of it concerned when only a part is. */
export interface ActReference {
  /** "khoản 2 Điều 86 …" when the statement concerns part of the act; null for the whole act. */
  part: string | null;
  /** The act's name as printed, without its number and date: "Luật Doanh nghiệp". */
  title: string;
  /** The number as printed (spaces kept); null when the text names the act by date or year only. */
  number: string | null;
  /** The year the text gives for the act (from its date or "năm …"), for acts named without number. */
  year: number | null;
  /** The amendment history cut out of the citation, verbatim; null when there was none. */
  history: string | null;
}

const squash = (text: string): string => text.replace(/\s+/gu, ' ').trim();
const trimPunctuation = (text: string): string => text.replace(/^[\s,;:.]+|[\s,;:.]+$/gu, '');

/**
 * Splits a statement's subject into the acts it names. The subject is cut only where the text
 * so far already identifies an act (a number, a date or a year), so "Chương VIII gồm các Điều 67
 * đến Điều 78 và Điều 105 của Luật …" stays one item while "Luật A số X và Luật B số Y" is two.
 * Text after "như sau" (the new wording) is not part of the subject.
 * @returns one entry per item; `act` is null for an item that names no act (a bare part).
 */
export function readActList(subject: string): { act: ActReference | null; text: string }[] {
  const histories: string[] = [];
  const mark = (match: string): string => {
    histories.push(trimPunctuation(match));
    return ` ⟦${histories.length - 1}⟧`;
  };
  // "… của Luật X số N như sau: <new wording>" — what follows "như sau" is not the subject.
  const marked = trimPunctuation(squash(subject).replace(/\s+như sau\b.*$/u, ''))
    .replace(HISTORY, mark)
    .replace(HISTORY_TO_END, mark);
  // A list written with semicolons keeps commas and "và" inside its items ("Điều 2 của Luật số
  // 34/2009/QH12 sửa đổi, bổ sung Điều 126 của Luật nhà ở và Điều 121 của Luật đất đai; Điều 4 …"),
  // except before a further act ("…; Luật A ngày … và Luật B số …").
  const items = marked.includes(';')
    ? splitWhereIdentified(marked, /\s*;\s*/gu).flatMap((item) => splitWhereIdentified(item, ACT_SEPARATOR))
    : splitWhereIdentified(marked, ITEM_SEPARATOR);
  return items
    .filter((item) => trimPunctuation(item) !== '')
    .map((item) => {
      const history = [...item.matchAll(/⟦(\d+)⟧/gu)].map((m) => histories[Number(m[1])]!).join('; ');
      const text = trimPunctuation(squash(item.replace(/\s*⟦\d+⟧/gu, '')));
      return { act: readAct(text, history === '' ? null : history), text };
    });
}

/** Cuts `text` at each separator before which the current item already identifies an act. */
function splitWhereIdentified(text: string, separators: RegExp): string[] {
  const items: string[] = [];
  let start = 0;
  for (const separator of text.matchAll(separators)) {
    const item = text.slice(start, separator.index);
    if (!IDENTIFIER.test(item)) continue;
    items.push(item);
    start = separator.index + separator[0].length;
  }
  items.push(text.slice(start));
  return items;
}

/** Reads one item ("khoản 2 Điều 5 của Luật X số N ngày …"); null when it names no act type. */
function readAct(text: string, history: string | null): ActReference | null {
  const start = ACT_START.exec(text);
  if (!start) return null;
  const typeAt = start.index + start[0].length - start[1]!.length;
  // "Bổ sung vào Phụ lục 4 … của Luật đầu tư": the part is "Phụ lục 4 …".
  const part = trimPunctuation(text.slice(0, start.index)).replace(/^vào\s+/u, '');
  const act = text.slice(typeAt);
  const number = NUMBERED.exec(act)?.[1] ?? null;
  const date = DATE_RE.exec(act);
  const year = date ? Number(date[3]) : YEAR_RE.exec(act) ? Number(YEAR_RE.exec(act)![1]) : null;
  const title = trimPunctuation(squash(number ? act.replace(NUMBERED_WITH_DATE, '') : act));
  return {
    part: part === '' || ALL_OF_IT.test(part) ? null : part,
    title,
    number,
    year: number ? null : year,
    history,
  };
}

/**
 * What an act is about, for telling a replacement from an annulment: its name without the type,
 * a leading "về", dates, years and numbers, diacritic-free. "Bộ luật hàng hải Việt Nam năm 2005"
 * and "Bộ luật Hàng hải Việt Nam" both give "hang-hai-viet-nam"; "Pháp lệnh Thư viện" and "Luật
 * Thư viện" both give "thu-vien" — a law on the subject of an earlier ordinance replaces it.
 */
export function subjectKey(title: string): string {
  return slugifyVietnamese(title.replace(new RegExp(String.raw`\s*số\s+(?:${NUMBER})`, 'gu'), ''))
    .replace(/^(?:bo-luat|luat|phap-lenh|nghi-quyet|nghi-dinh|sac-lenh|quyet-dinh|thong-tu)-/, '')
    .replace(/^ve-/, '')
    .replace(/-ngay-\d{1,2}-thang-\d{1,2}-nam-\d{4}/g, '')
    .replace(/-(?:nam-)?\d{4}(?=-|$)/g, '')
    .replace(/-sua-doi$/, '');
}

/** "43/2002/PL- UBTVQH10" → "43/2002/PL-UBTVQH10": numbers are printed with stray spaces. */
export function compactNumber(printed: string): string {
  return printed.replace(/\s+/gu, '');
}
