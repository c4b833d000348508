/**
 * One document's relations to other acts, read from its text. The walk follows the text's
 * structure so a bare "Bãi bỏ khoản 3 Điều 22" inside "1. Sửa đổi, bổ sung một số điều của Luật
 * Nhà ở số 65/2014/QH13 …" is attributed to that act. Article headings summarise their body
 * ("Bãi bỏ Chương VIII, điều 105 và sửa đổi, bổ sung …"), so they set that context and yield
 * amendments only; expiries and annulments are read from the body, which states them precisely.
 */
import type { IsoDate, RelationKind } from '@pbgdpl/domain';
import type { RelationRecord } from '../records.js';
import { readActList, subjectKey, type ActReference } from './act-reference.js';
import { PROVISIONS, isUnreadable, mayStateRelation, readStatement, type Statement } from './patterns.js';
import {
  citedNumbers,
  resolveNumber,
  subjectsOf,
  type ResolveContext,
  type TargetDirectory,
} from './resolve.js';
import { pointsAfter, sentencesOf, splitUnits, type TextUnit } from './text-structure.js';

export interface ActingDocument {
  number: string;
  title: string;
  fullText: string;
  effectiveFrom: IsoDate | null;
}

/** Something the extractor met and could not turn into a relation, or repaired on the way. */
export interface ExtractionNote {
  kind: 'unreadable' | 'repair' | 'general-repeal';
  /** The sentence concerned, shortened. */
  excerpt: string;
  message: string;
}

export interface DocumentRelations {
  relations: RelationRecord[];
  notes: ExtractionNote[];
}

/** Field lengths of the CMS relation type; longer values are cut and reported. */
export const RELATION_FIELD_LIMITS = { targetTitle: 300, affectedPart: 300, note: 1000 } as const;

const EXCERPT_LENGTH = 160;
const GENERAL_REPEAL = /trái với (?:Bộ luật|Luật|Pháp lệnh|Nghị quyết) này (?:đều )?(?:bị )?bãi bỏ/u;
const AMENDING_VERB = /^(?:Sửa đổi|Bổ sung|Bãi bỏ)/u;

interface Target {
  number: string;
  title: string;
}

interface Walk {
  document: ActingDocument;
  resolve: ResolveContext;
  actingSubjects: Set<string>;
  units: readonly TextUnit[];
  /** Points already read as the list of an earlier "sau đây" statement. */
  consumed: Set<number>;
  out: DocumentRelations;
}

/** Where a sentence sits: its unit, and the act of the amendment it is inside, if any. */
interface Place {
  unit: TextUnit;
  index: number;
  context: Target | null;
}

const ALL_PATTERNS: readonly string[] = ['expiry', 'replacement', 'annulment', 'amendment', 'unknown'];

/** The relations `document` states, before deduplication across the dataset. */
export function extractDocumentRelations(
  document: ActingDocument,
  directory: TargetDirectory,
): DocumentRelations {
  const walk: Walk = {
    document,
    resolve: { actingNumber: document.number, cited: once(() => citedNumbers(document.fullText)), directory },
    actingSubjects: subjectsOf(document),
    units: splitUnits(document.fullText),
    consumed: new Set(),
    out: { relations: [], notes: [] },
  };
  let articleTarget: Target | null = null;
  let clauseTarget: Target | null = null;
  let leadIn = false;
  walk.units.forEach((unit, index) => {
    if (unit.level === 'heading' || unit.level === 'article') {
      articleTarget = unit.level === 'article' ? amendedBy(unit.text, walk) : null;
      clauseTarget = null;
      leadIn = unit.level === 'article';
      if (unit.level === 'heading') return;
      // Old laws write the article's only sentence on its line ("Điều 52. Những quy định … đều
      // bãi bỏ."): that is content. A heading has no final stop, and yields amendments only —
      // some amending articles name the act only there ("Điều 155. Sửa đổi, bổ sung Phụ lục IV
      // của Luật Đầu tư số 61/2020/QH14 …").
      const accepted = /[.;]$/u.test(unit.text) ? ALL_PATTERNS : ['amendment'];
      for (const sentence of sentencesOf(unit.text))
        readSentence(sentence, { unit, index, context: null }, walk, accepted);
      return;
    }
    if (unit.level === 'clause') clauseTarget = amendedBy(unit.text, walk);
    if (unit.level === 'text' && leadIn) articleTarget ??= amendedBy(unit.text, walk);
    if (unit.level !== 'point') leadIn = false;
    if (walk.consumed.has(index) || !mayStateRelation(unit.text)) return;
    const place = { unit, index, context: clauseTarget ?? articleTarget };
    for (const sentence of sentencesOf(unit.text)) readSentence(sentence, place, walk, ALL_PATTERNS);
  });
  return walk.out;
}

/** The one act a "Sửa đổi, bổ sung … của <act>" unit opens, for the bare statements inside it. */
function amendedBy(text: string, walk: Walk): Target | null {
  if (!AMENDING_VERB.test(text)) return null;
  const acts = readActList(text.replace(AMENDING_VERB, '')).flatMap((item) => (item.act ? [item.act] : []));
  if (acts.length !== 1) return null;
  const resolved = resolveNumber(acts[0]!, walk.resolve);
  return resolved.ok ? { number: resolved.number, title: acts[0]!.title } : null;
}

