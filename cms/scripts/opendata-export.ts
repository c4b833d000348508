/**
 * `pnpm opendata:export --out DIR [--keep-days 30] [--page-size 250] [--now ISO] [--json]`
 * Exports every public type now, as the 02:15 cron does into OPEN_DATA_DIR: JSON Lines and CSV,
 * gzip, a manifest and checksums, today's snapshot switched atomically, older days pruned.
 * Prints the time taken, the records and the size (and the peak memory, for the benchmark).
 */
import path from 'path';
import { parseArgs } from 'util';
import { bootCms } from './boot';
import { exportOpenData } from '../src/extensions/open-data';

const HELP = `Xuất dữ liệu mở (Export the open data)

  pnpm opendata:export --out DIR [--keep-days N] [--page-size N] [--now ISO] [--json]

  --out DIR        the open-data folder (default: OPEN_DATA_DIR), e.g. <sites out>/_open-data;
                   a relative path is taken from where pnpm was run
  --keep-days N    days of snapshots kept (default: OPEN_DATA_KEEP_DAYS or 30)
  --page-size N    rows read at a time (default 250)
  --now ISO        the moment to export as (default: now); the snapshot is stored under its day (Vietnam)
  --json           print one JSON line instead of text
  -h, --help       this help

Uses the CMS's database settings (DATABASE_URL or cms/.env), like the seed.`;

function wholeNumber(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new UsageError(`${name}: cần một số nguyên dương, không phải “${raw}”.`);
  return value;
}

class UsageError extends Error {
  override name = 'UsageError';
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    options: {
      out: { type: 'string' },
      'keep-days': { type: 'string' },
      'page-size': { type: 'string' },
      now: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const out = values.out ?? process.env.OPEN_DATA_DIR;
  if (!out) throw new UsageError('cần --out DIR (hoặc biến OPEN_DATA_DIR): thư mục dữ liệu mở.');
  const outDir = path.resolve(process.env.INIT_CWD ?? process.cwd(), out);
  const now = values.now ? new Date(values.now) : new Date();
  if (Number.isNaN(now.getTime()))
    throw new UsageError(
      `--now: không đọc được thời điểm “${values.now}” (ví dụ 2026-12-10T02:15:00+07:00).`,
    );
  const keepDays = wholeNumber('--keep-days', values['keep-days']);
  const pageSize = wholeNumber('--page-size', values['page-size']);

  const bootStarted = Date.now();
  const strapi = await bootCms();
  const bootMs = Date.now() - bootStarted;
  try {
    // Memory during the export itself (the boot's own peak is not the export's): sampled 4× a second.
    const rssBefore = process.memoryUsage().rss;
    const peak = { rss: rssBefore, heapUsed: process.memoryUsage().heapUsed };
    const sampler = setInterval(() => {
      const usage = process.memoryUsage();
      peak.rss = Math.max(peak.rss, usage.rss);
      peak.heapUsed = Math.max(peak.heapUsed, usage.heapUsed);
    }, 250);
    const run = await exportOpenData(strapi, {
      outDir,
      now,
      keepDays,
      pageSize,
      log: values.json ? undefined : (line) => console.log(line),
    }).finally(() => clearInterval(sampler));
    // resourceUsage().maxRSS is the process's peak in KiB (boot included).
    const peakRssBytes = process.resourceUsage().maxRSS * 1024;
    const memory = {
      rssBeforeBytes: rssBefore,
      exportPeakRssBytes: peak.rss,
      exportPeakHeapBytes: peak.heapUsed,
      peakRssBytes,
    };
    if (values.json) console.log(JSON.stringify({ ...run, bootMs, ...memory }));
    else {
      console.log(
        `Đã xuất ${run.records} bản ghi (${(run.bytes / 1_048_576).toFixed(1)} MB nén) cho ngày ${run.day} ` +
          `trong ${(run.durationMs / 1000).toFixed(1)} s (khởi động CMS ${(bootMs / 1000).toFixed(1)} s; ` +
          `bộ nhớ khi xuất: ${(rssBefore / 1_048_576).toFixed(0)} → đỉnh ${(peak.rss / 1_048_576).toFixed(0)} MB).`,
      );
      console.log(`Thư mục ngày: ${run.dayDir} (latest → ${run.day}).`);
      if (run.pruned.days.length) console.log(`Đã xoá các ngày cũ: ${run.pruned.days.join(', ')}.`);
    }
    return 0;
  } finally {
    await strapi.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const usage =
      error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    console.error(`opendata:export: ${(error as Error).message}`);
    process.exit(usage ? 2 : 1);
  },
);
