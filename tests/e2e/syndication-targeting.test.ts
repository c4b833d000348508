import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  createContentClient,
  type ContentClient,
  type EditorialItem,
  type Site,
} from '@pbgdpl/content-client';
import { indexRegistry, placementOnSite, type SiteKind, type SyndicationContext } from '@pbgdpl/domain';
import {
  dispatchOnce,
  fileStateStore,
  postgresEventSource,
  registryLoader,
  silentLogger,
  sqliteEventSource,
  type BuildJobData,
  type BuildQueue,
  type EventSource,
} from '@pbgdpl/sync-engine';
import {
  createTestDatabase,
  startCmsProcess,
  testCmsEnv,
  type CmsProcess,
  type TestDatabase,
} from '@pbgdpl/test-support';
import { cmsRequest, createFullAccessToken, registerFirstAdmin } from './cms-api';
import { CMS_DIR } from './workspace';

/**
 * A national push reaches exactly the sites it targets, end to end on a real CMS process (its
 * own PostgreSQL database with TEST_DATABASE_URL, else SQLite): items published over REST with
 * each kind of audience → the change events the CMS wrote in the write's transaction → the sync
 * engine's dispatcher (`dispatchOnce`, its real fan-out) asks for builds of exactly the targeted
 * sites → each site's listing (content-client `listSiteItems` + `listSyndicatedItems` over
 * GraphQL, placed by the federation rules as the site generator does) holds the item on exactly
 * those sites. Adoptions: only the adopting site is rebuilt, and it reads its adoption back.
 * No static build (each site's build is covered by the site-generation suites).
 */
let database: TestDatabase;
let cms: CmsProcess;
let token = '';
/** The first administrator's session: adoptions are written in the admin only. */
let adminJwt = '';
let client: ContentClient;
let events: EventSource;
let closeEvents: () => Promise<void> = async () => {};
const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbgdpl-targeting-'));

/** The registry: the national portal, a ministry, two provinces with communes, a disabled province. */
const SITES: Array<{ code: string; name: string; kind: SiteKind; parent: string | null; enabled?: boolean }> =
  [
    { code: 'quoc-gia', name: 'Cổng PBGDPL quốc gia', kind: 'national', parent: null },
    { code: 'bo-tu-phap', name: 'Bộ Tư pháp', kind: 'ministry', parent: 'quoc-gia' },
    { code: 'ha-noi', name: 'Thành phố Hà Nội', kind: 'province', parent: 'quoc-gia' },
    { code: 'ha-noi-ba-dinh', name: 'Phường Ba Đình', kind: 'commune', parent: 'ha-noi' },
    { code: 'ha-noi-ngoc-ha', name: 'Phường Ngọc Hà', kind: 'commune', parent: 'ha-noi' },
    { code: 'an-giang', name: 'Tỉnh An Giang', kind: 'province', parent: 'quoc-gia' },
    { code: 'an-giang-long-xuyen', name: 'Phường Long Xuyên', kind: 'commune', parent: 'an-giang' },
    { code: 'da-nang', name: 'Thành phố Đà Nẵng', kind: 'province', parent: 'quoc-gia', enabled: false },
  ];
const ENABLED = SITES.filter((s) => s.enabled !== false).map((s) => s.code);
const siteIds = new Map<string, string>();

const api = (method: string, url: string, body?: unknown, bearer = token) =>
  cmsRequest(cms.url, method, url, body, bearer);

/** The builds the dispatcher asks for, pass by pass (the queue itself is not under test). */
const asked: string[][] = [];
const recordingQueue: BuildQueue = {
  kind: 'in-process',
  start: async () => {},
  enqueue: async (data: BuildJobData) => (asked.at(-1)!.push(data.site), true),
  enqueueMany: async (data: readonly BuildJobData[]) => (
    asked.at(-1)!.push(...data.map((d) => d.site)),
    data.length
  ),
  work: async () => {},
  counts: async () => ({ queued: 0, active: 0, deadLetters: 0 }),
  deadLetters: async () => [],
  stop: async () => {},
};
const state = fileStateStore(path.join(stateDir, 'state.json'));

/** One dispatcher pass over the events written since the last one: the sites it asks to rebuild. */
async function dispatch(): Promise<string[]> {
  asked.push([]);
  await dispatchOnce({
    events,
    state,
    queue: recordingQueue,
    registry: registryLoader(client, 0),
    log: silentLogger,
  });
  return [...new Set(asked.at(-1))].sort();
}

