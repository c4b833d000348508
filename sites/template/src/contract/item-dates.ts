/**
 * The dates an item shows: its day in Vietnam, and the date a list shows it under and sorts it by.
 * Shared by the pages (lists, item pages) and the builder (the items' summaries in the snapshot),
 * so a list and the item's own page never disagree on a date. Pure.
 */
import type { EditorialItem } from '@pbgdpl/content-client';
import { todayInVietnam, type EditorialType } from '@pbgdpl/domain';

/** The ISO timestamp's day in Vietnam, or the date itself. */
export function vietnamDay(value: string | null | undefined): string | null {
  if (!value) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : todayInVietnam(new Date(time));
}

/** The date a list shows for an item and sorts it by. */
export function itemDate(type: EditorialType, item: EditorialItem): string | null {
  const published = vietnamDay(item.publishAt ?? item.publishedAt);
  switch (type) {
    case 'qa': {
      const qa = item as EditorialItem<'qa'>;
      return vietnamDay(qa.answeredAt) ?? published;
    }
    case 'dialogue':
      return vietnamDay((item as EditorialItem<'dialogue'>).opensAt);
    case 'guidance':
      return vietnamDay((item as EditorialItem<'guidance'>).issuedDate) ?? published;
    case 'news-item':
      return vietnamDay((item as EditorialItem<'news-item'>).eventDate) ?? published;
    case 'book':
      return null;
    default:
      return published;
  }
}
