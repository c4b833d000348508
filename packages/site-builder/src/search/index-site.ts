/**
 * Builds a site's Pagefind index into `<siteDir>/pagefind/` with Pagefind's Node API (the binary
 * comes from the npm package `@pagefind/<platform>`, an optional dependency of `pagefind`;
 * nothing is downloaded at build time).
 *
 * Each record is handed to Pagefind as a small HTML page that exists only in the index: the title
 * as the heading (so it weighs more), the filters and sort key in ignored elements, the text, and
 * after the mark ⁂ the folded copies that make "dat dai" find "đất đai" (search/fold.ts). The
 * search page cuts the text at that mark before it shows an excerpt.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { GeneratorError } from '../errors.js';
import { BUILDER_DIR } from '../locations.js';
import { foldedExtras, foldedPairs } from '@pbgdpl/site-template/search-fold';
import { foldingCode } from './folding-code.js';
import type { SearchRecord } from './records.js';

/** Separates a record's text from its folded copies; src/client/search.js cuts excerpts there. */
export const EXTRAS_MARK = '⁂';

/** Files Pagefind writes that the search page does not use (its own UIs): not shipped. */
const UNUSED = /^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/;

export interface SearchIndexStats {
  records: number;
  /** Files and bytes under pagefind/, as served. */
  files: number;
  bytes: number;
  ms: number;
  /** The national bundle the site's search merges (search/national-bundle.ts); null: none, the site's index holds everything. */
  national?: string | null;
  /** True when the live release's index was linked (same records), not built again. */
  reused?: boolean;
}

export interface WriteSearchIndexOptions {
  /** The built site's folder; the index goes to `<siteDir>/pagefind/`. */
  siteDir: string;
  records: Iterable<SearchRecord>;
  /**
   * The live release's folder: when its index was built from the same records by the same
   * indexer (`pagefind/index-key.txt`), its files are hard-linked instead of indexing again.
   */
  previousDir?: string | null;
}

/** Names the records and the indexer an index was built from (reuse across releases). */
export const INDEX_KEY_FILE = 'index-key.txt';
/** In a site's `pagefind/`: which national bundle its search page merges (written per build, never reused). */
export const NATIONAL_REFERENCE_FILE = 'national-bundle.json';

/**
 * Indexes `records` into `<siteDir>/pagefind/`. The records are streamed to a file beside the
 * site and indexed by search/pagefind-runner.mjs in a child process: the `pagefind` package is
 * ESM only, and a process of its own keeps the builder's memory flat.
 * @throws {GeneratorError} when Pagefind reports an error (the site is then not installed).
 */
export async function writeSearchIndex(options: WriteSearchIndexOptions): Promise<SearchIndexStats> {
  const [result] = await writeSearchIndexes([options]);
  if (result instanceof Error) throw result;
  return result!;
}

/**
 * Indexes several sites (a batch) with one Pagefind process: starting one costs about a third of
 * a second, which a national build would otherwise pay ≈3,400 times. A site whose records are
 * those of its live release's index links that index instead. When the shared run fails, each
 * site is indexed on its own, so an error is the failing site's alone.
 * @returns per site, in order, its stats or the error that stops it.
 */
