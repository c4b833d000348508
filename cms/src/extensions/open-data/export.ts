/**
 * One open-data export: every dataset of the catalogue streamed from the database to gzip files
 * (JSON Lines and CSV side by side, one pass), the manifest and checksums, then the day switched
 * atomically and days past the retention pruned (layout.ts). Memory stays flat whatever the
 * corpus: a page of rows at a time (read.ts), compressed and written as it goes (gzip-file.ts).
 * On PostgreSQL every dataset is read in one REPEATABLE READ, READ ONLY transaction, so the
 * files agree with each other and with the manifest's counts.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { CSV_BOM, todayInVietnam } from '@pbgdpl/domain';
import { DATASETS, type Dataset } from './catalogue';
import { datasetColumns } from './columns';
import { GzipLineFile } from './gzip-file';
import {
  INDEX_FILE,
  LATEST,
  discardRun,
  listDays,
  prune,
  publishRun,
  startRun,
  writeFileAtomic,
} from './layout';
import {
  buildIndex,
  buildManifest,
  sha256Sums,
  type DatasetResult,
  type Manifest,
  type Publisher,
} from './manifest';
import { queryPages, type Row } from './read';
import {
  CITATION_COMPONENT,
  csvHeader,
  csvLine,
  jsonRecord,
  referencedDocumentIds,
  withholdHiddenReferences,
} from './record';
import { publicDocumentIds, relationPages, relationsOfDocuments, type Db } from './relations';
import { CONTENT_TYPES } from '../../content-types';

export interface ExportOptions {
  /** The open-data folder (served at `/_open-data/`). */
  outDir: string;
  now?: Date;
  /** Days of snapshots kept (OPEN_DATA_KEEP_DAYS, default 30). */
  keepDays?: number;
  /** Rows read at once (bounds memory; default 250). */
  pageSize?: number;
  /** Progress lines, e.g. for the command. */
  log?: (line: string) => void;
}

export interface OpenDataRun {
  day: string;
  runId: string;
  /** Where the day is served from, e.g. `<outDir>/2026-12-10`. */
  dayDir: string;
  durationMs: number;
  records: number;
  bytes: number;
  datasets: Array<{ name: string; records: number; bytes: number }>;
  pruned: { days: string[]; runs: string[] };
}

const DEFAULT_PAGE_SIZE = 250;

