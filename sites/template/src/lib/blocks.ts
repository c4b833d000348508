/**
 * Renders Strapi's `blocks` rich text (the dissemination types' body fields) to HTML that is
 * safe to insert into a page. The JSON is never trusted: every text is escaped, unknown nodes
 * are dropped (their text kept), links keep only safe protocols, and there is no way to emit raw
 * HTML. Images must resolve to a file the site serves itself (no request to another host); one
 * that does not is replaced by its alternative text.
 *
 * Node shapes follow @strapi/blocks-react-renderer: paragraph, heading (level 1–6), list
 * (ordered | unordered, list-item children, nested lists), quote, code, image; inline text with
 * bold/italic/underline/strikethrough/code, and link (url + children).
 */
import { escapeHtml } from './full-text.js';

export interface TextNode {
  type: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  code?: boolean;
}
export interface LinkNode {
  type: 'link';
  url: string;
  children: InlineNode[];
}
export type InlineNode = TextNode | LinkNode;

export interface BlockImage {
  url: string;
  alternativeText?: string | null;
  caption?: string | null;
  width?: number | null;
  height?: number | null;
  mime?: string | null;
  updatedAt?: string | null;
  /** Strapi's smaller copies of the image (small, medium, large…), as the blocks editor stores them. */
  formats?: Record<string, { url: string; width?: number | null; height?: number | null } | null> | null;
}

/** Where and how the site serves an image: its own copy, with the attributes a responsive `<img>` takes. */
export interface ResolvedImage {
  src: string;
  srcset?: string;
  sizes?: string;
  width?: number;
  height?: number;
  /** Used when the image has no alternative text of its own (e.g. the item's title). */
  alt?: string;
}

export type BlockNode =
  | { type: 'paragraph'; children: InlineNode[] }
  | { type: 'heading'; level: number; children: InlineNode[] }
  | { type: 'quote'; children: InlineNode[] }
  | { type: 'code'; children: InlineNode[]; language?: string }
  | { type: 'list'; format: 'ordered' | 'unordered'; children: Array<ListItemNode | BlockNode> }
  | { type: 'image'; image: BlockImage; children?: InlineNode[] };
export interface ListItemNode {
  type: 'list-item';
  children: Array<InlineNode | BlockNode>;
}

export interface RenderBlocksOptions {
  /**
   * Added to heading levels, so the content's top heading sits under the page's h1 (default 1:
   * an editor's "Heading 1" becomes h2). Levels stop at 6 and never skip one: a heading is at
   * most one level below the previous (the first at most offset + 1).
   */
  headingOffset?: number;
  /**
   * The URL the site serves an image at (or its responsive attributes), or null to show its
   * alternative text instead. Default: only same-site paths ("/…") are kept; anything on another
   * host is replaced.
   */
  resolveImage?: (image: BlockImage) => string | ResolvedImage | null;
}

/** Link targets a reader may follow: the web, e-mail, telephone, and paths or anchors on the site. */
export function safeHref(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  const trimmed = url.trim();
  // A control character (a tab inside "java\tscript:") can hide a scheme from the check below.
  if (trimmed === '' || [...trimmed].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return null;
  if (trimmed.startsWith('#') || (trimmed.startsWith('/') && !trimmed.startsWith('//'))) return trimmed;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https') {
    try {
      return new URL(trimmed).href;
    } catch {
      return null;
    }
  }
  if (scheme === 'mailto' || scheme === 'tel') return trimmed;
  return null;
}

const sameSiteOnly = (image: BlockImage): string | null => {
  const href = safeHref(image.url);
  return href && href.startsWith('/') ? href : null;
};

export function renderBlocks(blocks: unknown, options: RenderBlocksOptions = {}): string {
  if (!Array.isArray(blocks)) return '';
  const context: Context = {
    headingOffset: options.headingOffset ?? 1,
    lastHeading: Math.max(1, options.headingOffset ?? 1),
    resolveImage: options.resolveImage ?? sameSiteOnly,
  };
  return blocks.map((block) => renderBlock(block, context)).filter((html) => html !== '').join('\n');
}

