import { SEARCH_K_ANONYMITY, parseRateLimits, type RateLimit } from '@pbgdpl/domain';

/**
 * The demand signals' settings, from the environment (documented in cms/.env.example). Read once
 * at boot; tests change the live object through `demandSettings()`.
 */
export interface DemandSettings {
  /** Search beacons per client address, counted in this process's memory only. */
  beaconLimits: RateLimit[];
  /** A query appears in summaries once counted this many times nationally in the period shown. */
  kAnonymity: number;
  /** Days of counters kept; older rows are deleted nightly. */
  retentionDays: number;
  /** Largest beacon body accepted, in bytes. */
  maxBodyBytes: number;
  /** Addresses (as keyed hashes) remembered at once; past it the memory starts afresh. */
  maxTrackedVisitors: number;
}

type Env = NodeJS.ProcessEnv;

/** @throws Error naming the variable when a setting cannot be read. */
export function readDemandSettings(env: Env = process.env): DemandSettings {
  return {
    beaconLimits: parseRateLimits(env.DEMAND_BEACON_LIMITS ?? '30/600,300/86400', 'DEMAND_BEACON_LIMITS'),
    kAnonymity: wholeNumber(env, 'DEMAND_K_ANONYMITY', SEARCH_K_ANONYMITY, 2),
    retentionDays: wholeNumber(env, 'DEMAND_RETENTION_DAYS', 400, 31),
    maxBodyBytes: 1024,
    maxTrackedVisitors: 200_000,
  };
}

function wholeNumber(env: Env, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min)
    throw new Error(`${name} must be a whole number of at least ${min}, not "${raw}".`);
  return value;
}
