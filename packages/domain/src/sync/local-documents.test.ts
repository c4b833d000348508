import { indexRegistry } from '../federation/registry.js';
import { localScopeSites, showsLocalDocument, sitesShowingLocalDocument } from './local-documents.js';

// A province with two communes, another province, the national portal (ids are site codes).
const SITES = [
  { id: 'quoc-gia', kind: 'national' as const, parentId: null },
  { id: 'ha-noi', kind: 'province' as const, parentId: 'quoc-gia' },
  { id: 'ha-noi-ba-dinh', kind: 'commune' as const, parentId: 'ha-noi' },
  { id: 'ha-noi-hoan-kiem', kind: 'commune' as const, parentId: 'ha-noi' },
  { id: 'ho-chi-minh', kind: 'province' as const, parentId: 'quoc-gia' },
];
const registry = indexRegistry(SITES);
const asListed = (id: string) => {
  const site = registry.get(id)!;
  return { code: site.id, parent: site.parentId ? { code: site.parentId } : null };
};
const DOCUMENTS = [
  { owningSite: 'ha-noi', scopeSite: 'ha-noi' }, // a province's resolution for its area
  { owningSite: 'ha-noi-ba-dinh', scopeSite: 'ha-noi-ba-dinh' }, // a commune's own decision
  { owningSite: 'ha-noi-ba-dinh', scopeSite: null }, // owned, no area recorded
  { owningSite: null, scopeSite: 'ho-chi-minh' }, // an area without an owner
  { owningSite: 'ho-chi-minh', scopeSite: 'ha-noi' }, // owned by one province, for another's area
];

describe('which sites show a local document', () => {
  it('lists for a site the documents scoped to it or its parent', () => {
    expect(localScopeSites(asListed('ha-noi-ba-dinh'))).toEqual(['ha-noi-ba-dinh', 'ha-noi']);
    expect(localScopeSites(asListed('quoc-gia'))).toEqual(['quoc-gia']);
  });

  it('reaches a province resolution on the province and each of its communes, nowhere else', () => {
    expect(sitesShowingLocalDocument(DOCUMENTS[0]!, registry).sort()).toEqual([
      'ha-noi',
      'ha-noi-ba-dinh',
      'ha-noi-hoan-kiem',
    ]);
  });

  it.each(DOCUMENTS)(
    'reads the same both ways: the sites a change rebuilds are those that list %o',
    (document) => {
      const listing = SITES.map((s) => s.id).filter((id) => showsLocalDocument(asListed(id), document));
      expect(sitesShowingLocalDocument(document, registry).sort()).toEqual(listing.sort());
    },
  );
});
