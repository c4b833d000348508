/**
 * The benchmark federation's stratified sample and its extrapolation to the whole registry (pure).
 *
 * Sites are grouped by what their builds cost: the national portal (every national item, its own
 * site), provinces (their own 300 items), central units (ministries, ministry-level agencies and
 * mass organisations: 200 items each) and communes (20 items each, plus their province's local
 * documents, which the template lists on the communes too). A sample takes the portal, a few of
 * each central group and communes spread over the provinces; a group's time per site, measured on
 * its sample, is multiplied by the group's count in the registry.
 */

export type KindGroup = 'national' | 'province' | 'central' | 'commune';
export const KIND_GROUPS: readonly KindGroup[] = ['national', 'province', 'central', 'commune'];

export interface SampleSite {
  code: string;
  kind: string;
}

/** The group of a registry kind (`ministry`, `ministry_agency`, `mass_organisation` are central). */
export function kindGroup(kind: string): KindGroup {
  if (kind === 'national' || kind === 'province' || kind === 'commune') return kind;
  return 'central';
}

/** Sites per group in the registry. */
export function countByGroup(sites: readonly SampleSite[]): Record<KindGroup, number> {
  const counts: Record<KindGroup, number> = { national: 0, province: 0, central: 0, commune: 0 };
  for (const site of sites) counts[kindGroup(site.kind)] += 1;
  return counts;
}

export interface SampleOptions {
  provinces: number;
  /** Central units: taken from the kinds present in turn (a ministry, an agency, …). */
  central: number;
  communes: number;
}

export interface SampleGroup {
  group: KindGroup;
  codes: string[];
}

/** `count` items evenly spaced over `items` (the first, then every len/count-th). */
export function spread<T>(items: readonly T[], count: number): T[] {
  if (count >= items.length) return [...items];
  const out: T[] = [];
  for (let i = 0; i < count; i += 1) out.push(items[Math.floor((i * items.length) / count)]!);
  return out;
}

/**
 * The sample, group by group: the national portal; `provinces` provinces and `communes` communes
 * evenly spread over the registry sorted by code (so communes come from many provinces); central
 * units alternating between the central kinds (ministry, ministry_agency, mass_organisation).
 * Deterministic for a registry.
 */
export function stratifiedSample(sites: readonly SampleSite[], options: SampleOptions): SampleGroup[] {
  const sorted = [...sites].sort((a, b) => a.code.localeCompare(b.code));
  const of = (group: KindGroup) => sorted.filter((s) => kindGroup(s.kind) === group);
  const central = of('central');
  const centralKinds = ['ministry', 'ministry_agency', 'mass_organisation'].filter((k) =>
    central.some((s) => s.kind === k),
  );
  const centralPick: SampleSite[] = [];
  for (let i = 0; centralPick.length < Math.min(options.central, central.length); i += 1) {
    const kind = centralKinds[i % centralKinds.length]!;
    const next = central.find((s) => s.kind === kind && !centralPick.includes(s));
    if (next) centralPick.push(next);
    if (i > central.length * 3) break;
  }
  const groups: SampleGroup[] = [
    {
      group: 'national',
      codes: of('national')
        .slice(0, 1)
        .map((s) => s.code),
    },
    { group: 'province', codes: spread(of('province'), options.provinces).map((s) => s.code) },
    { group: 'central', codes: centralPick.map((s) => s.code) },
    { group: 'commune', codes: spread(of('commune'), options.communes).map((s) => s.code) },
  ];
  return groups.filter((g) => g.codes.length > 0);
}

export interface GroupTime {
  group: KindGroup;
  sites: number;
  /** Wall time of the group's builds, one-off work (the national search bundle) taken out. */
  ms: number;
}

export interface Extrapolation {
  /** Per group: time per site, sites in the registry, their share of the total. */
  groups: Array<{ group: KindGroup; msPerSite: number; registrySites: number; ms: number }>;
  /** One-off work counted once (e.g. the national search bundle). */
  oneOffMs: number;
  totalMs: number;
}

/**
 * Whole registry = one-off work + Σ over groups (time per site measured on the group's sample ×
 * the group's sites in the registry). One build process after another, as one worker would do.
 */
export function extrapolate(
  times: readonly GroupTime[],
  registry: Record<KindGroup, number>,
  oneOffMs: number,
): Extrapolation {
  const groups = times.map((t) => {
    const msPerSite = t.ms / t.sites;
    return { group: t.group, msPerSite, registrySites: registry[t.group], ms: msPerSite * registry[t.group] };
  });
  const missing = KIND_GROUPS.filter((g) => registry[g] > 0 && !times.some((t) => t.group === g));
  if (missing.length > 0) throw new Error(`No sample for ${missing.join(', ')}: cannot extrapolate.`);
  return { groups, oneOffMs, totalMs: oneOffMs + groups.reduce((s, g) => s + g.ms, 0) };
}

/**
 * A push measured on the sample, scaled to the registry: the one-off part (the national search
 * bundle's job) stays, the rest grows with the work — each site's share of its generator run
 * (Astro time split by the pages it rendered, plus its own post-build and install time), summed
 * per group and multiplied by the group's sites in the registry.
 */
export function scalePush(options: {
  measuredMs: number;
  oneOffMs: number;
  /** Per sampled site: its group and its work in the push (ms). */
  work: ReadonlyArray<{ group: KindGroup; ms: number }>;
  registry: Record<KindGroup, number>;
}): { totalMs: number; sampleWorkMs: number; registryWorkMs: number; msPerSite: Record<string, number> } {
  const msPerSite: Record<string, number> = {};
  for (const group of KIND_GROUPS) {
    const of = options.work.filter((w) => w.group === group);
    if (of.length > 0) msPerSite[group] = of.reduce((s, w) => s + w.ms, 0) / of.length;
  }
  const sampleWorkMs = options.work.reduce((s, w) => s + w.ms, 0);
  const registryWorkMs = KIND_GROUPS.reduce((s, g) => s + (msPerSite[g] ?? 0) * options.registry[g], 0);
  const variable = Math.max(0, options.measuredMs - options.oneOffMs);
  return {
    totalMs: options.oneOffMs + (sampleWorkMs > 0 ? (variable * registryWorkMs) / sampleWorkMs : 0),
    sampleWorkMs,
    registryWorkMs,
    msPerSite,
  };
}

/**
 * Each site's work in one generator run: the batch's Astro time split by the pages each site
 * rendered (pages written minus pages reused from the live release), plus its post-build and
 * install time, plus an equal share of the run's fetch.
 */
export function siteWork(run: {
  fetchMs: number;
  sites: ReadonlyArray<{
    code: string;
    batch: number;
    pages: number;
    reusedPages?: number;
    timings?: { astroMs: number; postMs: number; installMs: number };
  }>;
}): Map<string, number> {
  const rendered = (s: (typeof run.sites)[number]) => Math.max(1, s.pages - (s.reusedPages ?? 0));
  const perBatch = new Map<number, number>();
  for (const s of run.sites) perBatch.set(s.batch, (perBatch.get(s.batch) ?? 0) + rendered(s));
  const out = new Map<string, number>();
  for (const s of run.sites) {
    const t = s.timings ?? { astroMs: 0, postMs: 0, installMs: 0 };
    const astro = (t.astroMs * rendered(s)) / perBatch.get(s.batch)!;
    out.set(s.code, astro + t.postMs + t.installMs + run.fetchMs / run.sites.length);
  }
  return out;
}
