/**
 * Turning an act as a law names it into a document number. A printed number is normalised with
 * the domain's rules. An act named by date or year only ("Luật giáo dục", "Pháp lệnh thuế nhà,
 * đất năm 1992") gets a number only from evidence: the same law citing the same act with its
 * number elsewhere, or a document of the dataset with that subject issued that year. Nothing is
 * guessed beyond that: an act the evidence does not pin down is reported, not recorded.
 */
import { safeParseDocumentNumber } from '@pbgdpl/domain';
import { deriveTitle } from '../law-text.js';
import { ACT_TYPE, NUMBER, compactNumber, subjectKey, type ActReference } from './act-reference.js';
import { cleanLawText } from './text-structure.js';

/** The documents of the dataset, as relation targets. */
export interface TargetDirectory {
  /** Whether a normalised number is a document of the dataset. */
  has(number: string): boolean;
  /** The one dataset document with this subject issued in this year, if exactly one. */
  byTitleAndYear(subject: string, year: number): string | null;
}

export interface DirectoryEntry {
  number: string;
  title: string;
  fullText: string;
  issuedDate: string;
}

/** The subjects a document is known by: its title and, for the corpus's long metadata titles, its enacting clause. */
export function subjectsOf(document: Pick<DirectoryEntry, 'title' | 'fullText'>): Set<string> {
  const derived = deriveTitle(document.fullText);
  return new Set(
    [subjectKey(document.title), ...(derived ? [subjectKey(derived)] : [])].filter((key) => key !== ''),
  );
}

export function buildDirectory(documents: readonly DirectoryEntry[]): TargetDirectory {
  const numbers = new Set(documents.map((document) => document.number));
  const byKey = new Map<string, Set<string>>();
  for (const document of documents) {
    for (const subject of subjectsOf(document)) {
      const key = `${subject}|${document.issuedDate.slice(0, 4)}`;
      byKey.set(key, (byKey.get(key) ?? new Set()).add(document.number));
    }
  }
  return {
    has: (number) => numbers.has(number),
    byTitleAndYear: (subject, year) => {
      const found = byKey.get(`${subject}|${year}`);
      return found?.size === 1 ? [...found][0]! : null;
    },
  };
}

const CITED_WITH_NUMBER = new RegExp(
  String.raw`(?<![\p{L}])((?:${ACT_TYPE})\s+(?:(?!số\s)[^.;:\n“”()]){2,160}?)\s+số\s+(${NUMBER})`,
  'gu',
);

/**
 * Every "<loại> <tên> số <số>" the text cites, by subject: the evidence for acts it names
 * elsewhere without number ("Điều 76. Sửa đổi, bổ sung một số điều của Luật giáo dục").
 */
export function citedNumbers(fullText: string): Map<string, Set<string>> {
  const cited = new Map<string, Set<string>>();
  for (const match of cleanLawText(fullText).matchAll(CITED_WITH_NUMBER)) {
    const parsed = safeParseDocumentNumber(compactNumber(match[2]!));
    if (!parsed.ok || /\snày\b/u.test(match[1]!)) continue;
    const key = subjectKey(match[1]!);
    cited.set(key, (cited.get(key) ?? new Set()).add(parsed.value.normalized));
  }
  return cited;
}

export type Resolution = { ok: true; number: string; repair: string | null } | { ok: false; reason: string };

export interface ResolveContext {
  actingNumber: string;
  /** The text's citations by subject (see citedNumbers); only read for acts named without number. */
  cited: () => Map<string, Set<string>>;
  directory: TargetDirectory;
}

/** The act's normalised number, with a note when it was not printed beside the act. */
export function resolveNumber(act: ActReference, context: ResolveContext): Resolution {
  if (/^\S+(?:\s\S+)?\snày$/u.test(act.title))
    return { ok: false, reason: 'it names the acting document itself ("… này")' };
  if (act.number) {
    const parsed = safeParseDocumentNumber(compactNumber(act.number));
    return parsed.ok
      ? { ok: true, number: parsed.value.normalized, repair: null }
      : { ok: false, reason: `"${act.number}" is not a valid document number (${parsed.error.problem})` };
  }
  const subject = subjectKey(act.title);
  const yearFits = (number: string): boolean =>
    act.year === null || number.split('/')[1] === String(act.year);
  const cited = [...(context.cited().get(subject) ?? [])].filter(
    (number) => number !== context.actingNumber && yearFits(number),
  );
  if (cited.length === 1) {
    return {
      ok: true,
      number: cited[0]!,
      repair: `"${act.title}" is named here without number; took ${cited[0]!}, the number the same text cites it with.`,
    };
  }
  if (cited.length > 1)
    return {
      ok: false,
      reason: `"${act.title}" is named without number and the text cites several (${cited.join(', ')})`,
    };
  const inDataset = act.year === null ? null : context.directory.byTitleAndYear(subject, act.year);
  if (inDataset && inDataset !== context.actingNumber) {
    return {
      ok: true,
      number: inDataset,
      repair: `"${act.title}" is named here by year only; took ${inDataset}, the dataset's one act of that name issued in ${act.year}.`,
    };
  }
  return {
    ok: false,
    reason: `"${act.title}" is named by ${act.year === null ? 'name' : 'date or year'} only, and neither the text nor the dataset gives its number`,
  };
}