export async function writeSearchIndexes(
  list: readonly WriteSearchIndexOptions[],
): Promise<Array<SearchIndexStats | Error>> {
  const results: Array<SearchIndexStats | Error> = [];
  const pending: Array<{
    at: number;
    recordsFile: string;
    outputPath: string;
    key: string;
    started: number;
  }> = [];
  for (const [at, options] of list.entries()) {
    const started = Date.now();
    const { siteDir } = options;
    const recordsFile = path.join(path.dirname(siteDir), `.${path.basename(siteDir)}.search-records.jsonl`);
    const outputPath = path.join(siteDir, 'pagefind');
    try {
      const written = writeRecordsFile(options.records, recordsFile);
      const key = `${written.sha256} ${indexerVersion()}`;
      const previous = options.previousDir ? path.join(options.previousDir, 'pagefind') : null;
      if (previous && readKey(previous) === key && linkIndex(previous, outputPath)) {
        fs.rmSync(recordsFile, { force: true });
        results[at] = {
          records: written.count,
          ...measure(outputPath),
          ms: Date.now() - started,
          reused: true,
        };
      } else {
        pending.push({ at, recordsFile, outputPath, key, started });
      }
    } catch (error) {
      fs.rmSync(recordsFile, { force: true });
      results[at] = error as Error;
    }
  }
  if (pending.length > 0) {
    let counts: Array<number | Error>;
    try {
      counts = await runPagefindMany(pending);
    } catch {
      counts = [];
      for (const job of pending)
        counts.push(await runPagefind(job.recordsFile, job.outputPath).catch((e: Error) => e));
    }
    for (const [i, job] of pending.entries()) {
      const count = counts[i]!;
      fs.rmSync(job.recordsFile, { force: true });
      if (count instanceof Error) {
        results[job.at] = count;
        continue;
      }
      fs.writeFileSync(path.join(job.outputPath, INDEX_KEY_FILE), `${job.key}\n`);
      results[job.at] = {
        records: count,
        ...measure(job.outputPath),
        ms: Date.now() - job.started,
        reused: false,
      };
    }
  }
  return results;
}

/**
 * Writes one `{"url", "html"}` line per record (what pagefind-runner.mjs reads).
 * @returns the number of records and a SHA-256 of the lines: equal records give an equal hash.
 */
export function writeRecordsFile(
  records: Iterable<SearchRecord>,
  file: string,
): { count: number; sha256: string } {
  const hash = crypto.createHash('sha256');
  let count = 0;
  const out = fs.openSync(file, 'w');
  try {
    for (const record of records) {
      const line = `${JSON.stringify({ url: record.url, html: recordHtml(record) })}\n`;
      fs.writeSync(out, line);
      hash.update(line);
      count += 1;
    }
  } finally {
    fs.closeSync(out);
  }
  return { count, sha256: hash.digest('hex') };
}

/**
 * Runs Pagefind over a records file into `outputPath` and removes the UI files the search page
 * does not use. @returns the records indexed.
 * @throws {GeneratorError} when Pagefind fails.
 */
export async function runPagefind(recordsFile: string, outputPath: string): Promise<number> {
  const [records] = await runPagefindMany([{ recordsFile, outputPath }]);
  return records!;
}

/** One Pagefind process for several records files, each into its own folder; @returns the records indexed, in order. */
export async function runPagefindMany(
  jobs: ReadonlyArray<{ recordsFile: string; outputPath: string }>,
): Promise<number[]> {
  // Not compiled: the runner is plain ESM, run from the sources beside dist/.
  const runner = path.join(BUILDER_DIR, 'src', 'search', 'pagefind-runner.mjs');
  const args = [runner, ...jobs.flatMap((job) => [job.recordsFile, job.outputPath])];
  const { stdout } = await run(process.execPath, args, BUILDER_DIR);
  const lines = stdout
    .trim()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { records: number });
  if (lines.length !== jobs.length)
    throw new GeneratorError(`Pagefind indexed ${lines.length} of ${jobs.length} sites.`);
  for (const job of jobs)
    for (const name of fs.readdirSync(job.outputPath))
      if (UNUSED.test(name)) fs.rmSync(path.join(job.outputPath, name));
  return lines.map((line) => line.records);
}

function run(command: string, args: string[], cwd: string): Promise<{ stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', (error) => reject(new GeneratorError(`Could not start Pagefind: ${error.message}`)));
    child.on('close', (code) =>
      code === 0
        ? resolve({ stdout })
        : reject(
            new GeneratorError(`Pagefind indexing failed (exit ${code}): ${stderr.trim().slice(-2000)}`),
          ),
    );
  });
}

