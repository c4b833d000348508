/**
 * Rate limits for the public forms as fixed windows: "at most `limit` submissions per
 * `windowSeconds`" per client address and per site. The CMS counts in the database (so the
 * limits hold across its processes); these are the rules for the windows and the settings.
 */
import { DomainError } from '../errors.js';

export interface RateLimit {
  readonly limit: number;
  readonly windowSeconds: number;
}

/** A rate-limit setting cannot be read. */
export class RateLimitSpecError extends DomainError {
  override name = 'RateLimitSpecError';
}

/**
 * Reads "5/600,30/86400" (5 per 10 minutes and 30 per day). An empty setting means no limit.
 * @throws RateLimitSpecError naming the bad part and the expected form.
 */
export function parseRateLimits(spec: string, setting = 'rate limit'): RateLimit[] {
  const parts = spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.map((part) => {
    const match = /^(\d+)\s*\/\s*(\d+)$/.exec(part);
    const limit = Number(match?.[1]);
    const windowSeconds = Number(match?.[2]);
    if (!match || limit < 1 || windowSeconds < 1)
      throw new RateLimitSpecError(
        `${setting}: "${part}" is not "<count>/<seconds>" with positive numbers (e.g. "5/600,30/86400").`,
      );
    return { limit, windowSeconds };
  });
}

/** The start of the window `at` falls in, in whole seconds since the epoch. */
export function windowStart(at: Date, windowSeconds: number): number {
  const seconds = Math.floor(at.getTime() / 1000);
  return seconds - (seconds % windowSeconds);
}

/** Seconds until the window `at` falls in ends (for Retry-After). */
export function secondsUntilWindowEnds(at: Date, windowSeconds: number): number {
  return Math.max(1, windowStart(at, windowSeconds) + windowSeconds - Math.floor(at.getTime() / 1000));
}

/** A duration for people: "45 giây", "10 phút", "3 giờ". */
export function vietnameseDuration(seconds: number): string {
  if (seconds < 90) return `${seconds} giây`;
  if (seconds < 90 * 60) return `${Math.ceil(seconds / 60)} phút`;
  return `${Math.ceil(seconds / 3600)} giờ`;
}
