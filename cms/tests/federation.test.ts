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
  items.nationalPublished = await newsItem(cms.strapi, sites.national, 'Tin quốc gia đã đăng', {
    publish: true,
  });
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
    const byCode = new Map(
      (res.body.data as Array<{ code: string; name: string; description: string }>).map((r) => [r.code, r]),
    );
    for (const role of Object.values(FEDERATION_ROLES)) {
      expect(byCode.get(role.code)).toMatchObject({ name: role.name, description: role.description });
    }
  });
});

describe('an editor of commune A', () => {
  test('creates an item without choosing a site and it belongs to commune A', async () => {
    const res = await as('editorA')
      .post(`${CM}?locale=vi`)
      .send({ title: 'Tin mới của Ba Đình', summary: 'Tóm tắt', audience: 'own_site' });
    expect(res.status).toBe(201);
    expect((await storedDraft(cms.strapi, NEWS, res.body.data.documentId))?.owningSite?.code).toBe(
      'ha-noi-ba-dinh',
    );
  });

  test('cannot create an item owned by commune B, and is told why in Vietnamese', async () => {
    const before = await cms.strapi.db.query(NEWS).count({});
    const res = await as('editorA')
      .post(`${CM}?locale=vi`)
      .send({
        title: 'Tin giả danh Ngọc Hà',
        summary: 'x',
        audience: 'own_site',
        owningSite: { connect: [{ documentId: world.sites.communeB.documentId }] },
      });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/Phường Ngọc Hà.*ngoài phạm vi của bạn/);
    expect(res.body.error.details.errors[0].path).toEqual(['owningSite']);
    expect(await cms.strapi.db.query(NEWS).count({})).toBe(before);
  });

  test.each([
    ['update', (id: string) => as('editorA').put(`${CM}/${id}?locale=vi`).send({ title: 'Sửa trộm' })],
    ['publish', (id: string) => as('editorA').post(`${CM}/${id}/actions/publish?locale=vi`).send({})],
    ['unpublish', (id: string) => as('editorA').post(`${CM}/${id}/actions/unpublish?locale=vi`).send({})],
    [
      'discard the draft of',
      (id: string) => as('editorA').post(`${CM}/${id}/actions/discard?locale=vi`).send({}),
    ],
    ['delete', (id: string) => as('editorA').del(`${CM}/${id}?locale=vi`)],
    ['clone', (id: string) => as('editorA').post(`${CM}/clone/${id}?locale=vi`).send({ title: 'Bản sao' })],
    [
      'bulk-delete',
      (id: string) =>
        as('editorA')
          .post(`${CM}/actions/bulkDelete?locale=vi`)
          .send({ documentIds: [id] }),
    ],
    [
      'bulk-publish',
      (id: string) =>
        as('editorA')
          .post(`${CM}/actions/bulkPublish?locale=vi`)
          .send({ documentIds: [id] }),
    ],
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
    const res = await as('editorA')
      .get('/content-manager/relations/api::qa.qa/dialogue?locale=vi&pageSize=50')
      .expect(200);
    const offered = (res.body.results as Array<{ documentId: string }>).map((r) => r.documentId).sort();
    expect(offered).toEqual([items.dialogueA, items.dialogueNationalPublished].sort());
  });

  test('the owning-site picker offers commune A only', async () => {
    const res = await as('editorA')
      .get(`/content-manager/relations/${NEWS}/owningSite?locale=vi&pageSize=50`)
      .expect(200);
    expect((res.body.results as Array<{ documentId: string }>).map((r) => r.documentId)).toEqual([
      world.sites.communeA.documentId,
    ]);
  });

  test("cannot read the relations of commune B's item", async () => {
    const res = await as('editorA').get(
      `/content-manager/relations/api::dialogue.dialogue/${items.dialogueB}/questions?locale=vi`,
    );
    expect([403, 404]).toContain(res.status);
  });
});

