/**
 * `pnpm bench:federation [--sample 6] [--provinces 1] [--central 1] [--batch-size 10] [--edits 3]
 *   [--database-url URL] [--seed-only] [--skip-plain] [--skip-engine] [--skip-2-workers] [--keep-output]`
 *
 * The benchmark federation of issue 6 ("Performance goals"): the real registry (3,379 sites) in
 * PostgreSQL with content derived from the real documents (federation-seed.ts: 200 national
 * documents on every site — the seed's 208 real ones —, 300 own items per province, 200 per
 * central unit, 20 per commune),
 * a real CMS (`strapi start`), the real site generator and the real sync engine (pg-boss):
 *
 * a. cold build of a stratified sample (the national portal, `--provinces` 1, `--central` 1 and
 *    `--sample` 6 communes: communes are 98 % of the registry, so they get the bench's time), per
 *    group the time and pages per site, extrapolated to the registry's count of each group
 *    (federation-sample.ts), peak memory of the build processes (RSS sampled
 *    from /proc); the same sample built as plain Astro would (`nationalSearch: false`: every page
 *    rendered and indexed per site) for the ratio the issue asks for;
 * b. one national document published (REST, as an editor's publish) → live on every sampled site
 *    (publish request to the last `current` switch) with the engine, 1 then 2 workers,
 *    extrapolated to every site;
 * c. one commune's own item edited and published → live on its site, `--edits` times (median).
 *
 * Prints a table and, last, one JSON line (with the load average at start and end). Needs
 * `pnpm build` (CMS, generator, sync engine) and a PostgreSQL server; the database is seeded once
 * (idempotent) and reused.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startCmsProcess, testCmsEnv, type CmsProcess } from '@pbgdpl/test-support';
import {
  generatorNationalBuilder,
  jsonLogger,
  startSyncEngine,
  type NationalIndexBuilder,
  type SiteBuilder,
  type SyncEngine,
} from '@pbgdpl/sync-engine';
import type { GenerateSitesResult } from '@pbgdpl/site-builder';
import { adminToken, fullAccessToken } from './cms-admin.ts';
import { DEFAULT_SHAPE, seedFederation, type FederationCounts } from './federation-seed.ts';
import {
  countByGroup,
  extrapolate,
  kindGroup,
  scalePush,
  siteWork,
  stratifiedSample,
  type Extrapolation,
  type GroupTime,
  type KindGroup,
  type SampleGroup,
} from './federation-sample.ts';
import { startMemorySampler, treeRssBytes, type MemorySample } from './process-memory.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CMS_DIR = path.join(ROOT, 'cms');

const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    'database-url': {
      type: 'string',
      default:
        process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:55432/pbgdpl_bench_federation',
    },
    sample: { type: 'string', default: '6' },
    provinces: { type: 'string', default: '1' },
    central: { type: 'string', default: '1' },
    'batch-size': { type: 'string', default: '10' },
    edits: { type: 'string', default: '3' },
    national: { type: 'string', default: String(DEFAULT_SHAPE.national) },
    province: { type: 'string', default: String(DEFAULT_SHAPE.province) },
    ministry: { type: 'string', default: String(DEFAULT_SHAPE.central) },
    commune: { type: 'string', default: String(DEFAULT_SHAPE.commune) },
    'seed-only': { type: 'boolean', default: false },
    'skip-plain': { type: 'boolean', default: false },
    'skip-engine': { type: 'boolean', default: false },
    'skip-2-workers': { type: 'boolean', default: false },
    'keep-output': { type: 'boolean', default: false },
  },
});

const whole = (name: string, min = 0) => {
  const n = Number(args[name as keyof typeof args]);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}`);
  return n;
};
const databaseUrl = args['database-url']!;
const batchSize = whole('batch-size', 1);
const started = Date.now();
const log = (line: string) =>
  process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(5)} s] ${line}\n`);
const s = (ms: number) => Number((ms / 1000).toFixed(1));
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const load = () => Number(os.loadavg()[0]!.toFixed(2));
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const generator = () => import('@pbgdpl/site-builder');

interface Ctx {
  cms: CmsProcess;
  token: string;
  sample: SampleGroup[];
  groupOf: Map<string, KindGroup>;
  registry: Record<KindGroup, number>;
}

// ---------------------------------------------------------------- a. cold build of the sample

interface ColdGroup extends GroupTime {
  pagesPerSite: number;
  documentsPerSite: number;
  fetchMs: number;
}

interface ColdRun {
  variant: 'ours' | 'plain';
  groups: ColdGroup[];
  /** The national search bundle, built once for every site (ours only). */
  bundleMs: number;
  wallMs: number;
  memory: MemorySample;
  extrapolation: Extrapolation;
}