/** The HTML Pagefind indexes for one record (never written to the site). */
export function recordHtml(record: SearchRecord): string {
  const filters: Array<[string, string]> = [['section', record.section]];
  for (const [key, value] of Object.entries(record.filters ?? {})) if (value) filters.push([key, value]);
  const meta: Array<[string, string]> = [['section', record.section]];
  if (record.number) meta.push(['number', record.number]);
  if (record.date) meta.push(['date', record.date]);
  if (record.summary) meta.push(['summary', record.summary]);
  for (const [key, value] of Object.entries(record.filters ?? {})) if (value) meta.push([key, value]);
  const hidden = [
    ...filters.map(([key, value]) => `<span data-pagefind-filter="${key}">${escapeHtml(value)}</span>`),
    ...meta.map(([key, value]) => `<span data-pagefind-meta="${key}">${escapeHtml(value)}</span>`),
    record.date ? `<span data-pagefind-sort="date">${escapeHtml(record.date)}</span>` : '',
  ].join('');
  const titleText = `${record.title} ${record.number ?? ''}`;
  const bodyText = `${record.summary ?? ''}\n${record.body}`;
  const titleExtras = [...foldedExtras(titleText), ...foldedPairs(record.title)];
  const bodyExtras = [...foldedExtras(bodyText), ...foldedPairs(bodyText)].filter(
    (w) => !titleExtras.includes(w),
  );
  const paragraphs = record.body
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');
  return (
    `<!doctype html><html lang="vi"><head><title>${escapeHtml(record.title)}</title></head><body>` +
    `<main data-pagefind-body><div data-pagefind-ignore>${hidden}</div>` +
    `<h1 data-pagefind-meta="title">${escapeHtml(record.title)}</h1>` +
    (record.number ? `<p>${escapeHtml(record.number)}</p>` : '') +
    (record.summary ? `<p>${escapeHtml(record.summary)}</p>` : '') +
    paragraphs +
    `<p>${EXTRAS_MARK}</p>` +
    (titleExtras.length > 0 ? `<h2>${escapeHtml(titleExtras.join(' '))}</h2>` : '') +
    (bodyExtras.length > 0 ? `<p>${escapeHtml(bodyExtras.join(' '))}</p>` : '') +
    `</main></body></html>`
  );
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Files and bytes under `dir`, as served. */
export function measure(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

let indexer: string | undefined;
/** Pagefind's version and this indexer's code (records → HTML, folding): a change of either means a new index. */
function indexerVersion(): string {
  if (indexer === undefined) {
    const hash = crypto.createHash('sha256');
    // The package's exports hide its package.json from resolution; the workspace links it here.
    const pagefindPackage = path.join(BUILDER_DIR, 'node_modules', 'pagefind', 'package.json');
    hash.update(fs.existsSync(pagefindPackage) ? fs.readFileSync(pagefindPackage) : 'pagefind');
    hash.update(foldingCode());
    const here = path.dirname(fileURLToPath(import.meta.url));
    for (const file of fs
      .readdirSync(here)
      .filter((f) => /\.(js|mjs|ts)$/.test(f))
      .sort())
      hash.update(file).update(fs.readFileSync(path.join(here, file)));
    indexer = hash.digest('hex').slice(0, 16);
  }
  return indexer;
}

function readKey(pagefindDir: string): string | null {
  try {
    return fs.readFileSync(path.join(pagefindDir, INDEX_KEY_FILE), 'utf8').trim();
  } catch {
    return null;
  }
}

/** Hard-links every file of `from` (but the national bundle reference, written per build) into `to`; false when it cannot. */
function linkIndex(from: string, to: string): boolean {
  try {
    fs.rmSync(to, { recursive: true, force: true });
    for (const entry of fs.readdirSync(from, { withFileTypes: true, recursive: true })) {
      if (!entry.isFile() || entry.name === NATIONAL_REFERENCE_FILE) continue;
      const source = path.join(entry.parentPath, entry.name);
      const target = path.join(to, path.relative(from, source));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.linkSync(source, target);
    }
    return true;
  } catch {
    fs.rmSync(to, { recursive: true, force: true });
    return false;
  }
}
