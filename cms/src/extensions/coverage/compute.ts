/**
 * The nightly computation: facts of every enabled site gathered with a handful of set-based
 * queries (sections.ts, newly-effective.ts, one Q&A query for response times), the domain's rule
 * applied in memory, and the day's snapshot written in one transaction.
 */
import type { Core } from '@strapi/strapi';
import {
  addDays,
  assessCoverage,
  todayInVietnam,
  type SiteCoverageFacts,
  type SiteKind,
} from '@pbgdpl/domain';
import { responseTimesBySite } from '../moderation';
import { newlyEffectiveBySite } from './newly-effective';
import { sectionCountsBySite } from './sections';
import { writeSnapshot, type SnapshotRow } from './snapshots';
import { linkOf, q, rawRows, tableOf } from './tables';
import { CONTENT_TYPES } from '../../content-types';

const SITE = CONTENT_TYPES.site;
/** Q&A response times are taken over the questions received in the last year. */
export const RESPONSE_WINDOW_DAYS = 365;

export interface CoverageSite {
  id: number;
  code: string;
  name: string;
  kind: SiteKind;
  parentCode: string | null;
  /** A commune's province, a province itself; null for central units. */
  provinceCode: string | null;
}

/** Every enabled site with its parent's code (one query). */
export async function enabledSites(strapi: Core.Strapi): Promise<CoverageSite[]> {
  const parent = linkOf(strapi, SITE, 'parent');
  const sites = q(tableOf(strapi, SITE));
  const rows = await rawRows<{
    id: number;
    code: string;
    name: string;
    kind: SiteKind;
    parent_code: string | null;
    parent_kind: string | null;
  }>(
    strapi.db.connection,
    `SELECT s.id, s.code, s.name, s.kind, p.code AS parent_code, p.kind AS parent_kind FROM ${sites} s
     LEFT JOIN ${q(parent.table)} l ON l.${q(parent.from)} = s.id
     LEFT JOIN ${sites} p ON p.id = l.${q(parent.to)}
     WHERE s.enabled IS TRUE ORDER BY s.code`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    code: r.code,
    name: r.name,
    kind: r.kind,
    parentCode: r.parent_code ?? null,
    provinceCode: r.kind === 'province' ? r.code : r.parent_kind === 'province' ? r.parent_code : null,
  }));
}

export interface CoverageRun {
  day: string;
  sites: number;
  durationMs: number;
  computedAt: string;
  /** Milliseconds per phase (for the benchmark). */
  phasesMs: Record<string, number>;
}

export interface ComputeOptions {
  now?: Date;
  /** Days of snapshots kept (COVERAGE_KEEP_DAYS, default 730). */
  keepDays?: number;
}

/** Computes every enabled site's coverage for today (Vietnam) and stores the day's snapshot. */
export async function computeCoverage(
  strapi: Core.Strapi,
  options: ComputeOptions = {},
): Promise<CoverageRun> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const day = todayInVietnam(now);
  const phasesMs: Record<string, number> = {};
  const rows = await coverageRows(strapi, now, phasesMs);
  const writing = Date.now();
  await writeSnapshot(strapi.db.connection, day, rows, { keepDays: options.keepDays ?? keepDaysFromEnv() });
  phasesMs.snapshot = Date.now() - writing;
  return {
    day,
    sites: rows.length,
    durationMs: Date.now() - started,
    computedAt: now.toISOString(),
    phasesMs,
  };
}

async function timed<T>(
  phases: Record<string, number> | undefined,
  name: string,
  work: () => Promise<T>,
): Promise<T> {
  const started = Date.now();
  const result = await work();
  if (phases) phases[name] = Date.now() - started;
  return result;
}

/** The rows of a snapshot for `now`, without storing them. */
export async function coverageRows(
  strapi: Core.Strapi,
  now: Date,
  phases?: Record<string, number>,
): Promise<SnapshotRow[]> {
  const day = todayInVietnam(now);
  const sites = await timed(phases, 'sites', () => enabledSites(strapi));
  const ids = sites.map((s) => s.id);
  const sections = await timed(phases, 'sections', () => sectionCountsBySite(strapi, ids));
  const newlyEffective = await timed(phases, 'newlyEffective', () =>
    newlyEffectiveBySite(strapi, sites, day),
  );
  const responses = new Map(
    (
      await timed(phases, 'qaResponseTimes', () =>
        responseTimesBySite(strapi, {
          from: new Date(`${addDays(day, -RESPONSE_WINDOW_DAYS)}T00:00:00+07:00`),
          to: now,
        }),
      )
    ).map((r) => [r.siteCode, r]),
  );
  const computedAt = now.toISOString();
  return sites.map((site) => {
    const facts: SiteCoverageFacts = {
      newlyEffective: newlyEffective.get(site.id) ?? { concerning: 0, shown: 0, basis: 'template' },
      sections: sections.get(site.id)!,
    };
    const coverage = assessCoverage(facts, day);
    const response = responses.get(site.code) ?? null;
    return {
      day,
      siteCode: site.code,
      siteName: site.name,
      kind: site.kind,
      provinceCode: site.provinceCode,
      score: coverage.score,
      met: coverage.met,
      total: coverage.total,
      states: Object.fromEntries(
        coverage.requirements.map((r) => [r.code, r.state]),
      ) as SnapshotRow['states'],
      figures: {
        requirements: coverage.requirements,
        outdatedShare: coverage.outdatedShare,
        newlyEffective: facts.newlyEffective,
        sections: facts.sections,
        qaResponse: response && {
          received: response.received,
          answered: response.answered,
          open: response.open,
          medianHours: response.medianHours,
          p90Hours: response.p90Hours,
        },
      },
      computedAt,
    };
  });
}

export function keepDaysFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.COVERAGE_KEEP_DAYS;
  if (raw === undefined || raw === '') return 730;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1)
    throw new Error(`COVERAGE_KEEP_DAYS must be a whole number of days (at least 1), not "${raw}".`);
  return days;
}
