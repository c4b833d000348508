import { affectedSites, syncRegistry, type SyncSite } from './fanout.js';

const registry = syncRegistry([
  { id: 'quoc-gia', kind: 'national', parentId: null },
  { id: 'bo-tu-phap', kind: 'ministry', parentId: 'quoc-gia' },
  { id: 'ha-noi', kind: 'province', parentId: 'quoc-gia' },
  { id: 'ha-noi-ba-dinh', kind: 'commune', parentId: 'ha-noi' },
  { id: 'ha-noi-ngoc-ha', kind: 'commune', parentId: 'ha-noi' },
  { id: 'ho-chi-minh', kind: 'province', parentId: 'quoc-gia' },
  { id: 'ho-chi-minh-ben-thanh', kind: 'commune', parentId: 'ho-chi-minh' },
  { id: 'da-nang', kind: 'province', parentId: 'quoc-gia', enabled: false },
] satisfies SyncSite[]);
const enabled = [
  'bo-tu-phap',
  'ha-noi',
  'ha-noi-ba-dinh',
  'ha-noi-ngoc-ha',
  'ho-chi-minh',
  'ho-chi-minh-ben-thanh',
  'quoc-gia',
];
const sorted = (set: Set<string>) => [...set].sort();
const editorial = (
  owningSite: string,
  audience: string,
  extra: Partial<{ audienceSiteKinds: string[]; audienceProvinces: string[] }> = {},
) => ({
  kind: 'editorial' as const,
  owningSite,
  audience,
  audienceSiteKinds: extra.audienceSiteKinds ?? [],
  audienceProvinces: extra.audienceProvinces ?? [],
  mandatory: false,
  fields: [],
});

test('a national legal document reaches every enabled site, never a disabled one', () => {
  const sites = affectedSites(
    [{ kind: 'legal-document', scope: 'national', owningSite: 'quoc-gia', scopeSite: null }],
    registry,
  );
  expect(sorted(sites)).toEqual(enabled);
});

test("a province's local document reaches the province and its communes only", () => {
  const sites = affectedSites(
    [{ kind: 'legal-document', scope: 'local', owningSite: 'ha-noi', scopeSite: 'ha-noi' }],
    registry,
  );
  expect(sorted(sites)).toEqual(['ha-noi', 'ha-noi-ba-dinh', 'ha-noi-ngoc-ha']);
});

test("a commune's own item reaches only the commune", () => {
  expect(sorted(affectedSites([editorial('ha-noi-ba-dinh', 'own_site')], registry))).toEqual([
    'ha-noi-ba-dinh',
  ]);
});

test('an item whose audience shrank reaches the sites that lose it as well as those that keep it', () => {
  const sites = affectedSites(
    [editorial('quoc-gia', 'all_sites'), editorial('quoc-gia', 'own_site')],
    registry,
  );
  expect(sorted(sites)).toEqual(enabled);
});

test('a filtered national item reaches the listed kinds within the listed provinces', () => {
  const sites = affectedSites(
    [
      editorial('quoc-gia', 'filtered', {
        audienceSiteKinds: ['commune'],
        audienceProvinces: ['ho-chi-minh'],
      }),
    ],
    registry,
  );
  expect(sorted(sites)).toEqual(['ho-chi-minh-ben-thanh', 'quoc-gia']);
});

test("a province cannot push to another province's communes, whatever its audience says", () => {
  const sites = affectedSites([editorial('ha-noi', 'all_sites')], registry);
  expect(sorted(sites)).toEqual(['ha-noi', 'ha-noi-ba-dinh', 'ha-noi-ngoc-ha']);
});

test("a registry change rebuilds the site, its parent's list of children and its children's link to it", () => {
  expect(sorted(affectedSites([{ kind: 'site', code: 'ha-noi', parent: 'quoc-gia' }], registry))).toEqual([
    'ha-noi',
    'ha-noi-ba-dinh',
    'ha-noi-ngoc-ha',
    'quoc-gia',
  ]);
});

test('a vocabulary change (issuers, fields) reaches every enabled site', () => {
  expect(sorted(affectedSites([{ kind: 'everywhere' }], registry))).toEqual(enabled);
});

test('an adoption rebuilds the adopting site alone; an adopted item also rebuilds its adopters', () => {
  expect(sorted(affectedSites([{ kind: 'adoption', adoptingSite: 'ha-noi-ba-dinh' }], registry))).toEqual([
    'ha-noi-ba-dinh',
  ]);
  // A province's item for its communes, adopted by one of them: the adoption adds nothing new…
  const provinceItem = editorial('ha-noi', 'own_and_descendants');
  expect(
    sorted(affectedSites([provinceItem, { kind: 'adoption', adoptingSite: 'ha-noi-ngoc-ha' }], registry)),
  ).toEqual(['ha-noi', 'ha-noi-ba-dinh', 'ha-noi-ngoc-ha']);
  // …but a national item whose audience no longer reaches its adopter still rebuilds it (the
  // adoption's pages must drop the item), and a disabled adopter is never built.
  expect(
    sorted(
      affectedSites(
        [
          editorial('quoc-gia', 'own_site'),
          { kind: 'adoption', adoptingSite: 'ho-chi-minh' },
          { kind: 'adoption', adoptingSite: 'da-nang' },
        ],
        registry,
      ),
    ),
  ).toEqual(['ho-chi-minh', 'quoc-gia']);
});
