/**
 * The oversight signals the generator wrote for the run (generator/public-signals.ts): a site's
 * coverage summary and the search beacon's address, read through the page's snapshot
 * (src/lib/snapshot.ts). Missing means "show nothing".
 */
export { loadCoverage, searchBeacon } from './snapshot';
