import request from 'supertest';
import { REDACTED } from '@pbgdpl/domain';
import { startTestCms, type TestCms } from './harness';
import { bearer, buildWorld, newsItem, type World } from './federation-support';

/**
 * The audit log through the admin API: every write leaves an entry saying who, what, which item
 * of which site, from where, with the before/after of the changed fields (askers' contact
 * details hidden); refused writes are logged too; entries cannot be created, changed or deleted
 * by anyone, at any layer; each administrator reads only their scope's entries.
 */
const NEWS = 'api::news-item.news-item';
const QA = 'api::qa.qa';
const AUDIT = 'api::audit-entry.audit-entry';
const CM = (uid: string) => `/content-manager/collection-types/${uid}`;
const AGENT = 'pbgdpl-audit-probe/1.0';

let cms: TestCms;
let world: World;
let draftB: string;
let angiangItem: string;

type Entry = Record<string, unknown> & {
  action: string;
  contentType: string;
  itemDocumentId: string;
  actorEmail: string | null;
  actorRoles: string | null;
  actorKind: string;
  siteCode: string | null;
  ip: string | null;
  userAgent: string | null;
  changes: Record<string, { before: unknown; after: unknown }> | null;
};

const entriesFor = async (documentId: string) =>
  (await cms.strapi.db.query(AUDIT).findMany({
    where: { itemDocumentId: documentId },
    orderBy: { id: 'asc' },
  })) as Entry[];

const as = (who: keyof World['tokens']) => ({
  get: (url: string) => request(cms.http).get(url).set(bearer(world.tokens[who])).set('User-Agent', AGENT),
  post: (url: string) => request(cms.http).post(url).set(bearer(world.tokens[who])).set('User-Agent', AGENT),
  put: (url: string) => request(cms.http).put(url).set(bearer(world.tokens[who])).set('User-Agent', AGENT),
  del: (url: string) => request(cms.http).delete(url).set(bearer(world.tokens[who])).set('User-Agent', AGENT),
});

beforeAll(async () => {
  cms = await startTestCms('audit');
  world = await buildWorld(cms.strapi, cms.http);
  draftB = await newsItem(cms.strapi, world.sites.communeB, 'Tin Ngọc Hà');
  angiangItem = await newsItem(cms.strapi, world.sites.angiang, 'Tin An Giang');
});
afterAll(async () => {
  await cms?.stop();
});

