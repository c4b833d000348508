/**
 * Paths of the search pages, the PWA files and the feeds under a site's base, in one place: the
 * layout links them, the pages and the generator's post-build steps write them.
 */
import { joinBase } from '@pbgdpl/domain';

export const SEARCH_PATH = 'tim-kiem/';
/** The server-free fallback: every document by number, searchable with the browser's Find. */
export const NUMBER_INDEX_PATH = 'tim-kiem/so-ky-hieu/';
export const SEARCH_SCRIPT_PATH = 'tim-kiem/tim-kiem.js';
/** The search page's index opener (src/client/search-bundles.js): own index + the national bundle. */
export const SEARCH_BUNDLES_SCRIPT_PATH = 'tim-kiem/chi-muc.js';
export const PAGEFIND_SCRIPT_PATH = 'pagefind/pagefind.js';
export const OFFLINE_PATH = 'ngoai-tuyen/';
export const MANIFEST_PATH = 'manifest.webmanifest';
export const APP_SCRIPT_PATH = 'ung-dung.js';
export const SERVICE_WORKER_PATH = 'sw.js';
export const FEEDS_PATH = 'nguon-tin/';
export const FEED_NEWLY_EFFECTIVE_PATH = 'nguon-tin/van-ban-moi-co-hieu-luc.xml';
export const FEED_DOCUMENTS_PATH = 'nguon-tin/van-ban.xml';
/** Icon sizes written under icons/: "any" icons and one maskable (safe zone: the middle 80 %). */
export const ICONS = [
  { file: 'icons/icon-192.png', size: 192, purpose: 'any' },
  { file: 'icons/icon-512.png', size: 512, purpose: 'any' },
  { file: 'icons/maskable-512.png', size: 512, purpose: 'maskable' },
  { file: 'icons/apple-touch-icon.png', size: 180, purpose: 'apple' },
] as const;

export function searchLinks(site: { basePath: string }) {
  const at = (relative: string) => joinBase(site.basePath, relative);
  return {
    search: at(SEARCH_PATH),
    numberIndex: at(NUMBER_INDEX_PATH),
    searchScript: at(SEARCH_SCRIPT_PATH),
    searchBundles: at(SEARCH_BUNDLES_SCRIPT_PATH),
    pagefind: at(PAGEFIND_SCRIPT_PATH),
    offline: at(OFFLINE_PATH),
    manifest: at(MANIFEST_PATH),
    appScript: at(APP_SCRIPT_PATH),
    feeds: at(FEEDS_PATH),
    feedNewlyEffective: at(FEED_NEWLY_EFFECTIVE_PATH),
    feedDocuments: at(FEED_DOCUMENTS_PATH),
    icon192: at('icons/icon-192.png'),
    appleTouchIcon: at('icons/apple-touch-icon.png'),
  };
}
