/**
 * Reads every page of a Strapi connection. The first page gives `pageCount`; the remaining pages
 * are fetched with bounded concurrency and reassembled in page order.
 */
import type { Connection } from './queries.js';

export interface PaginateOptions {
  pageSize: number;
  /** Pages in flight at once after the first. */
  concurrency: number;
}

/**
 * @param fetchPage fetches page `page` (1-based) of `pageSize` items; it validates `pageInfo`.
 * @returns every node of every page, in order, once per `key` (a row that moved between pages
 *   while paging is kept once).
 */
export async function fetchAllPages<T>(
  fetchPage: (page: number, pageSize: number) => Promise<Connection<T>>,
  key: (node: T) => string,
  options: PaginateOptions,
): Promise<T[]> {
  const first = await fetchPage(1, options.pageSize);
  const pageCount = first.pageInfo.pageCount;
  const pages: T[][] = [first.nodes];
  let next = 2;
  const worker = async () => {
    while (next <= pageCount) {
      const page = next++;
      pages[page - 1] = (await fetchPage(page, options.pageSize)).nodes;
    }
  };
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(options.concurrency, pageCount - 1)) }, worker),
  );

  const seen = new Set<string>();
  const all: T[] = [];
  for (const node of pages.flat()) {
    const id = key(node);
    if (seen.has(id)) continue;
    seen.add(id);
    all.push(node);
  }
  return all;
}