describe('every write leaves an entry', () => {
  let documentId: string;

  test('a creation: who, what, which site, from where, and the new values', async () => {
    const res = await as('editorA')
      .post(`${CM(NEWS)}?locale=vi`)
      .send({
        title: 'Ngày Pháp luật tại Ba Đình',
        summary: 'Chương trình hưởng ứng Ngày Pháp luật',
        audience: 'own_site',
      })
      .expect(201);
    documentId = res.body.data.documentId;
    const [entry, ...rest] = await entriesFor(documentId);
    expect(rest).toHaveLength(0);
    expect(entry).toMatchObject({
      action: 'create',
      actorKind: 'admin',
      actorId: world.userIds.editorA,
      actorEmail: world.emails.editorA,
      contentType: NEWS,
      itemLocale: 'vi',
      itemTitle: 'Ngày Pháp luật tại Ba Đình',
      siteCode: 'ha-noi-ba-dinh',
      userAgent: AGENT,
    });
    expect(entry!.actorRoles).toContain('pbgdpl-unit-editor');
    expect(entry!.ip).toMatch(/127\.0\.0\.1|::1/);
    expect(entry!.changes!.title).toEqual({ before: null, after: 'Ngày Pháp luật tại Ba Đình' });
    expect(entry!.changes).not.toHaveProperty('updatedAt');
  });

  test('an update: only the changed fields, before and after', async () => {
    await as('editorA')
      .put(`${CM(NEWS)}/${documentId}?locale=vi`)
      .send({ summary: 'Chương trình mới' })
      .expect(200);
    const entry = (await entriesFor(documentId)).at(-1)!;
    expect(entry.action).toBe('update');
    expect(entry.changes).toEqual({
      summary: { before: 'Chương trình hưởng ứng Ngày Pháp luật', after: 'Chương trình mới' },
    });
  });

  test('publishing and deleting, by a reviewer of the same site', async () => {
    await as('reviewerA')
      .post(`${CM(NEWS)}/${documentId}/actions/publish?locale=vi`)
      .send({})
      .expect(200);
    await as('reviewerA')
      .del(`${CM(NEWS)}/${documentId}?locale=vi`)
      .expect(200);
    const entries = await entriesFor(documentId);
    expect(entries.map((e) => e.action)).toEqual(['create', 'update', 'publish', 'delete']);
    const deletion = entries.at(-1)!;
    expect(deletion).toMatchObject({ actorEmail: world.emails.reviewerA, siteCode: 'ha-noi-ba-dinh' });
    expect(deletion.changes!.title).toEqual({ before: 'Ngày Pháp luật tại Ba Đình', after: null });
  });

  test('a refused write is logged as denied, against the site it targeted', async () => {
    await as('editorA')
      .put(`${CM(NEWS)}/${draftB}?locale=vi`)
      .send({ title: 'Sửa trộm' })
      .expect(403);
    const token = await cms.strapi.service('admin::api-token').create({
      name: '[ha-noi-ba-dinh] Nhật ký',
      type: 'full-access',
      lifespan: null,
    });
    await request(cms.http)
      .put(`/api/news-items/${draftB}`)
      .set(bearer(token.accessKey))
      .send({ data: { title: 'Sửa trộm' } })
      .expect(403);
    const denied = (await entriesFor(draftB)).filter((e) => e.action === 'denied');
    expect(denied).toHaveLength(2);
    expect(denied[0]).toMatchObject({
      actorKind: 'admin',
      actorEmail: world.emails.editorA,
      siteCode: 'ha-noi-ngoc-ha',
    });
    expect(denied[1]).toMatchObject({
      actorKind: 'api_token',
      actorLabel: '[ha-noi-ba-dinh] Nhật ký',
      siteCode: 'ha-noi-ngoc-ha',
    });
    for (const entry of denied) expect(JSON.stringify(entry.changes)).toContain('ngoài phạm vi');
    // Nothing was written.
    expect((await cms.strapi.db.query(NEWS).findOne({ where: { documentId: draftB } }))?.title).toBe(
      'Tin Ngọc Hà',
    );
  });
});

describe("Q&A askers' contact details", () => {
  test('are never copied into the log, even when they change', async () => {
    const asker = {
      askerName: 'Nguyễn Thị Hỏi',
      askerEmail: 'nguoi-hoi@example.vn',
      askerPhone: '0912345678',
    };
    const qa = (await cms.strapi.documents(QA).create({
      locale: 'vi',
      data: {
        title: 'Thủ tục đăng ký kết hôn',
        question: 'Tôi cần giấy tờ gì?',
        audience: 'own_site',
        owningSite: world.sites.communeA.documentId,
        ...asker,
      },
    } as never)) as { documentId: string };
    await as('editorA')
      .put(`${CM(QA)}/${qa.documentId}?locale=vi`)
      .send({ askerPhone: '0987654321', askerEmail: 'doi-email@example.vn' })
      .expect(200);
    const entries = await entriesFor(qa.documentId);
    expect(entries.map((e) => e.action)).toEqual(['create', 'update']);
    expect(entries[1]!.changes).toMatchObject({
      askerPhone: { before: REDACTED, after: REDACTED },
      askerEmail: { before: REDACTED, after: REDACTED },
    });
    const everything = JSON.stringify(await cms.strapi.db.query(AUDIT).findMany({}));
    for (const secret of [
      'Nguyễn Thị Hỏi',
      'nguoi-hoi@example.vn',
      '0912345678',
      '0987654321',
      'doi-email@example.vn',
    ])
      expect(everything).not.toContain(secret);
  });
});

