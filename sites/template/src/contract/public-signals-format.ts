/**
 * Two things a site shows about itself that come from the CMS's oversight work (issue 8), written
 * into the snapshot beside the rest (the builder's snapshot/public-signals.ts) and read by the pages
 * (src/lib/public-signals.ts):
 *
 *   <dir>/public-signals/run.json          PublicSignalsRun: the search beacon's address, if any
 *   <dir>/public-signals/coverage/<code>.json  CoverageSummary: "this site meets N of M requirements"
 *
 * A missing file means "nothing to show": the block is omitted, the build goes on.
 */
import path from 'node:path';

/** The CMS's public coverage summary of one site (`GET /api/pbgdpl-coverage/public/<code>`). */
export interface CoverageSummary {
  site: string;
  /** Requirements met, out of `total`. */
  met: number;
  total: number;
  requirements: CoverageRequirement[];
  /** When the CMS computed it (ISO instant); null when it did not say. */
  computedAt: string | null;
}

export interface CoverageRequirement {
  /** "C-1" … "C-5", or the CMS's own codes for the bookshelf and guidance. */
  code: string;
  /** Vietnamese, as the CMS gives it. */
  label: string;
  met: boolean;
}

export interface PublicSignalsRun {
  /**
   * Where the search page sends each query (`<public CMS URL>/api/pbgdpl-demand/search`); null
   * when the run was not given the CMS's public address, so the page sends nothing.
   */
  searchBeacon: string | null;
}

export const publicSignalFiles = {
  run: (dir: string) => path.join(dir, 'public-signals', 'run.json'),
  coverage: (dir: string, code: string) =>
    path.join(dir, 'public-signals', 'coverage', `${code.replace(/[^a-z0-9-]/g, '_')}.json`),
};
