import crypto from 'node:crypto';
import { parseRateLimits, type RateLimit } from '@pbgdpl/domain';

/**
 * The public forms' settings, from the environment (documented in cms/.env.example). Read once
 * at boot; tests and the load benchmark change the live object through the submission service.
 */
export interface SubmissionSettings {
  /** Per client address, over all sites and forms. */
  ipLimits: RateLimit[];
  /** Per receiving site, over all clients. */
  siteLimits: RateLimit[];
  /** Per client address: form tokens and tracking-code look-ups (cheap, but not free). */
  readLimits: RateLimit[];
  /** Lifetime of a token the page fetches when it is shown (the JavaScript path). */
  liveTokenSeconds: number;
  /** Lifetime of a token written into a page when the site is built (the path without JavaScript). */
  pageTokenSeconds: number;
  /** The same text to the same site within this window is a duplicate. */
  duplicateWindowSeconds: number;
  /** The shared host serving the sites that have no address of their own (PBGDPL_SITES_URL). */
  sitesUrl: string | null;
  /** Origins besides the registered sites' (a staging server). */
  extraOrigins: string[];
  /** HMAC key for form tokens and reporter keys. */
  secret: Buffer;
}

type Env = NodeJS.ProcessEnv;

/**
 * @throws Error naming the variable when a setting cannot be read, or when neither
 * SUBMISSION_TOKEN_SECRET nor APP_KEYS gives a key (no placeholder secret is ever used).
 */
export function readSubmissionSettings(env: Env = process.env): SubmissionSettings {
  return {
    ipLimits: parseRateLimits(env.SUBMISSION_IP_LIMITS ?? '5/600,30/86400', 'SUBMISSION_IP_LIMITS'),
    siteLimits: parseRateLimits(env.SUBMISSION_SITE_LIMITS ?? '600/3600', 'SUBMISSION_SITE_LIMITS'),
    readLimits: parseRateLimits(env.SUBMISSION_READ_LIMITS ?? '120/600', 'SUBMISSION_READ_LIMITS'),
    liveTokenSeconds: positiveInt(env, 'SUBMISSION_TOKEN_SECONDS', 2 * 3600),
    pageTokenSeconds: positiveInt(env, 'SUBMISSION_PAGE_TOKEN_SECONDS', 45 * 86400),
    duplicateWindowSeconds: positiveInt(env, 'SUBMISSION_DUPLICATE_SECONDS', 86400),
    sitesUrl: sitesUrlOf(env),
    extraOrigins: (env.SUBMISSION_EXTRA_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    secret: secretOf(env),
  };
}

/** PBGDPL_SITES_URL, when set: an http(s) address (the sites' shared host). */
function sitesUrlOf(env: Env): string | null {
  const raw = env.PBGDPL_SITES_URL?.trim();
  if (!raw) return null;
  const url = URL.canParse(raw) ? new URL(raw) : null;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:'))
    throw new Error(`PBGDPL_SITES_URL must be an http(s) address, e.g. https://pbgdpl.gov.vn; got "${raw}".`);
  return url.toString();
}

function positiveInt(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a positive whole number, not "${raw}".`);
  return value;
}

/**
 * SUBMISSION_TOKEN_SECRET when set; otherwise a key derived from APP_KEYS (required by the CMS,
 * the same on every process), separated from Strapi's own use of it by HKDF.
 */
function secretOf(env: Env): Buffer {
  const own = env.SUBMISSION_TOKEN_SECRET;
  const base = own || env.APP_KEYS?.split(',')[0];
  if (!base) throw new Error('Missing SUBMISSION_TOKEN_SECRET (or APP_KEYS) for the public forms’ tokens.');
  return Buffer.from(crypto.hkdfSync('sha256', base, 'pbgdpl', 'submission-form-token', 32));
}
