/**
 * The entry point: reads every source once, in dependency order (organizations and sites before
 * the documents that refer to them), and returns plain records plus the report.
 */
import { readCensus } from './census.js';
import { DATA_FILES, assertDataLayout } from './data-dir.js';
import { FieldRegistry } from './fields.js';
import { IssueLog } from './issues.js';
import { readLaws } from './laws.js';
import { numberKey } from './law-text.js';
import { IssuerDirectory, readCentralList } from './organizations.js';
import type { Dataset, LoadDatasetOptions, SiteRecord } from './records.js';
import { extractRelations } from './relations.js';
import { readResolutions } from './resolutions.js';
import { centralSites, readAdminUnits } from './sites.js';
import type { SourcedDocument } from './sourced.js';
import { selectDemo } from './subset.js';

/**
 * Loads the public data folder into records for the CMS seed. Problems in the data are reported
 * in `report`, never thrown; the demo subset's report covers everything that was read.
 * @throws {DataImportError} when the folder or an expected file is missing or not parseable.
 */
export async function loadDataset(options: LoadDatasetOptions): Promise<Dataset> {
  const { dataDir, subset = 'full', log = () => undefined } = options;
  const started = Date.now();
  assertDataLayout(dataDir);
  const issues = new IssueLog();

  log(`Reading ${DATA_FILES.organizations}`);
  const central = await readCentralList(dataDir, issues);
  log(`Reading ${DATA_FILES.provinces} and ${DATA_FILES.wards}`);
  const adminUnits = await readAdminUnits(dataDir, issues);
  const sites = uniqueSites([...centralSites(central.centralUnits, issues), ...adminUnits.sites], issues);
  log(`  ${sites.length} sites`);

  const context = {
    issues,
    issuers: new IssuerDirectory(central.organizations),
    fields: new FieldRegistry(),
  };
  log(`Reading ${DATA_FILES.census}`);
  const census = await readCensus(dataDir, issues);
  log(`Reading ${DATA_FILES.resolutionsIndex}`);
  const resolutions = await readResolutions(dataDir, { ...context, provinces: adminUnits.provinces });
  log(`Reading ${DATA_FILES.laws}`);
  const laws = await readLaws(dataDir, { ...context, census }, log);
  const documents = uniqueNumbers([...resolutions, ...laws], issues);
  log('Reading relations between documents from their texts');
  const relations = extractRelations(documents, issues);

  const full = {
    sites,
    organizations: context.issuers.list(),
    fields: context.fields.list(),
    report: issues.issues,
  };
  const dataset =
    subset === 'demo'
      ? selectDemo(full, documents, relations)
      : { ...full, documents: documents.map((d) => d.record), relations };
  const errors = issues.issues.filter((issue) => issue.severity === 'error').length;
  log(
    `Loaded ${subset} dataset in ${Date.now() - started} ms: ${dataset.sites.length} sites, ` +
      `${dataset.organizations.length} organizations, ${dataset.fields.length} fields, ` +
      `${dataset.documents.length} documents, ${dataset.relations.length} relations; report: ${errors} errors, ${issues.issues.length - errors} warnings.`,
  );
  return dataset;
}

/** A code names one site; a second one with the same code is dropped and reported. */
function uniqueSites(sites: readonly SiteRecord[], issues: IssueLog): SiteRecord[] {
  const seen = new Set<string>();
  return sites.filter((site) => {
    if (!seen.has(site.code)) return seen.add(site.code);
    issues.error(
      `site ${site.code}`,
      'code',
      `Two sites would share the code "${site.code}" (${site.name}); the second was dropped.`,
    );
    return false;
  });
}

/**
 * A number names one document. Of several, the one with the longest full text is kept (then the
 * earliest in reading order), so the choice does not depend on file order alone.
 */
function uniqueNumbers(documents: readonly SourcedDocument[], issues: IssueLog): SourcedDocument[] {
  const byKey = new Map<string, SourcedDocument[]>();
  for (const document of documents) {
    const key = numberKey(document.record.number);
    byKey.set(key, [...(byKey.get(key) ?? []), document]);
  }
  const dropped = new Set<SourcedDocument>();
  for (const group of byKey.values()) {
    if (group.length < 2) continue;
    const [kept, ...rest] = [...group].sort((a, b) => b.record.fullText.length - a.record.fullText.length);
    for (const duplicate of rest) {
      dropped.add(duplicate);
      issues.error(
        duplicate.source,
        'number',
        `Duplicate number ${duplicate.record.number}, also at ${kept!.source}; kept that one (longer text), dropped this one.`,
      );
    }
  }
  return documents.filter((document) => !dropped.has(document));
}
