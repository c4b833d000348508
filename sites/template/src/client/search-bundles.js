/**
 * The search page's indexes (served as <base>tim-kiem/chi-muc.js, loaded by search.js): the
 * site's own Pagefind index and the national bundle shared by every site
 * (generator/search/national-bundle.ts, ADR 0004 strategy E), opened through Pagefind's own JS.
 * The site's index is the primary one and the national bundle is merged with `mergeIndex`; both
 * get the site's base path as `baseUrl`, since their URLs are relative to it.
 *
 * Each part degrades on its own: a bundle that cannot be loaded (missing, pruned, offline) is
 * left out and the other still answers (`national` says whether the national documents are in);
 * a site with no record of its own searches the national bundle alone.
 *
 * Pagefind merges the bundles' results by score even when asked to sort. Sorting by date over
 * both is done here: a synthetic filter (`mergeFilter`) tells the bundles apart, each answers
 * date-sorted, and the two lists are merged lazily, reading one result's data at a time.
 */

/** The synthetic filter naming a result's bundle (not shown: `filters()` leaves it out). */
export const ORIGIN_FILTER = 'nguon';
const LOCAL = 'dia-phuong';
const NATIONAL = 'quoc-gia';

/**
 * A bundle folder is usable when its entry file loads and lists a language (an index without any
 * record lists none, and Pagefind cannot open it).
 * @param {string} folder
 * @param {typeof fetch} fetchImpl
 */
async function usable(folder, fetchImpl) {
  try {
    const response = await fetchImpl(`${folder}pagefind-entry.json`, { cache: 'no-store' });
    if (!response.ok) return false;
    const entry = await response.json();
    return Object.keys(entry?.languages ?? {}).length > 0;
  } catch {
    return false;
  }
}

/**
 * @param {{ local: string, national?: string | null, baseUrl: string,
 *   importModule?: (url: string) => Promise<any>, fetch?: typeof fetch }} options
 *   `local` and `national` are bundle folders ("/ha-noi/pagefind/", "/_national/pagefind/<id>/").
 * @returns {Promise<{ national: boolean, filters: () => Promise<Record<string, Record<string, number>>>,
 *   search: (term: string | null, options?: any) => Promise<any> }>}
 * @throws when no index at all can be opened.
 */
export async function openSearch(options) {
  const importModule = options.importModule ?? ((url) => import(/* @vite-ignore */ url));
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const [hasLocal, hasNational] = await Promise.all([
    usable(options.local, fetchImpl),
    options.national ? usable(options.national, fetchImpl) : Promise.resolve(false),
  ]);
  if (!hasLocal && !hasNational) throw new Error('No search index could be opened.');
  const primary = hasLocal ? options.local : /** @type {string} */ (options.national);
  const pagefind = await importModule(`${primary}pagefind.js`);
  const settings = (origin) => ({
    excerptLength: 30,
    baseUrl: options.baseUrl,
    mergeFilter: { [ORIGIN_FILTER]: origin },
  });
  await pagefind.options(settings(hasLocal ? LOCAL : NATIONAL));
  let merged = false;
  const alone = async () => {
    // A merge that failed stays inside Pagefind and fails every search: start again without it.
    merged = false;
    await pagefind.destroy();
    await pagefind.options(settings(LOCAL));
  };
  if (hasLocal && hasNational) {
    try {
      await pagefind.mergeIndex(options.national, {
        baseUrl: options.baseUrl,
        mergeFilter: { [ORIGIN_FILTER]: NATIONAL },
      });
      merged = true;
    } catch {
      await alone();
    }
  }

  async function search(term, searchOptions = {}) {
    const sort = Object.entries(searchOptions.sort ?? {})[0];
    if (!merged || !sort) return pagefind.search(term, searchOptions);
    const part = (origin) =>
      pagefind.search(term, {
        ...searchOptions,
        filters: { ...(searchOptions.filters ?? {}), [ORIGIN_FILTER]: origin },
      });
    const [local, national] = await Promise.all([part(LOCAL), part(NATIONAL)]);
    const [key, direction] = sort;
    return {
      ...local,
      results: mergeSorted([local.results, national.results], (data) => data?.meta?.[key] ?? '', direction),
    };
  }

  const api = {
    national: hasNational && (merged || !hasLocal),
    async filters() {
      const counts = await pagefind.filters();
      delete counts[ORIGIN_FILTER];
      return counts;
    },
    async search(term, searchOptions) {
      try {
        return await search(term, searchOptions);
      } catch (error) {
        // The national bundle went away while the page was open (pruned, network): local only.
        if (!merged) throw error;
        await alone();
        api.national = false;
        return search(term, searchOptions);
      }
    },
  };
  return api;
}

/**
 * Merges result lists that are each sorted by `keyOf(data)` into one, lazily: the result at
 * position i loads the data of at most one more result per list than the results before it.
 * Equal keys keep the lists' order (the first list first).
 * @param {Array<Array<{ data: () => Promise<any> }>>} lists
 * @param {(data: any) => string} keyOf
 * @param {'asc' | 'desc'} direction
 * @returns {Array<{ id: string, score: number, data: () => Promise<any> }>}
 */
export function mergeSorted(lists, keyOf, direction = 'desc') {
  const loaded = new Map();
  const load = (result) => {
    if (!loaded.has(result)) loaded.set(result, result.data());
    return loaded.get(result);
  };
  const heads = lists.map(() => 0);
  const order = [];
  let chain = Promise.resolve();
  const fill = (count) =>
    (chain = chain.then(async () => {
      while (order.length < count) {
        let best = -1;
        let bestKey = '';
        for (let i = 0; i < lists.length; i += 1) {
          if (heads[i] >= lists[i].length) continue;
          const key = keyOf(await load(lists[i][heads[i]]));
          if (best === -1 || (direction === 'desc' ? key > bestKey : key < bestKey)) {
            best = i;
            bestKey = key;
          }
        }
        if (best === -1) return;
        order.push(lists[best][heads[best]]);
        heads[best] += 1;
      }
    }));
  const total = lists.reduce((sum, list) => sum + list.length, 0);
  return Array.from({ length: total }, (_, i) => ({
    id: `merged-${i}`,
    score: total - i,
    data: async () => {
      await fill(i + 1);
      return load(order[i]);
    },
  }));
}