describe("a province's unit administrator", () => {
  test("edits and publishes its communes' items", async () => {
    const res = await as('hanoiAdmin')
      .put(`${CM}/${items.draftB}?locale=vi`)
      .send({ title: 'Tin Ngọc Hà (Hà Nội sửa)' });
    expect(res.status).toBe(200);
    expect((await storedDraft(cms.strapi, NEWS, items.draftB!))?.title).toBe('Tin Ngọc Hà (Hà Nội sửa)');
  });

  test("cannot touch another province's items", async () => {
    const res = await as('hanoiAdmin').put(`${CM}/${items.angiang}?locale=vi`).send({ title: 'Sửa trộm' });
    expect(res.status).toBe(403);
  });
});

describe('links and citations', () => {
  const QA_CM = '/content-manager/collection-types/api::qa.qa';
  const question = (extra: Record<string, unknown>) => ({
    title: 'Hỏi về thủ tục chứng thực',
    question: 'Tôi cần mang giấy tờ gì?',
    audience: 'own_site',
    ...extra,
  });
  let law: string;

  beforeAll(async () => {
    const assembly = (await cms.strapi.documents('api::organization.organization').create({
      data: { code: 'quoc-hoi', name: 'Quốc hội', category: 'legislature' },
    } as never)) as { documentId: string };
    const created = (await cms.strapi.documents('api::legal-document.legal-document').create({
      locale: 'vi',
      status: 'published',
      data: {
        number: '45/2019/QH14',
        documentType: 'code',
        title: 'Bộ luật Lao động',
        abstract: 'Bộ luật Lao động',
        issuedDate: '2019-11-20',
        effectiveFrom: '2021-01-01',
        scope: 'national',
        issuers: [assembly.documentId],
        owningSite: world.sites.national.documentId,
      },
    } as never)) as { documentId: string };
    law = created.documentId;
  });

  test("a unit links its question to the Ministry's published dialogue", async () => {
    const res = await as('editorA')
      .post(`${QA_CM}?locale=vi`)
      .send(question({ dialogue: { connect: [{ documentId: items.dialogueNationalPublished }] } }));
    expect(res.status).toBe(201);
  });

  test.each([
    ['a national draft dialogue', () => items.dialogueNationalDraft!],
    ["commune B's dialogue", () => items.dialogueB!],
  ])('a unit cannot link its question to %s', async (_what, target) => {
    const count = await cms.strapi.db.query('api::qa.qa').count({});
    const res = await as('editorA')
      .post(`${QA_CM}?locale=vi`)
      .send(question({ dialogue: { connect: [{ documentId: target() }] } }));
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/Chỉ được liên kết tới nội dung của đơn vị mình/);
    expect(res.body.error.details.errors[0].path).toEqual(['dialogue']);
    expect(await cms.strapi.db.query('api::qa.qa').count({})).toBe(count);
  });

  test('a unit cites a published national law', async () => {
    const res = await as('editorA')
      .post(`${QA_CM}?locale=vi`)
      .send(question({ citations: [{ documentNumber: '45/2019/QH14', article: '35' }] }));
    expect(res.status).toBe(201);
    const stored = (await cms.strapi.db.query('api::qa.qa').findOne({
      where: { documentId: res.body.data.documentId, publishedAt: null },
      populate: { citations: true },
    })) as { citations: Array<{ citedDocumentId: string }> };
    expect(stored.citations[0]!.citedDocumentId).toBe(law);
  });

  test("a unit cannot cite another unit's unpublished document, nor learn its title", async () => {
    await cms.strapi.documents('api::legal-document.legal-document').create({
      locale: 'vi',
      data: {
        number: '07/2025/NQ-HĐND',
        documentType: 'commune_council_resolution',
        title: 'Nghị quyết bí mật của Ngọc Hà',
        abstract: 'Dự thảo chưa công bố',
        issuedDate: '2025-08-01',
        effectiveFrom: '2025-08-15',
        scope: 'local',
        scopeSite: world.sites.communeB.documentId,
        owningSite: world.sites.communeB.documentId,
      },
    } as never);
    const count = await cms.strapi.db.query('api::qa.qa').count({});
    const res = await as('editorA')
      .post(`${QA_CM}?locale=vi`)
      .send(question({ citations: [{ documentNumber: '07/2025/NQ-HĐND' }] }));
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/chưa được công bố và thuộc đơn vị khác/);
    expect(JSON.stringify(res.body)).not.toContain('bí mật');
    expect(await cms.strapi.db.query('api::qa.qa').count({})).toBe(count);
  });
});

