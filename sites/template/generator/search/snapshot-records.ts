/**
 * The search records of a snapshot (snapshot-format.ts): a site's own, and the national ones that
 * go to the shared national bundle instead of every site's index (national-bundle.ts). Both read
 * the same files in the same order, so every run that sees the same national documents writes
 * the same national records, and the bundle's content hash finds them.
 */
import fs from 'node:fs';
import {
  snapshotFiles,
  type DocumentDetail,
  type DocumentIndex,
  type DocumentSummary,
  type ItemDetail,
  type ItemIndex,
  type SiteSnapshot,
} from '../snapshot-format.js';
import { documentRecords, itemRecords, type SearchRecord } from './records.js';

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T;

/** A national-scope document: listed by every site, so indexed once for all of them. */
export const isNationalDocument = (summary: Pick<DocumentSummary, 'scope'>): boolean =>
  summary.scope === 'national';

/** Every national document of the snapshot, by documentId. */
export function nationalRecords(snapshotDir: string): Generator<SearchRecord> {
  const index = readJson<DocumentIndex>(snapshotFiles.index(snapshotDir)).documents;
  const documents = Object.keys(index)
    .sort()
    .map((id) => index[id]!)
    .filter(isNationalDocument);
  return documentRecords({
    documents,
    detail: (id) => readJson<DocumentDetail>(snapshotFiles.document(snapshotDir, id)),
  });
}

export interface SiteRecordsOptions {
  snapshotDir: string;
  site: SiteSnapshot;
  /** Leave the national documents out (they are in the national bundle the site merges). */
  withoutNational: boolean;
}

/** The site's documents (all, or only its local ones) and every item it shows. */
export function* siteRecords(options: SiteRecordsOptions): Generator<SearchRecord> {
  const { snapshotDir, site } = options;
  const index = readJson<DocumentIndex>(snapshotFiles.index(snapshotDir)).documents;
  const documents = site.documentIds
    .map((id) => index[id])
    .filter(
      (d): d is DocumentSummary => d !== undefined && !(options.withoutNational && isNationalDocument(d)),
    );
  const itemFile = snapshotFiles.itemIndex(snapshotDir);
  const items = fs.existsSync(itemFile) ? readJson<ItemIndex>(itemFile).items : {};
  yield* documentRecords({
    documents,
    detail: (id) => readJson<DocumentDetail>(snapshotFiles.document(snapshotDir, id)),
  });
  yield* itemRecords({
    site,
    summary: (type, id) => items[type]?.[id],
    detail: (type, id) => readJson<ItemDetail>(snapshotFiles.item(snapshotDir, type, id)),
  });
}
