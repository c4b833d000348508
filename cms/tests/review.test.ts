import request from 'supertest';
import { startTestCms, type TestCms } from './harness';
import { createRegistry } from './fixtures';
import { adminToken, createItem, ensureAdminRole, itemData, rowsOf, uidOf } from './citations-fixtures';

/**
 * The review step through the admin API, with real admin users of an editor role and a reviewer
 * role (pbgdpl-unit-editor, pbgdpl-unit-reviewer; created here when the platform has not created
 * them yet). Editors write and submit; reviewers approve; editors publish only approved work.
 */
const UID = uidOf('introduction');
const NEEDS_APPROVAL = 'Bài viết cần được người duyệt chấp thuận trước khi xuất bản.';
let cms: TestCms;
let site: string;
let editor: string;
let reviewer: string;

beforeAll(async () => {
  cms = await startTestCms('review');
  site = (await createRegistry(cms.strapi)).sites.national;
  const editorRole = await ensureAdminRole(cms.strapi, 'pbgdpl-unit-editor', 'Biên tập viên đơn vị');
  const reviewerRole = await ensureAdminRole(cms.strapi, 'pbgdpl-unit-reviewer', 'Người duyệt đơn vị');
  editor = await adminToken(cms.strapi, cms.http, 'bien-tap@pbgdpl.test', editorRole, site);
  reviewer = await adminToken(cms.strapi, cms.http, 'nguoi-duyet@pbgdpl.test', reviewerRole, site);
});
afterAll(async () => {
  await cms?.stop();
});

const as = (token: string) => ({
  create: (data: Record<string, unknown>) =>
    request(cms.http)
      .post(`/content-manager/collection-types/${UID}`)
      .query({ locale: 'vi' })
      .set('Authorization', `Bearer ${token}`)
      .send(data),
  update: (documentId: string, data: Record<string, unknown>) =>
    request(cms.http)
      .put(`/content-manager/collection-types/${UID}/${documentId}`)
      .query({ locale: 'vi' })
      .set('Authorization', `Bearer ${token}`)
      .send(data),
  publish: (documentId: string | null, data: Record<string, unknown> = {}) =>
    request(cms.http)
      .post(`/content-manager/collection-types/${UID}/${documentId ? `${documentId}/` : ''}actions/publish`)
      .query({ locale: 'vi' })
      .set('Authorization', `Bearer ${token}`)
      .send(data),
});

const newIntroduction = (title: string) => ({
  ...itemData('introduction', title, site),
  owningSite: { connect: [{ documentId: site }] },
});

async function state(documentId: string) {
  const rows = await rowsOf(cms.strapi, 'introduction', documentId);
  return {
    // The draft's state is the item's (the published version keeps the state it was published in).
    reviewState: [...new Set(rows.filter((r) => r.publishedAt === null).map((r) => r.reviewState))],
    published: rows.some((r) => r.publishedAt !== null),
  };
}

let documentId: string;

test('an editor writes a draft, and publishing it unapproved is refused with a Vietnamese message', async () => {
  const created = await as(editor)
    .create(newIntroduction('Giới thiệu Luật Doanh nghiệp năm 2020'))
    .expect(201);
  documentId = created.body.data.documentId;
  expect(await state(documentId)).toEqual({ reviewState: ['draft'], published: false });

  const res = await as(editor).publish(documentId);
  expect(res.status).toBe(403);
  expect(res.body.error.message).toBe(NEEDS_APPROVAL);
  expect(res.body.error.details.errors[0].path).toEqual(['reviewState']);
  expect((await state(documentId)).published).toBe(false);
});

test('an editor cannot approve or send back, but can submit for review', async () => {
  for (const reviewState of ['approved', 'changes_requested']) {
    const res = await as(editor).update(documentId, { reviewState });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/Chỉ người duyệt mới được chấp thuận/);
  }
  expect((await state(documentId)).reviewState).toEqual(['draft']);
  await as(editor).update(documentId, { reviewState: 'submitted' }).expect(200);
  expect((await state(documentId)).reviewState).toEqual(['submitted']);
  expect((await as(editor).publish(documentId)).status).toBe(403);
});

test('a reviewer approves, then the editor publishes; the item stays approved', async () => {
  await as(reviewer)
    .update(documentId, { reviewState: 'approved', reviewNote: 'Nội dung chính xác.' })
    .expect(200);
  // The admin sends the whole form with a publish; unchanged content keeps the approval.
  const [draft] = await rowsOf(cms.strapi, 'introduction', documentId);
  await as(editor).publish(documentId, { title: draft!.title, reviewState: 'approved' }).expect(200);
  expect(await state(documentId)).toEqual({ reviewState: ['approved'], published: true });
});

test('changing approved content sends it back for review; a save without changes does not', async () => {
  const [draft] = await rowsOf(cms.strapi, 'introduction', documentId);
  await as(editor).update(documentId, { title: draft!.title, summary: draft!.summary }).expect(200);
  expect((await state(documentId)).reviewState).toEqual(['approved']);

  await as(editor).update(documentId, { summary: 'Tóm tắt mới, chưa được duyệt.' }).expect(200);
  expect((await state(documentId)).reviewState).toEqual(['submitted']);
  expect((await as(editor).publish(documentId)).status).toBe(403);
});

test('changing content and publishing in one request is refused as a whole: nothing is saved', async () => {
  await as(reviewer).update(documentId, { reviewState: 'approved' }).expect(200);
  const res = await as(editor).publish(documentId, { summary: 'Sửa và xuất bản ngay.' });
  expect(res.status).toBe(403);
  const rows = await rowsOf(cms.strapi, 'introduction', documentId);
  expect(rows.find((r) => r.publishedAt === null)!.summary).toBe('Tóm tắt mới, chưa được duyệt.');
  expect(new Set(rows.map((r) => r.reviewState))).toEqual(new Set(['approved']));
});

test('an editor cannot create and publish in one request; a reviewer can', async () => {
  const refused = await as(editor).publish(null, newIntroduction('Tài liệu chưa duyệt'));
  expect(refused.status).toBe(403);
  expect(refused.body.error.message).toBe(NEEDS_APPROVAL);
  expect(await cms.strapi.db.query(UID).count({ where: { title: 'Tài liệu chưa duyệt' } })).toBe(0);

  const published = await as(reviewer)
    .publish(null, newIntroduction('Giới thiệu Bộ luật Lao động'))
    .expect(200);
  expect((await state(published.body.data.documentId)).published).toBe(true);
});

test('writes without a signed-in user (seed, scripts) are system writes and pass', async () => {
  const seeded = await createItem(cms.strapi, 'introduction', 'Giới thiệu Luật Đầu tư', site, {
    published: true,
  });
  expect(await state(seeded)).toEqual({ reviewState: ['draft'], published: true });
});