describe('memberships and site records', () => {
  const MEMBERS = '/content-manager/collection-types/api::site-membership.site-membership';
  const SITES = '/content-manager/collection-types/api::site.site';

  beforeAll(async () => {
    await cms.strapi.service('admin::user').create({
      email: 'bien-tap-moi@pbgdpl.test',
      firstname: 'Mới',
      isActive: true,
      roles: [
        (await cms.strapi.db.query('admin::role').findOne({ where: { code: 'pbgdpl-unit-editor' } })).id,
      ],
    });
  });

  test("a province's unit administrator adds an editor to one of its wards, by email", async () => {
    const res = await as('hanoiAdmin')
      .post(MEMBERS)
      .send({
        email: 'Bien-Tap-Moi@pbgdpl.test',
        site: { connect: [{ documentId: world.sites.communeB.documentId }] },
      });
    expect(res.status).toBe(201);
    const stored = await cms.strapi.db.query('api::site-membership.site-membership').findOne({
      where: { documentId: res.body.data.documentId },
      populate: { site: { select: ['code'] } },
    });
    expect(stored).toMatchObject({ email: 'bien-tap-moi@pbgdpl.test', site: { code: 'ha-noi-ngoc-ha' } });
    expect(stored.adminUserId).toEqual(expect.any(Number));
  });

  test("it cannot add members to another province's site, nor twice", async () => {
    const other = await as('hanoiAdmin')
      .post(MEMBERS)
      .send({
        email: 'bien-tap-moi@pbgdpl.test',
        site: { connect: [{ documentId: world.sites.angiang.documentId }] },
      });
    expect(other.status).toBe(403);
    const twice = await as('hanoiAdmin')
      .post(MEMBERS)
      .send({
        email: 'bien-tap-moi@pbgdpl.test',
        site: { connect: [{ documentId: world.sites.communeB.documentId }] },
      });
    expect(twice.status).toBe(400);
    expect(twice.body.error.message).toMatch(/đã là thành viên/);
  });

  test('an email with no account gets an inactive account with the chosen role and an invitation link', async () => {
    const res = await as('hanoiAdmin')
      .post(MEMBERS)
      .send({
        email: 'nguoi-duyet-moi@pbgdpl.test',
        role: 'unit_reviewer',
        site: { connect: [{ documentId: world.sites.communeB.documentId }] },
      });
    expect(res.status).toBe(201);
    const user = await cms.strapi.db
      .query('admin::user')
      .findOne({ where: { email: 'nguoi-duyet-moi@pbgdpl.test' }, populate: ['roles'] });
    expect(user).toMatchObject({
      isActive: false,
      roles: [expect.objectContaining({ code: 'pbgdpl-unit-reviewer' })],
    });
    const membership = await cms.strapi.db
      .query('api::site-membership.site-membership')
      .findOne({ where: { adminUserId: user.id } });
    expect(membership.inviteUrl).toBe(`/admin/auth/register?registrationToken=${user.registrationToken}`);
    // The invitation link is a credential: the audit log records that it was set, not its value.
    const entry = await cms.strapi.db
      .query('api::audit-entry.audit-entry')
      .findOne({ where: { itemDocumentId: membership.documentId } });
    expect(JSON.stringify(entry)).not.toContain(user.registrationToken);
    // The person registers with the link and works on the ward's items.
    await request(cms.http)
      .post('/admin/register')
      .send({
        registrationToken: user.registrationToken,
        userInfo: { firstname: 'Người duyệt', lastname: 'Mới', password: 'MatKhau-Moi-2026' },
      })
      .expect(200);
    const login = await request(cms.http)
      .post('/admin/login')
      .send({ email: 'nguoi-duyet-moi@pbgdpl.test', password: 'MatKhau-Moi-2026' })
      .expect(200);
    const list = await request(cms.http)
      .get(`${CM}?locale=vi&pageSize=100`)
      .set(bearer(login.body.data.token))
      .expect(200);
    const ids = (list.body.results as Array<{ documentId: string }>).map((r) => r.documentId);
    expect(ids).toContain(items.draftB);
    expect(ids).not.toContain(items.draftA);
  });

  test('a unit administrator cannot invite a national role', async () => {
    const res = await as('hanoiAdmin')
      .post(MEMBERS)
      .send({
        email: 'quoc-gia-gia@pbgdpl.test',
        role: 'national_admin',
        site: { connect: [{ documentId: world.sites.communeB.documentId }] },
      });
    expect(res.status).toBe(400);
    expect(
      await cms.strapi.db.query('admin::user').findOne({ where: { email: 'quoc-gia-gia@pbgdpl.test' } }),
    ).toBeNull();
  });

  test('it lists the memberships of its sites only; editors cannot manage memberships', async () => {
    const list = await as('hanoiAdmin').get(`${MEMBERS}?pageSize=100`).expect(200);
    const emails = (list.body.results as Array<{ email: string }>).map((m) => m.email);
    expect(emails).toEqual(expect.arrayContaining([world.emails.editorA, world.emails.editorB]));
    expect(emails).not.toContain(world.emails.angiangEditor);
    const editor = await as('editorA')
      .post(MEMBERS)
      .send({
        email: world.emails.editorA,
        site: { connect: [{ documentId: world.sites.communeB.documentId }] },
      });
    expect(editor.status).toBe(403);
  });

  test("it edits its own site's contact, but not its name, nor another province's site", async () => {
    await as('hanoiAdmin')
      .put(`${SITES}/${world.sites.hanoi.documentId}`)
      .send({ contact: { phone: '024 3825 3536' } })
      .expect(200);
    // The content manager drops fields the role may not write (the name) before saving.
    await as('hanoiAdmin').put(`${SITES}/${world.sites.hanoi.documentId}`).send({ name: 'Hà Nội mới' });
    const other = await as('hanoiAdmin')
      .put(`${SITES}/${world.sites.angiang.documentId}`)
      .send({ contact: { phone: '0296 000' } });
    expect(other.status).toBe(403);
    const hanoi = await cms.strapi.db
      .query('api::site.site')
      .findOne({ where: { code: 'ha-noi' }, populate: { contact: true } });
    expect(hanoi).toMatchObject({ name: 'Thành phố Hà Nội', contact: { phone: '024 3825 3536' } });
    // Through the Document Service (a token, custom code) the name is refused outright.
    const token = await cms.strapi
      .service('admin::api-token')
      .create({ name: '[ha-noi] Thử', type: 'full-access', lifespan: null });
    const viaApi = await request(cms.http)
      .put(`/api/sites/${world.sites.hanoi.documentId}`)
      .set(bearer(token.accessKey))
      .send({ data: { name: 'x' } });
    expect(viaApi.status).toBe(403);
  });
});

describe('national roles and tokens', () => {
  test("a national editor edits national items but not a province's", async () => {
    await as('nationalEditor')
      .put(`${CM}/${items.nationalDraft}?locale=vi`)
      .send({ summary: 'Quốc gia sửa' })
      .expect(200);
    expect(
      (await as('nationalEditor').put(`${CM}/${items.angiang}?locale=vi`).send({ summary: 'x' })).status,
    ).toBe(403);
  });

  test('a token without a site prefix is a national integration; a malformed prefix writes nothing', async () => {
    const create = async (name: string) =>
      (
        (await cms.strapi
          .service('admin::api-token')
          .create({ name, type: 'full-access', lifespan: null })) as { accessKey: string }
      ).accessKey;
    const national = await create('Đồng bộ quốc gia');
    const broken = await create('[Hà Nội] sai mã');
    const body = {
      data: {
        title: 'Tin tích hợp',
        summary: 'x',
        audience: 'own_site',
        owningSite: world.sites.angiang.documentId,
      },
    };
    await request(cms.http).post('/api/news-items').set(bearer(national)).send(body).expect(201);
    expect((await request(cms.http).post('/api/news-items').set(bearer(broken)).send(body)).status).toBe(403);
  });
});
