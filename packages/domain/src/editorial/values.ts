/**
 * Reading the raw values of an editorial item: blank text, Strapi rich-text blocks, instants,
 * and how instants read in Vietnam.
 */

/** A question of a legal situation has from 2 to 6 options (component situation.quiz). */
export const QUIZ_OPTIONS = { min: 2, max: 6 } as const;

/** Missing, null, or text with nothing but white space. */
export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.normalize('NFC').trim() === '';
  return false;
}

/**
 * Whether Strapi blocks (rich text) hold anything a reader would see: some non-blank text or an
 * image. The admin saves an untouched editor as one empty paragraph.
 */
export function hasBlocksContent(blocks: unknown): boolean {
  if (!Array.isArray(blocks)) return false;
  const visit = (node: unknown): boolean => {
    if (!node || typeof node !== 'object') return false;
    const { type, text, children } = node as { type?: unknown; text?: unknown; children?: unknown };
    if (type === 'image') return true;
    if (typeof text === 'string' && text.trim() !== '') return true;
    return Array.isArray(children) && children.some(visit);
  };
  return blocks.some(visit);
}

/** An ISO date-time string or a Date as a Date; null when missing or not a valid instant. */
export function toInstant(value: unknown): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
}

/** "14:30 01/07/2025", in Vietnam's time (UTC+7 all year). */
export function formatVietnamTime(instant: Date): string {
  const local = new Date(instant.getTime() + 7 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())} ` +
    `${pad(local.getUTCDate())}/${pad(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`
  );
}
