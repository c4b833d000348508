import request from 'supertest';
import { startTestCms, type TestCms } from './harness';
import { bearer, buildWorld, newsItem, type World } from './federation-support';

/**
 * A site puts a national item on its home page with a local note — by reference, so the
 * original's changes reach it — only when the syndication rules say the item appears there.
 */
const ADOPTIONS = '/content-manager/collection-types/api::site-adoption.site-adoption';
const NEWS = 'api::news-item.news-item';
let cms: TestCms;
let world: World;
const items: Record<string, string> = {};

beforeAll(async () => {
  cms = await startTestCms('federation_adoption');
  world = await buildWorld(cms.strapi, cms.http);
  const { sites } = world;
  const land = (await cms.strapi.documents('api::legal-field.legal-field').create({
    data: { code: 'bat-dong-san', name: 'Bất động sản' },
  } as never)) as { documentId: string };
  const landLaw = (await cms.strapi.documents('api::legal-field.legal-field').create({
    data: { code: 'dat-dai', name: 'Đất đai', parent: land.documentId },
  } as never)) as { documentId: string };
  // Ba Đình does not cover real estate (the sector, so land law too).
  await cms.strapi.documents('api::site.site').update({
    documentId: sites.communeA.documentId,
    data: { optedOutFields: [land.documentId] },
  } as never);
  const withFields = async (documentId: string, data: Record<string, unknown>) => {
    await cms.strapi.documents(NEWS).update({ documentId, locale: 'vi', data } as never);
    await cms.strapi.documents(NEWS).publish({ documentId, locale: 'vi' } as never);
  };
  items.everywhere = await newsItem(cms.strapi, sites.national, 'Ngày Pháp luật toàn quốc', {
    publish: true,
    audience: 'all_sites',
  });
  items.nationalOnly = await newsItem(cms.strapi, sites.national, 'Tin nội bộ của Bộ', { publish: true });
  items.nationalDraft = await newsItem(cms.strapi, sites.national, 'Tin quốc gia chưa đăng', {
    audience: 'all_sites',
  });
  items.province = await newsItem(cms.strapi, sites.hanoi, 'Tin Hà Nội cho các phường', {
    publish: true,
    audience: 'own_and_descendants',
  });
  items.otherProvince = await newsItem(cms.strapi, sites.angiang, 'Tin An Giang', {
    publish: true,
    audience: 'all_sites',
  });
  items.landLaw = await newsItem(cms.strapi, sites.national, 'Luật Đất đai: điểm mới', {
    audience: 'all_sites',
  });
  await withFields(items.landLaw, { fields: [landLaw.documentId] });
  items.landMandatory = await newsItem(cms.strapi, sites.national, 'Đất đai: bắt buộc phổ biến', {
    audience: 'all_sites',
  });
  await withFields(items.landMandatory, { fields: [landLaw.documentId], mandatory: true });
});
afterAll(async () => {
  await cms?.stop();
});

const adopt = (documentId: string, extra: Record<string, unknown> = {}) =>
  request(cms.http)
    .post(ADOPTIONS)
    .set(bearer(world.tokens.editorA))
    .send({
      targetType: 'news_item',
      targetDocumentId: documentId,
      localNoteTitle: 'Ghi chú của phường',
      ...extra,
    });

test.each([
  ['a national item for all sites', 'everywhere'],
  ["its province's item for the province's wards", 'province'],
  ['a mandatory national item, despite the opt-out', 'landMandatory'],
])('a ward adopts %s onto its home page', async (_what, key) => {
  const res = await adopt(items[key]!);
  expect(res.status).toBe(201);
  const stored = await cms.strapi.db.query('api::site-adoption.site-adoption').findOne({
    where: { documentId: res.body.data.documentId },
    populate: { owningSite: { select: ['code'] } },
  });
  expect(stored).toMatchObject({
    owningSite: { code: 'ha-noi-ba-dinh' },
    targetDocumentId: items[key],
    pinnedOnHome: true,
  });
  expect(stored.targetTitle).toEqual(expect.any(String));
});

test.each([
  ["a national item meant for the Ministry's own site", 'nationalOnly', /không dành cho trang này/],
  ['a national draft', 'nationalDraft', /đã xuất bản/],
  ["another province's item", 'otherProvince', /không dành cho trang này/],
  ['an item in a field it opted out of', 'landLaw', /không theo dõi/],
])('a ward cannot adopt %s', async (_what, key, message) => {
  const res = await adopt(items[key]!);
  expect(res.status).toBe(400);
  expect(res.body.error.message).toMatch(message);
  expect(res.body.error.details.errors[0].path).toEqual(['targetDocumentId']);
});

test("a ward cannot adopt for another ward's home page", async () => {
  const res = await adopt(items.everywhere!, {
    owningSite: { connect: [{ documentId: world.sites.communeB.documentId }] },
  });
  expect(res.status).toBe(403);
});

test('the sites read adoptions publicly, and the original is never copied', async () => {
  await cms.strapi
    .documents(NEWS)
    .update({ documentId: items.everywhere!, locale: 'vi', data: { summary: 'Bản gốc đã sửa' } } as never);
  await cms.strapi.documents(NEWS).publish({ documentId: items.everywhere!, locale: 'vi' } as never);
  const res = await request(cms.http)
    .get('/api/site-adoptions')
    .query({
      'filters[owningSite][code][$eq]': 'ha-noi-ba-dinh',
      'filters[targetDocumentId][$eq]': items.everywhere,
    })
    .expect(200);
  expect(res.body.data).toHaveLength(1);
  expect(res.body.data[0]).not.toHaveProperty('summary');
  const original = await request(cms.http).get(`/api/news-items/${items.everywhere}`).expect(200);
  expect(original.body.data.summary).toBe('Bản gốc đã sửa');
});
