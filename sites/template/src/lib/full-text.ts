/**
 * Renders a document's full text to HTML that is safe to insert into a page. The CMS's text is
 * never trusted as HTML: raw HTML is escaped, images (a request to another host) and unsafe link
 * schemes are dropped. Two shapes reach us:
 *
 * - Markdown, as converted from the official PDFs (the 2025 resolutions): pandoc-flavoured, with
 *   the issuer/motto header and the signature block written as pandoc tables. Those layout
 *   tables become side-by-side blocks that stack on a phone.
 * - Plain text with one paragraph per line and no blank lines (the laws): each line is a
 *   paragraph; "Chương", "Mục" and "Điều" lines become headings, so a reader (and a screen
 *   reader) can jump between articles.
 *
 * Headings start at h3: the document page's own h1/h2 come first. Part, chapter, section and
 * article headings get stable anchors ("chuong-ii", "chuong-ii-muc-1", "dieu-12") from which the
 * table of contents is read (src/lib/document-text.ts builds it and splits long texts into pages).
 */
import MarkdownIt from 'markdown-it';
import { slugifyVietnamese } from '@pbgdpl/domain';

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });
// An image would make the reader's browser call another host; the text still shows its alt text.
markdown.disable('image');
markdown.renderer.rules.heading_open = (tokens, index) => `<h${shiftedLevel(tokens[index]?.tag)}>`;
markdown.renderer.rules.heading_close = (tokens, index) => `</h${shiftedLevel(tokens[index]?.tag)}>`;
markdown.renderer.rules.link_open = (tokens, index, options, _env, self) => {
  tokens[index]?.attrSet('rel', 'nofollow noopener');
  return self.renderToken(tokens, index, options);
};

function shiftedLevel(tag: string | undefined): number {
  return Math.min(6, Number(tag?.slice(1) ?? 1) + 2);
}

export type FullTextFormat = 'markdown' | 'plain';

/** Plain text when a multi-line text has no blank line at all (Markdown separates paragraphs by them). */
export function detectFormat(text: string): FullTextFormat {
  const lines = text.split('\n');
  return lines.length > 2 && !lines.some((line) => line.trim() === '') ? 'plain' : 'markdown';
}

export function renderFullText(text: string): string {
  const normalized = text.normalize('NFC').replace(/\r\n?/g, '\n').trim();
  if (normalized === '') return '';
  const html = detectFormat(normalized) === 'plain' ? renderPlainText(normalized) : renderMarkdown(normalized);
  return withHeadingAnchors(html);
}

/** The kind of a structural heading, from its first word. */
export type HeadingKind = 'part' | 'chapter' | 'section' | 'article';

const HEADING_WORDS: Record<string, HeadingKind> = {
  phần: 'part',
  chương: 'chapter',
  mục: 'section',
  điều: 'article',
};
const STRUCTURAL = /^(Phần|Chương|Mục|Điều)\s+(thứ\s+[^\s.:]+|[0-9]+[a-zđ]?|[IVXLCDM]+[a-z]?)(?=[\s.:]|$)/iu;

/** Reads a heading's kind and its number words ("Chương II", "Điều 12a") from its text. */
export function structuralHeading(text: string): { kind: HeadingKind; label: string } | null {
  const match = STRUCTURAL.exec(text.trim());
  if (!match) return null;
  const kind = HEADING_WORDS[(match[1] as string).toLocaleLowerCase('vi')];
  return kind ? { kind, label: match[0] } : null;
}

const UNESCAPES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** Plain text of a heading's inner HTML. */
export function headingText(innerHtml: string): string {
  return innerHtml
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (entity) => UNESCAPES[entity] ?? entity)
    .trim();
}

/**
 * Gives each part, chapter, section and article heading an id: "phan-thu-nhat", "chuong-ii",
 * "chuong-ii-muc-1" (sections restart in every chapter), "dieu-12". A repeated id (an amending
 * law quotes the articles it changes) gets "-2", "-3"… so every anchor stays unique.
 */
