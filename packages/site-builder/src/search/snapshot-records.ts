/**
 * The search records of a snapshot (snapshot-format.ts): a site's own, and the national ones that
 * go to the shared national bundle instead of every site's index (national-bundle.ts). Both read
 * the same files in the same order, so every run that sees the same national documents writes
 * the same national records, and the bundle's content hash finds them.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOCUMENT_TYPE_INFO, VALIDITY_STATUS_LABELS } from '@pbgdpl/domain';
import {
  snapshotFiles,
  type DocumentDetail,
  type DocumentIndex,
  type DocumentSummary,
  type ItemDetail,
  type ItemIndex,
  type SiteSnapshot,
} from '@pbgdpl/site-template/snapshot-format';
import { foldingCode } from './folding-code.js';
import { SEARCH_SECTIONS, documentRecords, itemRecords, type SearchRecord } from './records.js';

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

/**
 * A key of everything the national records are made from: each national document's summary and
 * full document (not its relations, which records do not use), the labels records take from
 * @pbgdpl/domain, and the code that turns them into records and indexed HTML (this folder and the
 * template's folding, `foldingCode`). Two
 * runs with the same key make the same records, so the bundle is found by the key alone
 * (national-bundle.ts) — reading and hashing the JSON costs milliseconds, folding the full texts
 * into records seconds.
 */
export function nationalInputKey(snapshotDir: string): string {
  const index = readJson<DocumentIndex>(snapshotFiles.index(snapshotDir)).documents;
  const hash = crypto.createHash('sha256').update(recordsCodeFingerprint());
  for (const id of Object.keys(index).sort()) {
    const summary = index[id]!;
    if (!isNationalDocument(summary)) continue;
    hash.update(JSON.stringify(summary));
    hash.update(JSON.stringify(readJson<DocumentDetail>(snapshotFiles.document(snapshotDir, id)).document));
  }
  return hash.digest('hex');
}

let fingerprint: string | undefined;
/** The labels and the code (this folder's sources, as running) that make records out of documents. */
function recordsCodeFingerprint(): string {
  if (fingerprint === undefined) {
    const hash = crypto.createHash('sha256');
    hash.update(JSON.stringify({ SEARCH_SECTIONS, DOCUMENT_TYPE_INFO, VALIDITY_STATUS_LABELS }));
    hash.update(foldingCode());
    const dir = path.dirname(fileURLToPath(import.meta.url));
    for (const name of fs.readdirSync(dir).sort()) {
      if (!/\.(js|mjs|ts)$/.test(name) || /\.(test|d)\.ts$/.test(name)) continue;
      hash.update(name).update(fs.readFileSync(path.join(dir, name)));
    }
    fingerprint = hash.digest('hex');
  }
  return fingerprint;
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