/** @throws Error when the folder cannot be written or the database cannot be read; nothing is published then. */
export async function exportOpenData(strapi: Core.Strapi, options: ExportOptions): Promise<OpenDataRun> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const day = todayInVietnam(now);
  const outDir = path.resolve(options.outDir);
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const publicUrl = (strapi.config.get('server.url') as string | undefined) || undefined;
  const run = await startRun(outDir, day, now);
  let manifest: Manifest;
  try {
    const results = await inSnapshot(strapi, async (db) => {
      const out: DatasetResult[] = [];
      for (const dataset of DATASETS) {
        if (!strapi.contentTypes[dataset.uid as never]) continue;
        const result = await exportDataset(strapi, db, dataset, run.dir, { pageSize, publicUrl });
        options.log?.(`  ${dataset.name}: ${result.records} bản ghi`);
        out.push(result);
      }
      return out;
    });
    manifest = buildManifest({
      day,
      generatedAt: now.toISOString(),
      publisher: await publisher(strapi),
      datasets: results,
    });
    await writeFileAtomic(path.join(run.dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await writeFileAtomic(path.join(run.dir, 'SHA256SUMS'), sha256Sums(manifest));
  } catch (error) {
    await discardRun(run);
    throw error;
  }
  await publishRun(outDir, run, day);
  const pruned = await prune(outDir, day, options.keepDays ?? keepDaysFromEnv());
  await writeIndex(outDir);
  return {
    day,
    runId: run.id,
    dayDir: path.join(outDir, day),
    durationMs: Date.now() - started,
    records: manifest.totals.records,
    bytes: manifest.totals.bytes,
    datasets: manifest.datasets.map((d) => ({
      name: d.name,
      records: d.records,
      bytes: d.files.reduce((sum, f) => sum + f.bytes, 0),
    })),
    pruned: { days: pruned.daysRemoved, runs: pruned.runsRemoved },
  };
}

/**
 * Runs the reads in one consistent snapshot on PostgreSQL. On SQLite (quick start only) there
 * is none: its single connection would be held for the whole export and stall the CMS.
 */
async function inSnapshot<T>(strapi: Core.Strapi, work: (db: Db) => Promise<T>): Promise<T> {
  if (strapi.db.dialect.client !== 'postgres') return work(strapi.db.connection);
  return strapi.db.transaction(async ({ trx }) => {
    await trx.raw('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    return work(trx as unknown as Db);
  });
}

async function exportDataset(
  strapi: Core.Strapi,
  db: Db,
  dataset: Dataset,
  dir: string,
  options: { pageSize: number; publicUrl: string | undefined },
): Promise<DatasetResult> {
  const columns = datasetColumns(strapi, dataset);
  const jsonl = new GzipLineFile(path.join(dir, `${dataset.name}.jsonl.gz`));
  const csv = new GzipLineFile(path.join(dir, `${dataset.name}.csv.gz`));
  let records = 0;
  try {
    await csv.writeText(CSV_BOM);
    await csv.writeLine(csvHeader(columns), '\r\n');
    const pages =
      dataset.reader === 'document-relations'
        ? relationPages(strapi, db, columns, options.pageSize)
        : queryPages(strapi, db, dataset, columns, options.pageSize);
    const references = columns.some(
      (c) => c.component === CITATION_COMPONENT || c.name === 'validityHistory',
    );
    for await (const page of pages) {
      if (references) {
        const visible = await publicDocumentIds(strapi, db, referencedDocumentIds(page, columns));
        withholdHiddenReferences(page, columns, visible);
      }
      const relations = dataset.withDocumentRelations
        ? await relationsOfDocuments(
            strapi,
            db,
            relationColumns(strapi),
            page.map((row: Row) => row.documentId),
          )
        : null;
      for (const row of page) {
        const record = jsonRecord(
          row,
          columns,
          { publicUrl: options.publicUrl },
          { ...relations?.get(row.documentId) },
        );
        await jsonl.writeLine(JSON.stringify(record));
        await csv.writeLine(csvLine(record, columns), '\r\n');
        records += 1;
      }
    }
    return {
      name: dataset.name,
      title: dataset.title,
      description: dataset.description,
      contentType: dataset.uid,
      records,
      columns,
      jsonOnly: dataset.withDocumentRelations
        ? [
            {
              name: 'actsOn',
              label: 'Văn bản này tác động tới (sửa đổi, thay thế, bãi bỏ, hướng dẫn…) các văn bản',
            },
            { name: 'actedOnBy', label: 'Các văn bản tác động tới văn bản này' },
          ]
        : [],
      files: { jsonl: await jsonl.close(), csv: await csv.close() },
    };
  } catch (error) {
    jsonl.abort();
    csv.abort();
    throw error;
  }
}

let relationColumnsCache: ReturnType<typeof datasetColumns> | null = null;
function relationColumns(strapi: Core.Strapi) {
  relationColumnsCache ??= datasetColumns(
    strapi,
    DATASETS.find((d) => d.reader === 'document-relations')!,
  );
  return relationColumnsCache;
}

async function publisher(strapi: Core.Strapi): Promise<Publisher> {
  const national = (await strapi.db.query(CONTENT_TYPES.site).findOne({
    where: { kind: 'national', enabled: true },
    select: ['name', 'baseUrl'],
  })) as { name: string; baseUrl: string | null } | null;
  return {
    name: national?.name ?? 'Cổng Phổ biến, giáo dục pháp luật quốc gia',
    url: national?.baseUrl ?? null,
  };
}

/** Rewrites `index.json` from the manifests of the days still on offer. */
async function writeIndex(outDir: string): Promise<void> {
  const manifests: Manifest[] = [];
  for (const day of await listDays(outDir)) {
    const text = await fs.readFile(path.join(outDir, day, 'manifest.json'), 'utf8').catch(() => null);
    if (text) manifests.push(JSON.parse(text) as Manifest);
  }
  const latest = await fs.readlink(path.join(outDir, LATEST)).catch(() => null);
  await writeFileAtomic(
    path.join(outDir, INDEX_FILE),
    `${JSON.stringify(buildIndex(manifests, latest), null, 2)}\n`,
  );
}

export function keepDaysFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.OPEN_DATA_KEEP_DAYS;
  if (raw === undefined || raw === '') return 30;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1)
    throw new Error(`OPEN_DATA_KEEP_DAYS must be a whole number of days (at least 1), not "${raw}".`);
  return days;
}