/** Reads one sentence; `accepted` limits the patterns (headings yield amendments only). */
function readSentence(
  sentence: string,
  { unit, index, context }: Place,
  walk: Walk,
  accepted: readonly string[],
): void {
  const excerpt = shorten(`${unit.label ? `${unit.label}. ` : ''}${sentence}`);
  if (GENERAL_REPEAL.test(sentence)) {
    walk.out.notes.push({
      kind: 'general-repeal',
      excerpt,
      message: 'general repeal clause; it names no act',
    });
  }
  const statement = readStatement(sentence, context !== null);
  if (statement === null || !accepted.includes(statement.pattern)) return;
  if (isUnreadable(statement)) {
    walk.out.notes.push({ kind: 'unreadable', excerpt, message: statement.reason });
    return;
  }
  let subjects = [statement.subject];
  if (statement.listFollows) {
    subjects = pointsAfter(walk.units, index);
    subjects.forEach((_, offset) => walk.consumed.add(index + 1 + offset));
    if (subjects.length === 0) {
      walk.out.notes.push({
        kind: 'unreadable',
        excerpt,
        message: 'announces a list ("sau đây") but no points a), b) … follow',
      });
      return;
    }
  }
  for (const subject of subjects) {
    for (const item of readActList(subject)) addRelation(statement, item, context, excerpt, walk);
  }
}

function addRelation(
  statement: Statement,
  item: { act: ActReference | null; text: string },
  context: Target | null,
  excerpt: string,
  walk: Walk,
): void {
  const note = (message: string): void => void walk.out.notes.push({ kind: 'unreadable', excerpt, message });
  let target: Target;
  let part: string | null;
  let history: string | null = null;
  if (item.act) {
    const resolved = resolveNumber(item.act, walk.resolve);
    if (!resolved.ok) return note(resolved.reason);
    if (resolved.repair) walk.out.notes.push({ kind: 'repair', excerpt, message: resolved.repair });
    target = { number: resolved.number, title: item.act.title };
    part = item.act.part;
    history = item.act.history;
  } else if (statement.pattern === 'annulment' && context && PROVISIONS.test(item.text)) {
    target = context;
    part = item.text;
  } else {
    return note(`"${shorten(item.text, 80)}" names no act`);
  }
  if (target.number === walk.document.number) return note('the statement names the acting document itself');

  const { kind, partial } = classify(statement, target, part, walk.actingSubjects);
  const effectiveDate = statement.from.kind === 'date' ? statement.from.date : walk.document.effectiveFrom;
  const notes = [history, statement.exception].filter((text): text is string => text !== null);
  walk.out.relations.push({
    sourceNumber: walk.document.number,
    kind,
    targetNumber: target.number,
    targetTitle: target.title,
    partial,
    // "một số điều" (some articles) names no part; the amended articles follow as new wording.
    affectedPart: kind === 'amends' && part !== null && /^một(?: số)?\s+\S+$/u.test(part) ? null : part,
    effectiveDate,
    note: notes.length > 0 ? notes.join('; ') : null,
    targetInDataset: walk.resolve.directory.has(target.number),
  });
}

/**
 * The relation kind. "Luật này thay thế X" says replaces; "Bãi bỏ" annuls; "Sửa đổi, bổ sung"
 * amends. An expiry ("X hết hiệu lực kể từ ngày Luật này có hiệu lực") of a whole act is a
 * replacement when X is on the acting act's subject (same name without type, numbers, years),
 * otherwise an annulment; an expiry of only part of an act is a partial annulment. An exception that
 * keeps provisions of X in force for good ("trừ Điều 75 của Luật Đầu tư …") makes it partial;
 * one that concerns cases ("trừ trường hợp …") or lasts until a date does not.
 */
function classify(
  statement: Statement,
  target: Target,
  part: string | null,
  actingSubjects: Set<string>,
): { kind: RelationKind; partial: boolean } {
  const kinds: Record<Statement['pattern'], RelationKind> = {
    expiry: 'annuls',
    replacement: 'replaces',
    annulment: 'annuls',
    amendment: 'amends',
  };
  if (statement.pattern === 'amendment') return { kind: 'amends', partial: true };
  const exception = statement.exception ?? '';
  const keepsParts =
    exception !== '' && !/^trừ\s+(?:các\s+)?trường hợp/u.test(exception) && !/đến hết ngày/u.test(exception);
  const partial = part !== null || keepsParts;
  if (statement.pattern === 'expiry' && !partial && actingSubjects.has(subjectKey(target.title)))
    return { kind: 'replaces', partial };
  return { kind: kinds[statement.pattern], partial };
}

function once<T>(compute: () => T): () => T {
  let value: { computed: T } | null = null;
  return () => (value ??= { computed: compute() }).computed;
}

function shorten(text: string, length = EXCERPT_LENGTH): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}
