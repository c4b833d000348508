/**
 * Email addresses typed by citizens (the public forms) and by operators (unit accounts), checked
 * with validator.js's `isEmail`, a maintained validator, rather than a hand-written pattern: it
 * knows the rules a pattern forgets (no empty label as in "a@b..vn", no dot at either end of
 * the local part as in ".a@example.vn", no hyphen at either end of a domain label as in
 * "a@-example.vn", at most 64 characters before the "@" and 254 in all) and accepts Vietnamese
 * internationalised domains.
 */
import isEmailModule from 'validator/lib/isEmail.js';

// validator's CommonJS modules are typed as `export default`; under Node's ESM loader the default
// import is `module.exports`, which validator also exposes as `.default`.
const isEmail = isEmailModule.default;

/** The longest address accepted (RFC 5321 path limit less the brackets). */
export const EMAIL_MAX_LENGTH = 254;

const OPTIONS = {
  // A bare address only: "Nguyễn Văn A <a@example.vn>" is a display name, not an address.
  allow_display_name: false,
  // Mail goes through the Internet: the domain must have a top-level label, never an IP address.
  require_tld: true,
  allow_ip_domain: false,
  // Gmail-style rules for gmail.com would refuse addresses Gmail itself delivers to.
  domain_specific_validation: false,
  ignore_max_length: false,
} as const;

/** Whether `value` (already trimmed) is a deliverable-looking address. */
export function isValidEmail(value: string): boolean {
  return value.length <= EMAIL_MAX_LENGTH && isEmail(value, OPTIONS);
}
