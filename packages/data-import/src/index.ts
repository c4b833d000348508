// The package's public surface; everything else is internal.
export { loadDataset } from './load-dataset.js';
export {
  DATA_DIR_ENV,
  DATA_FILES,
  DEFAULT_DATA_DIR,
  assertDataLayout,
  findRepositoryRoot,
  resolveDataDir,
} from './data-dir.js';
export { DataImportError } from './errors.js';
export { DEMO_SELECTION } from './subset.js';
export { KNOWN_FIELDS } from './fields.js';
export { EXPECTED_COUNTS, NATIONAL_PORTAL } from './sites.js';
export { ORGANIZATION_CATEGORIES } from './records.js';
export type {
  Dataset,
  DatasetSubset,
  DocumentRecord,
  FieldRecord,
  ImportIssue,
  LoadDatasetOptions,
  OrganizationCategory,
  OrganizationRecord,
  RelationRecord,
  SiteRecord,
} from './records.js';
