/**
 * Stable registry codes for PBGDPL sites. A code names a site everywhere: in the CMS registry, in
 * build output folders and in the demo's URLs (`/<code>/`), so it must be derived from official
 * data alone and never from the order in which units happen to be imported.
 */
import { DomainError } from './errors.js';
import { slugifyVietnamese } from './slug.js';

/** The national portal's code (Cổng PBGDPL quốc gia). */
export const NATIONAL_SITE_CODE = 'quoc-gia';

/** Lower-case ASCII words joined by single hyphens: safe in URLs, file names and GraphQL filters. */
export const SITE_CODE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Long enough for "<province>-<commune>-<admin code>", short enough for a URL path segment. */
export const SITE_CODE_MAX_LENGTH = 80;

/** Thrown when an input cannot give a valid site code; the message names the input. */
export class SiteCodeError extends DomainError {
  override name = 'SiteCodeError';
}

export function isSiteCode(value: string): boolean {
  return value.length <= SITE_CODE_MAX_LENGTH && SITE_CODE_PATTERN.test(value);
}

/**
 * @throws {SiteCodeError} when `code` is not a valid site code.
 */
export function assertSiteCode(code: string, what = 'site code'): string {
  if (!isSiteCode(code)) {
    throw new SiteCodeError(
      `Invalid ${what} "${code}": expected lower-case words of a-z and 0-9 joined by single hyphens, ` +
        `at most ${SITE_CODE_MAX_LENGTH} characters (pattern ${SITE_CODE_PATTERN.source}).`,
    );
  }
  return code;
}

/**
 * Code of a ministry, agency or mass organisation: its id in the organizations file, which is
 * already a slug ("bo-quoc-phong"). Validated, never rewritten, so a typo fails loudly instead of
 * silently producing a second code for the same unit.
 * @throws {SiteCodeError} when the id is not a valid site code.
 */
export function centralSiteCode(organizationId: string): string {
  return assertSiteCode(organizationId, 'organization id');
}

/**
 * Code of a province from its official `code_name` ("ha_noi" → "ha-noi"). Falls back to the
 * Vietnamese name when the code name is empty.
 * @throws {SiteCodeError} when neither gives a valid code.
 */
export function provinceSiteCode(codeName: string, name = ''): string {
  const code = slugifyVietnamese(codeName) || slugifyVietnamese(name);
  return assertSiteCode(code, `province code for "${codeName || name}"`);
}

/** The fields of a commune (xã, phường, đặc khu) that its code depends on. */
export interface CommuneForCode {
  /** Official 5-digit administrative code ("00004"). */
  readonly adminCode: string;
  /** Official code name ("ba_dinh"); may be empty, then `name` is used. */
  readonly codeName: string;
  /** Vietnamese short name ("Ba Đình"). */
  readonly name?: string;
}

/**
 * Codes for all communes of one province: `<province code>-<commune slug>`
 * ("ha-noi-ba-dinh"). Slugs drop diacritics, so distinct names can meet ("Văn Lang" and
 * "Văn Lăng" in Thái Nguyên). Every member of such a group then gets its official admin code as a
 * suffix ("thai-nguyen-van-lang-02143", "thai-nguyen-van-lang-05665"): no member keeps the bare
 * slug, because a citizen guessing the bare URL should not land on the wrong commune, and the
 * result does not depend on input order. It needs the whole province's list for that reason.
 *
 * @returns admin code → site code, in ascending admin-code order.
 * @throws {SiteCodeError} on a duplicate or non-numeric admin code, a commune whose names give no
 *   slug, or a code that would still collide or exceed the maximum length.
 */
export function assignCommuneCodes(
  provinceCode: string,
  communes: readonly CommuneForCode[],
): Map<string, string> {
  assertSiteCode(provinceCode, 'province code');
  const sorted = [...communes].sort((a, b) => a.adminCode.localeCompare(b.adminCode));

  const baseByAdminCode = new Map<string, string>();
  const membersByBase = new Map<string, number>();
  for (const commune of sorted) {
    if (!/^\d+$/.test(commune.adminCode)) {
      throw new SiteCodeError(`Commune admin code "${commune.adminCode}" in ${provinceCode} is not numeric.`);
    }
    if (baseByAdminCode.has(commune.adminCode)) {
      throw new SiteCodeError(`Commune admin code "${commune.adminCode}" appears twice in ${provinceCode}.`);
    }
    const slug = slugifyVietnamese(commune.codeName) || slugifyVietnamese(commune.name ?? '');
    if (slug === '') {
      throw new SiteCodeError(
        `Commune ${commune.adminCode} in ${provinceCode} has neither a code name nor a name.`,
      );
    }
    const base = `${provinceCode}-${slug}`;
    baseByAdminCode.set(commune.adminCode, base);
    membersByBase.set(base, (membersByBase.get(base) ?? 0) + 1);
  }

  const codes = new Map<string, string>();
  const taken = new Map<string, string>();
  for (const [adminCode, base] of baseByAdminCode) {
    const code = (membersByBase.get(base) ?? 0) > 1 ? `${base}-${adminCode}` : base;
    assertSiteCode(code, `code for commune ${adminCode}`);
    const other = taken.get(code);
    if (other !== undefined) {
      // Only possible if a name itself ends in another commune's admin code; refuse to guess.
      throw new SiteCodeError(
        `Communes ${other} and ${adminCode} in ${provinceCode} both give the code "${code}".`,
      );
    }
    taken.set(code, adminCode);
    codes.set(adminCode, code);
  }
  return codes;
}

/**
 * Where a site is served in the demo: every site lives under its code, so one static host can
 * serve all of them side by side.
 * @throws {SiteCodeError} when `code` is not a valid site code.
 */
export function siteBasePath(code: string): string {
  return `/${assertSiteCode(code)}/`;
}