beforeAll(async () => {
  database = await createTestDatabase('syndication_targeting', path.join(CMS_DIR, '.tmp'));
  cms = await startCmsProcess({ cmsDir: CMS_DIR, env: { ...testCmsEnv(), ...database.env } });
  adminJwt = await registerFirstAdmin(cms.url, {
    firstname: 'Kiểm',
    lastname: 'Thử',
    email: 'kiem-thu@pbgdpl.test',
    password: 'KiemThu2026',
  });
  token = await createFullAccessToken(cms.url, adminJwt, 'kiem-thu-pham-vi');
  for (const site of SITES) {
    const row = await api('POST', '/api/sites?status=published', {
      data: {
        code: site.code,
        name: site.name,
        kind: site.kind,
        basePath: `/${site.code}/`,
        enabled: site.enabled !== false,
        ...(site.parent ? { parent: siteIds.get(site.parent) } : {}),
      },
    });
    siteIds.set(site.code, row.documentId as string);
  }
  client = createContentClient({ endpoint: `${cms.url}/graphql`, pageSize: 50 });
  if (database.env.DATABASE_CLIENT === 'postgres') {
    const pool = new pg.Pool({ connectionString: database.env.DATABASE_URL, max: 2 });
    events = postgresEventSource(pool);
    closeEvents = () => pool.end();
  } else {
    events = sqliteEventSource(path.resolve(CMS_DIR, database.env.DATABASE_FILENAME!));
    closeEvents = () => events.close();
  }
  await dispatch(); // a new deployment starts after the registry's own events
});
afterAll(async () => {
  await closeEvents();
  await cms?.stop();
  await database?.drop();
  fs.rmSync(stateDir, { recursive: true, force: true });
});

/** Publishes a news item over REST as an integration of the owner would. */
async function publishNews(title: string, owner: string, audience: Record<string, unknown>): Promise<string> {
  const { audienceProvinces, ...rest } = audience as { audienceProvinces?: string[] };
  const row = await api('POST', '/api/news-items?locale=vi&status=published', {
    data: {
      title,
      summary: `Tin thử nghiệm: ${title}.`,
      owningSite: siteIds.get(owner),
      ...rest,
      ...(audienceProvinces ? { audienceProvinces: audienceProvinces.map((c) => siteIds.get(c)) } : {}),
    },
  });
  return row.documentId as string;
}

/** Every enabled site whose listing holds the item, as the site generator places items. */
async function sitesListing(documentId: string): Promise<string[]> {
  const registry: Site[] = await client.listSites({ all: true, enabledOnly: false });
  const context: SyndicationContext = {
    registry: indexRegistry(
      registry.map((s) => ({
        id: s.code,
        kind: s.kind,
        parentId: s.parent?.code ?? null,
        enabled: s.enabled,
      })),
    ),
    optedOutFieldIds: (code) =>
      (registry.find((s) => s.code === code)?.optedOutFields ?? []).map((f) => f.code),
  };
  const listing: string[] = [];
  for (const site of registry.filter((s) => s.enabled)) {
    // What a build of this site reads: its own items, and the items of the national portal and
    // of its ancestors that reach beyond their owner.
    const owners = [site.code, site.parent?.code, 'quoc-gia'].filter((c): c is string => !!c);
    const items: Array<EditorialItem<'news-item'>> = [
      ...(await client.listSiteItems('news-item', site.code)),
      ...(await client.listSyndicatedItems('news-item', { owners })),
    ];
    const item = items.find((i) => i.documentId === documentId);
    if (!item) continue;
    const placement = placementOnSite(
      {
        owningSiteId: item.owningSite?.code ?? null,
        audience: item.audience,
        audienceSiteKinds: (item.audienceSiteKinds as SiteKind[] | null) ?? [],
        audienceProvinceIds: (item.audienceProvinces ?? []).map((p) => p.code),
        mandatory: item.mandatory === true,
        fieldIds: item.fields.map((f) => f.code),
      },
      site.code,
      context,
    );
    if (placement.appears) listing.push(site.code);
  }
  return listing.sort();
}

const sorted = (codes: string[]) => [...codes].sort();

