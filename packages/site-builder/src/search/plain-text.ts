/**
 * A document's full text as plain words for the index. The CMS holds Markdown (the resolutions)
 * or plain lines (the laws); both go through markdown-it without HTML, then every tag is dropped
 * and entities decoded. Nothing here is shown as HTML: Pagefind stores it as text.
 */
import MarkdownIt from 'markdown-it';

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

export function plainText(text: string | null | undefined): string {
  if (!text) return '';
  const html = markdown.render(text.normalize('NFC').replace(/\r\n?/g, '\n'));
  return html
    .replace(/<\/(p|h[1-6]|li|tr|td|th|blockquote|pre)>/g, ' \n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name] ?? ' ')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/<[^>]*>/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}