function withHeadingAnchors(html: string): string {
  const used = new Map<string, number>();
  let chapter = '';
  return html.replace(/<h([3-6])>([\s\S]*?)<\/h\1>/g, (whole, level: string, inner: string) => {
    const heading = structuralHeading(headingText(inner));
    if (!heading) return whole;
    let id = slugifyVietnamese(heading.label);
    if (heading.kind === 'chapter' || heading.kind === 'part') chapter = id;
    if (heading.kind === 'section' && chapter) id = `${chapter}-${id}`;
    const seen = used.get(id) ?? 0;
    used.set(id, seen + 1);
    if (seen > 0) id = `${id}-${seen + 1}`;
    return `<h${level} id="${id}">${inner}</h${level}>`;
  });
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const CHAPTER = /^(Chương|CHƯƠNG|Phần|PHẦN)\s+([IVXLCDM]+|[0-9]+|thứ\s+\S+)\s*$/u;
const SECTION = /^(Mục|MỤC)\s+[0-9IVXLC]+[a-z]?\s*[.:]?\s*\S?/u;
// "Điều 5." or, in older laws, "Điều 5" alone on its line.
const ARTICLE = /^Điều\s+[0-9]+[a-zđ]?\s*(\.|$)/u;

/** Laws: one paragraph per line; chapter, section and article lines as headings in order. */
export function renderPlainText(text: string): string {
  // Lines of dashes or underscores under the issuer and the motto are decoration, not text.
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^[-_=.…\s]+$/.test(l));
  const out: string[] = [];
  let inChapter = false;
  let inSection = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (CHAPTER.test(line)) {
      // "Chương I" is followed by its name in capitals on the next line: one heading.
      const next = lines[i + 1];
      const named = next !== undefined && next === next.toLocaleUpperCase('vi') && !ARTICLE.test(next);
      out.push(`<h3>${escapeHtml(named ? `${line}. ${next}` : line)}</h3>`);
      if (named) i++;
      inChapter = true;
      inSection = false;
    } else if (SECTION.test(line) && inChapter) {
      out.push(`<h4>${escapeHtml(line)}</h4>`);
      inSection = true;
    } else if (ARTICLE.test(line)) {
      const level = 3 + (inChapter ? 1 : 0) + (inSection ? 1 : 0);
      out.push(`<h${level}>${escapeHtml(line)}</h${level}>`);
    } else {
      out.push(`<p>${escapeHtml(line)}</p>`);
    }
  }
  return out.join('\n');
}

/** Markdown, with pandoc layout tables turned into blocks first. */
export function renderMarkdown(text: string): string {
  const lines = text.split('\n');
  const hasChapters = lines.some((line) => {
    const inner = BOLD_LINE.exec(line.trim())?.[1];
    const kind = inner ? structuralHeading(inner)?.kind : undefined;
    return kind === 'chapter' || kind === 'part';
  });
  const html: string[] = [];
  let pending: string[] = [];
  const flush = () => {
    if (pending.length > 0) html.push(markdown.render(pending.join('\n')));
    pending = [];
  };
  for (let i = 0; i < lines.length;) {
    const table = readGridTable(lines, i) ?? readMultilineTable(lines, i);
    if (table) {
      flush();
      html.push(renderLayoutTable(table.rows));
      i = table.end;
    } else {
      pending.push(boldHeadingToMarkdown(withoutStrayMarks(lines[i] as string), hasChapters));
      i++;
    }
  }
  flush();
  return html.join('\n');
}

const BOLD_LINE = /^\*\*([^*]+?)\*\*\s*$/;

/**
 * Converted resolutions print their chapter and article titles as a bold line
 * ("**Điều 1. Sắp xếp …**"); as headings they can be jumped to and listed in the contents.
 */
function boldHeadingToMarkdown(line: string, hasChapters: boolean): string {
  const inner = BOLD_LINE.exec(line.trim())?.[1];
  const heading = inner ? structuralHeading(inner) : null;
  if (!inner || !heading) return line;
  const level = heading.kind === 'part' || heading.kind === 'chapter' || !hasChapters ? '#' : '##';
  return `${level} ${inner.replace(/\\$/, '').trim()}`;
}

