import { indexRegistry, type RegistrySite } from './registry.js';
import {
  placementOnSite,
  reachedSites,
  type SyndicatedItem,
  type SyndicationContext,
} from './syndication.js';

const sites: RegistrySite[] = [
  { id: 'quoc-gia', kind: 'national', parentId: null },
  { id: 'bo-tu-phap', kind: 'ministry', parentId: 'quoc-gia' },
  { id: 'bo-giao-duc', kind: 'ministry', parentId: 'quoc-gia' },
  { id: 'ha-noi', kind: 'province', parentId: 'quoc-gia' },
  { id: 'ha-noi-ba-dinh', kind: 'commune', parentId: 'ha-noi' },
  { id: 'ha-noi-hoan-kiem', kind: 'commune', parentId: 'ha-noi' },
  { id: 'an-giang', kind: 'province', parentId: 'quoc-gia' },
  { id: 'an-giang-long-xuyen', kind: 'commune', parentId: 'an-giang' },
  { id: 'an-giang-cu', kind: 'commune', parentId: 'an-giang', enabled: false },
];
const context: SyndicationContext = {
  registry: indexRegistry(sites),
  // Hoàn Kiếm does not cover land law (and everything under the real-estate sector).
  optedOutFieldIds: (site) => (site === 'ha-noi-hoan-kiem' ? ['bat-dong-san'] : []),
  fieldParentOf: (field) => (field === 'dat-dai' ? 'bat-dong-san' : null),
};
const item = (over: Partial<SyndicatedItem>): SyndicatedItem => ({
  owningSiteId: 'quoc-gia',
  audience: 'all_sites',
  ...over,
});

describe('reachedSites', () => {
  it('pushes national content to every enabled site', () => {
    expect(reachedSites(item({}), context)).toEqual(
      sites.filter((s) => s.enabled !== false).map((s) => s.id),
    );
  });

  it("keeps a province's own-and-descendants item within its communes", () => {
    expect(reachedSites(item({ owningSiteId: 'ha-noi', audience: 'own_and_descendants' }), context)).toEqual([
      'ha-noi',
      'ha-noi-ba-dinh',
      'ha-noi-hoan-kiem',
    ]);
  });

  it('never lets a province push beyond its own communes, even with "all sites"', () => {
    const reached = reachedSites(item({ owningSiteId: 'ha-noi', audience: 'all_sites' }), context);
    expect(reached).toEqual(['ha-noi', 'ha-noi-ba-dinh', 'ha-noi-hoan-kiem']);
    expect(reached).not.toContain('an-giang-long-xuyen');
  });

  it('keeps an own-site item on its owner', () => {
    expect(reachedSites(item({ owningSiteId: 'ha-noi-ba-dinh', audience: 'own_site' }), context)).toEqual([
      'ha-noi-ba-dinh',
    ]);
  });

  it('filters national content by site kind and by province', () => {
    expect(reachedSites(item({ audience: 'filtered', audienceSiteKinds: ['ministry'] }), context)).toEqual([
      'quoc-gia',
      'bo-tu-phap',
      'bo-giao-duc',
    ]);
    expect(
      reachedSites(
        item({ audience: 'filtered', audienceSiteKinds: ['commune'], audienceProvinceIds: ['an-giang'] }),
        context,
      ),
    ).toEqual(['quoc-gia', 'an-giang-long-xuyen']);
    expect(reachedSites(item({ audience: 'filtered', audienceProvinceIds: ['ha-noi'] }), context)).toEqual([
      'quoc-gia',
      'ha-noi',
      'ha-noi-ba-dinh',
      'ha-noi-hoan-kiem',
    ]);
  });

  it('adds no site for a filtered audience with no criteria', () => {
    expect(reachedSites(item({ audience: 'filtered' }), context)).toEqual(['quoc-gia']);
  });

  it('reaches nothing without an owner', () => {
    expect(reachedSites(item({ owningSiteId: null }), context)).toEqual([]);
    expect(reachedSites(item({ owningSiteId: 'gone' }), context)).toEqual([]);
  });
});

describe('placementOnSite', () => {
  it('drops an item on a site that opted out of all its fields, sub-fields included', () => {
    expect(placementOnSite(item({ fieldIds: ['dat-dai'] }), 'ha-noi-hoan-kiem', context)).toEqual({
      appears: false,
      why: 'opted_out',
    });
    expect(placementOnSite(item({ fieldIds: ['dat-dai'] }), 'ha-noi-ba-dinh', context)).toEqual({
      appears: true,
      as: 'syndicated',
    });
  });

  it('keeps an item that still has a field the site covers', () => {
    expect(
      placementOnSite(item({ fieldIds: ['dat-dai', 'lao-dong'] }), 'ha-noi-hoan-kiem', context).appears,
    ).toBe(true);
  });

  it('shows mandatory items despite opt-outs, and the owner its own items', () => {
    expect(
      placementOnSite(item({ fieldIds: ['dat-dai'], mandatory: true }), 'ha-noi-hoan-kiem', context).appears,
    ).toBe(true);
    expect(
      placementOnSite(
        item({ owningSiteId: 'ha-noi-hoan-kiem', fieldIds: ['dat-dai'] }),
        'ha-noi-hoan-kiem',
        context,
      ),
    ).toEqual({ appears: true, as: 'own' });
  });

  it('shows nothing on disabled or unknown sites', () => {
    expect(placementOnSite(item({}), 'an-giang-cu', context)).toEqual({
      appears: false,
      why: 'site_disabled',
    });
    expect(placementOnSite(item({}), 'nowhere', context)).toEqual({ appears: false, why: 'unknown_site' });
  });

  it('says why a province item is missing from another province', () => {
    expect(
      placementOnSite(item({ owningSiteId: 'ha-noi', audience: 'all_sites' }), 'an-giang', context),
    ).toEqual({
      appears: false,
      why: 'not_in_audience',
    });
  });
});