async function coldBuild(
  ctx: Ctx,
  variant: 'ours' | 'plain',
  outDir: string,
  logFile: string,
): Promise<ColdRun> {
  const { generateSites } = await generator();
  const sampler = startMemorySampler({ exclude: () => [ctx.cms.pid] });
  const groups: ColdGroup[] = [];
  let bundleMs = 0;
  const t0 = Date.now();
  for (const g of ctx.sample) {
    const t = Date.now();
    const result = await generateSites({
      cmsUrl: ctx.cms.url,
      token: ctx.token,
      codes: g.codes,
      outDir,
      layout: 'releases',
      batchSize,
      nationalSearch: variant === 'ours',
      log: (m) => fs.appendFileSync(logFile, `${m}\n`),
    });
    const ms = Date.now() - t;
    if (!result.ok)
      throw new Error(
        `${variant} build of ${g.group} failed: ${result.sites
          .filter((x) => !x.ok)
          .map((x) => `${x.code}: ${x.error}`)
          .join('; ')
          .slice(0, 2000)}`,
      );
    const bundle = result.national?.built ? result.national.ms : 0;
    bundleMs += bundle;
    const n = g.codes.length;
    groups.push({
      group: g.group,
      sites: n,
      ms: ms - bundle,
      pagesPerSite: Math.round(result.sites.reduce((sum, x) => sum + x.pages, 0) / n),
      documentsPerSite: Math.round(result.sites.reduce((sum, x) => sum + x.documents, 0) / n),
      fetchMs: result.fetchMs,
    });
    log(
      `  ${variant}: ${g.group} × ${n} in ${s(ms)} s (${s((ms - bundle) / n)} s/site, ${groups.at(-1)!.pagesPerSite} pages/site${bundle ? `, national bundle ${s(bundle)} s` : ''})`,
    );
  }
  const wallMs = Date.now() - t0;
  const memory = sampler.stop();
  return {
    variant,
    groups,
    bundleMs,
    wallMs,
    memory,
    extrapolation: extrapolate(groups, ctx.registry, bundleMs),
  };
}

// ---------------------------------------------------------------- b, c. the sync engine

async function resetSyncState(url: string): Promise<void> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    for (const table of ['pbgdpl_sync_sites', 'pbgdpl_sync_cursor'])
      if ((await db.query('SELECT to_regclass($1) AS t', [table])).rows[0].t)
        await db.query(`DELETE FROM ${table}`);
    await db.query('DROP SCHEMA IF EXISTS pgboss CASCADE');
  } finally {
    await db.end();
  }
}

