/**
 * The CMS's Prometheus metrics (prom-client). Counters and the request histogram are updated by
 * the HTTP middleware as requests pass; the gauges that describe the database (outboxes, the sync
 * engine's queue and releases) are read from it when Prometheus scrapes, so every CMS process
 * reports the same values for them — alert on `max()` over instances, not `sum()`.
 */
import type { Core } from '@strapi/strapi';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { emailOutbox, queueReadings, siteReadings, undispatchedEvents, workerReading } from './sync-tables';

export interface CmsMetrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  submissions: Counter<'kind' | 'outcome'>;
  loginFailures: Counter<'realm' | 'reason'>;
  /** The exposition text of one scrape (database readings taken once for it). */
  scrape: () => Promise<string>;
}

export function createMetrics(strapi: Core.Strapi): CmsMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  // Several gauges of one scrape read the same rows: each source is read once per scrape.
  const thisScrape = new Map<string, Promise<unknown>>();
  const read = async <T>(what: string, fallback: T, work: () => Promise<T>): Promise<T> => {
    try {
      if (!thisScrape.has(what)) thisScrape.set(what, work());
      return (await thisScrape.get(what)) as T;
    } catch (error) {
      // A database that does not answer must not break the scrape: the gauge is left out, health says why.
      strapi.log.warn(`metrics: could not read ${what}: ${(error as Error).message}`);
      return fallback;
    }
  };

  const httpDuration = new Histogram({
    name: 'pbgdpl_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status, as the CMS answered them',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const submissions = new Counter({
    name: 'pbgdpl_submissions_total',
    help: 'Citizens’ submissions (questions, dialogue questions, reports) by outcome: accepted or the refusal’s code',
    labelNames: ['kind', 'outcome'] as const,
    registers: [registry],
  });
  const loginFailures = new Counter({
    name: 'pbgdpl_login_failures_total',
    help: 'Refused logins: realm admin (the admin panel) or users (users-permissions), reason from the answer',
    labelNames: ['realm', 'reason'] as const,
    registers: [registry],
  });

  new Gauge({
    name: 'pbgdpl_change_events_undispatched',
    help: 'Change events (the outbox the sync engine reads) after the dispatcher’s cursor',
    registers: [registry],
    async collect() {
      this.set(
        (await read('change events', { count: 0, oldestAgeSeconds: 0 }, () => undispatchedEvents(strapi)))
          .count,
      );
    },
  });
  new Gauge({
    name: 'pbgdpl_change_events_oldest_undispatched_age_seconds',
    help: 'Age of the oldest change event the dispatcher has not passed (0 when none waits)',
    registers: [registry],
    async collect() {
      this.set(
        (await read('change events', { count: 0, oldestAgeSeconds: 0 }, () => undispatchedEvents(strapi)))
          .oldestAgeSeconds,
      );
    },
  });
  new Gauge({
    name: 'pbgdpl_email_outbox_messages',
    help: 'Email outbox messages by status (pending and sending are the backlog; failed were given up)',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const counts = await read('email outbox', {} as Record<string, number>, () => emailOutbox(strapi));
      for (const status of ['pending', 'sending', 'sent', 'failed'])
        this.set({ status }, counts[status] ?? 0);
    },
  });
  new Gauge({
    name: 'pbgdpl_site_release_age_seconds',
    help: 'Seconds since each site’s live release was built (sync engine state)',
    labelNames: ['site'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const now = Date.now();
      for (const s of await read('site releases', [], () => siteReadings(strapi)))
        if (s.builtAt) this.set({ site: s.site }, (now - s.builtAt.getTime()) / 1000);
    },
  });
  new Gauge({
    name: 'pbgdpl_site_build_duration_seconds',
    help: 'How long the build of each site’s live release took',
    labelNames: ['site'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const s of await read('site releases', [], () => siteReadings(strapi)))
        if (s.durationMs !== null) this.set({ site: s.site }, s.durationMs / 1000);
    },
  });
  new Gauge({
    name: 'pbgdpl_site_stale',
    help: '1 when a change was dispatched to the site after its live release was built',
    labelNames: ['site'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const s of await read('site releases', [], () => siteReadings(strapi)))
        this.set({ site: s.site }, s.stale ? 1 : 0);
    },
  });
  new Gauge({
    name: 'pbgdpl_site_build_failing',
    help: '1 when the site’s last build failed after its live release',
    labelNames: ['site'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const s of await read('site releases', [], () => siteReadings(strapi)))
        this.set({ site: s.site }, s.failing ? 1 : 0);
    },
  });
  new Gauge({
    name: 'pbgdpl_sync_queue_jobs',
    help: 'Build jobs waiting (created, retry) or running (active) per site (pg-boss; sites with none are absent)',
    labelNames: ['site', 'state'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const r of (await read('build queue', { bySite: [], deadLetters: 0 }, () => queueReadings(strapi)))
        .bySite)
        this.set({ site: r.site, state: r.state }, r.jobs);
    },
  });
  new Gauge({
    name: 'pbgdpl_sync_dead_letter_jobs',
    help: 'Build jobs that failed every retry and wait in the dead-letter queue',
    registers: [registry],
    async collect() {
      this.set(
        (await read('build queue', { bySite: [], deadLetters: 0 }, () => queueReadings(strapi))).deadLetters,
      );
    },
  });
  new Gauge({
    name: 'pbgdpl_sync_workers_live',
    help: 'Sync worker processes with a recent heartbeat (pg-boss instances)',
    registers: [registry],
    async collect() {
      this.set((await read('workers', null, () => workerReading(strapi)))?.liveWorkers ?? 0);
    },
  });
  new Gauge({
    name: 'pbgdpl_sync_dispatcher_live',
    help: '1 when a sync process holds the dispatcher’s lock',
    registers: [registry],
    async collect() {
      this.set((await read('workers', null, () => workerReading(strapi)))?.dispatcherLive ? 1 : 0);
    },
  });
  const scrape = async () => {
    thisScrape.clear();
    return registry.metrics();
  };
  return { registry, httpDuration, submissions, loginFailures, scrape };
}
