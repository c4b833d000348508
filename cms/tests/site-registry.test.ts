import request from 'supertest';
import { startTestCms, type TestCms } from './harness';
import { bearer, buildWorld, newsItem, type World } from './federation-support';
import { runAsOperator } from '../src/extensions/federation/caller';
import {
  RegistryError,
  addSite,
  mergeSites,
  renameSite,
  setSiteEnabled,
} from '../src/extensions/site-registry';

/**
 * Registry operations (the services behind `pnpm --filter @pbgdpl/cms run site-registry`): add a
 * site under the right parent, rename it (a new code keeps the old address as a redirect),
 * merge communes as in the 2025 reform (items, editors and addresses move; the old site stays,
 * disabled), disable — each audited with the operator's name.
 */
const SITE = 'api::site.site';
const NEWS = 'api::news-item.news-item';
const AUDIT = 'api::audit-entry.audit-entry';
const REDIRECT = 'api::site-redirect.site-redirect';
let cms: TestCms;
let world: World;

beforeAll(async () => {
  cms = await startTestCms('site_registry');
  world = await buildWorld(cms.strapi, cms.http);
});
afterAll(async () => {
  await cms?.stop();
});

const operator = <T>(fn: () => Promise<T>) => runAsOperator('site-registry (kiểm thử)', fn);
const site = (code: string) =>
  cms.strapi.db
    .query(SITE)
    .findOne({ where: { code }, populate: { parent: { select: ['code'] } } }) as Promise<
    (Record<string, unknown> & { parent: { code: string } | null }) | null
  >;

describe('add', () => {
  test('adds a ward under its province, served under its code, and audits it', async () => {
    const added = await operator(() =>
      addSite(cms.strapi, {
        code: 'ha-noi-hoan-kiem',
        name: 'Phường Hoàn Kiếm',
        kind: 'commune',
        parentCode: 'ha-noi',
        adminUnitCode: '00070',
      }),
    );
    expect(added).toMatchObject({ code: 'ha-noi-hoan-kiem', basePath: '/ha-noi-hoan-kiem/', enabled: true });
    expect((await site('ha-noi-hoan-kiem'))?.parent?.code).toBe('ha-noi');
    const entry = await cms.strapi.db
      .query(AUDIT)
      .findOne({ where: { contentType: SITE, itemTitle: 'Phường Hoàn Kiếm' } });
    expect(entry).toMatchObject({
      action: 'create',
      actorKind: 'system',
      actorLabel: 'site-registry (kiểm thử)',
    });
  });

  test.each([
    [{ code: 'ha-noi-ba-dinh', name: 'Trùng', kind: 'commune', parentCode: 'ha-noi' }, /đã có/],
    [{ code: 'Ha Noi', name: 'Sai mã', kind: 'province', parentCode: 'quoc-gia' }, /không hợp lệ/],
    [{ code: 'xa-moi', name: 'Xã mới', kind: 'commune', parentCode: 'quoc-gia' }, /phải là Tỉnh/],
    [{ code: 'xa-moi', name: 'Xã mới', kind: 'commune' }, /cần trang cấp trên/],
  ])('refuses %j', async (input, message) => {
    await expect(addSite(cms.strapi, input as never)).rejects.toThrow(RegistryError);
    await expect(addSite(cms.strapi, input as never)).rejects.toThrow(message);
  });
});

