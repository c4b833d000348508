import request from 'supertest';
import { FEDERATION_ROLES } from '@pbgdpl/domain';
import { startTestCms, type TestCms } from './harness';
import { bearer, buildWorld, dialogue, newsItem, storedDraft, type World } from './federation-support';

/**
 * The federation's promise, through the admin API as real users: an editor of one commune
 * cannot create, change, publish or delete another commune's items, nor see its drafts (lists,
 * single reads, relation pickers); a province's administrator manages its communes; the roles
 * exist with their Vietnamese names.
 */
const NEWS = 'api::news-item.news-item';
const CM = `/content-manager/collection-types/${NEWS}`;
let cms: TestCms;
let world: World;
const items: Record<string, string> = {};

beforeAll(async () => {
  cms = await startTestCms('federation');
  world = await buildWorld(cms.strapi, cms.http);
  const { sites } = world;
  items.nationalPublished = await newsItem(cms.strapi, sites.national, 'Tin quốc gia đã đăng', { publish: true });
  items.nationalDraft = await newsItem(cms.strapi, sites.national, 'Tin quốc gia bản nháp');
  items.draftA = await newsItem(cms.strapi, sites.communeA, 'Tin Ba Đình bản nháp');
  items.draftB = await newsItem(cms.strapi, sites.communeB, 'Tin Ngọc Hà bản nháp');
  items.publishedB = await newsItem(cms.strapi, sites.communeB, 'Tin Ngọc Hà đã đăng', { publish: true });
  items.angiang = await newsItem(cms.strapi, sites.angiang, 'Tin An Giang bản nháp');
  items.dialogueNationalPublished = await dialogue(cms.strapi, sites.national, 'Đối thoại quốc gia đã đăng', {
    publish: true,
  });
  items.dialogueNationalDraft = await dialogue(cms.strapi, sites.national, 'Đối thoại quốc gia bản nháp');
  items.dialogueA = await dialogue(cms.strapi, sites.communeA, 'Đối thoại Ba Đình');
  items.dialogueB = await dialogue(cms.strapi, sites.communeB, 'Đối thoại Ngọc Hà');
});
afterAll(async () => {
  await cms?.stop();
});

const as = (who: keyof World['tokens']) => ({
  get: (url: string) => request(cms.http).get(url).set(bearer(world.tokens[who])),
  post: (url: string) => request(cms.http).post(url).set(bearer(world.tokens[who])),
  put: (url: string) => request(cms.http).put(url).set(bearer(world.tokens[who])),
  del: (url: string) => request(cms.http).delete(url).set(bearer(world.tokens[who])),
});

describe('roles', () => {
  test('the five federation roles exist with their Vietnamese names and descriptions', async () => {
    const res = await as('superAdmin').get('/admin/roles').expect(200);
    const byCode = new Map((res.body.data as Array<{ code: string; name: string; description: string }>).map((r) => [r.code, r]));
    for (const role of Object.values(FEDERATION_ROLES)) {
      expect(byCode.get(role.code)).toMatchObject({ name: role.name, description: role.description });
    }
  });
});

