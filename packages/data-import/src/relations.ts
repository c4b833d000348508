/**
 * The relations between documents that the texts themselves state — which acts a law replaces,
 * annuls or amends — so the platform can derive validity (computeValidity) instead of typing it.
 * Precision over recall: only fixed legal formulas are read (see relations/patterns.ts), a target needs a
 * number the text or the dataset vouches for (see relations/resolve.ts), and every statement that has the
 * keywords but cannot be read is reported, never dropped silently.
 */
import { DATA_FILES } from './data-dir.js';
import type { IssueLog } from './issues.js';
import type { RelationRecord } from './records.js';
import type { SourcedDocument } from './sourced.js';
import { RELATION_FIELD_LIMITS, extractDocumentRelations, type ExtractionNote } from './relations/extract.js';
import { buildDirectory } from './relations/resolve.js';

/** Where the summary is filed: the relations come overwhelmingly from the laws. */
const SUMMARY_SOURCE = DATA_FILES.laws;

/** The legislature terms, for a plausibility check of "…/<year>/QH<term>" numbers. */
const TERMS: Readonly<Record<string, readonly [number, number]>> = {
  QH8: [1987, 1992],
  QH9: [1992, 1997],
  QH10: [1997, 2002],
  QH11: [2002, 2007],
  QH12: [2007, 2011],
  QH13: [2011, 2016],
  QH14: [2016, 2021],
  QH15: [2021, 2026],
  QH16: [2026, 2031],
};

/**
 * Reads the relations every document states and reports what it met. Relations are
 * deduplicated by source, kind and target (parts and notes merged); a document never relates
 * to itself.
 */
export function extractRelations(documents: readonly SourcedDocument[], issues: IssueLog): RelationRecord[] {
  const directory = buildDirectory(documents.map(({ record }) => record));
  const found: RelationRecord[] = [];
  const generalRepeals: string[] = [];
  let unreadable = 0;
  for (const { record, source } of documents) {
    const { relations, notes } = extractDocumentRelations(record, directory);
    found.push(...relations);
    unreadable += report(notes, source, issues);
    if (notes.some((note) => note.kind === 'general-repeal')) generalRepeals.push(record.number);
    if (relations.length > 0 && !record.effectiveFrom) {
      issues.warn(
        source,
        'relations',
        `${record.number} has no effective date, so its ${relations.length} relations have no effectiveDate.`,
      );
    }
  }
  const relations = capLengths(deduplicate(found), documents, issues);
  for (const relation of relations) checkTerm(relation, documents, issues);
  summarise(relations, unreadable, generalRepeals, issues);
  return relations;
}

function report(notes: readonly ExtractionNote[], source: string, issues: IssueLog): number {
  let unreadable = 0;
  for (const note of notes) {
    if (note.kind === 'unreadable') {
      unreadable += 1;
      issues.warn(
        source,
        'relations',
        `Relation statement not recorded: ${note.message}. Text: "${note.excerpt}"`,
      );
    } else if (note.kind === 'repair') {
      issues.warn(source, 'relations', `${note.message} Text: "${note.excerpt}"`);
    }
  }
  return unreadable;
}

/** Same source, kind and target: one relation, whole if any statement was whole. */
function deduplicate(relations: readonly RelationRecord[]): RelationRecord[] {
  const byKey = new Map<string, RelationRecord>();
  for (const relation of relations) {
    const key = `${relation.sourceNumber}|${relation.kind}|${relation.targetNumber}`;
    const earlier = byKey.get(key);
    if (!earlier) {
      byKey.set(key, { ...relation });
      continue;
    }
    const partial = earlier.partial && relation.partial;
    byKey.set(key, {
      ...earlier,
      partial,
      affectedPart: partial ? joinUnique(earlier.affectedPart, relation.affectedPart) : null,
      effectiveDate: earlier.effectiveDate ?? relation.effectiveDate,
      note: joinUnique(earlier.note, relation.note),
    });
  }
  return [...byKey.values()];
}

function joinUnique(a: string | null, b: string | null): string | null {
  const parts = [...new Set([a, b].filter((text): text is string => text !== null))];
  return parts.length > 0 ? parts.join('; ') : null;
}

/** The CMS stores these fields with a maximum length; a longer value is cut and reported. */
function capLengths(
  relations: RelationRecord[],
  documents: readonly SourcedDocument[],
  issues: IssueLog,
): RelationRecord[] {
  return relations.map((relation) => {
    const capped = { ...relation };
    for (const field of ['targetTitle', 'affectedPart', 'note'] as const) {
      const value = capped[field];
      const limit = RELATION_FIELD_LIMITS[field];
      if (value === null || value.length <= limit) continue;
      capped[field] = `${value.slice(0, limit - 1)}…`;
      issues.warn(
        sourceOf(relation, documents),
        'relations',
        `${field} of ${relation.sourceNumber} → ${relation.targetNumber} is ${value.length} characters; cut to ${limit}.`,
      );
    }
    return capped;
  });
}

/** "67/2014/QH14" cannot be right: the 14th legislature first sat in 2016. Kept as printed, reported. */
function checkTerm(relation: RelationRecord, documents: readonly SourcedDocument[], issues: IssueLog): void {
  const match = /^\d+\/(\d{4})\/(QH\d+)$/.exec(relation.targetNumber);
  const term = match ? TERMS[match[2]!] : undefined;
  if (!match || !term) return;
  const year = Number(match[1]);
  if (year >= term[0] && year <= term[1]) return;
  issues.warn(
    sourceOf(relation, documents),
    'relations',
    `${relation.sourceNumber} names ${relation.targetNumber}, but the ${match[2]} legislature sat ${term[0]}–${term[1]}, not in ${year}: ` +
      'probably a misprint in the text; kept as printed.',
  );
}

function sourceOf(relation: RelationRecord, documents: readonly SourcedDocument[]): string {
  return (
    documents.find((document) => document.record.number === relation.sourceNumber)?.source ?? SUMMARY_SOURCE
  );
}

function summarise(
  relations: readonly RelationRecord[],
  unreadable: number,
  generalRepeals: readonly string[],
  issues: IssueLog,
): void {
  const byKind = new Map<string, number>();
  for (const relation of relations) byKind.set(relation.kind, (byKind.get(relation.kind) ?? 0) + 1);
  const kinds = [...byKind].map(([kind, count]) => `${count} ${kind}`).join(', ');
  const inDataset = relations.filter((relation) => relation.targetInDataset).length;
  const sources = new Set(relations.map((relation) => relation.sourceNumber)).size;
  issues.warn(
    SUMMARY_SOURCE,
    'relations',
    `Relations read from the texts (laws and 2025 resolutions): ${relations.length} from ${sources} documents (${kinds}); ` +
      `${inDataset} have their target in the dataset, ${relations.length - inDataset} name an act outside it (recorded by ` +
      `number with the title the text gives). ${unreadable} statements with relation keywords could not be recorded; each is reported.`,
  );
  if (generalRepeals.length > 0) {
    issues.warn(
      SUMMARY_SOURCE,
      'relations',
      `${generalRepeals.length} laws end with the general clause "Những quy định trước đây trái với Luật này đều bãi bỏ", which names ` +
        `no act, so no relation comes from it: ${generalRepeals.join(', ')}.`,
    );
  }
}