describe('rename', () => {
  test('a new name keeps the address', async () => {
    await operator(() =>
      renameSite(cms.strapi, { code: 'an-giang-long-xuyen', name: 'Phường Long Xuyên (mới)' }),
    );
    expect(await site('an-giang-long-xuyen')).toMatchObject({
      name: 'Phường Long Xuyên (mới)',
      basePath: '/an-giang-long-xuyen/',
    });
  });

  test('a new code moves the site, keeps a redirect, and renames its API tokens', async () => {
    await cms.strapi
      .service('admin::api-token')
      .create({ name: '[an-giang-long-xuyen] Cổng', type: 'full-access', lifespan: null });
    await operator(() =>
      renameSite(cms.strapi, { code: 'an-giang-long-xuyen', newCode: 'an-giang-long-xuyen-moi' }),
    );
    expect(await site('an-giang-long-xuyen')).toBeNull();
    expect(await site('an-giang-long-xuyen-moi')).toMatchObject({ basePath: '/an-giang-long-xuyen-moi/' });
    expect(
      await cms.strapi.db.query(REDIRECT).findOne({ where: { fromPath: '/an-giang-long-xuyen/' } }),
    ).toMatchObject({
      toPath: '/an-giang-long-xuyen-moi/',
      reason: 'rename',
    });
    expect(
      await cms.strapi.db
        .query('admin::api-token')
        .findOne({ where: { name: '[an-giang-long-xuyen-moi] Cổng' } }),
    ).not.toBeNull();
    // Renamed again: the first redirect leads straight to the newest address (no chains).
    await operator(() =>
      renameSite(cms.strapi, { code: 'an-giang-long-xuyen-moi', newCode: 'an-giang-long-xuyen-2' }),
    );
    expect(
      (await cms.strapi.db.query(REDIRECT).findOne({ where: { fromPath: '/an-giang-long-xuyen/' } }))?.toPath,
    ).toBe('/an-giang-long-xuyen-2/');
  });
});

describe('merge', () => {
  let movedDraft: string;
  let movedPublished: string;
  let clash: string;

  beforeAll(async () => {
    movedDraft = await newsItem(cms.strapi, world.sites.communeB, 'Tin Ngọc Hà bản nháp');
    movedPublished = await newsItem(cms.strapi, world.sites.communeB, 'Tin Ngọc Hà đã đăng', {
      publish: true,
    });
    await newsItem(cms.strapi, world.sites.communeA, 'Lịch tiếp công dân');
    clash = await newsItem(cms.strapi, world.sites.communeB, 'Lịch tiếp công dân');
  });

  test("moves every version of the merged ward's items, its editors and its address to the surviving ward", async () => {
    const result = await operator(() =>
      mergeSites(cms.strapi, { from: ['ha-noi-ngoc-ha'], into: 'ha-noi-ba-dinh' }),
    );
    expect(result.movedItems[NEWS]).toBe(3);
    expect(result.movedMemberships).toBe(1);
    expect(result.renamedSlugs).toEqual([
      {
        contentType: NEWS,
        documentId: clash,
        from: 'lich-tiep-cong-dan',
        to: 'lich-tiep-cong-dan-ha-noi-ngoc-ha',
      },
    ]);
    for (const documentId of [movedDraft, movedPublished, clash]) {
      const rows = (await cms.strapi.db.query(NEWS).findMany({
        where: { documentId },
        populate: { owningSite: { select: ['code'] } },
      })) as Array<{ publishedAt: string | null; owningSite: { code: string } }>;
      expect(rows.map((r) => r.owningSite.code)).toEqual(rows.map(() => 'ha-noi-ba-dinh'));
    }
    // The published version stayed published.
    expect(
      await cms.strapi.db
        .query(NEWS)
        .count({ where: { documentId: movedPublished, publishedAt: { $notNull: true } } }),
    ).toBe(1);
    expect(await site('ha-noi-ngoc-ha')).toMatchObject({ enabled: false });
    expect(
      await cms.strapi.db.query(REDIRECT).findOne({ where: { fromPath: '/ha-noi-ngoc-ha/' } }),
    ).toMatchObject({
      toPath: '/ha-noi-ba-dinh/',
      reason: 'merge',
    });
    const entry = await cms.strapi.db.query(AUDIT).findOne({ where: { action: 'site_merge' } });
    expect(entry).toMatchObject({ siteCode: 'ha-noi-ba-dinh', actorLabel: 'site-registry (kiểm thử)' });
    expect(entry.changes.from).toEqual(['ha-noi-ngoc-ha']);
  });

  test("the merged ward's editor now works on the surviving ward's items", async () => {
    const list = await request(cms.http)
      .get(`/content-manager/collection-types/${NEWS}?locale=vi&pageSize=100`)
      .set(bearer(world.tokens.editorB))
      .expect(200);
    const ids = (list.body.results as Array<{ documentId: string }>).map((r) => r.documentId);
    expect(ids).toEqual(expect.arrayContaining([movedDraft, clash]));
    await request(cms.http)
      .put(`/content-manager/collection-types/${NEWS}/${movedDraft}?locale=vi`)
      .set(bearer(world.tokens.editorB))
      .send({ summary: 'Sửa sau hợp nhất' })
      .expect(200);
  });

  test('running it again changes nothing', async () => {
    const again = await operator(() =>
      mergeSites(cms.strapi, { from: ['ha-noi-ngoc-ha'], into: 'ha-noi-ba-dinh' }),
    );
    expect(again).toMatchObject({ movedItems: {}, movedMemberships: 0, reparentedSites: [] });
  });

  test.each([
    [{ from: ['ha-noi-ba-dinh'], into: 'ha-noi-ba-dinh' }, /chính nó/],
    [{ from: ['ha-noi'], into: 'ha-noi-ba-dinh' }, /cùng loại/],
    [{ from: ['khong-co'], into: 'ha-noi-ba-dinh' }, /Không có trang/],
    [{ from: ['ha-noi-ba-dinh'], into: 'ha-noi-ngoc-ha' }, /ngừng hoạt động/],
  ])('refuses %j', async (input, message) => {
    await expect(mergeSites(cms.strapi, input)).rejects.toThrow(message);
  });
});