/**
 * PDF conversion leaves lines of bare emphasis marks ("** **") and no-break spaces; they would
 * print as literal asterisks. Such a line becomes blank (a paragraph break), as it reads.
 */
function withoutStrayMarks(line: string): string {
  return /^[\s*\u00a0]*$/.test(line) ? '' : line;
}

/**
 * Cleans one cell of a layout table: stray-mark lines and lone "\" (pandoc's empty line) become
 * blank lines; "\" before closing emphasis ("CHỦ TỊCH\**") is dropped so the emphasis closes; a
 * hard break at the end of a list item or before a blank line, where Markdown would print it, is dropped.
 */
function cleanCell(cell: string[]): string {
  const lines = cell.map((line) => (/^[\s*\u00a0\\]*$/.test(line) ? '' : line.replace(/\\(\*+)\s*$/, '$1')));
  return lines
    .map((line, i) => {
      const next = lines[i + 1];
      const endsBlock = next === undefined || next === '' || /^[-+*]\s/.test(next);
      return endsBlock ? line.replace(/\\$/, '') : line;
    })
    .join('\n')
    .trim();
}

interface LayoutTable {
  /** rows → cells → the cell's Markdown lines. */
  rows: string[][][];
  /** Index of the first line after the table. */
  end: number;
}

const GRID_BORDER = /^\s*\+(?:[-=:]+\+)+\s*$/;
const DASH_RULE = /^\s*-{3,}(?:\s+-{3,})*\s*$/;

/** A pandoc grid table: "+----+----+" borders, "|" rows, a border between rows. */
function readGridTable(lines: string[], start: number): LayoutTable | null {
  const first = lines[start];
  if (first === undefined || !GRID_BORDER.test(first)) return null;
  const cuts = [...first.matchAll(/\+/g)].map((m) => m.index);
  const rows: string[][][] = [];
  let current: string[][] = cuts.slice(1).map(() => []);
  let i = start + 1;
  for (; i < lines.length; i++) {
    const line = lines[i] as string;
    if (GRID_BORDER.test(line)) {
      if (current.some((cell) => cell.length > 0)) rows.push(current);
      current = cuts.slice(1).map(() => []);
      const next = lines[i + 1];
      if (next === undefined || !next.trimStart().startsWith('|')) return { rows, end: i + 1 };
    } else if (line.trimStart().startsWith('|')) {
      cuts.slice(1).forEach((cut, c) => current[c]?.push(line.slice((cuts[c] ?? 0) + 1, cut).trim()));
    } else {
      break;
    }
  }
  return null;
}

/** A pandoc multiline table without header: a dashed rule, rows separated by blank lines, a dashed rule. */
function readMultilineTable(lines: string[], start: number): LayoutTable | null {
  const first = lines[start];
  if (first === undefined || !DASH_RULE.test(first) || !/-\s+-/.test(first)) return null;
  const starts = [...first.matchAll(/-+/g)].map((m) => m.index);
  const rows: string[][][] = [];
  let current: string[][] = starts.map(() => []);
  for (let i = start + 1; i < lines.length && i < start + 80; i++) {
    const line = lines[i] as string;
    if (DASH_RULE.test(line)) {
      if (current.some((cell) => cell.length > 0)) rows.push(current);
      return { rows, end: i + 1 };
    }
    if (line.trim() === '') {
      if (current.some((cell) => cell.length > 0)) rows.push(current);
      current = starts.map(() => []);
      continue;
    }
    starts.forEach((from, c) => {
      const to = starts[c + 1] ?? line.length;
      current[c]?.push(line.slice(c === 0 ? 0 : from, to).trim());
    });
  }
  return null;
}

function renderLayoutTable(rows: string[][][]): string {
  const rendered = rows.map((cells) => {
    const inner = cells
      .map(cleanCell)
      .filter((cell) => cell !== '')
      .map((cell) => `<div class="layout-cell">${markdown.render(cell)}</div>`);
    return inner.length > 0 ? `<div class="layout-row">${inner.join('')}</div>` : '';
  });
  return `<div class="layout-table">${rendered.join('')}</div>`;
}
