import { assignDocumentPaths } from './document-paths.js';

const base = { owningSite: null, scopeSite: null, issuedDate: '2019-11-20' };

describe('document paths of a run', () => {
  it('gives each document its citable path from @pbgdpl/domain', () => {
    const paths = assignDocumentPaths(
      [{ ...base, documentId: 'a', documentType: 'code', number: '45/2019/QH14' }],
      () => {},
    );
    expect(paths.get('a')).toBe('van-ban/bo-luat/2019/45-2019-qh14/');
  });

  it('adds the owning site as issuer segment for locally numbered documents', () => {
    const doc = {
      ...base,
      documentId: 'a',
      documentType: 'provincial_committee_decision' as const,
      number: '25/2024/QĐ-UBND',
      issuedDate: '2024-05-01',
      owningSite: {
        documentId: 's',
        code: 'ha-noi',
        name: 'Hà Nội',
        kind: 'province' as const,
        basePath: '/ha-noi/',
        enabled: true,
      },
    };
    expect(assignDocumentPaths([doc], () => {}).get('a')).toMatch(
      /^van-ban\/quyet-dinh-ubnd-tinh\/2024\/ha-noi\//,
    );
  });

  it('publishes a document whose number cannot be parsed, or whose path is taken, by id — with a warning', () => {
    const warnings: string[] = [];
    const paths = assignDocumentPaths(
      [
        { ...base, documentId: 'b', documentType: 'law', number: '45/2019/QH14' },
        { ...base, documentId: 'a', documentType: 'law', number: '45/2019/QH14' },
        { ...base, documentId: 'c', documentType: 'law', number: '???' },
      ],
      (m) => warnings.push(m),
    );
    expect(paths.get('a')).toBe('van-ban/luat/2019/45-2019-qh14/');
    expect(paths.get('b')).toBe('van-ban/id/b/');
    expect(paths.get('c')).toBe('van-ban/id/c/');
    expect(warnings).toHaveLength(2);
  });

  it('gives a national document its citable path whatever local documents share the run', () => {
    const national = {
      ...base,
      documentId: 'z',
      documentType: 'law' as const,
      number: '45/2019/QH14',
      scope: 'national' as const,
    };
    const local = {
      ...base,
      documentId: 'a',
      documentType: 'law' as const,
      number: '45/2019/QH14',
      scope: 'local' as const,
    };
    expect(assignDocumentPaths([national], () => {}).get('z')).toBe('van-ban/luat/2019/45-2019-qh14/');
    const paths = assignDocumentPaths([local, national], () => {});
    expect(paths.get('z')).toBe('van-ban/luat/2019/45-2019-qh14/');
    expect(paths.get('a')).toBe('van-ban/id/a/');
  });
});