describe('disable', () => {
  test('stops a site and brings it back, audited, keeping its content', async () => {
    const before = await cms.strapi.db.query(NEWS).count({ where: { owningSite: { code: 'an-giang' } } });
    await operator(() => setSiteEnabled(cms.strapi, 'an-giang', false));
    expect(await site('an-giang')).toMatchObject({ enabled: false });
    await operator(() => setSiteEnabled(cms.strapi, 'an-giang', true));
    expect(await site('an-giang')).toMatchObject({ enabled: true });
    expect(await cms.strapi.db.query(NEWS).count({ where: { owningSite: { code: 'an-giang' } } })).toBe(
      before,
    );
    const updates = (await cms.strapi.db.query(AUDIT).findMany({
      where: { contentType: SITE, action: 'update', siteCode: 'an-giang' },
      orderBy: { id: 'asc' },
    })) as Array<{ changes: Record<string, { before: unknown; after: unknown }> }>;
    expect(updates.map((u) => u.changes.enabled)).toEqual([
      { before: true, after: false },
      { before: false, after: true },
    ]);
  });
});

describe('through the API', () => {
  test.each(['hanoiAdmin', 'editorA'] as const)('a %s cannot add or delete sites', async (who) => {
    const created = await request(cms.http)
      .post(`/content-manager/collection-types/${SITE}`)
      .set(bearer(world.tokens[who]))
      .send({ code: 'gia-mao', name: 'Giả mạo', kind: 'commune', basePath: '/gia-mao/' });
    expect(created.status).toBe(403);
    const deleted = await request(cms.http)
      .delete(`/content-manager/collection-types/${SITE}/${world.sites.communeA.documentId}`)
      .set(bearer(world.tokens[who]));
    expect(deleted.status).toBe(403);
    expect(await site('gia-mao')).toBeNull();
  });

  test('not even a national administrator deletes a site: disable or merge instead', async () => {
    const res = await request(cms.http)
      .delete(`/content-manager/collection-types/${SITE}/${world.sites.angiang.documentId}`)
      .set(bearer(world.tokens.nationalAdmin));
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/ngừng hoạt động hoặc hợp nhất/);
    expect(await site('an-giang')).not.toBeNull();
  });
});
