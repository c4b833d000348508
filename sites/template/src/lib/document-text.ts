/**
 * A document's rendered full text as a reader moves through it: the table of contents down to
 * articles, and — for a long law — the text split into pages, so that no page a citizen opens
 * on mobile data weighs more than the budget (50 KB gzip for a whole page; see
 * scripts/bench/page-weight.ts). A text that fits is shown whole on the document page.
 */
import { gzipSync } from 'node:zlib';
import { headingText, structuralHeading, type HeadingKind } from './full-text.js';

export interface TocEntry {
  /** Anchor of the heading in the text ("dieu-12"). */
  id: string;
  kind: HeadingKind;
  /** The heading as printed ("Điều 12. Quyền của người lao động"). */
  text: string;
  /** The text page (1-based) it is on. */
  part: number;
}

export interface TextPart {
  number: number;
  html: string;
  /** The first and last structural headings on this page. */
  first: TocEntry | null;
  last: TocEntry | null;
  /** What the page holds, for the pager: "Điều 111 – Điều 269" (null when it has no heading). */
  range: string | null;
}

export interface DocumentText {
  toc: TocEntry[];
  parts: TextPart[];
  /** True when the whole text is shown on the document page itself. */
  inline: boolean;
  /** Gzip size of the whole rendered text. */
  gzipBytes: number;
}

export interface TextBudgets {
  /** Largest gzip size of a text shown whole on the document page (with its contents). */
  inline: number;
  /** Gzip size aimed at for each text page. */
  part: number;
}

/** The page around the text (header, attributes, relations, footer) takes ~5–10 KB gzip. */
export const TEXT_BUDGETS: TextBudgets = { inline: 30 * 1024, part: 38 * 1024 };

const HEADING = /<h([3-6]) id="([^"]+)">([\s\S]*?)<\/h\1>/g;

/**
 * Splits rendered text (renderFullText's output) into pages and reads its contents.
 * Pages break before a heading: at a chapter (or part) when the page is already well filled,
 * else before the article that would overflow it. One article longer than a page stays whole.
 */
export function documentText(html: string, budgets: TextBudgets = TEXT_BUDGETS): DocumentText {
  const gzipBytes = html === '' ? 0 : gzipSync(html).byteLength;
  const segments = html.split(/\n(?=<h[3-6] id=")/);
  if (gzipBytes <= budgets.inline || segments.length < 2) {
    return { toc: tocOf(html, 1), parts: [part(1, html)], inline: true, gzipBytes };
  }
  // Raw bytes per page from the text's own compression ratio (gzip of the parts is checked by the bench).
  const rawBudget = (budgets.part * Buffer.byteLength(html)) / gzipBytes;
  const pages: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const segment of segments) {
    const bytes = Buffer.byteLength(segment) + 1;
    const kind = structuralHeading(headingText(/^<h[3-6] id="[^"]+">([\s\S]*?)<\/h/.exec(segment)?.[1] ?? ''))?.kind;
    const opensChapter = kind === 'chapter' || kind === 'part';
    if (current.length > 0 && (size + bytes > rawBudget || (opensChapter && size > rawBudget * 0.6))) {
      pages.push(current);
      current = [];
      size = 0;
    }
    current.push(segment);
    size += bytes;
  }
  if (current.length > 0) pages.push(current);
  const parts = pages.map((segmentsOfPage, i) => part(i + 1, segmentsOfPage.join('\n')));
  return { toc: parts.flatMap((p) => tocOf(p.html, p.number)), parts, inline: false, gzipBytes };
}

function part(number: number, html: string): TextPart {
  const entries = tocOf(html, number);
  return { number, html, first: entries[0] ?? null, last: entries.at(-1) ?? null, range: partRange(entries) };
}

function tocOf(html: string, part: number): TocEntry[] {
  const entries: TocEntry[] = [];
  for (const match of html.matchAll(HEADING)) {
    const text = headingText(match[3] as string);
    const kind = structuralHeading(text)?.kind;
    if (kind) entries.push({ id: match[2] as string, kind, text, part });
  }
  return entries;
}

/** Path of a text page relative to the document's own path: "toan-van/", "toan-van/trang-2/". */
export function textPartPath(number: number): string {
  return number === 1 ? 'toan-van/' : `toan-van/trang-${number}/`;
}

/** A contents entry's link relative to the document page: "#dieu-3" when inline, else into its text page. */
export function tocHref(text: Pick<DocumentText, 'inline'>, entry: Pick<TocEntry, 'id' | 'part'>): string {
  return text.inline ? `#${entry.id}` : `${textPartPath(entry.part)}#${entry.id}`;
}

/**
 * "Điều 111 – Điều 269": the range of a text page by its first and last articles (a reader looks
 * for an article number); by its first and last headings when it holds no article.
 */
export function partRange(entries: readonly TocEntry[]): string | null {
  const label = (entry: TocEntry | undefined) => (entry ? (structuralHeading(entry.text)?.label ?? entry.text) : null);
  const articles = entries.filter((e) => e.kind === 'article');
  const named = articles.length > 0 ? articles : entries;
  const first = label(named[0]);
  const last = label(named.at(-1));
  if (!first) return null;
  return last && last !== first ? `${first} – ${last}` : first;
}

export interface TocNode {
  entry: TocEntry;
  children: TocNode[];
}

/** The contents as a tree: parts hold chapters, chapters hold sections and articles, sections hold articles. */
export function tocTree(entries: readonly TocEntry[]): TocNode[] {
  const rank: Record<HeadingKind, number> = { part: 0, chapter: 1, section: 2, article: 3 };
  const root: TocNode[] = [];
  const stack: TocNode[] = [];
  for (const entry of entries) {
    const node: TocNode = { entry, children: [] };
    while (stack.length > 0 && rank[(stack.at(-1) as TocNode).entry.kind] >= rank[entry.kind]) stack.pop();
    (stack.at(-1)?.children ?? root).push(node);
    stack.push(node);
  }
  return root;
}