describe('an editor of commune A', () => {
  test('creates an item without choosing a site and it belongs to commune A', async () => {
    const res = await as('editorA').post(`${CM}?locale=vi`).send({ title: 'Tin mới của Ba Đình', summary: 'Tóm tắt', audience: 'own_site' });
    expect(res.status).toBe(201);
    expect((await storedDraft(cms.strapi, NEWS, res.body.data.documentId))?.owningSite?.code).toBe('ha-noi-ba-dinh');
  });

  test("cannot create an item owned by commune B, and is told why in Vietnamese", async () => {
    const before = await cms.strapi.db.query(NEWS).count({});
    const res = await as('editorA')
      .post(`${CM}?locale=vi`)
      .send({ title: 'Tin giả danh Ngọc Hà', summary: 'x', audience: 'own_site', owningSite: { connect: [{ documentId: world.sites.communeB.documentId }] } });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/Phường Ngọc Hà.*ngoài phạm vi của bạn/);
    expect(res.body.error.details.errors[0].path).toEqual(['owningSite']);
    expect(await cms.strapi.db.query(NEWS).count({})).toBe(before);
  });

  test.each([
    ['update', (id: string) => as('editorA').put(`${CM}/${id}?locale=vi`).send({ title: 'Sửa trộm' })],
    ['publish', (id: string) => as('editorA').post(`${CM}/${id}/actions/publish?locale=vi`).send({})],
    ['unpublish', (id: string) => as('editorA').post(`${CM}/${id}/actions/unpublish?locale=vi`).send({})],
    ['discard the draft of', (id: string) => as('editorA').post(`${CM}/${id}/actions/discard?locale=vi`).send({})],
    ['delete', (id: string) => as('editorA').del(`${CM}/${id}?locale=vi`)],
    ['clone', (id: string) => as('editorA').post(`${CM}/clone/${id}?locale=vi`).send({ title: 'Bản sao' })],
    ['bulk-delete', (id: string) => as('editorA').post(`${CM}/actions/bulkDelete?locale=vi`).send({ documentIds: [id] })],
    ['bulk-publish', (id: string) => as('editorA').post(`${CM}/actions/bulkPublish?locale=vi`).send({ documentIds: [id] })],
  ])("cannot %s commune B's item, is told why in Vietnamese, and nothing changes", async (_what, attempt) => {
    for (const id of [items.draftB!, items.publishedB!]) {
      const before = await cms.strapi.db.query(NEWS).findMany({ where: { documentId: id } });
      const res = await attempt(id);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/thuộc trang “Phường Ngọc Hà”.*ngoài phạm vi của bạn/);
      expect(await cms.strapi.db.query(NEWS).findMany({ where: { documentId: id } })).toEqual(before);
    }
  });

  test("does not see commune B's drafts in the list, its count or by id", async () => {
    const list = await as('editorA').get(`${CM}?locale=vi&pageSize=100`).expect(200);
    const ids = (list.body.results as Array<{ documentId: string }>).map((r) => r.documentId);
    expect(ids).toContain(items.draftA);
    expect(ids).not.toContain(items.draftB);
    expect(ids).not.toContain(items.nationalDraft);
    expect(ids).not.toContain(items.angiang);
    const one = await as('editorA').get(`${CM}/${items.draftB}?locale=vi`);
    expect(one.status).toBe(403);
    expect(JSON.stringify(one.body)).not.toContain('Ngọc Hà bản nháp');
  });

  test("relation pickers offer its own items and published national ones, never B's or national drafts", async () => {
    const res = await as('editorA').get('/content-manager/relations/api::qa.qa/dialogue?locale=vi&pageSize=50').expect(200);
    const offered = (res.body.results as Array<{ documentId: string }>).map((r) => r.documentId).sort();
    expect(offered).toEqual([items.dialogueA, items.dialogueNationalPublished].sort());
  });

  test('the owning-site picker offers commune A only', async () => {
    const res = await as('editorA').get(`/content-manager/relations/${NEWS}/owningSite?locale=vi&pageSize=50`).expect(200);
    expect((res.body.results as Array<{ documentId: string }>).map((r) => r.documentId)).toEqual([
      world.sites.communeA.documentId,
    ]);
  });

  test("cannot read the relations of commune B's item", async () => {
    const res = await as('editorA').get(`/content-manager/relations/api::dialogue.dialogue/${items.dialogueB}/questions?locale=vi`);
    expect([403, 404]).toContain(res.status);
  });
});

describe("a province's unit administrator", () => {
  test("edits and publishes its communes' items", async () => {
    const res = await as('hanoiAdmin').put(`${CM}/${items.draftB}?locale=vi`).send({ title: 'Tin Ngọc Hà (Hà Nội sửa)' });
    expect(res.status).toBe(200);
    expect((await storedDraft(cms.strapi, NEWS, items.draftB!))?.title).toBe('Tin Ngọc Hà (Hà Nội sửa)');
  });

  test("cannot touch another province's items", async () => {
    const res = await as('hanoiAdmin').put(`${CM}/${items.angiang}?locale=vi`).send({ title: 'Sửa trộm' });
    expect(res.status).toBe(403);
  });
});
