/**
 * `pnpm bench:opendata [--sizes 10000,100000] [--full-text 4000] [--page-size 250] [--database-url URL]`
 * The open-data export (issue 18) at growing sizes, to show it streams: for each size, the bench
 * database holds exactly that many synthetic legal documents and as many relations (made from the
 * real corpus by `synthetic-corpus.ts` — real titles, abstracts and the first `--full-text`
 * characters of the real laws' texts — written straight into Strapi's tables beside the real
 * registry of 3,379 sites), then `pnpm opendata:export` (the compiled CLI) runs once. Prints per
 * size: records, compressed size, export time, and memory — the CLI's RSS after boot, its peak
 * RSS and heap during the export (sampled in-process), and the whole process's peak RSS seen from
 * /proc. Constant memory means the export's peak does not grow with the size. Last, one JSON line.
 * Needs the CMS built (`pnpm --filter @pbgdpl/cms build`) and a PostgreSQL server.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { testCmsEnv } from '@pbgdpl/test-support';
import { prepareBenchDatabase } from './bench-database.ts';
import { startMemorySampler } from './process-memory.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CMS_DIR = path.join(ROOT, 'cms');
const MB = 1_048_576;

const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    'database-url': {
      type: 'string',
      default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:55432/pbgdpl_bench_opendata',
    },
    sizes: { type: 'string', default: '10000,100000' },
    'full-text': { type: 'string', default: '4000' },
    'page-size': { type: 'string', default: '250' },
  },
});
const databaseUrl = args['database-url']!;
const sizes = args.sizes!.split(',').map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 1))
  throw new Error(`--sizes: whole numbers, not "${args.sizes}"`);

interface ExportFigures {
  records: number;
  bytes: number;
  durationMs: number;
  bootMs: number;
  rssBeforeBytes: number;
  exportPeakRssBytes: number;
  exportPeakHeapBytes: number;
  datasets: Array<{ name: string; records: number; bytes: number }>;
}

interface SizeFigures {
  documents: number;
  relations: number;
  records: number;
  documentRecords: number;
  compressedMb: number;
  exportSeconds: number;
  documentsPerSecond: number;
  rssAfterBootMb: number;
  exportPeakRssMb: number;
  exportPeakHeapMb: number;
  processPeakRssMb: number;
  loadAverage: number;
}

async function main() {
  const env = {
    ...testCmsEnv(),
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    DATABASE_CLIENT: 'postgres',
  };
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pbgdpl-bench-opendata-'));
  const results: SizeFigures[] = [];
  try {
    for (const size of sizes) {
      const corpus = await prepareBenchDatabase({
        databaseUrl,
        cmsDir: CMS_DIR,
        cmsEnv: env,
        documents: size,
        relations: size,
        exact: true,
        fullTextChars: Number(args['full-text']),
        log: (line) => console.log(line),
      });
      console.log(
        `Exporting with ${corpus.documents} synthetic documents and ${corpus.relations} relations…`,
      );
      const { figures, processPeakBytes } = await runExport(env, path.join(out, String(size)));
      const documents = figures.datasets.find((d) => d.name === 'van-ban')!;
      results.push({
        documents: corpus.documents,
        relations: corpus.relations,
        records: figures.records,
        documentRecords: documents.records,
        compressedMb: round(figures.bytes / MB),
        exportSeconds: round(figures.durationMs / 1000),
        documentsPerSecond: Math.round(documents.records / (figures.durationMs / 1000)),
        rssAfterBootMb: round(figures.rssBeforeBytes / MB),
        exportPeakRssMb: round(figures.exportPeakRssBytes / MB),
        exportPeakHeapMb: round(figures.exportPeakHeapBytes / MB),
        processPeakRssMb: round(processPeakBytes / MB),
        loadAverage: round(os.loadavg()[0]!),
      });
      fs.rmSync(path.join(out, String(size)), { recursive: true, force: true });
    }
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
  printTable(results);
  console.log(
    JSON.stringify({
      bench: 'open-data',
      pageSize: Number(args['page-size']),
      fullTextChars: Number(args['full-text']),
      results,
    }),
  );
}

/** Runs the compiled CLI once, sampling its RSS from outside as well. */
function runExport(
  env: Record<string, string>,
  outDir: string,
): Promise<{ figures: ExportFigures; processPeakBytes: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        path.join('dist', 'scripts', 'opendata-export.js'),
        '--out',
        outDir,
        '--json',
        '--page-size',
        args['page-size']!,
      ],
      { cwd: CMS_DIR, env: { ...process.env, ...env, INIT_CWD: CMS_DIR }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const sampler = startMemorySampler({ root: child.pid!, intervalMs: 200 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      const memory = sampler.stop();
      const line = stdout.trim().split('\n').at(-1) ?? '';
      if (code !== 0)
        return reject(new Error(`opendata:export exited ${code}: ${stderr.trim().slice(-500)}`));
      resolve({ figures: JSON.parse(line) as ExportFigures, processPeakBytes: memory.peakTreeBytes });
    });
  });
}

function printTable(results: readonly SizeFigures[]) {
  const rows = [
    [
      'documents',
      'records (all files)',
      'gzip MB',
      'export s',
      'docs/s',
      'RSS after boot',
      'export peak RSS',
      'export peak heap',
      'process peak RSS',
      'load',
    ],
    ...results.map((r) => [
      r.documents.toLocaleString('en'),
      r.records.toLocaleString('en'),
      r.compressedMb.toFixed(1),
      r.exportSeconds.toFixed(1),
      String(r.documentsPerSecond),
      `${r.rssAfterBootMb.toFixed(0)} MB`,
      `${r.exportPeakRssMb.toFixed(0)} MB`,
      `${r.exportPeakHeapMb.toFixed(0)} MB`,
      `${r.processPeakRssMb.toFixed(0)} MB`,
      r.loadAverage.toFixed(1),
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  for (const row of rows) console.log(row.map((cell, i) => cell.padStart(widths[i]!)).join('  '));
}

const round = (value: number) => Math.round(value * 10) / 10;

main().catch((error: unknown) => {
  console.error(`bench:opendata: ${(error as Error).message}`);
  process.exit(1);
});
