/**
 * The search page's index opener over a fake Pagefind module that records what it is asked:
 * which bundle is primary, what is merged with which options, and how it degrades. The real
 * Pagefind JS in a browser is exercised by generator/site-features.test.ts and tests/e2e.
 */
import { mergeSorted, openSearch, ORIGIN_FILTER } from './search-bundles.js';

interface Call {
  method: string;
  args: unknown[];
}

/** A Pagefind module whose searches answer from `pages` (filtered by the synthetic origin filter). */
function fakePagefind(options: { failMerge?: boolean; failSearchAfterMerge?: boolean } = {}) {
  const calls: Call[] = [];
  let merged = false;
  const page = (origin: string, date: string) => ({
    data: async () => ({ url: `${origin}-${date}`, meta: { date } }),
  });
  const pages: Record<string, Array<{ data: () => Promise<unknown> }>> = {
    'dia-phuong': [page('local', '2024-05-01'), page('local', '2019-01-01')],
    'quoc-gia': [
      page('national', '2025-01-01'),
      page('national', '2020-06-01'),
      page('national', '2010-01-01'),
    ],
  };
  const module = {
    calls,
    async options(value: unknown) {
      calls.push({ method: 'options', args: [value] });
    },
    async mergeIndex(...args: unknown[]) {
      calls.push({ method: 'mergeIndex', args });
      if (options.failMerge) throw new Error('Failed to load Pagefind metadata');
      merged = true;
    },
    async destroy() {
      calls.push({ method: 'destroy', args: [] });
      merged = false;
    },
    async filters() {
      return { [ORIGIN_FILTER]: { 'dia-phuong': 2 }, section: { 'Văn bản pháp luật': 5 } };
    },
    async search(term: string | null, searchOptions: { filters?: Record<string, string> } = {}) {
      calls.push({ method: 'search', args: [term, searchOptions] });
      if (merged && options.failSearchAfterMerge)
        throw new Error('404 fetching /_national/pagefind/x/fragment');
      const origin = searchOptions.filters?.[ORIGIN_FILTER];
      const results = origin
        ? pages[origin]!
        : [...pages['dia-phuong']!, ...(merged ? pages['quoc-gia']! : [])];
      return { results };
    },
  };
  return module;
}

/** fetch answering the entry files of the bundles named in `entries` (languages or none); 404 otherwise. */
function fakeFetch(entries: Record<string, boolean>) {
  return (async (url: string) => {
    const folder = url.replace(/pagefind-entry\.json$/, '');
    if (!(folder in entries)) return { ok: false, json: async () => ({}) };
    return { ok: true, json: async () => ({ languages: entries[folder] ? { vi: { page_count: 3 } } : {} }) };
  }) as unknown as typeof fetch;
}

const LOCAL = '/ha-noi-ba-dinh/pagefind/';
const NATIONAL = '/_national/pagefind/0123456789abcdef/';

