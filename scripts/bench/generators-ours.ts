/**
 * One run of our pipeline for `pnpm bench:generators`, in a process of its own so that its memory
 * and CPU are measured alone: `node generators-ours.ts <options.json> <result.json>`. The options
 * are generateSites' (the public API, as the sync engine calls it); the result file gets what the
 * bench reports of the run.
 */
import fs from 'node:fs';
import { generateSites, type GenerateSitesOptions } from '@pbgdpl/site-builder';

const [optionsFile, resultFile] = process.argv.slice(2);
if (!optionsFile || !resultFile)
  throw new Error('usage: node generators-ours.ts <options.json> <result.json>');
const options = JSON.parse(fs.readFileSync(optionsFile, 'utf8')) as GenerateSitesOptions;
const result = await generateSites({ ...options, log: (line) => process.stdout.write(`${line}\n`) });
const failed = result.sites.filter((s) => !s.ok);
type Site = (typeof result.sites)[number];
const timings = (s: Site) =>
  (s as { timings?: { astroMs: number; postMs: number; installMs: number } }).timings ?? null;
/** A per-batch figure (every site of a batch carries it) summed over the batches. */
const sumBatches = (of: (s: Site) => number | undefined) =>
  [...new Map(result.sites.map((s) => [s.batch, of(s) ?? 0])).values()].reduce((a, b) => a + b, 0);
fs.writeFileSync(
  resultFile,
  JSON.stringify({
    ok: result.ok,
    failed: failed.map((s) => `${s.code}: ${s.error}`),
    pages: result.sites.reduce((n, s) => n + s.pages, 0),
    bytes: result.sites.reduce((n, s) => n + s.bytes, 0),
    fetchMs: result.fetchMs,
    elapsedMs: result.elapsedMs,
    nationalMs: result.national?.ms ?? 0,
    nationalBuilt: result.national?.built ?? false,
    // Astro + post-build steps, per batch (every site of a batch carries its batch's time).
    batchMs: sumBatches((s) => s.batchMs),
    // Pagefind per site; overlapping when a batch's sites share one Pagefind run (not a sum of work).
    searchMs: result.sites.reduce((n, s) => n + (s.search?.ms ?? 0), 0),
    // Where the time went (generators that report it): each batch's Astro run, each site's
    // post-build steps and install (precompression, release switch); page files reused.
    astroMs: sumBatches((s) => timings(s)?.astroMs),
    postMs: result.sites.reduce((n, s) => n + (timings(s)?.postMs ?? 0), 0),
    installMs: result.sites.reduce((n, s) => n + (timings(s)?.installMs ?? 0), 0),
    reusedPages: result.sites.reduce((n, s) => n + ((s as { reusedPages?: number }).reusedPages ?? 0), 0),
    snapshotDir: result.snapshotDir,
  }),
);
process.exit(result.ok ? 0 : 1);
