/**
 * Slugs of editorial items: the last segment of an item's URL on its site
 * (`/ha-noi/hoi-dap/<slug>/`). Made from the title when the editor leaves it empty, unique
 * within the owning site, type and locale.
 */
import { slugifyVietnamese } from '../slug.js';

/** The CMS stores slugs in a string field of this length. */
export const EDITORIAL_SLUG_MAX_LENGTH = 200;

/** What a stored slug looks like: lower-case ASCII words joined by single hyphens. */
export const EDITORIAL_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A slug from any text ("Luật Đất đai 2024" → "luat-dat-dai-2024"), cut at a word boundary to
 * fit the field; "" when the text has no letter or digit.
 */
export function editorialSlug(text: string): string {
  return fit(slugifyVietnamese(text), EDITORIAL_SLUG_MAX_LENGTH);
}

/**
 * The first of `base`, `base-2`, `base-3`… that `isTaken` refuses, each cut to fit the field.
 * @throws {RangeError} when `base` is empty (a programming mistake: slug the title first).
 */
export function firstFreeSlug(base: string, isTaken: (slug: string) => boolean): string {
  if (base === '') throw new RangeError('firstFreeSlug needs a non-empty base slug');
  if (!isTaken(base)) return base;
  for (let n = 2; ; n += 1) {
    const suffix = `-${n}`;
    const candidate = `${fit(base, EDITORIAL_SLUG_MAX_LENGTH - suffix.length)}${suffix}`;
    if (!isTaken(candidate)) return candidate;
  }
}

function fit(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > 0 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '');
}
