import request from 'supertest';
import { startTestCms, type TestCms } from './harness';
import { censusAct, createRegistry } from './fixtures';

const UID = 'api::legal-document.legal-document';
let cms: TestCms;
let registry: Awaited<ReturnType<typeof createRegistry>>;

beforeAll(async () => {
  cms = await startTestCms('legal_document_api');
  registry = await createRegistry(cms.strapi);
});
afterAll(async () => {
  await cms?.stop();
});

const labourCode = censusAct('45/2019/QH14');

async function createLabourCode(status: 'published' | 'draft' = 'published') {
  const documents = cms.strapi.documents(UID);
  const vi = (await documents.create({
    locale: 'vi',
    status,
    data: {
      number: labourCode.official_number,
      documentType: 'code',
      title: labourCode.title,
      abstract: labourCode.title,
      issuedDate: labourCode.issued_date,
      effectiveFrom: labourCode.in_force_date,
      scope: 'national',
      issuers: [registry.organizations.assembly],
      fields: [registry.fields.labour],
      owningSite: registry.sites.national,
    },
  } as never)) as { documentId: string };
  await documents.update({
    documentId: vi.documentId,
    locale: 'en',
    data: { title: labourCode.title_en, abstract: labourCode.description },
  } as never);
  if (status === 'published') await documents.publish({ documentId: vi.documentId, locale: 'en' } as never);
  return vi.documentId;
}

const GRAPHQL_QUERY = `query ($number: String!, $locale: I18NLocaleCode) {
  legalDocuments(locale: $locale, filters: { number: { eq: $number } }) {
    documentId locale number title abstract issuedDate effectiveFrom validityStatus validityBasis
    owningSite { code } issuers { code } fields { code }
  }
}`;

describe('a legal document published through the Document Service', () => {
  let documentId: string;
  beforeAll(async () => {
    documentId = await createLabourCode();
  });

  test.each([
    ['vi', labourCode.title],
    ['en', labourCode.title_en],
  ])('reads back over REST in %s with its own title and the shared facts', async (locale, title) => {
    const res = await request(cms.http)
      .get('/api/legal-documents')
      .query({
        locale,
        'filters[number][$eq]': labourCode.official_number,
        'populate[owningSite]': 'true',
        'populate[issuers]': 'true',
      })
      .expect(200);
    expect(res.body.data).toHaveLength(1);
    const doc = res.body.data[0];
    expect(doc).toMatchObject({
      documentId,
      locale,
      title,
      number: '45/2019/QH14',
      issuedDate: '2019-11-20',
      effectiveFrom: '2021-01-01',
      validityStatus: 'in_force',
    });
    expect(doc.owningSite.code).toBe('quoc-gia');
    expect(doc.issuers.map((i: { code: string }) => i.code)).toEqual(['quoc-hoi']);
  });

  test.each([
    ['vi', labourCode.title],
    ['en', labourCode.title_en],
  ])('reads back over GraphQL in %s', async (locale, title) => {
    const res = await request(cms.http)
      .post('/graphql')
      .send({ query: GRAPHQL_QUERY, variables: { number: '45/2019/QH14', locale } })
      .expect(200);
    expect(res.body.errors).toBeUndefined();
    const [doc] = res.body.data.legalDocuments;
    expect(doc).toMatchObject({
      documentId,
      locale,
      title,
      effectiveFrom: '2021-01-01',
      validityStatus: 'in_force',
    });
    expect(doc.owningSite).toEqual({ code: 'quoc-gia' });
    expect(doc.fields).toEqual([{ code: 'lao-dong-tien-luong' }]);
  });
});

describe('the public API', () => {
  test('does not show drafts', async () => {
    const draftId = await cms.strapi
      .documents(UID)
      .create({
        locale: 'vi',
        data: {
          number: '31/2024/QH15',
          documentType: 'law',
          title: censusAct('31/2024/QH15').title,
          abstract: censusAct('31/2024/QH15').title,
          issuedDate: '2024-01-18',
          scope: 'national',
          owningSite: registry.sites.national,
        },
      } as never)
      .then((d) => (d as { documentId: string }).documentId);
    const res = await request(cms.http).get(`/api/legal-documents/${draftId}`);
    expect(res.status).toBe(404);
    const list = await request(cms.http)
      .get('/api/legal-documents')
      .query({ 'filters[number][$eq]': '31/2024/QH15' })
      .expect(200);
    expect(list.body.data).toEqual([]);
  });

  test('refuses writes from anonymous clients', async () => {
    const res = await request(cms.http)
      .post('/api/legal-documents')
      .send({ data: { number: 'x' } });
    expect([401, 403]).toContain(res.status);
  });

  test('reports health with the database status, naming no software or version', async () => {
    const res = await request(cms.http).get('/api/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', database: 'ok' });
    expect(Object.keys(res.body).sort()).toEqual(['checkedInMs', 'database', 'status', 'sync', 'uptimeSeconds']);
    expect(JSON.stringify(res.body)).not.toMatch(/strapi|postgres|sqlite|\d+\.\d+\.\d+/i);
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