describe('opening the search page’s indexes', () => {
  it('opens the site’s own index and merges the national bundle, both under the site’s base path', async () => {
    const pagefind = fakePagefind();
    const imported: string[] = [];
    const search = await openSearch({
      local: LOCAL,
      national: NATIONAL,
      baseUrl: '/ha-noi-ba-dinh/',
      fetch: fakeFetch({ [LOCAL]: true, [NATIONAL]: true }),
      importModule: async (url) => (imported.push(url), pagefind),
    });
    expect(imported).toEqual([`${LOCAL}pagefind.js`]);
    expect(search.national).toBe(true);
    expect(pagefind.calls.find((c) => c.method === 'options')?.args[0]).toEqual(
      expect.objectContaining({
        baseUrl: '/ha-noi-ba-dinh/',
        mergeFilter: { [ORIGIN_FILTER]: 'dia-phuong' },
      }),
    );
    expect(pagefind.calls.find((c) => c.method === 'mergeIndex')?.args).toEqual([
      NATIONAL,
      { baseUrl: '/ha-noi-ba-dinh/', mergeFilter: { [ORIGIN_FILTER]: 'quoc-gia' } },
    ]);
    expect((await search.search('dat dai')).results).toHaveLength(5);
    expect(await search.filters()).toEqual({ section: { 'Văn bản pháp luật': 5 } });
  });

  it('sorts by date across both bundles, which Pagefind’s merge would order by score', async () => {
    const search = await openSearch({
      local: LOCAL,
      national: NATIONAL,
      baseUrl: '/x/',
      fetch: fakeFetch({ [LOCAL]: true, [NATIONAL]: true }),
      importModule: async () => fakePagefind(),
    });
    const { results } = await search.search('luat', {
      sort: { date: 'desc' },
      filters: { section: 'Văn bản pháp luật' },
    });
    const data = await Promise.all(results.map((r: { data: () => Promise<{ url: string }> }) => r.data()));
    expect(data.map((d) => d.url)).toEqual([
      'national-2025-01-01',
      'local-2024-05-01',
      'national-2020-06-01',
      'local-2019-01-01',
      'national-2010-01-01',
    ]);
  });

  it('searches the site’s own index alone when the national bundle cannot be loaded', async () => {
    const pagefind = fakePagefind();
    const search = await openSearch({
      local: LOCAL,
      national: NATIONAL,
      baseUrl: '/x/',
      fetch: fakeFetch({ [LOCAL]: true }),
      importModule: async () => pagefind,
    });
    expect(search.national).toBe(false);
    expect(pagefind.calls.some((c) => c.method === 'mergeIndex')).toBe(false);
    expect((await search.search('x')).results).toHaveLength(2);
  });

  it('starts again without the national bundle when merging it fails', async () => {
    const pagefind = fakePagefind({ failMerge: true });
    const search = await openSearch({
      local: LOCAL,
      national: NATIONAL,
      baseUrl: '/x/',
      fetch: fakeFetch({ [LOCAL]: true, [NATIONAL]: true }),
      importModule: async () => pagefind,
    });
    expect(search.national).toBe(false);
    expect(pagefind.calls.map((c) => c.method)).toEqual(['options', 'mergeIndex', 'destroy', 'options']);
    expect((await search.search('x')).results).toHaveLength(2);
  });

  it('falls back to the site’s own index when the national bundle fails during a search (pruned, offline)', async () => {
    const pagefind = fakePagefind({ failSearchAfterMerge: true });
    const search = await openSearch({
      local: LOCAL,
      national: NATIONAL,
      baseUrl: '/x/',
      fetch: fakeFetch({ [LOCAL]: true, [NATIONAL]: true }),
      importModule: async () => pagefind,
    });
    expect(search.national).toBe(true);
    expect((await search.search('x')).results).toHaveLength(2);
    expect(search.national).toBe(false);
  });

  it('searches the national bundle alone on a site without any record of its own', async () => {
    const imported: string[] = [];
    const search = await openSearch({
      local: LOCAL,
      national: NATIONAL,
      baseUrl: '/x/',
      fetch: fakeFetch({ [LOCAL]: false, [NATIONAL]: true }),
      importModule: async (url) => (imported.push(url), fakePagefind()),
    });
    expect(imported).toEqual([`${NATIONAL}pagefind.js`]);
    expect(search.national).toBe(true);
  });

  it('fails (the page then explains itself) when no index can be opened', async () => {
    await expect(
      openSearch({
        local: LOCAL,
        national: null,
        baseUrl: '/x/',
        fetch: fakeFetch({}),
        importModule: async () => fakePagefind(),
      }),
    ).rejects.toThrow('No search index');
  });
});

describe('merging sorted result lists', () => {
  it('reads only as many results’ data as the positions asked for need', async () => {
    const reads: string[] = [];
    const result = (key: string) => ({ data: async () => (reads.push(key), { meta: { date: key } }) });
    const merged = mergeSorted(
      [
        [result('5'), result('3'), result('1')],
        [result('4'), result('2')],
      ],
      (d) => d.meta.date,
    );
    expect(merged).toHaveLength(5);
    expect((await merged[0]!.data()).meta.date).toBe('5');
    expect(reads.sort()).toEqual(['4', '5']);
    expect(await Promise.all(merged.map(async (r) => (await r.data()).meta.date))).toEqual([
      '5',
      '4',
      '3',
      '2',
      '1',
    ]);
  });

  it('sorts ascending when asked, the first list first on equal keys', async () => {
    const result = (key: string, list: string) => ({ data: async () => ({ key, list }) });
    const merged = mergeSorted(
      [
        [result('a', 'one'), result('c', 'one')],
        [result('a', 'two'), result('b', 'two')],
      ],
      (d) => d.key,
      'asc',
    );
    const order = await Promise.all(
      merged.map(async (r) => (await r.data()) as { key: string; list: string }),
    );
    expect(order.map((d) => `${d.key}${d.list}`)).toEqual(['aone', 'atwo', 'btwo', 'cone']);
  });
});
