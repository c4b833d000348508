/**
 * The build step of a worker: a batch of site jobs (the national search bundle's job first, when
 * the batch holds it: national-index.ts) → one generator run in the release layout
 * (each site checked, precompressed, switched atomically, old releases pruned) → the state of
 * each site. The content version is read *before* the generator fetches anything, so the
 * version recorded never claims more than the pages contain.
 */
import fs from 'node:fs';
import path from 'node:path';
import { todayInVietnam } from '@pbgdpl/domain';
import type { GenerateSitesOptions } from '@pbgdpl/site-builder';
import type { EventSource } from './events.js';
import type { Logger } from './log.js';
import { NATIONAL_INDEX_KEY, type NationalIndexBuilder } from './national-index.js';
import type { BuildJob, JobOutcome } from './queue/types.js';
import type { SyncStateStore } from './state.js';

export interface SiteBuildResult {
  code: string;
  ok: boolean;
  release: string | null;
  pages: number;
  error: string | null;
}

/** Builds sites into `<outDir>/<code>/releases/<id>/` and switches `current`; never throws for one site's failure. */
export type SiteBuilder = (request: { codes: string[]; outDir: string }) => Promise<SiteBuildResult[]>;

export interface BuildHandlerDeps {
  events: EventSource;
  state: SyncStateStore;
  builder: SiteBuilder;
  /** Builds the national search bundle (jobs keyed `_national`); without it such jobs fail. */
  nationalBuilder?: NationalIndexBuilder | null;
  outDir: string;
  log: Logger;
  /** Called with each settled site (progress bars, tests). */
  onSite?: (result: SiteBuildResult, durationMs: number) => void;
}

export function buildHandler(deps: BuildHandlerDeps) {
  return async (jobs: BuildJob[]): Promise<JobOutcome[]> => {
    const codes = [...new Set(jobs.map((j) => j.data.site))].filter((code) => code !== NATIONAL_INDEX_KEY);
    const version = await deps.events.contentVersion();
    // The national bundle first: the sites of this batch then find it instead of building it.
    const national = jobs.some((j) => j.data.site === NATIONAL_INDEX_KEY)
      ? await buildNational(deps, version)
      : null;
    if (codes.length === 0)
      return jobs.map((job) =>
        national?.ok
          ? { id: job.id, ok: true }
          : { id: job.id, ok: false, error: national?.error ?? 'not built' },
      );
    const started = Date.now();
    deps.log('info', 'build started', {
      sites: codes,
      version,
      retries: Math.max(...jobs.map((j) => j.retryCount)),
    });
    let results: SiteBuildResult[];
    try {
      results = await deps.builder({ codes, outDir: deps.outDir });
    } catch (error) {
      const message = (error as Error).message;
      results = codes.map((code) => ({ code, ok: false, release: null, pages: 0, error: message }));
    }
    const durationMs = Date.now() - started;
    const byCode = new Map(results.map((r) => [r.code, r]));
    for (const code of codes) {
      const result = byCode.get(code) ?? {
        code,
        ok: false,
        release: null,
        pages: 0,
        error: 'the generator did not build it',
      };
      if (result.ok && result.release) {
        await deps.state.recordSuccess(code, {
          release: result.release,
          version,
          builtAt: new Date(),
          durationMs,
          pages: result.pages,
        });
        deps.log('info', 'site released', {
          site: code,
          release: result.release,
          version,
          pages: result.pages,
          durationMs,
        });
      } else {
        await deps.state.recordFailure(code, result.error ?? 'unknown error', new Date());
        deps.log('error', 'site build failed', { site: code, error: result.error, durationMs });
      }
      deps.onSite?.(result, durationMs);
    }
    return jobs.map((job) => {
      if (job.data.site === NATIONAL_INDEX_KEY)
        return national?.ok
          ? { id: job.id, ok: true }
          : { id: job.id, ok: false, error: national?.error ?? 'not built' };
      const result = byCode.get(job.data.site);
      return result?.ok
        ? { id: job.id, ok: true }
        : { id: job.id, ok: false, error: result?.error ?? 'not built' };
    });
  };
}

/** Builds (or finds) the national search bundle and records it as the state of `_national`. */
async function buildNational(
  deps: BuildHandlerDeps,
  version: number,
): Promise<{ ok: boolean; error: string | null }> {
  const started = Date.now();
  if (!deps.nationalBuilder) return { ok: false, error: 'this worker has no national index builder' };
  deps.log('info', 'national index started', { version });
  const result = await deps.nationalBuilder({ outDir: deps.outDir }).catch((error: Error) => ({
    ok: false,
    bundle: null,
    built: false,
    records: 0,
    error: error.message,
  }));
  const durationMs = Date.now() - started;
  if (result.ok) {
    await deps.state.recordSuccess(NATIONAL_INDEX_KEY, {
      release: result.bundle ?? 'none',
      version,
      builtAt: new Date(),
      durationMs,
      pages: result.records,
    });
    deps.log('info', 'national index ready', {
      bundle: result.bundle,
      built: result.built,
      records: result.records,
      version,
      durationMs,
    });
  } else {
    await deps.state.recordFailure(NATIONAL_INDEX_KEY, result.error ?? 'unknown error', new Date());
    deps.log('error', 'national index failed', { error: result.error, durationMs });
  }
  return { ok: result.ok, error: result.error };
}

/** Where a build reads its content when not from the CMS at `cmsUrl` (tests: the builder's fake CMS). */
export type ContentSources = Pick<
  GenerateSitesOptions,
  'client' | 'fetchAsset' | 'fetchFormToken' | 'fetchCoverage'
>;

/** The real builder: the site generator (`generateSites`) in the release layout. */
export function generatorBuilder(options: {
  cmsUrl: string;
  token?: string;
  log?: (m: string) => void;
  /** The clock a build takes its date from (asOf: its day in Vietnam; dialogues' phase). Default real time. */
  now?: () => Date;
  /** Content read from these instead of the CMS (tests); default the CMS at `cmsUrl` over HTTP. */
  sources?: ContentSources;
}): SiteBuilder {
  return async ({ codes, outDir }) => {
    const { generateSites } = await import('@pbgdpl/site-builder');
    const now = options.now?.();
    const result = await generateSites({
      cmsUrl: options.cmsUrl,
      codes,
      outDir,
      layout: 'releases',
      batchSize: codes.length,
      log: options.log ?? (() => undefined),
      ...(options.token ? { token: options.token } : {}),
      ...(now ? { asOf: todayInVietnam(now), now } : {}),
      ...options.sources,
    });
    return result.sites.map((s) => ({
      code: s.code,
      ok: s.ok,
      release: s.release ?? null,
      pages: s.pages,
      error: s.error,
    }));
  };
}

/** Removes build folders a killed worker left behind (older than `olderThanMs`; others may be live builds). */
export function removeAbandonedBuilds(outDir: string, olderThanMs = 6 * 3600_000): string[] {
  if (!fs.existsSync(outDir)) return [];
  const removed: string[] = [];
  for (const name of fs.readdirSync(outDir)) {
    if (!name.startsWith('.pbgdpl-build-')) continue;
    const dir = path.join(outDir, name);
    if (Date.now() - fs.statSync(dir).mtimeMs < olderThanMs) continue;
    fs.rmSync(dir, { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
