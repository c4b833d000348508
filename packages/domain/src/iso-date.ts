/**
 * Calendar dates as ISO strings ('YYYY-MM-DD'). Legal dates are calendar days in Vietnam, not
 * instants: keeping them as strings avoids time-zone shifts, and ISO strings of equal length
 * compare correctly with < and >.
 */
import { InvalidDateError } from './errors.js';

/** An ISO calendar date, 'YYYY-MM-DD'. A plain string alias: values come straight from JSON. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
/** Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed offset is exact. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** True for a real calendar day written 'YYYY-MM-DD' (rejects 2025-02-30). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * @throws {InvalidDateError} when `value` is not an ISO calendar date; `field` names it.
 */
export function assertIsoDate(value: unknown, field: string): IsoDate {
  if (!isIsoDate(value)) throw new InvalidDateError(field, value);
  return value;
}

/**
 * The day `days` after (or before, if negative) an ISO date.
 * @throws {InvalidDateError} when `date` is not an ISO calendar date.
 */
export function addDays(date: IsoDate, days: number): IsoDate {
  const start = Date.parse(`${assertIsoDate(date, 'date')}T00:00:00Z`);
  return new Date(start + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Today's date in Asia/Ho_Chi_Minh: the day on which a document's status is decided. Computed
 * by offset rather than through Intl so it does not depend on the runtime's time-zone data.
 * @throws {InvalidDateError} when `now` is an invalid Date.
 */
export function todayInVietnam(now: Date): IsoDate {
  const time = now.getTime();
  if (Number.isNaN(time)) throw new InvalidDateError('now', String(now));
  return new Date(time + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The year of an ISO date. @throws {InvalidDateError} when `date` is not one. */
export function yearOf(date: IsoDate): number {
  return Number(assertIsoDate(date, 'date').slice(0, 4));
}

/**
 * An ISO date as Vietnamese readers write it: '2021-01-01' → '01/01/2021'.
 * @throws {InvalidDateError} when `date` is not an ISO calendar date.
 */
export function formatVietnameseDate(date: IsoDate): string {
  const [y, m, d] = assertIsoDate(date, 'date').split('-');
  return `${d}/${m}/${y}`;
}
