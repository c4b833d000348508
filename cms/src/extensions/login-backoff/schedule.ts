/**
 * How long a door stays shut after repeated failures: the `free`-th failure shuts it for
 * `baseSeconds` (the attempts before it cost nothing: typos), each further one doubles the wait
 * up to `maxSeconds`. Failures older than `forgetSeconds` since the last one are forgotten.
 */
export interface BackoffRule {
  free: number;
  baseSeconds: number;
  maxSeconds: number;
  forgetSeconds: number;
}

/** Per account, whatever address the attempts come from (spread-out guessing of one password). */
export const ACCOUNT_RULE: BackoffRule = { free: 5, baseSeconds: 60, maxSeconds: 3600, forgetSeconds: 86400 };
/** Per client address, whatever accounts it tries (one password tried on many accounts). */
export const ADDRESS_RULE: BackoffRule = {
  free: 20,
  baseSeconds: 60,
  maxSeconds: 3600,
  forgetSeconds: 86400,
};

/** Seconds the door stays shut after the `failures`-th failure in a row (0: not shut). */
export function lockSeconds(failures: number, rule: BackoffRule): number {
  const over = failures - rule.free + 1;
  if (over <= 0) return 0;
  return Math.min(rule.maxSeconds, rule.baseSeconds * 2 ** Math.min(over - 1, 20));
}
