import {
  parseRateLimits,
  RateLimitSpecError,
  secondsUntilWindowEnds,
  vietnameseDuration,
  windowStart,
} from './rate-limits.js';

describe('rate limits', () => {
  it('read "count/seconds" lists', () => {
    expect(parseRateLimits('5/600, 30/86400')).toEqual([
      { limit: 5, windowSeconds: 600 },
      { limit: 30, windowSeconds: 86400 },
    ]);
    expect(parseRateLimits('')).toEqual([]);
  });

  it('refuse a setting they cannot read, saying which', () => {
    expect(() => parseRateLimits('5 per minute', 'SUBMISSION_IP_LIMITS')).toThrow(RateLimitSpecError);
    expect(() => parseRateLimits('0/60', 'SUBMISSION_IP_LIMITS')).toThrow(/SUBMISSION_IP_LIMITS: "0\/60"/);
  });

  it('put each moment in a fixed window and say when it ends', () => {
    const at = new Date('2026-03-01T10:07:30Z');
    expect(windowStart(at, 600)).toBe(Date.parse('2026-03-01T10:00:00Z') / 1000);
    expect(secondsUntilWindowEnds(at, 600)).toBe(150);
    expect(vietnameseDuration(150)).toBe('3 phút');
    expect(vietnameseDuration(30)).toBe('30 giây');
    expect(vietnameseDuration(7200)).toBe('2 giờ');
  });
});