async function rest<T>(ctx: Ctx, method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(`${ctx.cms.url}${url}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ctx.token}` },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${(await res.text()).slice(0, 500)}`);
  return (await res.json()) as T;
}

const liveRelease = (outDir: string, code: string) => {
  try {
    return fs.readlinkSync(path.join(outDir, code, 'current'));
  } catch {
    return null;
  }
};

/** Polls (50 ms) until every site's `current` differs from `before`; ms from `since` per site. */
async function switched(
  outDir: string,
  before: Record<string, string | null>,
  codes: readonly string[],
  since: number,
) {
  const at = new Map<string, number>();
  while (at.size < codes.length) {
    for (const code of codes)
      if (!at.has(code) && liveRelease(outDir, code) !== before[code]) at.set(code, Date.now() - since);
    if (Date.now() - since > 3_600_000) throw new Error('bench: sites did not switch within 60 min');
    await new Promise((r) => setTimeout(r, 50));
  }
  return at;
}

interface EngineRuns {
  runs: GenerateSitesResult[];
  national: Array<{ ms: number; built: boolean }>;
  /** Each engine start's first read of the registry (GraphQL, every site). */
  registryMs: number[];
}

async function startEngine(
  ctx: Ctx,
  outDir: string,
  logFile: string,
  record: EngineRuns,
  concurrency: number,
  batch: number,
) {
  const { generateSites } = await generator();
  const codes = ctx.sample.flatMap((g) => g.codes);
  // The options the engine's own generatorBuilder passes, plus a record of each run's figures.
  const builder: SiteBuilder = async (request) => {
    const result = await generateSites({
      cmsUrl: ctx.cms.url,
      token: ctx.token,
      codes: request.codes,
      outDir: request.outDir,
      layout: 'releases',
      batchSize: request.codes.length,
      log: (m) => fs.appendFileSync(logFile, `${m}\n`),
    });
    record.runs.push(result);
    return result.sites.map((x) => ({
      code: x.code,
      ok: x.ok,
      release: x.release ?? null,
      pages: x.pages,
      error: x.error,
    }));
  };
  const national = generatorNationalBuilder({ cmsUrl: ctx.cms.url, token: ctx.token });
  const nationalBuilder: NationalIndexBuilder = async (request) => {
    const t = Date.now();
    const result = await national(request);
    record.national.push({ ms: Date.now() - t, built: result.built });
    return result;
  };
  const engine = await startSyncEngine({
    database: { kind: 'postgres', url: databaseUrl },
    cmsUrl: ctx.cms.url,
    token: ctx.token,
    outDir,
    concurrency,
    batchSize: batch,
    sites: codes,
    reconcileIntervalMs: 0,
    builder,
    nationalBuilder,
    pgBoss: { pollingIntervalSeconds: 0.5, superviseIntervalSeconds: 5 },
    log: jsonLogger((line) => fs.appendFileSync(logFile, `${line}\n`)),
  });
  // A running engine holds the registry (reloaded after 60 s, or at once after a registry
  // change): read it now, as a long-running worker has, and report what the read costs.
  const t = Date.now();
  await engine.registry({ fresh: true });
  record.registryMs.push(Date.now() - t);
  return engine;
}

/** From the engine's log: when, after `since`, the first dispatch and the first build started (ms after `since`). */
function engineTimeline(
  logFile: string,
  since: number,
): { dispatchedMs: number | null; buildStartedMs: number | null } {
  let dispatchedMs: number | null = null;
  let buildStartedMs: number | null = null;
  for (const line of fs.readFileSync(logFile, 'utf8').split('\n')) {
    if (!line.startsWith('{')) continue;
    let entry: { time?: string; msg?: string; events?: number };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      continue;
    }
    const at = entry.time ? Date.parse(entry.time) - since : -1;
    if (at < 0) continue;
    if (entry.msg === 'dispatch' && (entry.events ?? 0) > 0 && dispatchedMs === null) dispatchedMs = at;
    if ((entry.msg === 'build started' || entry.msg === 'national index started') && buildStartedMs === null)
      buildStartedMs = at;
  }
  return { dispatchedMs, buildStartedMs };
}

interface PushFigures {
  workers: number;
  sites: number;
  ms: number;
  /** The publish request itself (the CMS's write, change capture included). */
  requestMs: number;
  /** From the publish request: the dispatcher's pass that saw it, the first build started. */
  dispatchedMs: number | null;
  buildStartedMs: number | null;
  /** Each generator run of the push: sites, fetch and whole-run time. */
  runs: Array<{ sites: number; fetchMs: number; ms: number }>;
  firstSiteMs: number;
  nationalJobMs: number;
  pagesPerSite: number;
  reusedPagesPerSite: number;
  workMsPerSite: Record<string, number>;
  extrapolatedMs: number;
  load: number;
}

async function nationalPush(
  ctx: Ctx,
  outDir: string,
  logFile: string,
  record: EngineRuns,
  workers: number,
  law: { documentId: string; title: string },
  label: string,
): Promise<PushFigures> {
  const codes = ctx.sample.flatMap((g) => g.codes);
  const before = Object.fromEntries(codes.map((c) => [c, liveRelease(outDir, c)]));
  record.runs.length = 0;
  record.national.length = 0;
  const t0 = Date.now();
  await rest(ctx, 'PUT', `/api/legal-documents/${law.documentId}?locale=vi&status=published`, {
    // A new title each push (with the time), so every push is a real change of the national records.
    data: { title: `${law.title} (${label} ${new Date().toISOString().slice(11, 19)})` },
  });
  const requestMs = Date.now() - t0;
  const at = await switched(outDir, before, codes, t0);
  const ms = Math.max(...at.values());
  const nationalJobMs = record.national.reduce((sum, r) => sum + (r.built ? r.ms : 0), 0);
  const work: Array<{ group: KindGroup; ms: number }> = [];
  let pages = 0;
  let reused = 0;
  let built = 0;
  for (const run of record.runs) {
    for (const [code, w] of siteWork(run)) work.push({ group: ctx.groupOf.get(code)!, ms: w });
    for (const x of run.sites) {
      pages += x.pages;
      reused += x.reusedPages ?? 0;
      built += 1;
    }
  }
  const scaled = scalePush({ measuredMs: ms, oneOffMs: nationalJobMs, work, registry: ctx.registry });
  return {
    workers,
    sites: codes.length,
    ms,
    requestMs,
    ...engineTimeline(logFile, t0),
    runs: record.runs.map((r) => ({ sites: r.sites.length, fetchMs: r.fetchMs, ms: r.elapsedMs })),
    firstSiteMs: Math.min(...at.values()),
    nationalJobMs,
    pagesPerSite: Math.round(pages / Math.max(1, built)),
    reusedPagesPerSite: Math.round(reused / Math.max(1, built)),
    workMsPerSite: Object.fromEntries(Object.entries(scaled.msPerSite).map(([k, v]) => [k, Math.round(v)])),
    extrapolatedMs: Math.round(scaled.totalMs),
    load: load(),
  };
}

interface EditFigures {
  site: string;
  runsMs: number[];
  medianMs: number;
  /** Per edit: the publish request, the dispatcher's pass that saw it, the generator run that built the site. */
  requestMs: number[];
  dispatchedMs: Array<number | null>;
  generatorMs: number[];
  /** The last edit's generator run. */
  breakdown: {
    fetchMs: number;
    astroMs: number;
    postMs: number;
    installMs: number;
    pages: number;
    reusedPages: number;
  } | null;
}

async function communeEdits(
  ctx: Ctx,
  outDir: string,
  logFile: string,
  record: EngineRuns,
  edits: number,
): Promise<EditFigures> {
  const commune = ctx.sample.find((g) => g.group === 'commune')!.codes[0]!;
  const found = await rest<{ data: Array<{ documentId: string; summary: string }> }>(
    ctx,
    'GET',
    `/api/news-items?locale=vi&filters[owningSite][code][$eq]=${commune}&filters[slug][$startsWith]=bench-fed-&sort=slug:asc&pagination[pageSize]=1`,
  );
  const news = found.data[0];
  if (!news) throw new Error(`No federation news item owned by ${commune}: is the federation seeded?`);
  const base = news.summary.replace(/ \(cập nhật lần \d+\)$/, '').slice(0, 960);
  const runsMs: number[] = [];
  const requestMs: number[] = [];
  const generatorMs: number[] = [];
  const dispatchedMs: Array<number | null> = [];
  for (let k = 1; k <= edits; k += 1) {
    const before = { [commune]: liveRelease(outDir, commune) };
    record.runs.length = 0;
    const t0 = Date.now();
    await rest(ctx, 'PUT', `/api/news-items/${news.documentId}?locale=vi&status=published`, {
      data: { summary: `${base} (cập nhật lần ${k})` },
    });
    requestMs.push(Date.now() - t0);
    runsMs.push((await switched(outDir, before, [commune], t0)).get(commune)!);
    generatorMs.push(record.runs.reduce((sum, r) => sum + r.elapsedMs, 0));
    dispatchedMs.push(engineTimeline(logFile, t0).dispatchedMs);
    log(`  commune edit ${k}/${edits} (${commune}) → live in ${s(runsMs.at(-1)!)} s`);
    await new Promise((r) => setTimeout(r, 1500));
  }
  const run = record.runs.at(-1);
  const site = run?.sites.find((x) => x.code === commune);
  return {
    site: commune,
    runsMs,
    medianMs: median(runsMs),
    requestMs,
    dispatchedMs,
    generatorMs,
    breakdown:
      run && site
        ? {
            fetchMs: run.fetchMs,
            astroMs: site.timings?.astroMs ?? 0,
            postMs: site.timings?.postMs ?? 0,
            installMs: site.timings?.installMs ?? 0,
            pages: site.pages,
            reusedPages: site.reusedPages ?? 0,
          }
        : null,
  };
}

// ---------------------------------------------------------------- main

async function registrySites(url: string): Promise<Array<{ code: string; kind: string }>> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    return (await db.query('SELECT code, kind FROM sites WHERE enabled IS NOT FALSE ORDER BY code')).rows;
  } finally {
    await db.end();
  }
}

async function main() {
  const loadStart = load();
  const figures: Record<string, unknown> = {
    machine: { cores: os.cpus().length, loadStart, loadStart5: Number(os.loadavg()[1]!.toFixed(2)) },
  };
  log(
    `bench:federation — database ${databaseUrl}, load average ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  const env = {
    ...testCmsEnv(),
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    DATABASE_CLIENT: 'postgres',
  };

  // Seeding (timed apart from the benchmark).
  const seedStarted = Date.now();
  const { counts, seeded } = await seedFederation({
    databaseUrl,
    cmsDir: CMS_DIR,
    cmsEnv: env,
    shape: {
      national: whole('national'),
      province: whole('province'),
      central: whole('ministry'),
      commune: whole('commune'),
    },
    log,
  });
  const seedMs = Date.now() - seedStarted;
  printCounts(counts, seeded, seedMs);
  figures.seed = { seeded, ms: seedMs, ...counts };
  if (args['seed-only']) {
    console.log(JSON.stringify({ bench: 'federation', at: new Date().toISOString(), ...figures }));
    return;
  }

  const registry = await registrySites(databaseUrl);
  const sample = stratifiedSample(registry, {
    provinces: whole('provinces'),
    central: whole('central'),
    communes: whole('sample', 1),
  });
  const groupOf = new Map(registry.map((x) => [x.code, kindGroup(x.kind)]));
  figures.sample = Object.fromEntries(sample.map((g) => [g.group, g.codes]));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pbgdpl-bench-federation-'));
  const logFile = path.join(work, 'generator.log');
  log(`sample: ${sample.map((g) => `${g.group} ${g.codes.length}`).join(', ')}; output and logs in ${work}`);

  log('starting the CMS…');
  const cmsStarted = Date.now();
  const cms = await startCmsProcess({
    cmsDir: CMS_DIR,
    env: { ...env, LOG_LEVEL: 'warn' },
    timeoutMs: 600_000,
  });
  log(`CMS up in ${s(Date.now() - cmsStarted)} s`);
  const ctx: Ctx = {
    cms,
    token: await fullAccessToken(cms.url, await adminToken(cms.url), 'bench-federation'),
    sample,
    groupOf,
    registry: countByGroup(registry),
  };
  let engine: SyncEngine | null = null;
  try {
    // a. Cold builds: ours, then plain Astro (each into a fresh folder).
    const oursDir = path.join(work, 'ours');
    log('a. cold build of the sample (ours: the generator as the engine runs it)…');
    const ours = await coldBuild(ctx, 'ours', oursDir, logFile);
    let plain: ColdRun | null = null;
    if (!args['skip-plain']) {
      log(
        'a. cold build of the sample, plain Astro (nationalSearch: false: every page rendered and indexed per site)…',
      );
      plain = await coldBuild(ctx, 'plain', path.join(work, 'plain'), logFile);
    }
    figures.cold = {
      batchSize,
      ours: coldFigures(ours),
      ...(plain
        ? {
            plain: coldFigures(plain),
            plainOverOurs: Number((plain.extrapolation.totalMs / ours.extrapolation.totalMs).toFixed(2)),
          }
        : {}),
      cmsRssMb: mb(treeRssBytes(cms.pid)),
      load: load(),
    };

    if (!args['skip-engine']) {
      // b. A national document → every sampled site, 1 then 2 workers.
      await resetSyncState(databaseUrl);
      const record: EngineRuns = { runs: [], national: [], registryMs: [] };
      const codes = sample.flatMap((g) => g.codes);
      engine = await startEngine(ctx, oursDir, logFile, record, 1, batchSize);
      await engine.dispatch(); // a new deployment starts after the existing events
      const lawList = await rest<{ data: Array<{ documentId: string; title: string }> }>(
        ctx,
        'GET',
        `/api/legal-documents?locale=vi&filters[scope][$eq]=national&filters[documentType][$eq]=law&filters[number][$endsWith]=/QH14&sort=number:asc&pagination[pageSize]=1`,
      );
      const law = lawList.data[0] ?? (await firstNationalLaw(ctx));
      law.title = law.title.replace(/ \(đo [^)]*\)$/, '');
      log(`b. national push (${law.title.slice(0, 60)}…) → ${codes.length} sites, 1 worker…`);
      const sampler1 = startMemorySampler({ exclude: () => [cms.pid] });
      const one = await nationalPush(ctx, oursDir, logFile, record, 1, law, 'đo 1 tiến trình');
      const memory1 = sampler1.stop();
      log(
        `  1 worker: ${s(one.ms)} s (national job ${s(one.nationalJobMs)} s), extrapolated ${s(one.extrapolatedMs)} s`,
      );
      let two: PushFigures | null = null;
      let memory2: MemorySample | null = null;
      if (!args['skip-2-workers']) {
        await engine.stop();
        engine = await startEngine(ctx, oursDir, logFile, record, 2, Math.ceil(codes.length / 2));
        log(`b. the same push, 2 workers…`);
        const sampler2 = startMemorySampler({ exclude: () => [cms.pid] });
        two = await nationalPush(ctx, oursDir, logFile, record, 2, law, 'đo 2 tiến trình');
        memory2 = sampler2.stop();
        log(`  2 workers: ${s(two.ms)} s, extrapolated ${s(two.extrapolatedMs)} s`);
      }
      figures.nationalPush = {
        oneWorker: { ...one, peakRssMb: mb(memory1.peakTreeBytes) },
        // Workers (each as fast as the one measured) for every site within the issue's 60 s: the
        // national job is done once, first; the rest splits over the workers.
        workersFor60s:
          one.nationalJobMs < 60_000
            ? Math.ceil((one.extrapolatedMs - one.nationalJobMs) / (60_000 - one.nationalJobMs))
            : null,
        ...(two && memory2
          ? {
              twoWorkers: { ...two, peakRssMb: mb(memory2.peakTreeBytes) },
              throughputRatio2vs1: Number((one.ms / two.ms).toFixed(2)),
            }
          : {}),
      };

      // c. A commune's own item → its site: one job, whatever the workers (the running engine;
      // its registry read again first, as after the push it is older than the engine's 60 s).
      const t = Date.now();
      await engine.registry({ fresh: true });
      record.registryMs.push(Date.now() - t);
      log(`c. commune edits → live (${whole('edits', 1)} runs)…`);
      const edits = await communeEdits(ctx, oursDir, logFile, record, whole('edits', 1));
      figures.communeEdit = { ...edits, load: load() };
      figures.registryReadMs = record.registryMs;
    }
  } finally {
    await engine?.stop().catch(() => undefined);
    await cms.stop();
  }
  (figures.machine as Record<string, unknown>).loadEnd = load();
  (figures.machine as Record<string, unknown>).benchMs = Date.now() - started - seedMs;
  printTable(figures);
  console.log(JSON.stringify({ bench: 'federation', at: new Date().toISOString(), ...figures }));
  if (args['keep-output']) log(`output kept in ${work}`);
  else fs.rmSync(work, { recursive: true, force: true });
}

