import crypto from 'node:crypto';
import { todayInVietnam, windowStart, type RateLimit } from '@pbgdpl/domain';

/**
 * What the search beacon remembers about the people sending it, in this process's memory only
 * and never on disk: for today, a keyed hash of each client address, with its hits per rate-limit
 * window and the (site, query) pairs it already counted. The key is random, made at the first
 * beacon of each day (Vietnam time) and dropped with everything else at the next day, so nothing
 * links a hash to an address, or today's visitor to yesterday's.
 *
 * Several CMS processes each keep their own memory: the limits are per process, and a person
 * whose beacons reach two processes may be counted twice for one query. Good enough for demand
 * figures; no address is shared or stored to do better.
 */
export class VisitorMemory {
  private day = '';
  private key: Buffer = crypto.randomBytes(32);
  /** `<window seconds>:<window start>:<visitor>` → hits. */
  private readonly hits = new Map<string, { count: number; endsAt: number }>();
  /** `<visitor>:<site id>:<query>` hashed, for the pairs counted today. */
  private readonly counted = new Set<string>();

  constructor(private readonly settings: () => { beaconLimits: RateLimit[]; maxTrackedVisitors: number }) {}

  /** A keyed hash standing for the address today (the address itself is not kept). */
  visitor(address: string, now: Date): string {
    this.turnDay(now);
    return crypto.createHmac('sha256', this.key).update(address).digest('base64url').slice(0, 22);
  }

  /** Counts one beacon and says whether the visitor is within every limit (else: seconds to wait). */
  admit(visitor: string, now: Date): { allowed: true } | { allowed: false; retryAfter: number } {
    this.turnDay(now);
    const at = Math.floor(now.getTime() / 1000);
    if (this.hits.size >= this.settings().maxTrackedVisitors) this.forgetEndedWindows(at);
    // Still full after that: a flood of addresses; start afresh rather than grow without bound.
    if (this.hits.size >= this.settings().maxTrackedVisitors) this.hits.clear();
    for (const limit of this.settings().beaconLimits) {
      const start = windowStart(now, limit.windowSeconds);
      const key = `${limit.windowSeconds}:${start}:${visitor}`;
      const entry = this.hits.get(key) ?? { count: 0, endsAt: start + limit.windowSeconds };
      entry.count += 1;
      this.hits.set(key, entry);
      if (entry.count > limit.limit) return { allowed: false, retryAfter: Math.max(1, entry.endsAt - at) };
    }
    return { allowed: true };
  }

  /**
   * True the first time today this visitor searched this query on this site: only then is it
   * counted, so one person repeating a search cannot lift a query over the k-anonymity threshold.
   */
  firstToday(visitor: string, siteId: number, query: string, now: Date): boolean {
    this.turnDay(now);
    const key = crypto
      .createHmac('sha256', this.key)
      .update(`${visitor}\u0000${siteId}\u0000${query}`)
      .digest('base64url');
    if (this.counted.has(key)) return false;
    if (this.counted.size >= this.settings().maxTrackedVisitors) this.counted.clear();
    this.counted.add(key);
    return true;
  }

  private turnDay(now: Date): void {
    const day = todayInVietnam(now);
    if (day === this.day) return;
    this.day = day;
    this.key = crypto.randomBytes(32);
    this.hits.clear();
    this.counted.clear();
  }

  private forgetEndedWindows(at: number): void {
    for (const [key, entry] of this.hits) if (entry.endsAt <= at) this.hits.delete(key);
  }
}
