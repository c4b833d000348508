/**
 * Legal citations on dissemination items (Q&A, introductions, materials, videos, situations,
 * dialogues) and the "may be outdated" flag they carry. An item records which documents it cites
 * and the day its editor last checked them against the law ("checked as at"). When a cited
 * document's validity changes, the item is flagged with the reason; the flag stays until an
 * editor re-checks, i.e. saves a checked-as-at date on or after the change.
 */
import { safeParseDocumentNumber } from './document-number.js';
import type { IsoDate } from './iso-date.js';

/** The CMS keeps the reason in a text field of this length. */
export const OUTDATED_REASON_MAX_LENGTH = 2000;

/**
 * The spelling a cited number is stored and looked up in: the canonical one when it parses
 * (" 45/2019/qh14" → "45/2019/QH14"), else the number as typed, NFC and trimmed (historic
 * numbers are stored as printed). Null for an empty number.
 */
export function citedNumber(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const typed = input.normalize('NFC').trim();
  if (typed === '') return null;
  const parsed = safeParseDocumentNumber(typed);
  return parsed.ok ? parsed.value.normalized : typed;
}

/**
 * Whether an item's citations count as re-checked: its checked-as-at date is on or after the
 * day each cited document's validity last changed (documents that never changed, null, do not
 * hold it back). An item without a checked-as-at date is never re-checked.
 */
export function citationsRechecked(
  checkedAt: IsoDate | null | undefined,
  citedChangeDates: ReadonlyArray<IsoDate | null | undefined>,
): boolean {
  if (!checkedAt) return false;
  return citedChangeDates.every((changed) => !changed || changed <= checkedAt);
}

/**
 * Whether a checked-as-at date survives a change announced on `changedOn`. A check dated on or
 * after that day cannot say whether it came before or after the change (dates have no time),
 * and the flag says it came before; so such a date is cleared, and the editor's next re-check
 * (any date on or after the change) clears the flag. An earlier date is kept: it is history.
 */
export function checkSurvivesChange(checkedAt: IsoDate | null | undefined, changedOn: IsoDate): boolean {
  return Boolean(checkedAt) && (checkedAt as IsoDate) < changedOn;
}

/**
 * The reason an already flagged item carries once another cited change is added: one sentence
 * group per line, newest last, no repeats, within `max` characters (the oldest lines give way).
 */
export function mergeOutdatedReasons(
  existing: string | null | undefined,
  added: string,
  max = OUTDATED_REASON_MAX_LENGTH,
): string {
  const lines = (existing ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (!lines.includes(added)) lines.push(added);
  while (lines.length > 1 && lines.join('\n').length > max) lines.shift();
  const merged = lines.join('\n');
  return merged.length > max ? `${merged.slice(0, max - 1)}…` : merged;
}
