import request from 'supertest';
import { startTestCms, type TestCms } from './harness';
import { createRegistry, indexedLaw } from './fixtures';

/** An editor's invalid document is refused with a 400 naming each field, and nothing is stored. */
const UID = 'api::legal-document.legal-document';
let cms: TestCms;
let token: string;
let registry: Awaited<ReturnType<typeof createRegistry>>;
const law = indexedLaw('59/2020/QH14');

beforeAll(async () => {
  cms = await startTestCms('document_validation');
  registry = await createRegistry(cms.strapi);
  const credentials = { email: 'bien-tap@pbgdpl.test', password: 'MatKhau2026' };
  const superAdmin = await cms.strapi.service('admin::role').getSuperAdmin();
  await cms.strapi
    .service('admin::user')
    .create({ ...credentials, firstname: 'Biên', lastname: 'Tập', isActive: true, roles: [superAdmin.id] });
  const login = await request(cms.http).post('/admin/login').send(credentials).expect(200);
  token = login.body.data.token;
});
afterAll(async () => {
  await cms?.stop();
});

const valid = () => ({
  number: law.so_hieu,
  documentType: 'law',
  title: law.ten,
  abstract: law.ten,
  issuedDate: law.ngay_ban_hanh,
  effectiveFrom: law.ngay_hieu_luc,
  scope: 'national',
});

function createInAdmin(data: Record<string, unknown>) {
  return request(cms.http)
    .post(`/content-manager/collection-types/${UID}`)
    .query({ locale: 'vi' })
    .set('Authorization', `Bearer ${token}`)
    .send({ ...data, owningSite: { connect: [{ documentId: registry.sites.national }] } });
}

test.each([
  ['a malformed number', { number: 'Luật doanh nghiệp' }, 'number', /Số ký hiệu/],
  [
    'an effective date before the issue date',
    { effectiveFrom: '2020-06-16' },
    'effectiveFrom',
    /không được trước/,
  ],
  ['a missing abstract', { abstract: '   ' }, 'abstract', /Trích yếu/],
  ['local scope without a scope site', { scope: 'local' }, 'scopeSite', /bắt buộc khi phạm vi là địa phương/],
])('the admin refuses %s with a 400 naming the field', async (_case, change, field, message) => {
  const res = await createInAdmin({ ...valid(), ...change });
  expect(res.status).toBe(400);
  const errorsByField = Object.fromEntries(
    (res.body.error.details.errors as Array<{ path: string[]; message: string }>).map((e) => [
      e.path.join('.'),
      e.message,
    ]),
  );
  expect(errorsByField[field]).toMatch(message);
  expect(await cms.strapi.db.query(UID).count({})).toBe(0);
});

test('every problem is reported at once', async () => {
  const res = await createInAdmin({
    ...valid(),
    number: '???',
    effectiveFrom: '2019-01-01',
    abstract: '',
  }).expect(400);
  const fields = (res.body.error.details.errors as Array<{ path: string[] }>).map((e) => e.path.join('.'));
  expect(fields).toEqual(expect.arrayContaining(['number', 'abstract', 'effectiveFrom']));
});

test('a valid document is stored with its number normalised', async () => {
  const res = await createInAdmin({ ...valid(), number: ` ${law.so_hieu.toLowerCase()} ` });
  expect(res.status).toBe(201);
  const [stored] = await cms.strapi.db.query(UID).findMany({});
  expect(stored.number).toBe('59/2020/QH14');
});
