/**
 * What the sync engine remembers: the dispatcher's cursor in the event table, and per site the
 * live release, the content version it was built from, when and how long the build took, and
 * the last error. Kept in the CMS's own database in both modes — PostgreSQL
 * (`state-postgres.ts`) for workers on many machines, the quick start's SQLite file
 * (`state-sqlite.ts`) for one process — in the tables `@pbgdpl/domain` names, so the CMS's page
 * "Đồng bộ trang" and `pnpm sync:status` read the same rows with the same queries. A JSON file
 * (`fileStateStore`, below) serves unit tests and tools that have no database.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DispatchCursor, SiteSyncState } from '@pbgdpl/domain';
import type { DeadLetter, QueueCounts } from './queue/types.js';

export type { DispatchCursor } from '@pbgdpl/domain';
/** A site's record (`SiteSyncState` of `@pbgdpl/domain`). */
export type SiteState = SiteSyncState;

export interface BuildSuccess {
  release: string;
  version: number;
  builtAt: Date;
  durationMs: number;
  pages: number;
}

/** What an in-process queue last published of itself (SQLite mode), for status readers in other processes. */
export interface QueueSnapshot {
  counts: QueueCounts;
  deadLetters: DeadLetter[];
  at: Date | null;
}

export interface SyncStateStore {
  cursor(): Promise<DispatchCursor>;
  saveCursor(cursor: DispatchCursor): Promise<void>;
  sites(): Promise<SiteState[]>;
  recordRequested(sites: readonly string[], version: number, at: Date): Promise<void>;
  recordSuccess(site: string, success: BuildSuccess): Promise<void>;
  recordFailure(site: string, error: string, at: Date): Promise<void>;
  /**
   * Stores an in-process queue's counts and dead letters where other processes read them (the
   * CMS's page, `pnpm sync:status`). Absent where the queue is in the database itself (pg-boss).
   */
  recordQueue?(snapshot: Omit<QueueSnapshot, 'at'>): Promise<void>;
  /** What `recordQueue` last stored (empty counts when nothing was). */
  queueSnapshot?(): Promise<QueueSnapshot>;
  close(): Promise<void>;
}

/** The cursor of a deployment whose dispatcher never ran. */
export const NEW_CURSOR: DispatchCursor = { eventId: -1, gaps: [] };

export const emptyState = (site: string): SiteState => ({
  site,
  liveRelease: null,
  builtVersion: null,
  builtAt: null,
  durationMs: null,
  pages: null,
  requestedVersion: null,
  requestedAt: null,
  lastError: null,
  lastErrorAt: null,
});

/** Errors are kept to this many characters (a build's output can be long). */
export const ERROR_MAX_LENGTH = 4000;

/** A JSON file: unit tests and tools without a database; one process owns it. */
export function fileStateStore(file: string): SyncStateStore {
  type Stored = { cursor: DispatchCursor; sites: Record<string, SiteState> };
  const revive = (s: SiteState): SiteState => ({
    ...s,
    builtAt: s.builtAt ? new Date(s.builtAt) : null,
    requestedAt: s.requestedAt ? new Date(s.requestedAt) : null,
    lastErrorAt: s.lastErrorAt ? new Date(s.lastErrorAt) : null,
  });
  let data: Stored = { cursor: structuredClone(NEW_CURSOR), sites: {} };
  if (fs.existsSync(file)) {
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Stored;
    data = {
      cursor: raw.cursor,
      sites: Object.fromEntries(Object.entries(raw.sites).map(([k, v]) => [k, revive(v)])),
    };
  }
  const save = () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(data, null, 1));
    fs.renameSync(temp, file);
  };
  const site = (code: string) => (data.sites[code] ??= emptyState(code));
  return {
    async cursor() {
      return structuredClone(data.cursor);
    },
    async saveCursor(cursor) {
      data.cursor = structuredClone(cursor);
      save();
    },
    async sites() {
      return Object.values(data.sites)
        .map((s) => ({ ...s }))
        .sort((a, b) => a.site.localeCompare(b.site));
    },
    async recordRequested(sites, version, at) {
      for (const code of sites) {
        const s = site(code);
        s.requestedVersion = Math.max(s.requestedVersion ?? 0, version);
        s.requestedAt = at;
      }
      save();
    },
    async recordSuccess(code, success) {
      const s = site(code);
      s.liveRelease = success.release;
      s.builtVersion = Math.max(s.builtVersion ?? 0, success.version);
      s.builtAt = success.builtAt;
      s.durationMs = success.durationMs;
      s.pages = success.pages;
      s.lastError = null;
      s.lastErrorAt = null;
      save();
    },
    async recordFailure(code, error, at) {
      const s = site(code);
      s.lastError = error.slice(0, ERROR_MAX_LENGTH);
      s.lastErrorAt = at;
      save();
    },
    close: async () => undefined,
  };
}
