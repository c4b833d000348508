/**
 * Validity status (tình trạng hiệu lực) is derived, never typed by hand: from the document's
 * effective dates, the relations acting on it, and — only as a fallback — a status declared by an
 * authoritative source. See computeValidity for the rules.
 */
import { assertIsoDate, type IsoDate } from './iso-date.js';
import type { RelationKind } from './relation-kind.js';
import type { ValidityBasis, ValidityStatus } from './validity-status.js';

/** What an incoming relation does to the target's status. */
export type RelationValidityEffect =
  /** Ends validity (wholly, or partly when the relation is partial). */
  | 'terminates'
  /** Suspends validity or execution (wholly or partly). */
  | 'suspends'
  /** Leaves the status alone but belongs in the document's history. */
  | 'records'
  /** Not a change to the document at all (it is cited, applied or translated). */
  | 'none';

export const RELATION_VALIDITY_EFFECT: Readonly<Record<RelationKind, RelationValidityEffect>> = {
  annuls: 'terminates',
  replaces: 'terminates',
  suspends_execution: 'suspends',
  suspends_validity: 'suspends',
  amends: 'records',
  corrects: 'records',
  guides: 'records',
  details: 'records',
  interprets: 'records',
  consolidates: 'records',
  based_on: 'none',
  cites: 'none',
  translates: 'none',
};

/** A relation recorded on another document (the source) that acts on this one. */
export interface IncomingRelation {
  readonly kind: RelationKind;
  /** The acting document's number, e.g. "45/2019/QH14". */
  readonly sourceNumber: string;
  /** The acting document's CMS documentId, when it is in our database. */
  readonly sourceDocumentId?: string | null;
  /** The day the relation takes effect; null when unknown (see computeValidity). */
  readonly effectiveDate: IsoDate | null;
  /** True when only part of this document is affected. */
  readonly partial: boolean;
  /** The affected part, e.g. "điểm c khoản 2 Điều 8". */
  readonly affectedPart?: string | null;
}

/** A status asserted by an authoritative source when the acting documents are not in our corpus. */
export interface DeclaredValidity {
  readonly status: ValidityStatus;
  /** Who said so, e.g. "vbpl.vn" or "Công báo số 123". */
  readonly source: string;
  /** The day the source's statement was true; null when unknown. */
  readonly asOf: IsoDate | null;
}

export interface ValidityInput {
  /** Used as the entry-into-force date when effectiveFrom is missing. */
  readonly issuedDate?: IsoDate | null;
  readonly effectiveFrom: IsoDate | null;
  readonly effectiveTo: IsoDate | null;
  readonly declared?: DeclaredValidity | null;
  readonly relations?: readonly IncomingRelation[];
}

export type ValidityEventCause = 'entry_into_force' | 'relation' | 'effective_to' | 'declared';

/** One step of the status timeline. Keys without a value are left out (the CMS stores it as JSON). */
export interface ValidityEvent {
  /** The day of the change; null for an undated relation or declaration. */
  readonly date: IsoDate | null;
  /** The document's status from this event on. */
  readonly status: ValidityStatus;
  readonly cause: ValidityEventCause;
  /** The event lies after asOf: it will apply unless something changes. */
  readonly scheduled?: true;
  /** The entry-into-force date is the issued date, because effectiveFrom is missing. */
  readonly assumedFromIssuedDate?: true;
  readonly kind?: RelationKind;
  readonly sourceNumber?: string;
  readonly sourceDocumentId?: string;
  readonly partial?: boolean;
  readonly affectedPart?: string;
  /** For a declared status: who declared it. */
  readonly declaredBy?: string;
}

export interface ValidityResult {
  readonly status: ValidityStatus;
  readonly basis: ValidityBasis;
  readonly history: ValidityEvent[];
}

/** A status-bearing fact with the day it starts to count. */
interface Effect {
  readonly date: IsoDate | null;
  readonly status: ValidityStatus;
  readonly basis: ValidityBasis;
}

interface Timeline {
  /** Entry into force; null when neither effectiveFrom nor issuedDate is known. */
  readonly start: IsoDate | null;
  readonly startKnown: boolean;
  readonly effects: Effect[];
}

/** Which status wins when several apply at once: the one that restricts the document most. */
const STRENGTH: Readonly<Record<ValidityStatus, number>> = {
  not_yet_in_force: 0,
  in_force: 1,
  partly_expired: 2,
  partly_suspended: 3,
  suspended: 4,
  expired: 5,
};

