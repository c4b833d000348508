import request from 'supertest';
import { startTestCms, type TestCms } from './harness';
import { createRegistry, indexedLaw } from './fixtures';

/**
 * Strapi 5 keeps relations per locale; the platform promises that a document's facts (number,
 * dates, owning site, scope, issuers, fields) are the same in every locale.
 */
const UID = 'api::legal-document.legal-document';
let cms: TestCms;
let registry: Awaited<ReturnType<typeof createRegistry>>;

beforeAll(async () => {
  cms = await startTestCms('legal_document_locales');
  registry = await createRegistry(cms.strapi);
});
afterAll(async () => {
  await cms?.stop();
});

type Row = Record<string, unknown> & { locale: string; publishedAt: string | null };
const FACTS = [
  'number',
  'documentType',
  'issuedDate',
  'effectiveFrom',
  'effectiveTo',
  'scope',
  'validityStatus',
];

/** The facts of every row of a document, with relations reduced to the targets' codes. */
async function factsByRow(
  documentId: string,
): Promise<Array<{ key: string; facts: Record<string, unknown> }>> {
  const rows = (await cms.strapi.db.query(UID).findMany({
    where: { documentId },
    populate: { owningSite: true, scopeSite: true, issuers: true, fields: true },
  })) as Row[];
  return rows.map((row) => ({
    key: `${row.locale}/${row.publishedAt ? 'published' : 'draft'}`,
    facts: {
      ...Object.fromEntries(FACTS.map((f) => [f, row[f]])),
      owningSite: (row.owningSite as { code: string } | null)?.code ?? null,
      scopeSite: (row.scopeSite as { code: string } | null)?.code ?? null,
      issuers: (row.issuers as Array<{ code: string }>).map((i) => i.code).sort(),
      fields: (row.fields as Array<{ code: string }>).map((i) => i.code).sort(),
    },
  }));
}

function expectSameFactsInEveryLocale(
  rows: Array<{ key: string; facts: Record<string, unknown> }>,
  status: 'draft' | 'published',
) {
  const group = rows.filter((r) => r.key.endsWith(status));
  expect(group.map((r) => r.key.split('/')[0]).sort()).toEqual(['en', 'vi']);
  expect(group[1]!.facts).toEqual(group[0]!.facts);
  return group[0]!.facts;
}

const land = indexedLaw('45/2013/QH13');

test('a new translation inherits the facts of the Vietnamese document', async () => {
  const documents = cms.strapi.documents(UID);
  const { documentId } = (await documents.create({
    locale: 'vi',
    data: {
      number: land.so_hieu,
      documentType: 'law',
      title: land.ten,
      abstract: land.ten,
      issuedDate: land.ngay_ban_hanh,
      effectiveFrom: land.ngay_hieu_luc,
      scope: 'national',
      owningSite: registry.sites.national,
      issuers: [registry.organizations.assembly],
      fields: [registry.fields.land],
    },
  } as never)) as { documentId: string };
  // The English row is created with translated text only.
  await documents.update({
    documentId,
    locale: 'en',
    data: { title: 'Land Law 2013', abstract: 'Land Law 2013' },
  } as never);

  const facts = expectSameFactsInEveryLocale(await factsByRow(documentId), 'draft');
  expect(facts).toMatchObject({
    number: '45/2013/QH13',
    owningSite: 'quoc-gia',
    issuers: ['quoc-hoi'],
    fields: ['bat-dong-san'],
  });
});

test('a fact changed in one locale changes in every locale, drafts and published rows alike', async () => {
  const documents = cms.strapi.documents(UID);
  const [{ documentId }] = (await documents.findMany({
    locale: 'vi',
    filters: { number: land.so_hieu },
  } as never)) as Array<{ documentId: string }>;
  await documents.publish({ documentId, locale: 'vi' } as never);
  await documents.publish({ documentId, locale: 'en' } as never);

  // An editor working in English moves the document to the province and adds an issuer.
  await documents.update({
    documentId,
    locale: 'en',
    data: {
      owningSite: registry.sites.hanoi,
      scope: 'local',
      scopeSite: registry.sites.hanoi,
      issuers: [registry.organizations.assembly, registry.organizations.standing],
      effectiveFrom: '2014-07-02',
    },
  } as never);
  const drafts = expectSameFactsInEveryLocale(await factsByRow(documentId), 'draft');
  expect(drafts).toMatchObject({
    owningSite: 'ha-noi',
    scope: 'local',
    scopeSite: 'ha-noi',
    effectiveFrom: '2014-07-02',
    issuers: ['quoc-hoi', 'uy-ban-thuong-vu-quoc-hoi'],
  });
  // Published rows still agree with each other, on the old facts, until someone publishes.
  const published = expectSameFactsInEveryLocale(await factsByRow(documentId), 'published');
  expect(published).toMatchObject({ owningSite: 'quoc-gia', effectiveFrom: '2014-07-01' });

  await documents.publish({ documentId, locale: 'en' } as never);
  const after = expectSameFactsInEveryLocale(await factsByRow(documentId), 'published');
  expect(after).toMatchObject({ owningSite: 'ha-noi', effectiveFrom: '2014-07-02' });
});

test('REST and GraphQL show the same facts in vi and en', async () => {
  const read = async (locale: string) => {
    const res = await request(cms.http)
      .get('/api/legal-documents')
      .query({
        locale,
        'filters[number][$eq]': land.so_hieu,
        'populate[owningSite]': 'true',
        'populate[issuers]': 'true',
      })
      .expect(200);
    const [doc] = res.body.data;
    return {
      number: doc.number,
      effectiveFrom: doc.effectiveFrom,
      owningSite: doc.owningSite.code,
      issuers: doc.issuers.length,
    };
  };
  expect(await read('en')).toEqual(await read('vi'));

  const query = `query ($locale: I18NLocaleCode) { legalDocuments(locale: $locale) { number issuedDate scopeSite { code } } }`;
  const gql = async (locale: string) =>
    (await request(cms.http).post('/graphql').send({ query, variables: { locale } }).expect(200)).body.data
      .legalDocuments;
  expect(await gql('en')).toEqual(await gql('vi'));
});
