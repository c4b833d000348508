import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import coBody from 'co-body';
import { BODY_REFUSALS } from './refusal';

/** The body types Strapi's parser (koa-body) reads as JSON, forms and text; others are refused. */
const JSON_TYPES = [
  'application/json',
  'application/json-patch+json',
  'application/vnd.api+json',
  'application/csp-report',
  'application/scim+json',
];
const FORM_TYPES = ['application/x-www-form-urlencoded'];
const TEXT_TYPES = ['text/*'];

export type TextKind = 'json' | 'form' | 'text';

/** Which text parser a request's Content-Type asks for, or null (multipart, or a type we do not read). */
export function textKindOf(is: (...types: string[]) => string | false | null): TextKind | null {
  if (is(...JSON_TYPES)) return 'json';
  if (is(...FORM_TYPES)) return 'form';
  if (is(...TEXT_TYPES)) return 'text';
  return null;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Parses bytes already read and counted, exactly as Strapi's own parser would (co-body: strict
 * JSON, `qs` forms with dots), after two checks Strapi does not make: the bytes must be valid
 * UTF-8 (a replacement character would silently change what was sent) and no text may hold a
 * NUL character (PostgreSQL cannot store one: the write would fail with a 500).
 * @throws BodyRefused invalid_utf8, nul_character or unreadable.
 */
export async function parseTextBody(raw: Buffer, kind: TextKind): Promise<unknown> {
  let text: string;
  try {
    text = UTF8.decode(raw);
  } catch {
    throw BODY_REFUSALS.invalidUtf8();
  }
  if (text.includes('\u0000')) throw BODY_REFUSALS.nulCharacter('body');
  if (kind === 'json' && text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = await coBody[kind](replay(raw) as unknown as IncomingMessage, {
      limit: raw.length + 1,
      strict: true,
    });
  } catch {
    throw BODY_REFUSALS.unreadable();
  }
  if (holdsNul(parsed)) throw BODY_REFUSALS.nulCharacter('body');
  return parsed;
}

/** Whether any string in a parsed value (keys included) holds a NUL character. */
export function holdsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 64 || value === null || typeof value !== 'object') return false;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000') || holdsNul(item, depth + 1)) return true;
  }
  return false;
}

/** The bytes as a request co-body can read again (it reads `headers` for length and encoding). */
function replay(raw: Buffer): Readable & { headers: Record<string, string> } {
  return Object.assign(Readable.from([raw]), { headers: { 'content-length': String(raw.length) } });
}
