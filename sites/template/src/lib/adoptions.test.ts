import type { AdoptionNote, SiteItemRef } from '../contract/snapshot-format.js';
import { homeSectionItems } from './adoptions.js';

const ref = (documentId: string, adoption?: Partial<AdoptionNote>): { ref: SiteItemRef } => ({
  ref: {
    documentId,
    path: `tin-tuc/${documentId}/`,
    source: adoption ? { name: 'Cổng PBGDPL quốc gia', url: `/quoc-gia/tin-tuc/${documentId}/` } : null,
    ...(adoption
      ? { adoption: { pinned: true, position: null, noteTitle: null, note: null, ...adoption } }
      : {}),
  },
});
const ids = (items: Array<{ ref: SiteItemRef }>) => items.map((i) => i.ref.documentId);

describe('the home page’s latest items of a section', () => {
  it('keeps the list order when nothing is pinned', () => {
    expect(ids(homeSectionItems([ref('a'), ref('b'), ref('c'), ref('d')], 3))).toEqual(['a', 'b', 'c']);
  });

  it('puts the pinned adoptions first, by position (none last), even when older than the rest', () => {
    const items = [ref('a'), ref('b'), ref('c', { position: 2 }), ref('d', {}), ref('e', { position: 1 })];
    expect(ids(homeSectionItems(items, 3))).toEqual(['e', 'c', 'd']);
    expect(ids(homeSectionItems(items, 10))).toEqual(['e', 'c', 'd', 'a', 'b']);
  });

  it('leaves an adoption that is not pinned in its place in the list', () => {
    expect(ids(homeSectionItems([ref('a'), ref('b', { pinned: false }), ref('c')], 3))).toEqual([
      'a',
      'b',
      'c',
    ]);
  });
});