async function firstNationalLaw(ctx: Ctx): Promise<{ documentId: string; title: string }> {
  const list = await rest<{ data: Array<{ documentId: string; title: string }> }>(
    ctx,
    'GET',
    `/api/legal-documents?locale=vi&filters[scope][$eq]=national&sort=number:asc&pagination[pageSize]=1`,
  );
  if (!list.data[0]) throw new Error('No national document to publish.');
  return list.data[0];
}

function coldFigures(run: ColdRun) {
  return {
    groups: run.groups.map((g) => ({
      group: g.group,
      sites: g.sites,
      sPerSite: s(g.ms / g.sites),
      pagesPerSite: g.pagesPerSite,
      documentsPerSite: g.documentsPerSite,
      registrySites: run.extrapolation.groups.find((x) => x.group === g.group)?.registrySites ?? 0,
    })),
    nationalBundleS: s(run.bundleMs),
    sampleWallS: s(run.wallMs),
    peakRssMb: mb(run.memory.peakTreeBytes),
    peakProcessRssMb: mb(run.memory.peakProcessBytes),
    extrapolatedMin: Number((run.extrapolation.totalMs / 60_000).toFixed(1)),
    /** Build processes (each as measured) needed for the issue's 10 minutes, if the work split perfectly. */
    processesFor10Min: Math.ceil(run.extrapolation.totalMs / 600_000),
  };
}

