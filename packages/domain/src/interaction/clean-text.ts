/**
 * Cleaning what citizens type into the public forms before it is checked and stored: Unicode
 * NFC (Vietnamese arrives both precomposed and decomposed — "ệ" as one code point or as "e" plus
 * two combining marks — and must compare, search and count the same), invisible and control
 * characters removed, whitespace tidied, and HTML markup detected and stripped.
 */

export interface CleanedText {
  /** NFC, without markup, control or invisible characters, trimmed. */
  readonly text: string;
  /** The input held HTML tags, a script or a `javascript:` address (the forms refuse it). */
  readonly hadMarkup: boolean;
}

// A tag starts with a letter, "/" or "!" right after "<": "a < b" and "<3" are text, not tags.
const TAG = /<\s*[/!]?\s*[a-z][^<>]*>|<!--[\s\S]*?-->/gi;
// Scripts and styles go with their content; an unclosed one takes the rest of the text.
const SCRIPT_OR_STYLE = /<\s*(script|style|iframe|object|embed)\b[\s\S]*?(<\s*\/\s*\1\s*>|$)/gi;
const ESCAPED_TAG = /&(lt|#0*60|#x0*3c);\s*\/?\s*(script|iframe|img|svg|a|style|object|embed)\b/i;
const JAVASCRIPT_URL = /\bjavascript\s*:/i;
// Zero-width characters, bidirectional overrides and the BOM (controls are dropped by code point).
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** C0 and C1 control characters other than tab and newline. */
function isControl(char: string): boolean {
  const code = char.charCodeAt(0);
  return (code < 0x20 && code !== 0x09 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f);
}

/**
 * Cleans one field. `multiline` keeps line breaks (at most one blank line in a row); otherwise
 * every run of whitespace becomes one space.
 */
export function cleanText(input: unknown, options: { multiline?: boolean } = {}): CleanedText {
  if (typeof input !== 'string') return { text: '', hadMarkup: false };
  let text = input.normalize('NFC').replace(/\r\n?/g, '\n');
  const hadMarkup = text.search(TAG) !== -1 || ESCAPED_TAG.test(text) || JAVASCRIPT_URL.test(text);
  text = text.replace(SCRIPT_OR_STYLE, ' ').replace(TAG, ' ').replace(INVISIBLE, '');
  text = Array.from(text, (char) => (isControl(char) ? '' : char)).join('');
  if (options.multiline) {
    text = text
      .split('\n')
      .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n');
  } else {
    text = text.replace(/\s+/g, ' ');
  }
  return { text: text.trim(), hadMarkup };
}

/**
 * The key two submissions share when they say the same thing: NFC, lower case, letters and
 * digits only, single spaces. Punctuation, spacing and case do not make a question new.
 */
export function duplicateKey(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A one-line title from a question: its first sentence, cut at a word within `max` characters. */
export function titleFromText(text: string, max = 120): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const sentence = /^(.{20,}?[?.!])(\s|$)/u.exec(oneLine)?.[1] ?? oneLine;
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/u, '')}…`;
}
