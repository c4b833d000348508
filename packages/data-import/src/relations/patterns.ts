/**
 * The sentences by which a Vietnamese law acts on other acts, as the corpus words them. Each
 * pattern is anchored on a fixed legal formula, because a loose match would invent relations
 * ("Giấy phép … hết hiệu lực" is about a licence, not a law):
 *
 * - expiry: "<acts> hết hiệu lực [thi hành] [kể] từ ngày <Luật này có hiệu lực | a date>[, trừ …]"
 * - replacement: "Luật này [có hiệu lực … và] thay thế <acts>"
 * - annulment: "Bãi bỏ <parts> của <act>" (or, inside an amendment, "Bãi bỏ <parts>")
 * - amendment: "Sửa đổi, bổ sung <parts> của <act> [như sau]:" (also "Sửa đổi", "Bổ sung",
 *   "Sửa đổi, bổ sung, bãi bỏ", "Bãi bỏ, sửa đổi, bổ sung")
 *
 * A subject ending in "sau đây" ("Các pháp lệnh sau đây hết hiệu lực …:") takes its acts from the
 * points a), b) … that follow.
 */
import type { IsoDate } from '@pbgdpl/domain';
import { ACT_TYPE } from './act-reference.js';
import { toIsoDate } from '../law-text.js';

export type PatternName = 'expiry' | 'replacement' | 'annulment' | 'amendment';

/** From when the acting document says the change applies. */
export type StartOfEffect = { kind: 'acting' } | { kind: 'date'; date: IsoDate };

export interface Statement {
  pattern: PatternName;
  /** The acts (or, for an annulment inside an amendment, the parts) the sentence names. */
  subject: string;
  /** True when the subject ends in "sau đây": the acts are the following points. */
  listFollows: boolean;
  from: StartOfEffect;
  /** The "trừ …" clause that ends an expiry or annulment, verbatim; null when there is none. */
  exception: string | null;
}

export interface Unreadable {
  pattern: PatternName | 'unknown';
  reason: string;
}

const END = /[\s.;:,]*$/u;
const EXPIRY = /^(.+?)\s+hết hiệu lực(?:\s+thi hành)?\s+(?:kể\s+)?từ\s+ngày\s+(.+)$/u;
const ACTING_START = /^(?:(?:Bộ\s+)?[Ll]uật|Pháp lệnh|Nghị quyết) này có hiệu lực(?:\s+thi hành)?/u;
/** What follows "từ ngày" when a date is given: "01 tháng 7 năm 2021". */
const DATE_START = /^(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u;
const REPLACEMENT =
  /^(?:Bộ luật|Luật|Pháp lệnh|Nghị quyết) này(?:\s+có hiệu lực[^.;]*?\s+và)?\s+thay thế\s+(.+)$/u;
const ANNULMENT = /^Bãi bỏ\s+(.+)$/u;
const AMENDMENT =
  /^(?:Bãi bỏ, sửa đổi, bổ sung|Sửa đổi, bổ sung, bãi bỏ|Sửa đổi, bãi bỏ|Sửa đổi, bổ sung|Sửa đổi|Bổ sung)\s+(.+?)(?:\s+như sau\b.*)?$/u;
/** "…; bỏ cụm từ “…” tại …" after an annulment edits wording: an amendment, not part of what is annulled. */
const WORDING_EDIT = /;\s*(?:bỏ|sửa|thay(?: thế)?)\s+cụm từ.*$/u;
/** An act other than the acting one: "Luật Thương mại", not "Luật này". */
const OTHER_ACT = new RegExp(String.raw`(?<![\p{L}])(?:${ACT_TYPE})\s+(?!này\b)\p{L}`, 'u');
/** What a bare annulment inside another act's amendment names: that act's provisions. */
export const PROVISIONS = /^(?:các\s+)?(?:khoản|điểm|[Đđ]iều|Chương|Mục|Phần|Phụ lục|đoạn|tiểu mục)\s/u;

/** A cheap first look: most sentences of a law are not about other acts. */
const KEYWORDS = /hết hiệu lực|thay thế|[Bb]ãi bỏ|^(?:Sửa đổi|Bổ sung)/u;
/** The same look at a whole unit, before it is cut into sentences (a sentence may start mid-unit). */
const UNIT_KEYWORDS = /hết hiệu lực|thay thế|[Bb]ãi bỏ|Sửa đổi|Bổ sung/u;

export function mayStateRelation(unitText: string): boolean {
  return UNIT_KEYWORDS.test(unitText);
}
const clean = (text: string): string => text.replace(END, '').trim();
const listFollows = (subject: string): boolean => /sau đây$/u.test(subject);

/**
 * The statement a sentence makes about other acts, if it is one of the four formulas.
 * @param inAmendment the sentence sits inside a "Sửa đổi, bổ sung … của <act>" unit, so a bare
 *   "Bãi bỏ khoản 3 Điều 22" concerns that act.
 * @returns the statement; an Unreadable when a formula's keywords are there but the rest is not
 *   (reported, never dropped); null when the sentence is not about other acts at all.
 */
export function readStatement(sentence: string, inAmendment: boolean): Statement | Unreadable | null {
  const text = sentence.replace(/^(?:\d{1,3}\.|[a-zđ]\))\s*/u, '').trim();
  if (!KEYWORDS.test(text)) return null;
  return (
    expiry(text) ?? replacement(text) ?? annulment(text, inAmendment) ?? amendment(text) ?? looseMention(text)
  );
}

