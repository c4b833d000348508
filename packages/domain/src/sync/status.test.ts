import { isSiteStale, siteStateFromRow, siteSyncCondition, type SiteSyncState } from './status.js';
import { parseChangePlacements } from './placements.js';

const BUILT: SiteSyncState = {
  site: 'ha-noi',
  liveRelease: '20260101-000000-aaaa',
  builtVersion: 40,
  builtAt: new Date('2026-01-01T00:00:00Z'),
  durationMs: 1200,
  pages: 140,
  requestedVersion: 39,
  requestedAt: new Date('2025-12-31T23:59:00Z'),
  lastError: null,
  lastErrorAt: null,
};

describe('a site’s sync condition', () => {
  it('is up to date when built from the newest content version, or from an older one nothing since concerned', () => {
    expect(siteSyncCondition(BUILT, 40)).toBe('fresh');
    expect(siteSyncCondition(BUILT, 52)).toBe('fresh-unaffected');
    expect(isSiteStale(BUILT)).toBe(false);
  });

  it('waits when a change reached it after its live build was started, and is never built without a release', () => {
    expect(siteSyncCondition({ ...BUILT, requestedVersion: 40 }, 41)).toBe('waiting');
    expect(siteSyncCondition({ ...BUILT, builtVersion: null, builtAt: null }, 41)).toBe('never-built');
    expect(isSiteStale({ builtVersion: null, requestedVersion: null })).toBe(true);
  });

  it('shows an error only when the failure came after the live build', () => {
    const failedAfter = {
      ...BUILT,
      lastError: 'Astro exited 1',
      lastErrorAt: new Date('2026-01-02T00:00:00Z'),
    };
    const failedBefore = { ...failedAfter, lastErrorAt: new Date('2025-12-30T00:00:00Z') };
    expect(siteSyncCondition(failedAfter, 40)).toBe('error');
    expect(siteSyncCondition(failedBefore, 40)).toBe('fresh');
    expect(siteSyncCondition({ ...failedAfter, builtAt: null, builtVersion: null }, 40)).toBe('error');
  });
});

describe('rows of the shared tables', () => {
  it('reads a site row the same from PostgreSQL (Date, bigint as text) and SQLite (ISO text, numbers)', () => {
    const postgres = siteStateFromRow({
      site: 'ha-noi',
      live_release: 'r1',
      built_version: '40',
      built_at: new Date('2026-01-01T00:00:00Z'),
      duration_ms: 1200,
      pages: 140,
      requested_version: '39',
      requested_at: new Date('2025-12-31T23:59:00Z'),
      last_error: null,
      last_error_at: null,
    });
    const sqlite = siteStateFromRow({
      site: 'ha-noi',
      live_release: 'r1',
      built_version: 40,
      built_at: '2026-01-01T00:00:00.000Z',
      duration_ms: 1200,
      pages: 140,
      requested_version: 39,
      requested_at: '2025-12-31T23:59:00.000Z',
      last_error: null,
      last_error_at: null,
    });
    expect(sqlite).toEqual(postgres);
    expect(postgres.builtVersion).toBe(40);
  });

  it('takes an event whose placements cannot be read as reaching every site', () => {
    expect(parseChangePlacements('[{"kind":"site","code":"ha-noi","parent":null}]')).toEqual([
      { kind: 'site', code: 'ha-noi', parent: null },
    ]);
    expect(parseChangePlacements('not json')).toEqual([{ kind: 'everywhere' }]);
    expect(parseChangePlacements('null')).toEqual([{ kind: 'everywhere' }]);
  });
});
