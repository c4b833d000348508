/**
 * The dispatcher: reads change events after its cursor (a new deployment starts after the
 * events that exist, leaving the first builds to the reconciler), computes the affected sites and asks
 * for one build per site — all events of one pass for one site make one request (coalescing),
 * and a site already built from a newer content version than every event of the pass is not
 * asked at all (duplicates and late, out-of-order events change nothing).
 *
 * Event ids come from a sequence, and a transaction that started earlier can commit a smaller id
 * after a larger one was read. Ids skipped by the cursor are kept as gaps and looked for again
 * for `gapTimeoutMs` (then they are taken as rolled back; the reconciler is the last net).
 */
import type { ChangeEvent, EventSource } from './events.js';
import { affectedSites } from './fanout.js';
import { NATIONAL_INDEX_KEY, touchesNationalIndex } from './national-index.js';
import type { Logger } from './log.js';
import type { BuildQueue } from './queue/types.js';
import type { RegistryLoader } from './registry.js';
import type { DispatchCursor, SyncStateStore } from './state.js';

export interface DispatchDeps {
  events: EventSource;
  state: SyncStateStore;
  queue: BuildQueue;
  registry: RegistryLoader;
  log: Logger;
  /** Only these sites are built by this deployment (default every enabled site). */
  sites?: ReadonlySet<string> | null;
  /** Ask for the national search bundle's job when national content changes (national-index.ts). Default false. */
  nationalIndex?: boolean;
  now?: () => Date;
  gapTimeoutMs?: number;
  /** Events read per pass. */
  limit?: number;
}

export interface DispatchResult {
  events: number;
  /** Sites asked for. */
  sites: string[];
  /** New jobs (the rest were coalesced into waiting ones). */
  enqueued: number;
  /** Sites skipped because they were already built from a newer version. */
  upToDate: number;
  /** The national search bundle's job was asked for (national-index.ts; never counted as a site). */
  national?: boolean;
}

export async function dispatchOnce(deps: DispatchDeps): Promise<DispatchResult> {
  const now = deps.now ?? (() => new Date());
  const gapTimeoutMs = deps.gapTimeoutMs ?? 60_000;
  const cursor = await deps.state.cursor();
  if (cursor.eventId < 0) {
    // A new deployment: every site is built from current content by the reconciler (never
    // built), which covers the events before now; dispatching them too would build twice.
    const start = await deps.events.lastEventId();
    await deps.state.saveCursor({ eventId: start, gaps: [] });
    deps.log('info', 'dispatcher starts after the existing events', { eventId: start });
    return { events: 0, sites: [], enqueued: 0, upToDate: 0 };
  }
  const found = await deps.events.eventsByIds(cursor.gaps.map((g) => g.id));
  const fresh = await deps.events.eventsAfter(cursor.eventId, deps.limit ?? 1000);
  const next: DispatchCursor = { eventId: cursor.eventId, gaps: [] };
  const foundIds = new Set(found.map((e) => e.id));
  const at = now().getTime();
  for (const gap of cursor.gaps)
    if (!foundIds.has(gap.id) && at - gap.since < gapTimeoutMs) next.gaps.push(gap);
  for (const event of fresh) {
    for (let id = next.eventId + 1; id < event.id; id += 1) next.gaps.push({ id, since: at });
    next.eventId = event.id;
  }
  const events = [...found, ...fresh];
  const result: DispatchResult = { events: events.length, sites: [], enqueued: 0, upToDate: 0 };
  if (events.length > 0) {
    const registry = await deps.registry({ fresh: events.some((e) => e.uid === 'api::site.site') });
    const built = new Map((await deps.state.sites()).map((s) => [s.site, s.builtVersion]));
    const perSite = new Map<string, { version: number; events: ChangeEvent[] }>();
    for (const event of events) {
      if (deps.nationalIndex && touchesNationalIndex(event.placements)) {
        const entry = perSite.get(NATIONAL_INDEX_KEY) ?? { version: 0, events: [] };
        entry.version = Math.max(entry.version, event.contentVersion);
        entry.events.push(event);
        perSite.set(NATIONAL_INDEX_KEY, entry);
      }
      for (const site of affectedSites(event.placements, registry)) {
        if (deps.sites && !deps.sites.has(site)) continue;
        const entry = perSite.get(site) ?? { version: 0, events: [] };
        entry.version = Math.max(entry.version, event.contentVersion);
        entry.events.push(event);
        perSite.set(site, entry);
      }
    }
    const asked: string[] = [];
    const requests = [];
    let maxVersion = 0;
    for (const [site, entry] of perSite) {
      const builtVersion = built.get(site) ?? null;
      if (builtVersion !== null && builtVersion > entry.version) {
        if (site !== NATIONAL_INDEX_KEY) result.upToDate += 1;
        continue;
      }
      requests.push({
        site,
        version: entry.version,
        reason: describe(entry.events),
        // Taken first, so the sites' batch usually finds the bundle ready.
        ...(site === NATIONAL_INDEX_KEY ? { priority: 1 } : {}),
      });
      asked.push(site);
      maxVersion = Math.max(maxVersion, entry.version);
    }
    // One statement: a worker polling meanwhile takes the whole set in one batch, not one site.
    result.enqueued = await deps.queue.enqueueMany(requests);
    await deps.state.recordRequested(asked, maxVersion, now());
    result.sites = asked.filter((site) => site !== NATIONAL_INDEX_KEY).sort();
    result.national = asked.includes(NATIONAL_INDEX_KEY);
    deps.log('info', 'dispatch', {
      events: events.length,
      firstEvent: events[0]?.id,
      lastEvent: events.at(-1)?.id,
      sites: result.sites.length,
      national: result.national,
      enqueued: result.enqueued,
      upToDate: result.upToDate,
    });
  }
  if (next.eventId !== cursor.eventId || JSON.stringify(next.gaps) !== JSON.stringify(cursor.gaps))
    await deps.state.saveCursor(next);
  return result;
}

function describe(events: readonly ChangeEvent[]): string {
  const first = events[0]!;
  const type = first.uid.split('.').at(-1);
  return events.length === 1
    ? `${first.action} ${type} ${first.documentId}`
    : `${events.length} changes (first: ${first.action} ${type})`;
}
