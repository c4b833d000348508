import fs from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';

/** Parses a built page; the path is relative to the site's folder, like its URL under the base. */
export function readPage(siteDir: string, urlPath: string): Document {
  const file = path.join(siteDir, urlPath.replace(/^\/+/, ''), urlPath.endsWith('.html') ? '' : 'index.html');
  if (!fs.existsSync(file)) throw new Error(`No page at ${urlPath} (${file})`);
  return parseHTML(fs.readFileSync(file, 'utf8')).document as unknown as Document;
}

/** Follows the document list's pagination from its first page and returns every listed number. */
export function listedDocumentNumbers(siteDir: string, basePath: string, firstPage: string): string[] {
  const numbers: string[] = [];
  const seen = new Set<string>();
  let next: string | null = firstPage;
  while (next && !seen.has(next)) {
    seen.add(next);
    const page = readPage(siteDir, next);
    for (const item of page.querySelectorAll('ul.document-list > li[data-document-number]')) {
      numbers.push(item.getAttribute('data-document-number')!);
    }
    const link = page.querySelector('a[rel="next"]')?.getAttribute('href') ?? null;
    next = link ? stripBase(link, basePath) : null;
  }
  return numbers;
}

export function stripBase(href: string, basePath: string): string {
  if (!href.startsWith(basePath)) throw new Error(`Link ${href} leaves the site's base ${basePath}`);
  return href.slice(basePath.length);
}
