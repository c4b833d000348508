import { indexRegistry, type RegistrySite } from './registry.js';
import { inScope, mayLinkTo, writeScope } from './scope.js';

const sites: RegistrySite[] = [
  { id: 'quoc-gia', kind: 'national', parentId: null },
  { id: 'bo-tu-phap', kind: 'ministry', parentId: 'quoc-gia' },
  { id: 'ha-noi', kind: 'province', parentId: 'quoc-gia' },
  { id: 'ha-noi-ba-dinh', kind: 'commune', parentId: 'ha-noi' },
  { id: 'ha-noi-hoan-kiem', kind: 'commune', parentId: 'ha-noi' },
  { id: 'an-giang', kind: 'province', parentId: 'quoc-gia' },
  { id: 'an-giang-long-xuyen', kind: 'commune', parentId: 'an-giang' },
];
const registry = indexRegistry(sites);

const ids = (scope: ReturnType<typeof writeScope>) =>
  scope.kind === 'all' ? 'all' : [...scope.siteIds].sort();

describe('writeScope', () => {
  it('gives the super admin and the national administrator every site', () => {
    expect(writeScope({ roleCodes: ['strapi-super-admin'], memberSiteIds: [], registry })).toEqual({
      kind: 'all',
    });
    expect(writeScope({ roleCodes: ['pbgdpl-national-admin'], memberSiteIds: [], registry }).kind).toBe(
      'all',
    );
  });

  it('gives a unit editor exactly the sites they are a member of', () => {
    expect(
      ids(writeScope({ roleCodes: ['pbgdpl-unit-editor'], memberSiteIds: ['ha-noi'], registry })),
    ).toEqual(['ha-noi']);
  });

  it("gives a province's unit administrator its communes too", () => {
    expect(
      ids(writeScope({ roleCodes: ['pbgdpl-unit-admin'], memberSiteIds: ['ha-noi'], registry })),
    ).toEqual(['ha-noi', 'ha-noi-ba-dinh', 'ha-noi-hoan-kiem']);
  });

  it('does not let a unit administrator of the national site cascade to the whole country', () => {
    expect(
      ids(writeScope({ roleCodes: ['pbgdpl-unit-admin'], memberSiteIds: ['quoc-gia'], registry })),
    ).toEqual(['quoc-gia']);
  });

  it('gives a national editor the national site without a membership', () => {
    expect(ids(writeScope({ roleCodes: ['pbgdpl-national-editor'], memberSiteIds: [], registry }))).toEqual([
      'quoc-gia',
    ]);
  });

  it('gives roles it does not know nothing beyond memberships, and no roles no sites', () => {
    expect(ids(writeScope({ roleCodes: ['strapi-editor'], memberSiteIds: [], registry }))).toEqual([]);
    expect(ids(writeScope({ roleCodes: [null, 'x'], memberSiteIds: ['bo-tu-phap'], registry }))).toEqual([
      'bo-tu-phap',
    ]);
  });
});

describe('inScope and mayLinkTo', () => {
  const commune = writeScope({
    roleCodes: ['pbgdpl-unit-editor'],
    memberSiteIds: ['ha-noi-ba-dinh'],
    registry,
  });

  it('refuses items of another site and items with no owner', () => {
    expect(inScope(commune, 'ha-noi-ba-dinh')).toBe(true);
    expect(inScope(commune, 'ha-noi-hoan-kiem')).toBe(false);
    expect(inScope(commune, null)).toBe(false);
    expect(inScope({ kind: 'all' }, null)).toBe(true);
  });

  it('lets a unit link to its own drafts and to published national items only', () => {
    expect(
      mayLinkTo(commune, { owningSiteId: 'ha-noi-ba-dinh', owningSiteKind: 'commune', published: false }),
    ).toBe(true);
    expect(
      mayLinkTo(commune, { owningSiteId: 'quoc-gia', owningSiteKind: 'national', published: true }),
    ).toBe(true);
    expect(
      mayLinkTo(commune, { owningSiteId: 'quoc-gia', owningSiteKind: 'national', published: false }),
    ).toBe(false);
    expect(mayLinkTo(commune, { owningSiteId: 'ha-noi', owningSiteKind: 'province', published: true })).toBe(
      false,
    );
  });
});
