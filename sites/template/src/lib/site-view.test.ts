import type { DocumentRelation } from '@pbgdpl/content-client';
import type { DocumentSummary, RunManifest } from '../contract/snapshot-format.js';
import {
  RECENT_FALLBACK_COUNT,
  archivePages,
  listPages,
  newlyEffective,
  relationViews,
  siteLinks,
} from './site-view.js';

const run: RunManifest = {
  formatVersion: 1,
  generatedAt: '2026-11-28T00:00:00Z',
  asOf: '2026-11-28',
  cmsEndpoint: 'http://127.0.0.1:1337/graphql',
  newlyEffectiveWindowDays: 90,
  listPageSize: 2,
};

function doc(
  number: string,
  effectiveFrom: string | null,
  validityStatus: DocumentSummary['validityStatus'] = 'in_force',
): DocumentSummary {
  return {
    documentId: `id-${number}`,
    number,
    documentType: 'law',
    title: `Luật ${number}`,
    issuedDate: '2020-01-01',
    effectiveFrom,
    effectiveTo: null,
    validityStatus,
    scope: 'national',
    issuerNames: ['Quốc hội'],
    issuers: [{ code: 'quoc-hoi', name: 'Quốc hội' }],
    fields: [],
    path: `van-ban/luat/2020/${number}/`,
  };
}

describe('links under the site’s base path', () => {
  it('builds every link from basePath, ending directories with a slash', () => {
    expect(siteLinks({ basePath: '/ha-noi/' })).toEqual({
      home: '/ha-noi/',
      documents: '/ha-noi/van-ban/',
      newlyEffective: '/ha-noi/van-ban-moi-co-hieu-luc/',
      about: '/ha-noi/gioi-thieu/',
      children: '/ha-noi/don-vi-truc-thuoc/',
      stylesheet: '/ha-noi/site.css',
    });
  });
});

describe('newly effective documents (C-1)', () => {
  it('lists documents effective in the last 90 days, newest first', () => {
    const view = newlyEffective(
      [doc('a', '2026-09-01'), doc('b', '2026-11-01'), doc('old', '2020-01-01')],
      run,
    );
    expect(view.mode).toBe('window');
    expect(view.documents.map((d) => d.number)).toEqual(['b', 'a']);
  });

  it('falls back, and says so, to the most recently effective documents still in force when none are new', () => {
    const docs = [
      doc('2019', '2019-01-01'),
      doc('2021', '2021-01-01'),
      doc('gone', '2022-01-01', 'expired'),
      doc('future', '2027-01-01'),
    ];
    const view = newlyEffective(docs, run);
    expect(view.mode).toBe('fallback');
    expect(view.documents.map((d) => d.number)).toEqual(['2021', '2019']);
  });

  it('caps the fallback list', () => {
    const docs = Array.from({ length: 30 }, (_, i) =>
      doc(`d${i}`, `2020-01-${String(i + 1).padStart(2, '0')}`),
    );
    expect(newlyEffective(docs, run).documents).toHaveLength(RECENT_FALLBACK_COUNT);
  });
});

describe('an evenly paginated list (child sites)', () => {
  it('puts page 1 at its folder and later pages at trang-N/', () => {
    const pages = listPages([doc('a', null), doc('b', null), doc('c', null)], 2);
    expect(pages.map((p) => [p.path, p.documents.length])).toEqual([
      ['van-ban/', 2],
      ['van-ban/trang-2/', 1],
    ]);
  });

  it('still has one page when the site has no documents', () => {
    expect(listPages([], 50)).toEqual([{ number: 1, path: 'van-ban/', documents: [] }]);
  });
});

describe('a dated list in archive pages', () => {
  /** Items named by their arrival, newest first, as lists hold them. */
  const arrived = (count: number) => Array.from({ length: count }, (_, i) => `n${count - i}`);
  const shape = (items: string[]) =>
    archivePages(items, 10, 'van-ban/').map((p) => [p.path, p.documents.length, p.newer, p.older]);

  it('keeps everything on the first page until it holds two pages’ worth', () => {
    expect(shape(arrived(19))).toEqual([['van-ban/', 19, null, null]]);
    expect(archivePages([], 10, 'van-ban/')).toEqual([
      { number: 0, path: 'van-ban/', documents: [], newer: null, older: null },
    ]);
  });

  it('numbers archive pages from the oldest, each full, and links them both ways', () => {
    expect(shape(arrived(35))).toEqual([
      ['van-ban/', 15, null, 'van-ban/trang-2/'],
      ['van-ban/trang-1/', 10, 'van-ban/trang-2/', null],
      ['van-ban/trang-2/', 10, 'van-ban/', 'van-ban/trang-1/'],
    ]);
    const pages = archivePages(arrived(35), 10, 'van-ban/');
    expect(pages[1]!.documents).toEqual(arrived(10));
  });

  it('changes only the first page when a new item arrives, until it hands on a full page', () => {
    const before = archivePages(arrived(35), 10, 'van-ban/');
    const after = archivePages(arrived(36), 10, 'van-ban/');
    expect(after.slice(1)).toEqual(before.slice(1));
    expect(after[0]!.documents).toEqual(['n36', ...before[0]!.documents]);
    const handedOn = archivePages(arrived(40), 10, 'van-ban/');
    expect(handedOn.map((p) => p.path)).toEqual([
      'van-ban/',
      'van-ban/trang-1/',
      'van-ban/trang-2/',
      'van-ban/trang-3/',
    ]);
    expect(handedOn[1]).toEqual(before[1]);
  });

  it('shows each item once when followed from the first page to the oldest', () => {
    const items = arrived(57);
    const pages = new Map(archivePages(items, 10, 'van-ban/').map((p) => [p.path, p]));
    const seen: string[] = [];
    for (let path: string | null = 'van-ban/'; path; path = pages.get(path)!.older)
      seen.push(...pages.get(path)!.documents);
    expect(seen).toEqual(items);
  });
});

describe('relations seen from one document', () => {
  const relation: DocumentRelation = {
    documentId: 'r1',
    sourceNumber: '45/2019/QH14',
    kind: 'replaces',
    targetNumber: '10/2012/QH13',
    sourceDocumentId: 'new',
    targetDocumentId: 'old',
    partial: false,
    affectedPart: null,
    effectiveDate: '2021-01-01',
    note: null,
  };

  it('labels the relation from each side with RELATION_KIND_LABELS', () => {
    expect(relationViews('new', [relation])).toMatchObject([
      { direction: 'outgoing', label: 'Thay thế', otherNumber: '10/2012/QH13' },
    ]);
    expect(relationViews('old', [relation])).toMatchObject([
      { direction: 'incoming', label: 'Được thay thế bởi', otherNumber: '45/2019/QH14' },
    ]);
  });

  it('lists what acts on the document before what it acts on', () => {
    const outgoing = {
      ...relation,
      documentId: 'r2',
      sourceDocumentId: 'x',
      targetDocumentId: 'y',
      sourceNumber: 'x',
      targetNumber: 'y',
    };
    const views = relationViews('x', [outgoing, { ...relation, targetDocumentId: 'x' }]);
    expect(views.map((v) => v.direction)).toEqual(['incoming', 'outgoing']);
  });
});
