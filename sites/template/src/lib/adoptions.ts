/**
 * What a site's adoptions (items of other sites it put on its own pages, api::site-adoption)
 * change in its views: the home page lists the pinned ones first in their section, in the order
 * the unit chose. The item page shows the local note (components/sections/LocalNote.astro).
 */
import type { SiteItemRef } from '../contract/snapshot-format.js';

/**
 * The first `count` items of a section for the home page: the pinned adoptions first (by their
 * position, none last, then in list order), then the rest in list order.
 */
export function homeSectionItems<T extends { ref: SiteItemRef }>(items: readonly T[], count: number): T[] {
  const pinned = items
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => item.ref.adoption?.pinned === true)
    .sort(
      (a, b) =>
        (a.item.ref.adoption?.position ?? Number.MAX_SAFE_INTEGER) -
          (b.item.ref.adoption?.position ?? Number.MAX_SAFE_INTEGER) || a.index - b.index,
    )
    .map(({ item }) => item);
  const rest = items.filter((item) => item.ref.adoption?.pinned !== true);
  return [...pinned, ...rest].slice(0, Math.max(0, count));
}
