/**
 * Response time per site (received → first answered), for the national oversight view: how
 * many questions a unit received in a period, how many it answered, and the median and 90th
 * percentile of the time it took, in hours.
 */

export interface ResponseRecord {
  readonly siteCode: string;
  readonly receivedAt: Date | string | null;
  /** When the question was first answered (or published with its answer); null while open. */
  readonly respondedAt: Date | string | null;
  readonly rejected?: boolean;
}

export interface SiteResponseTime {
  siteCode: string;
  received: number;
  answered: number;
  rejected: number;
  open: number;
  /** Hours, one decimal; null when nothing was answered. */
  medianHours: number | null;
  p90Hours: number | null;
}

/** Figures per site, sorted by site code. Records without a receivedAt are left out. */
export function responseTimes(records: readonly ResponseRecord[]): SiteResponseTime[] {
  const bySite = new Map<string, { hours: number[]; received: number; rejected: number }>();
  for (const record of records) {
    const received = toTime(record.receivedAt);
    if (received === null) continue;
    const site = bySite.get(record.siteCode) ?? { hours: [], received: 0, rejected: 0 };
    bySite.set(record.siteCode, site);
    site.received += 1;
    const responded = toTime(record.respondedAt);
    if (responded !== null && !record.rejected)
      site.hours.push(Math.max(0, responded - received) / 3_600_000);
    else if (record.rejected) site.rejected += 1;
  }
  return [...bySite.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([siteCode, s]) => {
      const sorted = [...s.hours].sort((a, b) => a - b);
      return {
        siteCode,
        received: s.received,
        answered: sorted.length,
        rejected: s.rejected,
        open: s.received - sorted.length - s.rejected,
        medianHours: round(quantile(sorted, 0.5)),
        p90Hours: round(quantile(sorted, 0.9)),
      };
    });
}

/** Linear interpolation between the closest ranks (the median of 1, 2, 3, 4 is 2.5). */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

function round(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}

function toTime(value: Date | string | null): number | null {
  if (value === null || value === '') return null;
  const time = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isNaN(time) ? null : time;
}