interface Context {
  headingOffset: number;
  /** The level of the heading rendered last (the page's own heading at first). */
  lastHeading: number;
  resolveImage: (image: BlockImage) => string | ResolvedImage | null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function children(node: Record<string, unknown>): unknown[] {
  return Array.isArray(node.children) ? node.children : [];
}

function renderBlock(node: unknown, context: Context): string {
  if (!isObject(node)) return '';
  switch (node.type) {
    case 'paragraph': {
      const inner = renderInlines(children(node));
      return inner.trim() === '' ? '' : `<p>${inner}</p>`;
    }
    case 'heading': {
      const requested = typeof node.level === 'number' && Number.isInteger(node.level) ? node.level : 2;
      // Never skip a level (WCAG, axe heading-order): an editor's first "Heading 2" under the
      // page's h1 becomes h2, and a heading at most one level below the one before it.
      const level = Math.min(6, Math.max(1, requested) + context.headingOffset, context.lastHeading + 1);
      context.lastHeading = level;
      return `<h${level}>${renderInlines(children(node))}</h${level}>`;
    }
    case 'quote':
      return `<blockquote><p>${renderInlines(children(node))}</p></blockquote>`;
    case 'code':
      // Code keeps its text as typed; no highlighting (no script, no extra bytes).
      return `<pre><code>${escapeHtml(plainText(children(node)))}</code></pre>`;
    case 'list':
      return renderList(node, context);
    case 'image':
      return renderImage(node, context);
    default:
      // An unknown node (a future block type) keeps its readable text rather than vanishing.
      return children(node).length > 0 ? `<p>${renderInlines(children(node))}</p>` : '';
  }
}

function renderList(node: Record<string, unknown>, context: Context): string {
  const tag = node.format === 'ordered' ? 'ol' : 'ul';
  const items = children(node).map((child) => {
    if (!isObject(child)) return '';
    if (child.type === 'list') return `<li>${renderList(child, context)}</li>`;
    const parts = children(child).map((part) =>
      isObject(part) && part.type === 'list' ? renderList(part, context) : renderInline(part),
    );
    return `<li>${parts.join('')}</li>`;
  });
  return `<${tag}>${items.join('')}</${tag}>`;
}

function renderImage(node: Record<string, unknown>, context: Context): string {
  const image = isObject(node.image) ? (node.image as unknown as BlockImage) : null;
  if (!image || typeof image.url !== 'string') return '';
  const alt = typeof image.alternativeText === 'string' ? image.alternativeText.trim() : '';
  const caption = typeof image.caption === 'string' ? image.caption.trim() : '';
  const resolved = context.resolveImage(image);
  const served: ResolvedImage | null = typeof resolved === 'string' ? { src: resolved } : resolved;
  if (!served?.src) {
    // Not served by the site: say what the picture shows instead of fetching it from elsewhere.
    const words = alt || caption;
    return words ? `<p class="image-missing">[Hình ảnh: ${escapeHtml(words)}]</p>` : '';
  }
  const width = served.width ?? image.width;
  const height = served.height ?? image.height;
  const attributes = [
    served.srcset ? ` srcset="${escapeHtml(served.srcset)}"` : '',
    served.srcset && served.sizes ? ` sizes="${escapeHtml(served.sizes)}"` : '',
    typeof width === 'number' && width > 0 ? ` width="${Math.round(width)}"` : '',
    typeof height === 'number' && height > 0 ? ` height="${Math.round(height)}"` : '',
  ].join('');
  // Its own description, else what the page says it is about (a caption is shown beside it anyway).
  const text = alt || served.alt?.trim() || '';
  const img = `<img src="${escapeHtml(served.src)}" alt="${escapeHtml(text)}"${attributes} loading="lazy" decoding="async">`;
  return caption ? `<figure>${img}<figcaption>${escapeHtml(caption)}</figcaption></figure>` : `<figure>${img}</figure>`;
}

function renderInlines(nodes: unknown[]): string {
  return nodes.map(renderInline).join('');
}

function renderInline(node: unknown): string {
  if (!isObject(node)) return '';
  if (node.type === 'link') {
    const inner = renderInlines(children(node));
    const href = safeHref(node.url);
    if (!href) return inner;
    const external = /^https?:/i.test(href);
    return `<a href="${escapeHtml(href)}"${external ? ' rel="nofollow noopener"' : ''}>${inner}</a>`;
  }
  if (node.type === 'text' && typeof node.text === 'string') {
    let html = escapeHtml(node.text).replace(/\n/g, '<br>');
    if (node.code) html = `<code>${html}</code>`;
    if (node.bold) html = `<strong>${html}</strong>`;
    if (node.italic) html = `<em>${html}</em>`;
    if (node.underline) html = `<u>${html}</u>`;
    if (node.strikethrough) html = `<s>${html}</s>`;
    return html;
  }
  return renderInlines(children(node));
}

function plainText(nodes: unknown[]): string {
  return nodes
    .map((node) => (isObject(node) ? (typeof node.text === 'string' ? node.text : plainText(children(node))) : ''))
    .join('');
}

/** The blocks' text without markup, e.g. for a description or a card's summary. */
export function blocksToPlainText(blocks: unknown, maxLength = Infinity): string {
  if (!Array.isArray(blocks)) return '';
  const text = blocks
    .map((block) => (isObject(block) ? plainText(children(block)) : ''))
    .filter((t) => t.trim() !== '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > maxLength ? `${text.slice(0, maxLength - 1).trimEnd()}…` : text;
}