function expiry(text: string): Statement | Unreadable | null {
  const match = EXPIRY.exec(text);
  if (!match) return null;
  const subject = clean(match[1]!);
  const tail = match[2]!;
  let from: StartOfEffect;
  let rest: string;
  const acting = ACTING_START.exec(tail);
  const date = DATE_START.exec(tail);
  if (acting) {
    from = { kind: 'acting' };
    rest = tail.slice(acting[0].length);
  } else if (date) {
    const iso = toIsoDate(Number(date[3]), Number(date[2]), Number(date[1]));
    if (!iso) return { pattern: 'expiry', reason: `the date "ngày ${date[0]}" is not a real date` };
    from = { kind: 'date', date: iso };
    rest = tail.slice(date[0].length);
  } else {
    // "… hết hiệu lực kể từ ngày ban hành quyết định …" is about a decision, not an act.
    return null;
  }
  const exception = /^\s*,?\s*(trừ\s.+)$/u.exec(rest);
  if (!exception && clean(rest) !== '')
    return { pattern: 'expiry', reason: `unexpected words after the date: "${clean(rest)}"` };
  return {
    pattern: 'expiry',
    subject,
    listFollows: listFollows(subject),
    from,
    exception: exception ? clean(exception[1]!) : null,
  };
}

function replacement(text: string): Statement | null {
  const match = REPLACEMENT.exec(text);
  if (!match) return null;
  const subject = clean(match[1]!);
  return {
    pattern: 'replacement',
    subject,
    listFollows: listFollows(subject),
    from: { kind: 'acting' },
    exception: null,
  };
}

function annulment(text: string, inAmendment: boolean): Statement | Unreadable | null {
  const match = ANNULMENT.exec(text);
  if (!match) return null;
  // "…; bãi bỏ khoản 5 Điều 30, …" continues the same list of parts.
  const [, subject = '', exception = null] = /^(.+?)(?:,\s*(trừ\s.+))?$/u.exec(
    clean(match[1]!.replace(WORDING_EDIT, '')).replace(/;\s*bãi bỏ\s+/gu, '; '),
  )!;
  const namesAct = OTHER_ACT.test(subject);
  if (!namesAct && !inAmendment && PROVISIONS.test(subject)) {
    return {
      pattern: 'annulment',
      reason: 'it annuls provisions without naming their act, outside any amendment of another act',
    };
  }
  // "Bãi bỏ văn bản trái với Hiến pháp" describes a power, not an act of this law.
  if (!namesAct && !(inAmendment && PROVISIONS.test(subject))) return null;
  return {
    pattern: 'annulment',
    subject,
    listFollows: listFollows(subject),
    from: { kind: 'acting' },
    exception: exception && clean(exception),
  };
}

function amendment(text: string): Statement | null {
  const match = AMENDMENT.exec(clean(text));
  if (!match || !OTHER_ACT.test(match[1]!)) return null;
  const subject = clean(match[1]!);
  return { pattern: 'amendment', subject, listFollows: false, from: { kind: 'acting' }, exception: null };
}

/**
 * A sentence with an expiry, replacement or annulment keyword, tied to this act's entry into
 * force, that names another act, yet fits none of the formulas ("Kể từ ngày Luật này có hiệu
 * lực, các quy định của Luật xây dựng … được thay thế …"): reported so a person can read it.
 */
function looseMention(text: string): Unreadable | null {
  const keyword = /hết hiệu lực|thay thế|bãi bỏ/iu.exec(text);
  if (
    !keyword ||
    !OTHER_ACT.test(text) ||
    !/(?:Bộ luật|Luật|Pháp lệnh|Nghị quyết) này có hiệu lực/u.test(text)
  )
    return null;
  if (/cho đến khi|đến khi|chưa bị|bị bãi bỏ hoặc|trái với/u.test(text)) return null;
  return {
    pattern: 'unknown',
    reason: `"${keyword[0]}" and another act are named, but the sentence fits no known formula`,
  };
}

export function isUnreadable(value: Statement | Unreadable): value is Unreadable {
  return 'reason' in value;
}