/** On equal strength, relations explain more than dates; a declaration never wins a tie. */
const BASIS_PRIORITY: Readonly<Record<ValidityBasis, number>> = { declared: 0, dates_only: 1, relations: 2 };

const CAUSE_ORDER: Readonly<Record<ValidityEventCause, number>> = {
  entry_into_force: 0,
  relation: 1,
  effective_to: 2,
  declared: 3,
};

/**
 * The validity status of a document on `asOf`, how it was reached, and its status timeline.
 *
 * Rules, in order:
 * 1. Entry into force is `effectiveFrom`. When it is missing, the issued date stands in (the
 *    earliest day a document can take effect; the history event says `assumedFromIssuedDate`);
 *    with neither, the document is treated as in force. Before entry into force it is
 *    `not_yet_in_force`, unless it was wholly ended before it started (then `expired`): partial
 *    changes and suspensions do not count for a document not yet in force.
 * 2. On and after `effectiveTo` it is `expired`.
 * 3. An incoming `annuls` or `replaces` in effect makes it `expired` (`partly_expired` when
 *    partial); `suspends_execution` or `suspends_validity` makes it `suspended`
 *    (`partly_suspended`). `amends`, `corrects`, `guides`, `details`, `interprets` and
 *    `consolidates` leave the status alone but appear in the history; `based_on`, `cites` and
 *    `translates` are not changes to the document and are left out.
 * 4. When several apply, the most restrictive wins: expired > suspended > partly_suspended >
 *    partly_expired > in_force. A suspension outranks a partial expiry because it is current and
 *    temporary news a reader is least likely to know. Lifting a suspension is not modelled yet.
 * 5. A relation dated after `asOf` does not apply yet; it appears in the history with
 *    `scheduled: true` and the status it will bring. A relation without a date is taken as
 *    already in effect — showing a document as in force when it is not is the worse mistake —
 *    and appears after the dated past events with `date: null`.
 * 6. A declared status is used only when it is stronger than what dates and relations give, and
 *    only from its own `asOf` on. A declared `in_force` never overrides anything; a declared
 *    `not_yet_in_force` counts only when `effectiveFrom` is missing.
 * 7. `basis` is `declared` when the declaration decided, `relations` when a relation did,
 *    otherwise `dates_only`.
 *
 * @throws {InvalidDateError} when `asOf` or any date in `input` is not an ISO date 'YYYY-MM-DD'.
 */
export function computeValidity(input: ValidityInput, asOf: IsoDate): ValidityResult {
  assertIsoDate(asOf, 'asOf');
  const timeline = buildTimeline(input);
  const events = [...relationEvents(input.relations ?? []), ...dateEvents(timeline, input.effectiveTo)];
  const declared = declaredEffect(input.declared, asOf);
  if (declared !== null && decides(timeline, declared, asOf)) {
    timeline.effects.push(declared);
    const by = input.declared?.source ?? '';
    events.push({ date: declared.date, cause: 'declared', ...(by !== '' && { declaredBy: by }) });
  }
  const { status, basis } = statusAt(timeline, asOf, true);
  const history = sortEvents(events, asOf).map((event) => toHistoryEvent(event, timeline, asOf));
  return { status, basis, history };
}

type PendingEvent = Omit<ValidityEvent, 'status' | 'scheduled'> & { readonly index?: number };

function buildTimeline(input: ValidityInput): Timeline {
  const effectiveFrom = optionalDate(input.effectiveFrom, 'effectiveFrom');
  const issuedDate = optionalDate(input.issuedDate, 'issuedDate');
  const effectiveTo = optionalDate(input.effectiveTo, 'effectiveTo');
  const effects: Effect[] = [];
  if (effectiveTo !== null) effects.push({ date: effectiveTo, status: 'expired', basis: 'dates_only' });
  for (const relation of input.relations ?? []) {
    const status = relationStatus(relation);
    if (status === null) continue;
    const date = optionalDate(relation.effectiveDate, `relation ${relation.sourceNumber} effectiveDate`);
    effects.push({ date, status, basis: 'relations' });
  }
  return { start: effectiveFrom ?? issuedDate, startKnown: effectiveFrom !== null, effects };
}

function dateEvents(timeline: Timeline, effectiveTo: IsoDate | null): PendingEvent[] {
  const events: PendingEvent[] = [];
  if (timeline.start !== null) {
    const assumed = !timeline.startKnown;
    events.push({
      date: timeline.start,
      cause: 'entry_into_force',
      ...(assumed && { assumedFromIssuedDate: true }),
    });
  }
  if (effectiveTo != null) events.push({ date: effectiveTo, cause: 'effective_to' });
  return events;
}

