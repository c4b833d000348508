export { RegistryError } from './errors';
export { addSite, renameSite, setSiteEnabled, siteByCode, type NewSite, type SiteRow } from './sites';
export { mergeSites, type MergeResult } from './merge';
