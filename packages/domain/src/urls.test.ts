import { DocumentNumberError, UrlPathError } from './errors.js';
import {
  documentListPath,
  documentPath,
  documentTypeListPath,
  joinBase,
  needsIssuerSegment,
  newlyEffectivePath,
  type DocumentPathInput,
} from './urls.js';

describe('documentPath', () => {
  it.each<[DocumentPathInput, string]>([
    [
      { documentType: 'code', issuedDate: '2019-11-20', number: '45/2019/QH14' },
      'van-ban/bo-luat/2019/45-2019-qh14/',
    ],
    [
      { documentType: 'decree', issuedDate: '2025-01-10', number: '15/2025/NĐ-CP' },
      'van-ban/nghi-dinh/2025/15-2025-nd-cp/',
    ],
    [
      { documentType: 'nasc_resolution', issuedDate: '2025-06-16', number: '1654/NQ-UBTVQH15' },
      'van-ban/nghi-quyet-ubtvqh/2025/1654-nq-ubtvqh15/',
    ],
    [
      { documentType: 'party_document', issuedDate: '2025-04-12', number: '60-NQ/TW' },
      'van-ban/van-kien-dang/2025/60-nq-tw/',
    ],
    [
      {
        documentType: 'provincial_committee_decision',
        issuedDate: '2024-05-10',
        number: '25/2024/QĐ-UBND',
        issuerSymbol: 'ha-noi',
      },
      'van-ban/quyet-dinh-ubnd-tinh/2024/ha-noi/25-2024-qd-ubnd/',
    ],
    [
      {
        documentType: 'commune_council_resolution',
        issuedDate: '2025-09-01',
        number: '12/2025/NQ-HĐND',
        issuerSymbol: 'ha-noi-ba-dinh',
      },
      'van-ban/nghi-quyet-hdnd-xa/2025/ha-noi-ba-dinh/12-2025-nq-hdnd/',
    ],
  ])('cites %j at %s', (input, path) => {
    expect(documentPath(input)).toBe(path);
  });

  it('gives a year-less number the year of its issued date', () => {
    expect(
      documentPath({ documentType: 'pm_decision', issuedDate: '2019-04-26', number: '471/QĐ-TTg' }),
    ).toBe('van-ban/quyet-dinh-ttg/2019/471-qd-ttg/');
  });

  it('refuses a local document without an issuer, since its number repeats in every province', () => {
    const input = {
      documentType: 'provincial_committee_decision',
      issuedDate: '2024-05-10',
      number: '25/2024/QĐ-UBND',
    } as const;
    expect(() => documentPath(input)).toThrow(UrlPathError);
    expect(() => documentPath(input)).toThrow(/needs issuerSymbol/);
  });

  it.each(['Hà Nội', '1-ha-noi', 'ha--noi', 'ha/noi'])('refuses the issuer segment %j', (issuerSymbol) => {
    expect(() =>
      documentPath({ documentType: 'law', issuedDate: '2019-11-20', number: '45/2019/QH14', issuerSymbol }),
    ).toThrow(UrlPathError);
  });

  it('refuses an unreadable number', () => {
    expect(() =>
      documentPath({ documentType: 'constitution', issuedDate: '2013-11-28', number: 'N/A' }),
    ).toThrow(DocumentNumberError);
  });
});

describe('needsIssuerSegment', () => {
  it.each([
    ['law', '45/2019/QH14', false],
    ['circular', '01/2025/TT-BTP', false],
    ['provincial_council_resolution', '12/2025/NQ-HĐND', true],
    ['plan', '123/KH-UBND', true],
    ['plan', '45/KH-BTP', false],
  ] as const)('says %s %s needs an issuer: %s', (type, number, expected) => {
    expect(needsIssuerSegment(type, number)).toBe(expected);
  });
});

describe('list paths', () => {
  it('names the document list, a type list and the newly effective list in Vietnamese', () => {
    expect(documentListPath()).toBe('van-ban/');
    expect(documentTypeListPath('law')).toBe('van-ban/luat/');
    expect(newlyEffectivePath()).toBe('van-ban-moi-co-hieu-luc/');
  });
});

describe('joinBase', () => {
  it.each([
    ['/ha-noi/', 'van-ban/', '/ha-noi/van-ban/'],
    ['/ha-noi', 'van-ban', '/ha-noi/van-ban/'],
    ['/ha-noi//', '//van-ban//luat', '/ha-noi/van-ban/luat/'],
    ['/', 'van-ban/', '/van-ban/'],
    ['', 'van-ban/', '/van-ban/'],
    ['/ha-noi/', '', '/ha-noi/'],
    ['', '', '/'],
    ['/ha-noi/', 'feed.xml', '/ha-noi/feed.xml'],
    ['/ha-noi/', 'van-ban/?trang=2', '/ha-noi/van-ban/?trang=2'],
    ['/ha-noi/', 'van-ban#loc', '/ha-noi/van-ban/#loc'],
    ['https://pbgdpl.gov.vn/ha-noi', 'van-ban/', 'https://pbgdpl.gov.vn/ha-noi/van-ban/'],
    ['https://pbgdpl.gov.vn', '', 'https://pbgdpl.gov.vn/'],
  ])('joins %j and %j into %j', (base, relative, expected) => {
    expect(joinBase(base, relative)).toBe(expected);
  });

  it.each(['../quoc-gia/', 'van-ban/./luat/'])('refuses %j, which could leave the site', (relative) => {
    expect(() => joinBase('/ha-noi/', relative)).toThrow(UrlPathError);
  });

  it('joins a base and a document path into the URL a citizen follows', () => {
    const path = documentPath({ documentType: 'code', issuedDate: '2019-11-20', number: '45/2019/QH14' });
    expect(joinBase('/quoc-gia/', path)).toBe('/quoc-gia/van-ban/bo-luat/2019/45-2019-qh14/');
  });
});
