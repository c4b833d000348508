/**
 * Tracking codes (mã tra cứu) for citizens' submissions: 10 symbols of Crockford's base32
 * (0-9 and A-Z without I, L, O, U), 50 random bits — unguessable, short enough to copy from a
 * phone screen or read over the telephone. Shown as two groups of five ("7K3QD-M2X9A"); typed
 * back in any case, with or without the hyphen, with O for 0 and I or L for 1.
 */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const TRACKING_CODE_LENGTH = 10;

const CANONICAL = /^[0-9A-HJKMNP-TV-Z]{10}$/;

/**
 * A fresh code. `random` (for tests) returns `n` random bytes; the default is the platform's
 * cryptographic generator (Web Crypto, in Node and browsers alike).
 */
export function newTrackingCode(
  random: (n: number) => Uint8Array = (n) => globalThis.crypto.getRandomValues(new Uint8Array(n)),
): string {
  const bytes = random(TRACKING_CODE_LENGTH);
  let code = '';
  // 32 symbols: the low five bits of each byte are uniform when the byte is.
  for (let i = 0; i < TRACKING_CODE_LENGTH; i += 1) code += ALPHABET[(bytes[i] ?? 0) & 31];
  return code;
}

/**
 * The stored form of a code as a citizen typed it, or null when it cannot be one: upper case,
 * spaces and hyphens removed, O read as 0 and I or L as 1.
 */
export function normaliseTrackingCode(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const code = input
    .normalize('NFC')
    .toUpperCase()
    .replace(/[\s\-–_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return CANONICAL.test(code) ? code : null;
}

/** "7K3QDM2X9A" → "7K3QD-M2X9A", for people. */
export function formatTrackingCode(code: string): string {
  return code.length === TRACKING_CODE_LENGTH ? `${code.slice(0, 5)}-${code.slice(5)}` : code;
}
