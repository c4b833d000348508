import crypto from 'node:crypto';

/**
 * Signed form tokens: `v1.<site>.<issued>.<expires>.<nonce>` (base64url) and its HMAC-SHA256.
 * A token says "the CMS handed out this form for this site, and it is still fresh"; it is not
 * single-use (a built page carries one for weeks), so the rate limits and duplicate checks do
 * the rest. See docs/adr/0005-submissions.md.
 */

export interface FormToken {
  siteCode: string;
  issuedAt: Date;
  expiresAt: Date;
}

export type TokenCheck =
  { ok: true; token: FormToken } | { ok: false; problem: 'missing' | 'invalid' | 'expired' | 'wrong_site' };

/** Issued tokens may be checked on a clock up to this far behind the issuer's. */
const CLOCK_SKEW_SECONDS = 300;

export function issueFormToken(secret: Buffer, siteCode: string, now: Date, lifetimeSeconds: number): string {
  const issued = Math.floor(now.getTime() / 1000);
  const payload = [
    'v1',
    siteCode,
    issued,
    issued + lifetimeSeconds,
    crypto.randomBytes(9).toString('base64url'),
  ].join('.');
  return `${Buffer.from(payload).toString('base64url')}.${sign(secret, payload)}`;
}

export function checkFormToken(secret: Buffer, value: unknown, siteCode: string, now: Date): TokenCheck {
  if (typeof value !== 'string' || value.trim() === '') return { ok: false, problem: 'missing' };
  if (value.length > 400) return { ok: false, problem: 'invalid' };
  const [encoded, signature, extra] = value.trim().split('.');
  if (!encoded || !signature || extra !== undefined) return { ok: false, problem: 'invalid' };
  const payload = Buffer.from(encoded, 'base64url').toString('utf8');
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given))
    return { ok: false, problem: 'invalid' };
  const [version, site, issued, expires] = payload.split('.');
  const issuedAt = Number(issued);
  const expiresAt = Number(expires);
  if (version !== 'v1' || !site || !Number.isInteger(issuedAt) || !Number.isInteger(expiresAt))
    return { ok: false, problem: 'invalid' };
  const at = now.getTime() / 1000;
  if (issuedAt > at + CLOCK_SKEW_SECONDS) return { ok: false, problem: 'invalid' };
  if (expiresAt <= at) return { ok: false, problem: 'expired' };
  if (site !== siteCode) return { ok: false, problem: 'wrong_site' };
  return {
    ok: true,
    token: { siteCode: site, issuedAt: new Date(issuedAt * 1000), expiresAt: new Date(expiresAt * 1000) },
  };
}

function sign(secret: Buffer, payload: string): string {
  return crypto.createHmac('sha256', secret).update(payload).digest('base64url');
}

/**
 * Who reported an item, as far as counting distinct reporters goes: a keyed hash of the client
 * address (the address itself is not kept with the report).
 */
export function reporterKey(secret: Buffer, clientAddress: string): string {
  return crypto
    .createHmac('sha256', secret)
    .update(`reporter:${clientAddress}`)
    .digest('base64url')
    .slice(0, 32);
}
