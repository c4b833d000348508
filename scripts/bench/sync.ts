/**
 * `pnpm bench:sync [--database-url URL] [--skip-workers] [--strategy e|a]`: the sync engine on this machine, on
 * the demo federation (15 sites of the real registry, the real demo documents) in PostgreSQL
 * with pg-boss and real builds:
 *
 * 1. cold build of every site (one worker);
 * 2. one commune's own item published → live on its site (publish request to `current` switch);
 * 3. one national document published → live on every site (publish to the last switch), with
 *    the per-site cost split into Astro and Pagefind, extrapolated to the ≈3,400 sites;
 * 4. the same national push with 1 and with 2 workers (throughput ratio).
 *
 * `--strategy e` (default) indexes the national documents once into the shared national search
 * bundle, rebuilt by its own job when a national document changes; `--strategy a` indexes them
 * into every site, as before (ADR 0004).
 *
 * Prints a table and, last, one JSON line. Needs `pnpm build` and a PostgreSQL server; the
 * database is created fresh each run (`pbgdpl_bench_sync` by default).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startCmsProcess, testCmsEnv } from '@pbgdpl/test-support';
import {
  generatorNationalBuilder,
  jsonLogger,
  startSyncEngine,
  type NationalIndexBuilder,
  type SiteBuilder,
  type SyncEngine,
} from '@pbgdpl/sync-engine';
import { fullAccessToken } from './cms-admin.ts';
import { liveRelease, switched } from './release-watch.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CMS_DIR = path.join(ROOT, 'cms');
const FEDERATION_SITES = 3400;

const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    'database-url': {
      type: 'string',
      default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:55432/pbgdpl_bench_sync',
    },
    'skip-workers': { type: 'boolean', default: false },
    strategy: { type: 'string', default: 'e' },
  },
});
if (!['a', 'e'].includes(args.strategy!))
  throw new Error(`--strategy must be a or e, not "${args.strategy}"`);
const nationalSearch = args.strategy === 'e';

const log = (line: string) => process.stderr.write(`${line}\n`);
const seconds = (ms: number) => Number((ms / 1000).toFixed(1));

async function freshDatabase(url: string) {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
}

/** A full-access API token made with the seed's demo administrator (`seed --demo-admin`). */
async function apiToken(cmsUrl: string): Promise<string> {
  const login = await fetch(`${cmsUrl}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@pbgdpl.demo', password: 'PbgdplDemo2026' }),
  });
  if (!login.ok) throw new Error(`admin login: HTTP ${login.status} ${await login.text()}`);
  const jwt = ((await login.json()) as { data: { token: string } }).data.token;
  return fullAccessToken(cmsUrl, jwt, 'bench-sync');
}

async function rest(cmsUrl: string, token: string, method: string, url: string, body?: unknown) {
  const res = await fetch(`${cmsUrl}${url}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { data: Record<string, unknown> & { documentId: string } };
}

interface SiteCost {
  searchMs: number;
  pages: number;
  /** The run's time to find or build the national bundle (strategy E), shared by its sites. */
  nationalMs: number;
  /** The generator run that built the site: fetch, Astro batch (with post-build steps), whole run. */
  fetchMs: number;
  batchMs: number;
  runMs: number;
}

async function main() {
  const databaseUrl = args['database-url']!;
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbgdpl-bench-sync-'));
  log(`bench:sync — database ${databaseUrl}, sites in ${outDir}`);
  await freshDatabase(databaseUrl);
  const env = { ...testCmsEnv(), DATABASE_URL: databaseUrl, DATABASE_CLIENT: 'postgres' };
  const seedStarted = Date.now();
  const seed = spawnSync(
    process.execPath,
    ['dist/scripts/seed.js', '--subset', 'demo', '--demo-admin', '--report', path.join(outDir, 'seed.json')],
    {
      cwd: CMS_DIR,
      env: { ...process.env, ...env },
      encoding: 'utf8',
    },
  );
  if (seed.status !== 0) throw new Error(`seed failed:\n${seed.stdout}\n${seed.stderr}`);
  log(`seeded in ${seconds(Date.now() - seedStarted)} s`);
  const cms = await startCmsProcess({ cmsDir: CMS_DIR, env });
  const token = await apiToken(cms.url);

  const costs = new Map<string, SiteCost>();
  const builder: SiteBuilder = async ({ codes, outDir: out }) => {
    const { generateSites } = await import('@pbgdpl/site-builder');
    const result = await generateSites({
      cmsUrl: cms.url,
      token,
      codes,
      outDir: out,
      layout: 'releases',
      batchSize: codes.length,
      nationalSearch,
      log: () => undefined,
    });
    for (const s of result.sites)
      costs.set(s.code, {
        searchMs: s.search?.ms ?? 0,
        pages: s.pages,
        nationalMs: result.national?.ms ?? 0,
        fetchMs: result.fetchMs,
        batchMs: s.batchMs,
        runMs: result.elapsedMs,
      });
    return result.sites.map((s) => ({
      code: s.code,
      ok: s.ok,
      release: s.release ?? null,
      pages: s.pages,
      error: s.error,
    }));
  };
  // Strategy E: the national-index job, timed (it runs first in the batch of a national push).
  const nationalRuns: Array<{ ms: number; built: boolean }> = [];
  const nationalBuilder: NationalIndexBuilder = async (request) => {
    const started = Date.now();
    const result = await generatorNationalBuilder({ cmsUrl: cms.url, token })(request);
    nationalRuns.push({ ms: Date.now() - started, built: result.built });
    return result;
  };
  const logFile = path.join(outDir, 'sync.log');
  const start = (concurrency: number, batchSize: number) =>
    startSyncEngine({
      database: { kind: 'postgres', url: databaseUrl },
      cmsUrl: cms.url,
      token,
      outDir,
      concurrency,
      batchSize,
      reconcileIntervalMs: 0,
      builder,
      nationalBuilder: nationalSearch ? nationalBuilder : null,
      pgBoss: { pollingIntervalSeconds: 0.5, superviseIntervalSeconds: 5 },
      log: jsonLogger((line) => fs.appendFileSync(logFile, `${line}\n`)),
    });
  const figures: Record<string, unknown> = {
    strategy: nationalSearch ? 'E (shared national search bundle)' : 'A (every site indexes everything)',
    machine: `${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)} at start`,
  };
  let engine: SyncEngine = await start(1, 25);
  try {
    // 1. Cold build.
    const registry = await engine.registry({ fresh: true });
    const codes = registry
      .all()
      .filter((s) => s.enabled !== false)
      .map((s) => s.id)
      .sort();
    const none = Object.fromEntries(codes.map((c) => [c, null]));
    let t0 = Date.now();
    await engine.reconcile();
    await switched(outDir, none, codes, t0);
    const coldMs = Date.now() - t0;
    figures.sites = codes.length;
    figures.coldBuildS = seconds(coldMs);
    figures.loadAfterCold = Number(os.loadavg()[0]!.toFixed(1));
    log(`cold build of ${codes.length} sites: ${seconds(coldMs)} s`);

    // 2. A commune's own item → live on the commune's site.
    const commune = codes.find((c) => registry.get(c)?.kind === 'commune')!;
    const site = (await rest(
      cms.url,
      token,
      'GET',
      `/api/sites?filters[code][$eq]=${commune}`,
    )) as unknown as { data: Array<{ documentId: string }> };
    const owner = site.data[0]!.documentId;
    const item = await rest(cms.url, token, 'POST', '/api/news-items?locale=vi', {
      data: {
        title: 'Lịch tiếp công dân (bản đo hiệu năng)',
        summary: 'Bản tin dùng để đo thời gian đồng bộ.',
        audience: 'own_site',
        owningSite: owner,
      },
    });
    const localRuns: number[] = [];
    for (let run = 1; run <= 3; run += 1) {
      const before = { [commune]: liveRelease(outDir, commune) };
      t0 = Date.now();
      await rest(
        cms.url,
        token,
        'PUT',
        `/api/news-items/${item.data.documentId}?locale=vi&status=published`,
        {
          data: { summary: `Bản tin dùng để đo thời gian đồng bộ, lần ${run}.` },
        },
      );
      localRuns.push((await switched(outDir, before, [commune], t0)).get(commune)!);
      await new Promise((r) => setTimeout(r, 1500));
    }
    figures.communeEditToLiveS = localRuns.map(seconds);
    const last = costs.get(commune);
    // The last edit's generator run: fetch / national bundle / Astro + post-build (of which Pagefind) / whole run.
    figures.communeRunBreakdownS = last
      ? `fetch ${seconds(last.fetchMs)}, national bundle ${seconds(last.nationalMs)}, astro+post ${seconds(last.batchMs)} (Pagefind ${seconds(last.searchMs)}), run ${seconds(last.runMs)}`
      : 'n/a';
    figures.communeSite = commune;
    log(`commune edit → live (${commune}): ${localRuns.map((ms) => `${seconds(ms)} s`).join(', ')}`);

    // 3. A national document → live on every site (one worker).
    const national = (await rest(
      cms.url,
      token,
      'GET',
      '/api/legal-documents?locale=vi&filters[scope][$eq]=national&filters[documentType][$eq]=law&pagination[pageSize]=1',
    )) as unknown as {
      data: Array<{ documentId: string; title: string }>;
    };
    const law = national.data[0]!;
    const push = async (label: string) => {
      const before = Object.fromEntries(codes.map((c) => [c, liveRelease(outDir, c)]));
      costs.clear();
      const started = Date.now();
      await rest(cms.url, token, 'PUT', `/api/legal-documents/${law.documentId}?locale=vi&status=published`, {
        data: { title: `${law.title} (${label})` },
      });
      const at = await switched(outDir, before, codes, started);
      return { totalMs: Math.max(...at.values()), firstMs: Math.min(...at.values()) };
    };
    nationalRuns.length = 0;
    const one = await push('đo 1 tiến trình');
    const perSite = [...costs.values()];
    const searchPerSite = perSite.reduce((s, c) => s + c.searchMs, 0) / perSite.length;
    if (nationalSearch) {
      figures.nationalIndexJobS = nationalRuns.map((r) => `${seconds(r.ms)}${r.built ? '' : ' (found)'}`);
      figures.nationalBundleCheckPerRunS = seconds(Math.max(0, ...perSite.map((c) => c.nationalMs)));
    }
    const perSiteMs = one.totalMs / codes.length;
    figures.nationalToLive1WorkerS = seconds(one.totalMs);
    figures.nationalPerSiteS = seconds(perSiteMs);
    figures.pagefindPerSiteS = seconds(searchPerSite);
    figures.pagesPerSite = Math.round(perSite.reduce((s, c) => s + c.pages, 0) / perSite.length);
    figures.extrapolated3400SitesOneWorkerMin = Number(((perSiteMs * FEDERATION_SITES) / 60_000).toFixed(0));
    figures.workersFor60s = Math.ceil((perSiteMs * FEDERATION_SITES) / 60_000);
    log(
      `national push → ${codes.length} sites, 1 worker: ${seconds(one.totalMs)} s (${seconds(perSiteMs)} s/site, of which Pagefind ${seconds(searchPerSite)} s)`,
    );
    figures.loadAfterNational = Number(os.loadavg()[0]!.toFixed(1));

    // 4. Two workers (two batches at once) vs one.
    if (!args['skip-workers']) {
      await engine.stop();
      engine = await start(2, Math.ceil(codes.length / 2));
      const two = await push('đo 2 tiến trình');
      figures.nationalToLive2WorkersS = seconds(two.totalMs);
      figures.throughputRatio2vs1 = Number((one.totalMs / two.totalMs).toFixed(2));
      log(`national push, 2 workers: ${seconds(two.totalMs)} s → throughput ×${figures.throughputRatio2vs1}`);
    }
  } finally {
    await engine.stop();
    await cms.stop();
  }
  console.log('\n| figure | value |\n|---|---|');
  for (const [k, v] of Object.entries(figures))
    console.log(`| ${k} | ${Array.isArray(v) ? v.join(', ') : String(v)} |`);
  console.log(JSON.stringify({ bench: 'sync', at: new Date().toISOString(), ...figures }));
  fs.rmSync(outDir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