describe('the log is append-only', () => {
  let entry: Entry & { id: number; documentId: string };
  beforeAll(async () => {
    entry = (await cms.strapi.db.query(AUDIT).findOne({ where: { action: 'create' } })) as typeof entry;
  });

  test.each([
    [
      'edit',
      () =>
        as('superAdmin')
          .put(`${CM(AUDIT)}/${entry.documentId}`)
          .send({ actorEmail: 'ai-do@example.vn' }),
    ],
    ['delete', () => as('superAdmin').del(`${CM(AUDIT)}/${entry.documentId}`)],
    [
      'bulk-delete',
      () =>
        as('superAdmin')
          .post(`${CM(AUDIT)}/actions/bulkDelete`)
          .send({ documentIds: [entry.documentId] }),
    ],
    [
      'create',
      () =>
        as('superAdmin')
          .post(CM(AUDIT))
          .send({ action: 'create', actorKind: 'system', occurredAt: new Date().toISOString() }),
    ],
  ])('not even the super admin can %s an entry through the content manager', async (_what, attempt) => {
    const count = await cms.strapi.db.query(AUDIT).count({});
    const res = await attempt();
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/chỉ được ghi thêm/);
    expect(await cms.strapi.db.query(AUDIT).findOne({ where: { id: entry.id } })).toEqual(entry);
    expect(await cms.strapi.db.query(AUDIT).count({})).toBe(count);
  });

  test('the Document Service, the database layer and raw SQL refuse to change or delete it', async () => {
    await expect(
      cms.strapi
        .documents(AUDIT)
        .update({ documentId: entry.documentId, data: { actorEmail: 'x@example.vn' } } as never),
    ).rejects.toThrow(/chỉ được ghi thêm/);
    await expect(
      cms.strapi.db.query(AUDIT).update({ where: { id: entry.id }, data: { actorEmail: 'x' } }),
    ).rejects.toThrow(/append-only/);
    await expect(cms.strapi.db.query(AUDIT).delete({ where: { id: entry.id } })).rejects.toThrow(
      /append-only/,
    );
    await expect(cms.strapi.db.query(AUDIT).deleteMany({ where: {} })).rejects.toThrow(/append-only/);
    const table = (cms.strapi.db.metadata.get(AUDIT) as unknown as { tableName: string }).tableName;
    await expect(cms.strapi.db.connection.raw(`UPDATE ${table} SET actor_email = 'x'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(cms.strapi.db.connection.raw(`DELETE FROM ${table}`)).rejects.toThrow(/append-only/);
    expect(await cms.strapi.db.query(AUDIT).findOne({ where: { id: entry.id } })).toEqual(entry);
  });

  test('it is not exposed over REST or GraphQL', async () => {
    await request(cms.http).get('/api/audit-entries').expect(404);
    const res = await request(cms.http).post('/graphql').send({ query: '{ auditEntries { action } }' });
    expect(JSON.stringify(res.body)).toMatch(/Không có trường/);
  });
});

describe('reading the log', () => {
  const listed = async (who: keyof World['tokens']) => {
    const res = await as(who).get(`${CM(AUDIT)}?pageSize=100`);
    return { status: res.status, sites: new Set((res.body.results ?? []).map((e: Entry) => e.siteCode)) };
  };

  beforeAll(async () => {
    await as('nationalAdmin')
      .put(`${CM(NEWS)}/${angiangItem}?locale=vi`)
      .send({ summary: 'Quốc gia sửa' })
      .expect(200);
  });

  test('a national administrator reads every site’s entries', async () => {
    const { status, sites } = await listed('nationalAdmin');
    expect(status).toBe(200);
    expect(sites).toEqual(expect.objectContaining(new Set(['ha-noi-ba-dinh', 'an-giang'])));
    expect([...sites]).toEqual(expect.arrayContaining(['ha-noi-ba-dinh', 'ha-noi-ngoc-ha', 'an-giang']));
  });

  test("a province's unit administrator reads its own and its communes' entries only", async () => {
    const { status, sites } = await listed('hanoiAdmin');
    expect(status).toBe(200);
    expect([...sites]).toEqual(expect.arrayContaining(['ha-noi-ba-dinh', 'ha-noi-ngoc-ha']));
    expect(sites.has('an-giang')).toBe(false);
    expect(sites.has(null)).toBe(false);
  });

  test('editors and reviewers cannot read the log', async () => {
    expect((await listed('editorA')).status).toBe(403);
    expect((await listed('reviewerA')).status).toBe(403);
  });
});