/** Whether a declaration would decide the status on asOf (rule 6). */
function decides(timeline: Timeline, declared: Effect, asOf: IsoDate): boolean {
  const withDeclared = { ...timeline, effects: [...timeline.effects, declared] };
  return statusAt(withDeclared, asOf, true).basis === 'declared';
}

/**
 * An event with the status it brings. A past dated event gets the status on its day without
 * undated relations (we do not know whether they had applied yet); undated and scheduled events
 * get the status as of asOf or later, by when the undated ones are known to apply.
 */
function toHistoryEvent(event: PendingEvent, timeline: Timeline, asOf: IsoDate): ValidityEvent {
  const scheduled = event.date !== null && event.date > asOf;
  const at =
    event.date === null || scheduled
      ? statusAt(timeline, event.date ?? asOf, true)
      : statusAt(timeline, event.date, false);
  return {
    date: event.date,
    status: at.status,
    ...withoutDate(event),
    ...(scheduled && { scheduled: true as const }),
  };
}

function relationStatus(relation: IncomingRelation): ValidityStatus | null {
  const effect = RELATION_VALIDITY_EFFECT[relation.kind] ?? 'none';
  const partial = Boolean(relation.partial);
  if (effect === 'terminates') return partial ? 'partly_expired' : 'expired';
  if (effect === 'suspends') return partial ? 'partly_suspended' : 'suspended';
  return null;
}

function relationEvents(relations: readonly IncomingRelation[]): PendingEvent[] {
  const events: PendingEvent[] = [];
  relations.forEach((relation, index) => {
    if ((RELATION_VALIDITY_EFFECT[relation.kind] ?? 'none') === 'none') return;
    const documentId = relation.sourceDocumentId ?? '';
    const part = relation.affectedPart ?? '';
    events.push({
      date: optionalDate(relation.effectiveDate, `relation ${relation.sourceNumber} effectiveDate`),
      cause: 'relation',
      kind: relation.kind,
      sourceNumber: relation.sourceNumber,
      ...(documentId !== '' && { sourceDocumentId: documentId }),
      partial: Boolean(relation.partial),
      ...(part !== '' && { affectedPart: part }),
      index,
    });
  });
  return events;
}

/** The declaration as an effect, or null when it says nothing usable on `asOf`. */
function declaredEffect(declared: DeclaredValidity | null | undefined, asOf: IsoDate): Effect | null {
  if (declared == null) return null;
  const date = optionalDate(declared.asOf, 'declared.asOf');
  if (date !== null && date > asOf) return null;
  return { date, status: declared.status, basis: 'declared' };
}

/** The status on `day`. Undated effects count only when asked (they are known to apply by asOf). */
function statusAt(timeline: Timeline, day: IsoDate, includeUndated: boolean): Effect {
  const started = timeline.start === null || timeline.start <= day;
  let best: Effect = { date: day, status: started ? 'in_force' : 'not_yet_in_force', basis: 'dates_only' };
  for (const effect of timeline.effects) {
    if (effect.date === null ? !includeUndated : effect.date > day) continue;
    if (effect.status === 'not_yet_in_force') {
      // Only a declaration can say this, and it is believed only when our start date is a guess.
      if (!timeline.startKnown && best.status === 'in_force') best = effect;
      continue;
    }
    if (!started && effect.status !== 'expired') continue;
    if (outranks(effect, best)) best = effect;
  }
  return best;
}

function outranks(a: Effect, b: Effect): boolean {
  const diff = STRENGTH[a.status] - STRENGTH[b.status];
  return diff > 0 || (diff === 0 && BASIS_PRIORITY[a.basis] > BASIS_PRIORITY[b.basis]);
}

/** Past dated events by date, then undated ones, then scheduled ones; same-day ties are stable. */
function sortEvents(events: PendingEvent[], asOf: IsoDate): PendingEvent[] {
  const group = (e: PendingEvent): number => (e.date === null ? 1 : e.date > asOf ? 2 : 0);
  return [...events].sort(
    (a, b) =>
      group(a) - group(b) ||
      (a.date ?? '').localeCompare(b.date ?? '') ||
      CAUSE_ORDER[a.cause] - CAUSE_ORDER[b.cause] ||
      (a.index ?? 0) - (b.index ?? 0),
  );
}

function withoutDate(event: PendingEvent): Omit<ValidityEvent, 'date' | 'status'> {
  const { date: _date, index: _index, ...rest } = event;
  return rest;
}

function optionalDate(value: IsoDate | null | undefined, field: string): IsoDate | null {
  return value == null ? null : assertIsoDate(value, field);
}
