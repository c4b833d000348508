import request from 'supertest';
import { startTestCms, type TestCms } from './harness';
import { createRegistry, indexedLaw } from './fixtures';

/**
 * Validity is derived from dates and relations (packages/domain computeValidity); the CMS keeps
 * the stored status in step when relations are recorded or removed.
 */
const DOCUMENT = 'api::legal-document.legal-document';
const RELATION = 'api::document-relation.document-relation';
let cms: TestCms;

// Real case from the corpus: the Enterprise Law 2020 (59/2020/QH14, Art. 218) ends the
// Enterprise Law 2014 (68/2014/QH13) from 2021-01-01.
const newer = indexedLaw('59/2020/QH14');
const older = indexedLaw('68/2014/QH13');

beforeAll(async () => {
  cms = await startTestCms('validity');
  const registry = await createRegistry(cms.strapi);
  for (const law of [older, newer]) {
    await cms.strapi.documents(DOCUMENT).create({
      locale: 'vi',
      status: 'published',
      data: {
        number: law.so_hieu,
        documentType: 'law',
        title: law.ten,
        abstract: law.ten,
        issuedDate: law.ngay_ban_hanh,
        effectiveFrom: law.ngay_hieu_luc,
        scope: 'national',
        owningSite: registry.sites.national,
      },
    } as never);
  }
});
afterAll(async () => {
  await cms?.stop();
});

async function statusOf(number: string) {
  const res = await request(cms.http)
    .get('/api/legal-documents')
    .query({ 'filters[number][$eq]': number })
    .expect(200);
  const [doc] = res.body.data;
  return { status: doc.validityStatus, basis: doc.validityBasis, history: doc.validityHistory };
}

test('a law with no acting documents is in force by its dates alone', async () => {
  expect(await statusOf(older.so_hieu)).toMatchObject({ status: 'in_force', basis: 'dates_only' });
});

test('recording that a newer law replaces it makes it expired, with the event in its history', async () => {
  await cms.strapi.documents(RELATION).create({
    data: {
      sourceNumber: newer.so_hieu,
      kind: 'replaces',
      targetNumber: older.so_hieu,
      effectiveDate: newer.ngay_hieu_luc,
    },
  } as never);
  const result = await statusOf(older.so_hieu);
  expect(result).toMatchObject({ status: 'expired', basis: 'relations' });
  expect(result.history).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ date: '2021-01-01', status: 'expired', sourceNumber: '59/2020/QH14' }),
    ]),
  );
  // The acting law itself is unaffected.
  expect((await statusOf(newer.so_hieu)).status).toBe('in_force');
});

test('removing the relation restores the status', async () => {
  const [relation] = (await cms.strapi
    .documents(RELATION)
    .findMany({ filters: { targetNumber: older.so_hieu } } as never)) as Array<{ documentId: string }>;
  await cms.strapi.documents(RELATION).delete({ documentId: relation!.documentId } as never);
  expect((await statusOf(older.so_hieu)).status).toBe('in_force');
});

test('a relation naming an unknown document is refused with the field named, and nothing is stored', async () => {
  const attempt = cms.strapi.documents(RELATION).create({
    data: { sourceNumber: newer.so_hieu, kind: 'amends', targetNumber: '999/2099/QH99' },
  } as never);
  await expect(attempt).rejects.toMatchObject({
    name: 'ValidationError',
    message: expect.stringContaining('999/2099/QH99'),
    details: { errors: [expect.objectContaining({ path: ['targetNumber'] })] },
  });
  expect(await cms.strapi.db.query(RELATION).count({ where: { targetNumber: '999/2099/QH99' } })).toBe(0);
});
