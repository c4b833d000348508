/**
 * What changed in a document's validity, told in Vietnamese for the editors whose items cite it.
 * The CMS recomputes a document's validity after every write and every night; when the result
 * differs from the stored one, describeValidityChange decides whether the difference is news
 * (a new act replaces, annuls, amends… it; its status moved) and writes the sentence shown as
 * the "may be outdated" reason on every item citing it.
 */
import { DOCUMENT_TYPE_INFO, isDocumentType } from './document-type.js';
import { formatVietnameseDate, type IsoDate } from './iso-date.js';
import type { RelationKind } from './relation-kind.js';
import type { ValidityEvent } from './validity.js';
import { VALIDITY_STATUS_LABELS, isValidityStatus, type ValidityStatus } from './validity-status.js';

/** A document as the sentence names it. */
export interface DocumentLabelInput {
  readonly number: string;
  readonly documentType?: string | null;
  readonly title?: string | null;
}

/** A stored or freshly computed validity: status null when it was never computed. */
export interface ValiditySnapshot {
  readonly status: ValidityStatus | string | null;
  readonly history: readonly ValidityEvent[] | null;
}

export interface ValidityChangeInput {
  /** The document whose validity changed (the cited one). */
  readonly document: DocumentLabelInput;
  readonly before: ValiditySnapshot;
  readonly after: ValiditySnapshot;
  /** The acting documents we know, by number, so a sentence can name them by type and title. */
  readonly sources?: Readonly<Record<string, DocumentLabelInput>>;
}

/** Titles longer than this are not used in a sentence: the type and number say enough. */
const TITLE_IN_SENTENCE_MAX = 80;

/** What a relation does to the target, as a verb phrase after "đã"/"sẽ". */
const RELATION_VERB: Readonly<Partial<Record<RelationKind, string>>> = {
  replaces: 'bị thay thế bởi',
  annuls: 'bị bãi bỏ bởi',
  suspends_execution: 'bị đình chỉ thi hành bởi',
  suspends_validity: 'bị tạm ngưng hiệu lực bởi',
  amends: 'được sửa đổi, bổ sung bởi',
  corrects: 'được đính chính bởi',
  guides: 'được hướng dẫn bởi',
  details: 'được quy định chi tiết bởi',
  interprets: 'được giải thích bởi',
  consolidates: 'được hợp nhất bởi',
};

/**
 * How a document is named in a sentence: its title followed by its number when the title starts
 * with the document type and is short ("Luật Doanh nghiệp số 59/2020/QH14"), else the type and
 * number ("Nghị định số 15/2025/NĐ-CP"), else "Văn bản số …". Old titles that spell out the
 * number and date ("Luật của Quốc hội … số 24/2000/QH10 ngày …") are left out.
 */
export function documentLabel(document: DocumentLabelInput): string {
  const typeLabel =
    document.documentType && isDocumentType(document.documentType)
      ? DOCUMENT_TYPE_INFO[document.documentType].vi
      : null;
  const title = document.title?.normalize('NFC').trim() ?? '';
  if (
    typeLabel !== null &&
    title !== '' &&
    title.length <= TITLE_IN_SENTENCE_MAX &&
    !title.toLocaleLowerCase('vi').includes(document.number.toLocaleLowerCase('vi')) &&
    title.toLocaleLowerCase('vi').startsWith(typeLabel.toLocaleLowerCase('vi'))
  ) {
    return `${title} số ${document.number}`;
  }
  return `${typeLabel ?? 'Văn bản'} số ${document.number}`;
}

/**
 * The Vietnamese sentence(s) telling editors what changed in a cited document's validity, or
 * null when nothing they must re-check happened. News is:
 * - a relation that was not in the history before (replaced, annulled, suspended, amended,
 *   corrected, guided, detailed, interpreted, consolidated), dated or scheduled;
 * - a status that moved, explained by the event that moved it (a relation coming into effect,
 *   the end date reached, a declaration), or plainly ("from … to …") when nothing explains it,
 *   e.g. a relation recorded by mistake was removed.
 * Not news: the first computation (before.status null), and a document entering into force on
 * its own date (not yet in force → in force), which items written about it already expect.
 */
export function describeValidityChange(input: ValidityChangeInput): string | null {
  const { before, after } = input;
  if (before.status === null || after.status === null) return null;
  const subject = documentLabel(input.document);
  const known = new Set((before.history ?? []).map(eventKey));
  const fresh = (after.history ?? []).filter((e) => e.cause === 'relation' && !known.has(eventKey(e)));
  const sentences = fresh.map((e) => relationSentence(subject, e, input.sources));

  if (before.status !== after.status) {
    const cause = [...(after.history ?? [])].reverse().find((e) => !e.scheduled && e.status === after.status);
    const explained = cause !== undefined && fresh.includes(cause);
    const expectedEntry = before.status === 'not_yet_in_force' && after.status === 'in_force';
    if (!explained && !expectedEntry) {
      sentences.push(statusSentence(subject, before.status, after.status, cause, input.sources));
    }
  }
  return sentences.length > 0 ? sentences.join(' ') : null;
}

/** A relation or date event's identity, apart from the status it brings and whether it is still ahead. */
function eventKey(event: ValidityEvent): string {
  return [
    event.cause,
    event.kind ?? '',
    event.sourceNumber ?? '',
    event.date ?? '',
    event.partial ? 'partial' : '',
    event.affectedPart ?? '',
  ].join('|');
}

function relationSentence(
  subject: string,
  event: ValidityEvent,
  sources: ValidityChangeInput['sources'],
): string {
  const verb = (event.kind && RELATION_VERB[event.kind]) ?? 'chịu tác động của';
  const source = event.sourceNumber
    ? documentLabel(sources?.[event.sourceNumber] ?? { number: event.sourceNumber })
    : 'một văn bản khác';
  const part = event.affectedPart ? ` (${event.affectedPart})` : event.partial ? ' (một phần)' : '';
  const tense = event.scheduled ? 'sẽ' : 'đã';
  return `${subject} ${tense} ${verb} ${source}${part}${since(event.date)}.`;
}

function statusSentence(
  subject: string,
  from: string,
  to: string,
  cause: ValidityEvent | undefined,
  sources: ValidityChangeInput['sources'],
): string {
  if (cause?.cause === 'relation') return relationSentence(subject, cause, sources);
  if (cause?.cause === 'effective_to') return `${subject} đã hết hiệu lực${since(cause.date)}.`;
  if (cause?.cause === 'declared') {
    const by = cause.declaredBy ? ` theo công bố của ${cause.declaredBy}` : '';
    return `${subject} chuyển sang tình trạng "${statusLabel(to)}"${by}${since(cause.date)}.`;
  }
  return `Tình trạng hiệu lực của ${subject} thay đổi từ "${statusLabel(from)}" thành "${statusLabel(to)}".`;
}

function since(date: IsoDate | null | undefined): string {
  return date ? `, từ ngày ${formatVietnameseDate(date)}` : '';
}

function statusLabel(status: string): string {
  return isValidityStatus(status) ? VALIDITY_STATUS_LABELS[status].vi : status;
}
