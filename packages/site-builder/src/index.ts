/** Public surface of @pbgdpl/site-builder (see README.md). */
export {
  DEFAULT_BATCH_SIZE,
  DEFAULT_LIST_PAGE_SIZE,
  generateSites,
  type GenerateSitesOptions,
  type GenerateSitesResult,
  type SiteResult,
} from './generate.js';
export { GeneratorError, SiteBuildError } from './errors.js';
export {
  CURRENT_LINK,
  RELEASES_DIR,
  ReleaseCheckError,
  currentRelease,
  installRelease,
  listReleases,
  newReleaseId,
  pruneReleases,
  switchCurrent,
} from './release/install.js';
export { TEMPLATE_DIR } from './locations.js';
export {
  generateNationalIndex,
  type GenerateNationalIndexOptions,
  type NationalIndexResult,
} from './national-index.js';
export {
  NATIONAL_SEARCH_PATH,
  currentNationalBundle,
  pruneNationalBundles,
  readNationalReference,
  referencedNationalBundles,
  type NationalBundle,
} from './search/national-bundle.js';
