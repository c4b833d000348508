/**
 * `pnpm coverage:compute [-- --now 2026-11-30T01:30:00+07:00] [--digest] [--json]`
 * Computes every enabled site's coverage now (what the 01:30 cron does) and stores the day's
 * snapshot; with --digest also sends this week's digests to unit administrators (once per week
 * and address). Prints how long the computation took.
 */
import { parseArgs } from 'util';
import { bootCms } from './boot';
import { computeCoverage, sendCoverageDigests } from '../src/extensions/coverage';

const HELP = `Tính số liệu giám sát nội dung của mọi trang (Compute every site's coverage)

  pnpm coverage:compute [-- --now ISO] [--digest] [--json]

  --now ISO    the moment to compute for (default: now); the snapshot is stored under its day (Vietnam)
  --digest     also send this week's digest emails to unit administrators
  --json       print one JSON line instead of text
  -h, --help   this help

Uses the CMS's database settings (DATABASE_URL or cms/.env), like the seed.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    options: {
      now: { type: 'string' },
      digest: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const now = values.now ? new Date(values.now) : new Date();
  if (Number.isNaN(now.getTime())) {
    console.error(`--now: không đọc được thời điểm “${values.now}” (ví dụ 2026-11-30T01:30:00+07:00).`);
    return 2;
  }
  const bootStarted = Date.now();
  const strapi = await bootCms();
  const bootMs = Date.now() - bootStarted;
  try {
    const run = await computeCoverage(strapi, { now });
    const digest = values.digest ? await sendCoverageDigests(strapi, now) : null;
    if (values.json) console.log(JSON.stringify({ ...run, bootMs, digest }));
    else {
      console.log(
        `Đã tính ${run.sites} trang cho ngày ${run.day} trong ${(run.durationMs / 1000).toFixed(1)} s (khởi động CMS ${(bootMs / 1000).toFixed(1)} s).`,
      );
      if (digest)
        console.log(
          `Thư tổng hợp tuần: đã gửi ${digest.sent}/${digest.administrators} quản trị viên đơn vị (${digest.skipped} không cần gửi hoặc đã gửi).`,
        );
    }
    return 0;
  } finally {
    await strapi.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`coverage:compute: ${(error as Error).name}: ${(error as Error).message}`);
    process.exit(1);
  },
);
