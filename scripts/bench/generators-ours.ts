/**
 * One run of our pipeline for `pnpm bench:generators`, in a process of its own so that its memory
 * and CPU are measured alone: `node generators-ours.ts <options.json> <result.json>`. The options
 * are generateSites' (the public API, as the sync engine calls it); the result file gets what the
 * bench reports of the run.
 */
import fs from 'node:fs';
import { generateSites, type GenerateSitesOptions } from '@pbgdpl/site-template/generator';

const [optionsFile, resultFile] = process.argv.slice(2);
if (!optionsFile || !resultFile)
  throw new Error('usage: node generators-ours.ts <options.json> <result.json>');
const options = JSON.parse(fs.readFileSync(optionsFile, 'utf8')) as GenerateSitesOptions;
const result = await generateSites({ ...options, log: (line) => process.stdout.write(`${line}\n`) });
const failed = result.sites.filter((s) => !s.ok);
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
    batchMs: [...new Map(result.sites.map((s) => [s.batch, s.batchMs])).values()].reduce((a, b) => a + b, 0),
    searchMs: result.sites.reduce((n, s) => n + (s.search?.ms ?? 0), 0),
    snapshotDir: result.snapshotDir,
  }),
);
process.exit(result.ok ? 0 : 1);
