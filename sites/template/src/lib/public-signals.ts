/**
 * The oversight signals the generator wrote for the run (generator/public-signals.ts): a site's
 * coverage summary and the search beacon's address. Missing files mean "show nothing".
 */
import fs from 'node:fs';
import { SNAPSHOT_DIR_ENV } from '../contract/snapshot-format.js';
import {
  publicSignalFiles,
  type CoverageSummary,
  type PublicSignalsRun,
} from '../contract/public-signals-format.js';

function readIfPresent<T>(file: string | null): T | null {
  if (!file || !fs.existsSync(file)) return null;
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

const dir = () => process.env[SNAPSHOT_DIR_ENV] ?? null;

/** The site's public coverage summary; null when the CMS gave none. */
export function loadCoverage(code: string): CoverageSummary | null {
  const base = dir();
  return readIfPresent<CoverageSummary>(base ? publicSignalFiles.coverage(base, code) : null);
}

let run: PublicSignalsRun | null | undefined;
/** Where the search page sends queries; null: it sends nothing. */
export function searchBeacon(): string | null {
  if (run === undefined) {
    const base = dir();
    run = readIfPresent<PublicSignalsRun>(base ? publicSignalFiles.run(base) : null);
  }
  return run?.searchBeacon ?? null;
}