function printCounts(counts: FederationCounts, seeded: boolean, ms: number) {
  const items = Object.entries(counts.items)
    .map(([t, n]) => `${t} ${n}`)
    .join(', ');
  console.log(
    `Federation ${seeded ? 'seeded' : 'already seeded'} (${s(ms)} s): sites ${Object.entries(counts.sites)
      .map(([k, n]) => `${k} ${n}`)
      .join(
        ', ',
      )}; national documents ${counts.nationalReal} real + ${counts.nationalSynthetic} synthetic; ` +
      `local documents ${counts.localDocuments}; items ${items}.`,
  );
}

function printTable(figures: Record<string, unknown>) {
  const rows: Array<[string, string]> = [];
  const machine = figures.machine as { cores: number; loadStart: number; loadEnd: number };
  rows.push([
    'machine',
    `${machine.cores} cores, load average ${machine.loadStart} at start → ${machine.loadEnd} at end`,
  ]);
  const cold = figures.cold as
    | {
        ours: ReturnType<typeof coldFigures>;
        plain?: ReturnType<typeof coldFigures>;
        plainOverOurs?: number;
        cmsRssMb: number;
        batchSize: number;
      }
    | undefined;
  if (cold) {
    for (const [name, run] of [
      ['ours', cold.ours],
      ['plain Astro', cold.plain],
    ] as const) {
      if (!run) continue;
      for (const g of run.groups)
        rows.push([
          `cold, ${name}: ${g.group} (sample ${g.sites} → registry ${g.registrySites})`,
          `${g.sPerSite} s/site, ${g.pagesPerSite} pages/site`,
        ]);
      rows.push([
        `cold, ${name}: sample wall time`,
        `${run.sampleWallS} s (national bundle ${run.nationalBundleS} s once)`,
      ]);
      rows.push([
        `cold, ${name}: whole federation, 1 build process (extrapolated)`,
        `${run.extrapolatedMin} min`,
      ]);
      rows.push([
        `cold, ${name}: peak RSS of the build processes`,
        `${run.peakRssMb} MB (largest process ${run.peakProcessRssMb} MB)`,
      ]);
    }
    if (cold.plainOverOurs) rows.push(['cold: plain Astro ÷ ours', `×${cold.plainOverOurs}`]);
    rows.push(['CMS RSS after the cold builds', `${cold.cmsRssMb} MB`]);
  }
  const push = figures.nationalPush as
    | {
        oneWorker: PushFigures & { peakRssMb: number };
        twoWorkers?: PushFigures & { peakRssMb: number };
        throughputRatio2vs1?: number;
        workersFor60s: number | null;
      }
    | undefined;
  if (push) {
    for (const p of [push.oneWorker, push.twoWorkers]) {
      if (!p) continue;
      rows.push([
        `national document → live on ${p.sites} sites, ${p.workers} worker(s)`,
        `${s(p.ms)} s (first site ${s(p.firstSiteMs)} s; national job ${s(p.nationalJobMs)} s; ${p.pagesPerSite} pages/site, ${p.reusedPagesPerSite} reused; load ${p.load})`,
      ]);
      rows.push([
        `… publish request / dispatched / first build started / generator runs`,
        `${s(p.requestMs)} / ${p.dispatchedMs === null ? '?' : s(p.dispatchedMs)} / ${p.buildStartedMs === null ? '?' : s(p.buildStartedMs)} s / ${p.runs.map((r) => `${r.sites} sites in ${s(r.ms)} s (fetch ${s(r.fetchMs)} s)`).join(', ')}`,
      ]);
      rows.push([
        `… extrapolated to every site, ${p.workers} worker(s)`,
        `${(p.extrapolatedMs / 60_000).toFixed(1)} min`,
      ]);
    }
    if (push.throughputRatio2vs1) rows.push(['throughput 2 workers ÷ 1', `×${push.throughputRatio2vs1}`]);
    rows.push([
      'workers for every site within 60 s (from 1 worker)',
      push.workersFor60s === null ? 'none: the national job alone takes ≥ 60 s' : String(push.workersFor60s),
    ]);
  }
  const edit = figures.communeEdit as (EditFigures & { load: number }) | undefined;
  if (edit) {
    rows.push([
      `commune edit → live (${edit.site})`,
      `median ${s(edit.medianMs)} s of ${edit.runsMs.map(s).join(', ')} s (load ${edit.load})`,
    ]);
    rows.push([
      '… per edit: publish request / dispatched / generator run',
      edit.runsMs
        .map(
          (_, i) =>
            `${s(edit.requestMs[i]!)} / ${edit.dispatchedMs[i] === null ? '?' : s(edit.dispatchedMs[i]!)} / ${s(edit.generatorMs[i]!)} s`,
        )
        .join('; '),
    ]);
    if (edit.breakdown)
      rows.push([
        '… last edit: fetch / Astro / post-build / install',
        `${s(edit.breakdown.fetchMs)} / ${s(edit.breakdown.astroMs)} / ${s(edit.breakdown.postMs)} / ${s(edit.breakdown.installMs)} s; ${edit.breakdown.pages} pages, ${edit.breakdown.reusedPages} reused`,
      ]);
  }
  const registryMs = figures.registryReadMs as number[] | undefined;
  if (registryMs)
    rows.push([
      "engine's registry read (every site, GraphQL; at start, then ≥ 60 s apart)",
      `${registryMs.map(s).join(', ')} s`,
    ]);
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`\n| ${'figure'.padEnd(width)} | value |\n|${'-'.repeat(width + 2)}|---|`);
  for (const [k, v] of rows) console.log(`| ${k.padEnd(width)} | ${v} |`);
  console.log(
    "\nExtrapolation: per group (national portal, provinces, central units, communes) the sampled sites' time per site × the group's sites in the registry, plus one-off work (the national search bundle) once; a push scales its measured time (less the national job) by the registry's work over the sample's (each site's share of its generator run: Astro split by pages rendered, plus post-build, install, fetch share).\n",
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
