import type { DocumentSummary } from '../contract/snapshot-format.js';
import { facetValues, listingPages, statusSlug } from './facets.js';

function summary(over: Partial<DocumentSummary> & Pick<DocumentSummary, 'documentId'>): DocumentSummary {
  return {
    number: `${over.documentId}/2020/QH14`,
    documentType: 'law',
    title: `Luật ${over.documentId}`,
    issuedDate: '2020-06-17',
    effectiveFrom: '2021-01-01',
    effectiveTo: null,
    validityStatus: 'in_force',
    scope: 'national',
    issuerNames: ['Quốc hội'],
    issuers: [{ code: 'quoc-hoi', name: 'Quốc hội' }],
    fields: [],
    path: `van-ban/luat/2020/${over.documentId}/`,
    ...over,
  };
}

const DOCS = [
  summary({ documentId: 'a', fields: [{ code: 'doanh-nghiep', name: 'Doanh nghiệp' }] }),
  summary({
    documentId: 'b',
    documentType: 'code',
    issuedDate: '2019-11-20',
    fields: [
      { code: 'lao-dong', name: 'Lao động' },
      { code: 'doanh-nghiep', name: 'Doanh nghiệp' },
    ],
  }),
  summary({ documentId: 'c', validityStatus: 'expired', issuedDate: '2014-11-26' }),
  summary({
    documentId: 'd',
    validityStatus: null,
    documentType: 'nasc_resolution',
    issuers: [{ code: 'ubtvqh', name: 'Ủy ban Thường vụ Quốc hội' }],
  }),
];

describe('the document browser’s facets', () => {
  const values = facetValues(DOCS);

  it('groups by type under the citable type path, in the vocabulary’s order, with labels', () => {
    expect(values.type.map((v) => [v.path, v.label, v.documents.length])).toEqual([
      ['van-ban/bo-luat/', 'Bộ luật', 1],
      ['van-ban/luat/', 'Luật', 2],
      ['van-ban/nghi-quyet-ubtvqh/', 'Nghị quyết của Ủy ban Thường vụ Quốc hội', 1],
    ]);
  });

  it('groups by validity status with Vietnamese slugs, an unknown status included', () => {
    expect(values.status.map((v) => [v.path, v.label, v.documents.length])).toEqual([
      ['van-ban/hieu-luc/con-hieu-luc/', 'Còn hiệu lực', 2],
      ['van-ban/hieu-luc/het-hieu-luc-toan-bo/', 'Hết hiệu lực toàn bộ', 1],
      ['van-ban/hieu-luc/chua-xac-dinh/', 'Chưa xác định', 1],
    ]);
    expect(statusSlug('partly_suspended')).toBe('ngung-hieu-luc-mot-phan');
  });

  it('groups by field and issuer (a document in two fields is in both), most documents first', () => {
    expect(values.field.map((v) => [v.path, v.documents.map((d) => d.documentId)])).toEqual([
      ['van-ban/linh-vuc/doanh-nghiep/', ['a', 'b']],
      ['van-ban/linh-vuc/lao-dong/', ['b']],
    ]);
    expect(values.issuer.map((v) => [v.path, v.documents.length])).toEqual([
      ['van-ban/co-quan/quoc-hoi/', 3],
      ['van-ban/co-quan/ubtvqh/', 1],
    ]);
  });

  it('groups by year of issue, newest first', () => {
    expect(values.year.map((v) => [v.path, v.documents.length])).toEqual([
      ['van-ban/nam/2020/', 2],
      ['van-ban/nam/2019/', 1],
      ['van-ban/nam/2014/', 1],
    ]);
  });

  it('gives two issuer codes that fold to one slug distinct paths', () => {
    const clash = facetValues([
      summary({ documentId: 'x', issuers: [{ code: 'Bộ Tư pháp', name: 'Bộ Tư pháp' }] }),
      summary({ documentId: 'y', issuers: [{ code: 'bo-tu-phap', name: 'Bộ Tư Pháp' }] }),
    ]);
    expect(clash.issuer.map((v) => v.slug).sort()).toEqual(['bo-tu-phap', 'bo-tu-phap-2']);
  });

  it('keeps each listing in archive pages like van-ban/', () => {
    const many = Array.from({ length: 120 }, (_, i) => summary({ documentId: `n${i}` }));
    const pages = listingPages(many, 50);
    const paths = pages.map((p) => p.page.path);
    expect(paths).toContain('van-ban/');
    expect(paths).toContain('van-ban/trang-1/');
    expect(paths).toContain('van-ban/luat/trang-1/');
    expect(paths).toContain('van-ban/nam/2020/trang-1/');
    expect(new Set(paths).size).toBe(paths.length);
    // 2 pages for van-ban/ and for each of its 4 single-value facets (type, status, issuer, year).
    expect(pages).toHaveLength(10);
    expect(pages.find((p) => p.page.path === 'van-ban/luat/')?.page.documents).toHaveLength(70);
    expect(pages.find((p) => p.page.path === 'van-ban/luat/trang-1/')?.page.documents).toHaveLength(50);
  });

  it('gives two issuer codes that fold to one slug the same paths whatever their counts', () => {
    const one = summary({ documentId: 'a', issuers: [{ code: 'bo-tu-phap', name: 'Bộ Tư Pháp' }] });
    const other = (id: string) =>
      summary({ documentId: id, issuers: [{ code: 'Bộ Tư pháp', name: 'Bộ Tư pháp' }] });
    const slugs = (docs: DocumentSummary[]) =>
      Object.fromEntries(facetValues(docs).issuer.map((v) => [v.label, v.slug]));
    expect(slugs([one, other('b')])).toEqual(slugs([one, other('b'), other('c'), other('d')]));
  });
});
