/**
 * `pnpm bench:generators [--sites 15] [--repeat 1] [--database-url URL | --sqlite] [--keep]`:
 * the per-page cost of the same legal-document pages built by
 *
 *   1. Hugo (Debian's `hugo`, or $BENCH_HUGO; skipped with a message when it is not on PATH), twice:
 *      each page's content file carrying its text ("text in every page"), and each text written
 *      once and shown by every site's pages ("texts shared", the ratios' reference),
 *   2. plain Astro: `astro build` of the site template over the same snapshot — only the routes of
 *      those pages ("astro, same pages"), and the whole template ("astro, whole template"),
 *   3. our pipeline as it is (generateSites, default options, layout 'releases'): a first build,
 *      then a rebuild after one national law's title is edited in the CMS.
 *
 * The pages: a CMS with the demo data (the real demo documents of 15 sites of the real registry)
 * in a throwaway database; our first build keeps its snapshot; Hugo and Astro build from that
 * snapshot. Hugo's site is written from it by generators-hugo.ts (see scripts/bench/hugo/).
 * Each generator runs as its own process; the bench prints pages, wall time, ms/page, CPU time,
 * peak memory of the process tree and the load average around each run, a table, the ratios, and
 * last one JSON line. docs/benchmarks.md, "Per-page cost: Hugo, plain Astro, PBGDPL", says how to
 * read them. Needs `pnpm build` (the CMS and the generator compiled).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import {
  editNationalLaw,
  registrySites,
  removeWorkDir,
  startBenchCms,
  type BenchCms,
} from './generators-cms.ts';
import { astroBuildCommand, templateCopy } from './generators-astro.ts';
import { writeHugoSite, type HugoSiteStats } from './generators-hugo.ts';
import { countPages, measure, uptime, type Measured } from './generators-measure.ts';
import { loadTemplateLib } from './generators-template-lib.ts';

const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    sites: { type: 'string', default: '15' },
    repeat: { type: 'string', default: '1' },
    'database-url': {
      type: 'string',
      default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:55432/postgres',
    },
    sqlite: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  console.log(
    fs
      .readFileSync(import.meta.filename, 'utf8')
      .split('*/')[0]!
      .replace(/^\/\*\*\n?/, '')
      .replace(/^ \* ?/gm, ''),
  );
  process.exit(0);
}
const siteCount = Number(args.sites);
const repeat = Number(args.repeat);
if (!Number.isInteger(siteCount) || siteCount < 1)
  throw new Error(`--sites must be a whole number ≥ 1, not ${args.sites}`);
if (!Number.isInteger(repeat) || repeat < 1)
  throw new Error(`--repeat must be a whole number ≥ 1, not ${args.repeat}`);

const log = (line: string) => process.stderr.write(`${line}\n`);
const OURS = path.join(import.meta.dirname, 'generators-ours.ts');

interface Row {
  generator: string;
  pages: number;
  /** Median of the runs; every run's wall time in `runs`. */
  wallMs: number;
  runs: number[];
  cpuMs: number | null;
  peakRssMb: number;
  load: string;
  note: string;
}

/** The Hugo binary: `hugo` on PATH, or $BENCH_HUGO (another build of Hugo, to compare versions). */
const HUGO = process.env.BENCH_HUGO || 'hugo';

