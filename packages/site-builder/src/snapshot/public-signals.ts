/**
 * The oversight signals a site carries (issue 8), fetched with the snapshot:
 * - its public coverage summary from the CMS (`GET /api/pbgdpl-coverage/public/<code>`), shown on
 *   the about page as "Trang này đáp ứng N/M yêu cầu"; a 404, an unreachable CMS or an answer of
 *   another shape omits the block — the build never fails for it;
 * - the search beacon's address, only when the run was given the CMS's public address
 *   (`publicCmsUrl` / $PBGDPL_PUBLIC_CMS_URL): without it the search page sends nothing.
 * Files: public-signals-format.ts.
 */
import { mapLimit, writeJson } from '../fs-json.js';
import {
  publicSignalFiles,
  type CoverageRequirement,
  type CoverageSummary,
  type PublicSignalsRun,
} from '@pbgdpl/site-template/public-signals-format';

export const COVERAGE_PUBLIC_PATH = '/api/pbgdpl-coverage/public/';
export const SEARCH_BEACON_PATH = '/api/pbgdpl-demand/search';

export type FetchedCoverage =
  { ok: true; body: unknown } | { ok: false; status: number | null; reason: string };
/** Asks the CMS for a coverage summary (the URL is the full address). */
export type FetchCoverage = (url: string) => Promise<FetchedCoverage>;

export const fetchCoverageOverHttp: FetchCoverage = async (url) => {
  try {
    const response = await fetch(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(20_000),
    });
    if (!response.ok) return { ok: false, status: response.status, reason: `HTTP ${response.status}` };
    return { ok: true, body: (await response.json()) as unknown };
  } catch (error) {
    return { ok: false, status: null, reason: (error as Error).message };
  }
};

/**
 * The search beacon's address from the CMS's public address; null without one (or a malformed
 * one), so a site built for an unknown public CMS sends nothing.
 */
export function searchBeaconUrl(publicCmsUrl: string | null | undefined): string | null {
  if (!publicCmsUrl) return null;
  try {
    const base = new URL(publicCmsUrl);
    if (base.protocol !== 'https:' && base.protocol !== 'http:') return null;
    return new URL(SEARCH_BEACON_PATH.slice(1), base.href.endsWith('/') ? base.href : `${base.href}/`).href;
  } catch {
    return null;
  }
}

/**
 * A coverage summary as the CMS sends it (bare or in Strapi's `{ data }`), checked field by
 * field; null for anything else (a page must never show a half-read figure).
 */
export function parseCoverageSummary(body: unknown, code: string): CoverageSummary | null {
  const value = isObject(body) && isObject(body.data) ? body.data : body;
  if (!isObject(value)) return null;
  const { met, total, requirements, computedAt } = value;
  if (!Number.isInteger(met) || !Number.isInteger(total)) return null;
  if ((total as number) < 1 || (met as number) < 0 || (met as number) > (total as number)) return null;
  if (!Array.isArray(requirements)) return null;
  const list: CoverageRequirement[] = [];
  for (const r of requirements) {
    if (
      !isObject(r) ||
      typeof r.code !== 'string' ||
      typeof r.label !== 'string' ||
      typeof r.met !== 'boolean'
    )
      return null;
    list.push({ code: r.code.slice(0, 40), label: r.label.slice(0, 300), met: r.met });
  }
  return {
    site: typeof value.site === 'string' ? value.site : code,
    met: met as number,
    total: total as number,
    requirements: list,
    computedAt: typeof computedAt === 'string' && !Number.isNaN(Date.parse(computedAt)) ? computedAt : null,
  };
}

export interface WritePublicSignalsInput {
  dir: string;
  codes: readonly string[];
  /** Where the generator reads the CMS (the summaries are asked there). */
  cmsOrigin: string;
  /** Where citizens' browsers reach the CMS, when the run was given it. */
  publicCmsUrl: string | null;
  fetchCoverage?: FetchCoverage;
  concurrency?: number;
  log: (message: string) => void;
}

/** Fetches and writes the run's signals; returns how many sites got a coverage summary. */
export async function writePublicSignals(input: WritePublicSignalsInput): Promise<{ coverage: number }> {
  const run: PublicSignalsRun = { searchBeacon: searchBeaconUrl(input.publicCmsUrl) };
  writeJson(publicSignalFiles.run(input.dir), run);
  const fetchCoverage = input.fetchCoverage ?? fetchCoverageOverHttp;
  const missing = new Map<string, number>();
  const found = await mapLimit(input.codes, input.concurrency ?? 8, async (code) => {
    const url = `${input.cmsOrigin}${COVERAGE_PUBLIC_PATH}${encodeURIComponent(code)}`;
    const fetched = await fetchCoverage(url);
    const summary = fetched.ok ? parseCoverageSummary(fetched.body, code) : null;
    if (!summary) {
      const reason = fetched.ok ? 'an answer of another shape' : fetched.reason;
      missing.set(reason, (missing.get(reason) ?? 0) + 1);
      return false;
    }
    writeJson(publicSignalFiles.coverage(input.dir, code), summary);
    return true;
  });
  // One line per reason, not one per site: 3,400 sites of a CMS without the summary are one fact.
  for (const [reason, count] of missing)
    input.log(
      `Coverage summary not shown on ${count} site(s): ${reason} from ${input.cmsOrigin}${COVERAGE_PUBLIC_PATH}…`,
    );
  return { coverage: found.filter(Boolean).length };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