test.each<[string, string, Record<string, unknown>, string[]]>([
  ['a national item for all sites', 'quoc-gia', { audience: 'all_sites' }, ENABLED],
  [
    'a national item for the provinces',
    'quoc-gia',
    { audience: 'filtered', audienceSiteKinds: ['province'] },
    ['an-giang', 'ha-noi', 'quoc-gia'],
  ],
  [
    'a national item for Hà Nội (the province and its communes)',
    'quoc-gia',
    { audience: 'filtered', audienceProvinces: ['ha-noi'] },
    ['ha-noi', 'ha-noi-ba-dinh', 'ha-noi-ngoc-ha', 'quoc-gia'],
  ],
  [
    'a national item for the communes of An Giang',
    'quoc-gia',
    { audience: 'filtered', audienceSiteKinds: ['commune'], audienceProvinces: ['an-giang'] },
    ['an-giang-long-xuyen', 'quoc-gia'],
  ],
  [
    'a national item for ministries and provinces',
    'quoc-gia',
    { audience: 'filtered', audienceSiteKinds: ['ministry', 'province'] },
    ['an-giang', 'bo-tu-phap', 'ha-noi', 'quoc-gia'],
  ],
  [
    'a national item with an empty filter (never nationwide)',
    'quoc-gia',
    { audience: 'filtered' },
    ['quoc-gia'],
  ],
  ['a national item for the portal itself', 'quoc-gia', { audience: 'own_site' }, ['quoc-gia']],
  [
    'a national item for the portal and every site below it',
    'quoc-gia',
    { audience: 'own_and_descendants' },
    ENABLED,
  ],
  [
    'a province’s item for its communes',
    'ha-noi',
    { audience: 'own_and_descendants' },
    ['ha-noi', 'ha-noi-ba-dinh', 'ha-noi-ngoc-ha'],
  ],
  [
    'a province’s item marked “all sites” (only national content crosses provinces)',
    'an-giang',
    { audience: 'all_sites' },
    ['an-giang', 'an-giang-long-xuyen'],
  ],
  ['a commune’s own item', 'ha-noi-ngoc-ha', { audience: 'own_site' }, ['ha-noi-ngoc-ha']],
])(
  '%s is queued for exactly its sites and listed on exactly them',
  async (title, owner, audience, expected) => {
    const documentId = await publishNews(title, owner, audience);
    expect(await dispatch()).toEqual(sorted(expected));
    expect(await sitesListing(documentId)).toEqual(sorted(expected));
    // The disabled province never builds nor lists anything.
    expect(expected).not.toContain('da-nang');
  },
);

test('narrowing a push rebuilds the sites that lose it too, and only the remaining ones still list it', async () => {
  const documentId = await publishNews('Tin quốc gia thu hẹp phạm vi', 'quoc-gia', { audience: 'all_sites' });
  await dispatch();
  await api('PUT', `/api/news-items/${documentId}?locale=vi&status=published`, {
    data: { audience: 'filtered', audienceProvinces: [siteIds.get('an-giang')] },
  });
  expect(await dispatch()).toEqual(ENABLED.slice().sort());
  expect(await sitesListing(documentId)).toEqual(['an-giang', 'an-giang-long-xuyen', 'quoc-gia']);
});

test('an adoption rebuilds the adopting site alone, and that site reads it back; a change to the adopted item rebuilds it too', async () => {
  const documentId = await publishNews('Tin quốc gia cho các tỉnh', 'quoc-gia', {
    audience: 'filtered',
    audienceSiteKinds: ['province'],
  });
  await dispatch();
  const ADOPTIONS = '/content-manager/collection-types/api::site-adoption.site-adoption';
  const adoption = await api(
    'POST',
    ADOPTIONS,
    {
      owningSite: { connect: [{ documentId: siteIds.get('ha-noi') }] },
      targetType: 'news_item',
      targetDocumentId: documentId,
      pinnedOnHome: true,
      localNoteTitle: 'Hà Nội triển khai',
    },
    adminJwt,
  );
  expect(await dispatch()).toEqual(['ha-noi']);
  const read = await client.listSiteAdoptions(['ha-noi', 'an-giang']);
  expect(read).toEqual([
    expect.objectContaining({
      documentId: adoption.documentId,
      owningSite: { code: 'ha-noi' },
      targetType: 'news_item',
      targetDocumentId: documentId,
      pinnedOnHome: true,
      localNoteTitle: 'Hà Nội triển khai',
    }),
  ]);
  await api('PUT', `/api/news-items/${documentId}?locale=vi&status=published`, {
    data: { summary: 'Tóm tắt mới.' },
  });
  expect(await dispatch()).toEqual(['an-giang', 'ha-noi', 'quoc-gia']);
  await api('DELETE', `${ADOPTIONS}/${adoption.documentId as string}`, undefined, adminJwt);
  expect(await dispatch()).toEqual(['ha-noi']);
});