function hugoOnPath(): string | null {
  try {
    return execFileSync(HUGO, ['version'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

/** The commit measured, and whether the generator's sources differ from it (work in progress). */
function codeVersion(): string {
  try {
    const root = path.resolve(import.meta.dirname, '..', '..');
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
    }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'sites/template', 'packages'], {
      cwd: root,
      encoding: 'utf8',
    }).trim();
    return dirty ? `${head} + uncommitted changes in sites/template or packages` : head;
  } catch {
    return 'unknown';
  }
}

/** N sites taking the registry's kinds in turn (national, ministry, province, commune, …). */
function pickSites(sites: Array<{ code: string; kind: string }>, n: number): string[] {
  if (n > sites.length) throw new Error(`--sites ${n}: the demo registry has ${sites.length} enabled sites`);
  const byKind = new Map<string, string[]>();
  for (const s of sites) byKind.set(s.kind, [...(byKind.get(s.kind) ?? []), s.code]);
  const picked: string[] = [];
  while (picked.length < n)
    for (const codes of byKind.values())
      if (codes.length > 0 && picked.length < n) picked.push(codes.shift()!);
  return picked;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const loadText = (runs: Measured[]) =>
  runs.map((r) => `${r.loadBefore.toFixed(1)}→${r.loadAfter.toFixed(1)}`).join(', ');

/** Runs a generator `times` times (fresh output each time) and keeps the median run. */
async function runs(
  times: number,
  make: (i: number) => { cmd: Parameters<typeof measure>[0]; out: string },
  logFile: string,
): Promise<{ runs: Measured[]; median: Measured; out: string }> {
  const done: Array<Measured & { out: string }> = [];
  for (let i = 0; i < times; i += 1) {
    const { cmd, out } = make(i);
    done.push({ ...(await measure(cmd, logFile)), out });
  }
  const mid = median(done.map((r) => r.wallMs));
  const chosen = done.find((r) => r.wallMs === mid)!;
  return { runs: done, median: chosen, out: chosen.out };
}

async function main() {
  const startUptime = uptime();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pbgdpl-bench-generators-'));
  log(
    `bench:generators — ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB; work in ${work}`,
  );
  log(`uptime at start: ${startUptime}`);
  const hugoVersion = hugoOnPath();
  if (!hugoVersion)
    log(
      `${HUGO} is not on PATH: the Hugo figures are skipped. Install Debian's hugo (apt-get install -y hugo) to include them.`,
    );
  else log(hugoVersion);

  const rows: Row[] = [];
  const facts: Record<string, unknown> = { code: codeVersion() };
  log(`code: ${facts.code}`);
  let cms: BenchCms | null = null;
  try {
    cms = await startBenchCms({
      postgresUrl: args.sqlite ? null : args['database-url']!,
      workDir: work,
      log,
    });
    const codes = pickSites(await registrySites(cms), siteCount);
    facts.sites = codes.length;
    facts.database = cms.database.replace(/\/\/[^@]*@/, '//');
    log(`sites: ${codes.join(', ')}`);

    // 3a. Our pipeline, first build (it keeps the snapshot every other generator builds from).
    const oursOut = path.join(work, 'ours');
    const snapshotDir = path.join(work, 'snapshot');
    const ours = async (label: string, keepSnapshot: boolean) => {
      const optionsFile = path.join(work, `${label}.options.json`);
      const resultFile = path.join(work, `${label}.result.json`);
      fs.writeFileSync(
        optionsFile,
        JSON.stringify({
          cmsUrl: cms!.url,
          token: cms!.token,
          codes,
          outDir: oursOut,
          layout: 'releases',
          ...(keepSnapshot ? { keepSnapshot: true, snapshotDir } : {}),
        }),
      );
      log(`${label}: generateSites (layout releases) …`);
      const measured = await measure(
        { command: process.execPath, args: [OURS, optionsFile, resultFile] },
        path.join(work, `${label}.log`),
      );
      const result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as {
        pages: number;
        fetchMs: number;
        nationalMs: number;
        nationalBuilt: boolean;
        batchMs: number;
        astroMs: number;
        postMs: number;
        installMs: number;
        reusedPages: number;
      };
      log(`  ${result.pages} pages in ${(measured.wallMs / 1000).toFixed(1)} s`);
      return { measured, result };
    };
    const first = await ours('ours-first', true);
    const breakdown = (r: typeof first.result) => {
      const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
      const national = `national search bundle ${sec(r.nationalMs)} (${r.nationalBuilt ? 'built' : 'found'})`;
      const split =
        r.astroMs > 0
          ? `Astro ${sec(r.astroMs)}, post-build ${sec(r.postMs)} (search index, sitemap, service worker, media), install ${sec(r.installMs)} (precompression, switch); ${r.reusedPages} page files reused`
          : `Astro + post-build ${sec(r.batchMs)}`;
      return `fetch ${sec(r.fetchMs)}, ${national}, ${split}`;
    };
    rows.push({
      generator: 'ours, first build',
      pages: first.result.pages,
      wallMs: first.measured.wallMs,
      runs: [first.measured.wallMs],
      cpuMs: first.measured.cpuMs,
      peakRssMb: first.measured.peakRssMb,
      load: loadText([first.measured]),
      note: `every page of the template + search index, sitemap, service worker, precompression, release switch; ${breakdown(first.result)}`,
    });

    // 1. Hugo: the same documents of the same sites as a Hugo site, each page's content file
    //    carrying its text (as the task was put), then each text once for every site.
    const lib = await loadTemplateLib();
    let hugoStats: HugoSiteStats | null = null;
    for (const [label, sharedTexts] of [
      ['Hugo, text in every page', false],
      ['Hugo, texts shared', true],
    ] as const) {
      if (!hugoVersion) break;
      const key = sharedTexts ? 'shared' : 'per-page';
      const hugoDir = path.join(work, `hugo-${key}`);
      hugoStats = writeHugoSite({ lib, snapshotDir, codes, dir: hugoDir, sharedTexts });
      log(
        `${label}: site written in ${(hugoStats.ms / 1000).toFixed(1)} s, ${hugoStats.contentFiles} content files, ${(hugoStats.contentBytes / 1e6).toFixed(0)} MB; expecting ${hugoStats.expectedPages} pages`,
      );
      const hugo = await runs(
        repeat,
        (i) => {
          const out = path.join(work, `hugo-${key}-out-${i}`);
          return {
            cmd: { command: HUGO, args: ['--source', hugoDir, '--destination', out, '--quiet'] },
            out,
          };
        },
        path.join(work, `hugo-${key}.log`),
      );
      const counted = countPages(hugo.out);
      if (counted.pages !== hugoStats.expectedPages)
        log(
          `WARNING: Hugo wrote ${counted.pages} pages, the template writes ${hugoStats.expectedPages} for these routes`,
        );
      facts.hugoRedirectStubs = counted.redirects;
      rows.push({
        generator: label,
        pages: counted.pages,
        wallMs: hugo.median.wallMs,
        runs: hugo.runs.map((r) => r.wallMs),
        cpuMs: hugo.median.cpuMs,
        peakRssMb: hugo.median.peakRssMb,
        load: loadText(hugo.runs),
        note: `${hugoVersion.split(' ')[1]}; ${hugoStats.documentPages} document, ${hugoStats.textPages} text, ${hugoStats.listingPages} listing pages (+${counted.redirects} redirect stubs not counted); ${(hugoStats.contentBytes / 1e6).toFixed(0)} MB of content${sharedTexts ? ', each text once (site.GetPage)' : ''}`,
      });
      log(`  ${counted.pages} pages in ${(hugo.median.wallMs / 1000).toFixed(1)} s`);
      if (!args.keep)
        for (let i = 0; i < repeat; i += 1)
          fs.rmSync(path.join(work, `hugo-${key}-out-${i}`), { recursive: true, force: true });
    }

    // 2. Plain Astro over the same snapshot: the same routes only, then the whole template.
    for (const [label, routes] of [
      ['astro, same pages', 'legal'],
      ['astro, whole template', 'all'],
    ] as const) {
      const templateDir = templateCopy(path.join(work, `astro-${routes}-template`), routes);
      log(`${label}: astro build …`);
      const key = routes;
      const astro = await runs(
        repeat,
        (i) => {
          const out = path.join(work, `astro-${key}-out-${i}`);
          return {
            cmd: astroBuildCommand({
              templateDir,
              snapshotDir,
              codes,
              outDir: out,
              workDir: path.join(work, `astro-${key}-work-${i}`),
            }),
            out,
          };
        },
        path.join(work, `astro-${key}.log`),
      );
      const counted = countPages(astro.out);
      if (key === 'legal' && hugoStats && counted.pages !== hugoStats.expectedPages)
        log(
          `WARNING: Astro wrote ${counted.pages} pages for these routes, the bench expected ${hugoStats.expectedPages}`,
        );
      rows.push({
        generator: label,
        pages: counted.pages,
        wallMs: astro.median.wallMs,
        runs: astro.runs.map((r) => r.wallMs),
        cpuMs: astro.median.cpuMs,
        peakRssMb: astro.median.peakRssMb,
        load: loadText(astro.runs),
        note:
          key === 'legal'
            ? 'route van-ban/ of the template (document, text, list and filter pages)'
            : 'every route of the template; no fetch, no post-build steps',
      });
      log(`  ${counted.pages} pages in ${(astro.median.wallMs / 1000).toFixed(1)} s`);
      // Astro's output is not needed any more: keep the disk small.
      if (!args.keep)
        for (let i = 0; i < repeat; i += 1)
          fs.rmSync(path.join(work, `astro-${key}-out-${i}`), { recursive: true, force: true });
    }

    // 3b. Our pipeline again after one item changed: a national law's title.
    const edited = await editNationalLaw(cms, 'sửa để đo bản dựng lại');
    log(`edited ${edited.number} (national law) in the CMS`);
    const rebuild = await ours('ours-rebuild', false);
    rows.push({
      generator: 'ours, rebuild after 1 edit',
      pages: rebuild.result.pages,
      wallMs: rebuild.measured.wallMs,
      runs: [rebuild.measured.wallMs],
      cpuMs: rebuild.measured.cpuMs,
      peakRssMb: rebuild.measured.peakRssMb,
      load: loadText([rebuild.measured]),
      note: `the title of national law ${edited.number} (on every site); ${breakdown(rebuild.result)}`,
    });
  } finally {
    await cms?.stop();
    if (!args.keep) removeWorkDir(work);
    else log(`kept ${work}`);
  }

  const endUptime = uptime();
  const perPage = (r: Row | undefined) => (r ? r.wallMs / r.pages : NaN);
  const cpuPerPage = (r: Row | undefined) => (r && r.cpuMs !== null ? r.cpuMs / r.pages : NaN);
  const find = (name: string) => rows.find((r) => r.generator === name);
  const hugoPerPage = find('Hugo, text in every page');
  const hugo = find('Hugo, texts shared');
  const astro = find('astro, same pages');
  const first = find('ours, first build');
  const rebuilt = find('ours, rebuild after 1 edit');
  const ratio = (a: number, b: number) =>
    Number.isFinite(a) && Number.isFinite(b) && b > 0 ? Number((a / b).toFixed(2)) : null;
  const ratios = {
    astroPerPageOverHugo: ratio(perPage(astro), perPage(hugo)),
    astroCpuPerPageOverHugo: ratio(cpuPerPage(astro), cpuPerPage(hugo)),
    astroPerPageOverHugoTextInEveryPage: ratio(perPage(astro), perPage(hugoPerPage)),
    oursFirstPerPageOverHugo: ratio(perPage(first), perPage(hugo)),
    oursRebuildPerPageOverHugo: ratio(perPage(rebuilt), perPage(hugo)),
    oursFirstCpuPerPageOverHugo: ratio(cpuPerPage(first), cpuPerPage(hugo)),
    oursRebuildCpuPerPageOverHugo: ratio(cpuPerPage(rebuilt), cpuPerPage(hugo)),
    oursFirstPerPageOverAstro: ratio(perPage(first), perPage(astro)),
    oursRebuildPerPageOverAstro: ratio(perPage(rebuilt), perPage(astro)),
  };

  const s = (ms: number) => (ms / 1000).toFixed(1);
  console.log(
    '\n| generator | pages | wall s | ms/page | CPU s | CPU ms/page | peak RSS MB | load 1 min (before→after) | runs (wall s) |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---|---|');
  for (const r of rows)
    console.log(
      `| ${r.generator} | ${r.pages} | ${s(r.wallMs)} | ${perPage(r).toFixed(1)} | ${r.cpuMs === null ? '–' : s(r.cpuMs)} | ${Number.isFinite(cpuPerPage(r)) ? cpuPerPage(r).toFixed(1) : '–'} | ${r.peakRssMb} | ${r.load} | ${r.runs.map(s).join(', ')} |`,
    );
  console.log('');
  for (const r of rows) console.log(`- ${r.generator}: ${r.note}`);
  console.log('');
  const x = (v: number | null, what: string) => console.log(`${what}: ${v === null ? 'n/a' : `×${v}`}`);
  x(
    ratios.astroPerPageOverHugo,
    'plain Astro ms/page ÷ Hugo (texts shared) ms/page, same pages (>1: Hugo faster)',
  );
  x(ratios.astroCpuPerPageOverHugo, 'the same in CPU time');
  x(ratios.astroPerPageOverHugoTextInEveryPage, 'plain Astro ms/page ÷ Hugo (text in every page) ms/page');
  x(ratios.oursFirstPerPageOverHugo, 'ours (first build) ms/page ÷ Hugo (texts shared) ms/page (goal: < 1)');
  x(
    ratios.oursRebuildPerPageOverHugo,
    'ours (rebuild after 1 edit) ms/page ÷ Hugo (texts shared) ms/page (goal: < 1)',
  );
  x(ratios.oursFirstCpuPerPageOverHugo, 'the same in CPU time, first build');
  x(ratios.oursRebuildCpuPerPageOverHugo, 'the same in CPU time, rebuild');
  x(ratios.oursFirstPerPageOverAstro, 'ours (first build) ms/page ÷ plain Astro (same pages) ms/page');
  x(
    ratios.oursRebuildPerPageOverAstro,
    'ours (rebuild after 1 edit) ms/page ÷ plain Astro (same pages) ms/page',
  );
  console.log(`\ncode: ${String(facts.code)}`);
  console.log(`uptime at start: ${startUptime}\nuptime at end:   ${endUptime}`);
  console.log(
    JSON.stringify({
      bench: 'generators',
      at: new Date().toISOString(),
      machine: `${os.cpus().length} cores`,
      uptimeStart: startUptime,
      uptimeEnd: endUptime,
      ...facts,
      generators: rows.map((r) => ({
        generator: r.generator,
        pages: r.pages,
        wallS: Number(s(r.wallMs)),
        msPerPage: Number(perPage(r).toFixed(2)),
        cpuS: r.cpuMs === null ? null : Number(s(r.cpuMs)),
        cpuMsPerPage: Number.isFinite(cpuPerPage(r)) ? Number(cpuPerPage(r).toFixed(2)) : null,
        peakRssMb: r.peakRssMb,
        load: r.load,
        runsS: r.runs.map((ms) => Number(s(ms))),
      })),
      ratios,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
