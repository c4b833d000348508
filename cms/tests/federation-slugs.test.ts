import request from 'supertest';
import { startTestCms, type TestCms } from './harness';
import { bearer, buildWorld, type World } from './federation-support';

/**
 * Slugs are unique within one site, type and locale — never across sites — so the check can
 * tell an editor nothing about another unit's content: two units use the same address freely,
 * a slug made from a title is numbered only against the editor's own site, and the refusal
 * names the editor's own site only.
 */
const NEWS = 'api::news-item.news-item';
const CM = `/content-manager/collection-types/${NEWS}`;
let cms: TestCms;
let world: World;

beforeAll(async () => {
  cms = await startTestCms('federation_slugs');
  world = await buildWorld(cms.strapi, cms.http);
});
afterAll(async () => {
  await cms?.stop();
});

const create = (who: keyof World['tokens'], data: Record<string, unknown>) =>
  request(cms.http)
    .post(`${CM}?locale=vi`)
    .set(bearer(world.tokens[who]))
    .send({ audience: 'own_site', summary: 'Tóm tắt thử nghiệm.', ...data });

const slugsOf = async (siteCode: string) =>
  (
    (await cms.strapi.db.query(NEWS).findMany({
      where: { owningSite: { code: siteCode }, publishedAt: null },
      select: ['slug'],
    })) as Array<{ slug: string }>
  )
    .map((r) => r.slug)
    .sort();

test('two units (and the national portal) each use the same slug for their own item', async () => {
  const secret = 'ke-hoach-thanh-tra-bi-mat';
  await cms.strapi.documents(NEWS).create({
    locale: 'vi',
    data: {
      title: 'Kế hoạch quốc gia',
      slug: secret,
      summary: 'Tóm tắt.',
      audience: 'own_site',
      owningSite: world.sites.national.documentId,
    },
  } as never);
  const a = await create('editorA', { title: 'Kế hoạch của Ba Đình', slug: secret });
  expect(a.status).toBe(201);
  const b = await create('editorB', { title: 'Kế hoạch của Ngọc Hà', slug: secret });
  expect(b.status).toBe(201);
  const angiang = await create('angiangEditor', { title: 'Kế hoạch của An Giang', slug: secret });
  expect(angiang.status).toBe(201);
  expect(await slugsOf('ha-noi-ba-dinh')).toEqual([secret]);
  expect(await slugsOf('ha-noi-ngoc-ha')).toEqual([secret]);
  expect(await slugsOf('an-giang')).toEqual([secret]);
});

test('a slug made from the title is numbered against the editor’s own site only', async () => {
  // Ngọc Hà already has "tap-huan-luat-dat-dai" twice; Ba Đình has none.
  for (const n of [1, 2]) {
    const res = await create('editorB', { title: 'Tập huấn Luật Đất đai', slug: n === 1 ? '' : undefined });
    expect(res.status).toBe(201);
  }
  expect(await slugsOf('ha-noi-ngoc-ha')).toEqual(
    expect.arrayContaining(['tap-huan-luat-dat-dai', 'tap-huan-luat-dat-dai-2']),
  );
  const a = await create('editorA', { title: 'Tập huấn Luật Đất đai' });
  expect(a.status).toBe(201);
  expect(await slugsOf('ha-noi-ba-dinh')).toContain('tap-huan-luat-dat-dai');
  expect(await slugsOf('ha-noi-ba-dinh')).not.toContain('tap-huan-luat-dat-dai-2');
});

test('a slug taken on the editor’s own site is refused naming that site only; the other units’ slugs are never mentioned', async () => {
  await create('editorA', { title: 'Ngày Pháp luật ở Ba Đình', slug: 'ngay-phap-luat' }).expect(201);
  await create('editorB', { title: 'Ngày Pháp luật ở Ngọc Hà', slug: 'ngay-phap-luat-ngoc-ha' }).expect(201);
  const before = await cms.strapi.db.query(NEWS).count({});

  const mine = await create('editorA', { title: 'Ngày Pháp luật lần hai', slug: 'ngay-phap-luat' });
  expect(mine.status).toBe(400);
  expect(mine.body.error.details.errors[0].path).toEqual(['slug']);
  expect(mine.body.error.message).toMatch(/đã được dùng cho một mục .* khác của trang này/);

  // The same attempt with Ngọc Hà's slug succeeds: nothing tells Ba Đình it exists elsewhere.
  const theirs = await create('editorA', { title: 'Ngày Pháp luật lần hai', slug: 'ngay-phap-luat-ngoc-ha' });
  expect(theirs.status).toBe(201);
  expect(await cms.strapi.db.query(NEWS).count({})).toBe(before + 1);
});

test('renaming one’s own item to another unit’s slug is allowed; to one’s own taken slug is refused', async () => {
  const a = await create('editorA', { title: 'Tin đổi đường dẫn', slug: 'tin-doi-duong-dan' }).expect(201);
  await create('editorB', { title: 'Tin Ngọc Hà', slug: 'tin-rieng-ngoc-ha' }).expect(201);
  await create('editorA', { title: 'Tin Ba Đình khác', slug: 'tin-rieng-ba-dinh' }).expect(201);
  const url = `${CM}/${a.body.data.documentId}?locale=vi`;
  const ok = await request(cms.http)
    .put(url)
    .set(bearer(world.tokens.editorA))
    .send({ slug: 'tin-rieng-ngoc-ha' });
  expect(ok.status).toBe(200);
  const taken = await request(cms.http)
    .put(url)
    .set(bearer(world.tokens.editorA))
    .send({ slug: 'tin-rieng-ba-dinh' });
  expect(taken.status).toBe(400);
  expect(taken.body.error.details.errors[0].path).toEqual(['slug']);
});

test('a question forwarded to a unit that uses its slug is numbered there, silently: the forward is never refused for it', async () => {
  const QA = 'api::qa.qa';
  // A citizen's question (it has a tracking code): the moderation workflow forwards it.
  const question = async (site: { documentId: string }, title: string, trackingCode: string) =>
    (
      (await cms.strapi.documents(QA).create({
        locale: 'vi',
        data: {
          title,
          slug: 'thu-tuc-chung-thuc',
          question: 'Tôi cần mang giấy tờ gì để chứng thực bản sao?',
          audience: 'own_site',
          owningSite: site.documentId,
          trackingCode,
        },
      } as never)) as { documentId: string }
    ).documentId;
  await question(world.sites.hanoi, 'Chứng thực ở Hà Nội', 'SLUGHN01');
  const forwarded = await question(world.sites.communeA, 'Chứng thực ở Ba Đình', 'SLUGBD01');

  const res = await request(cms.http)
    .put(`/content-manager/collection-types/${QA}/${forwarded}?locale=vi`)
    .set(bearer(world.tokens.editorA))
    .send({ forwardTo: { connect: [{ documentId: world.sites.hanoi.documentId }], disconnect: [] } });
  expect([res.status, res.body?.error?.message ?? null]).toEqual([200, null]);
  expect(JSON.stringify(res.body)).not.toContain('thu-tuc-chung-thuc-2');
  const rows = (await cms.strapi.db.query(QA).findMany({
    where: { owningSite: { code: 'ha-noi' }, publishedAt: null },
    select: ['documentId', 'slug'],
  })) as Array<{ documentId: string; slug: string }>;
  expect(rows.map((r) => r.slug).sort()).toEqual(['thu-tuc-chung-thuc', 'thu-tuc-chung-thuc-2']);
  expect(rows.find((r) => r.documentId === forwarded)?.slug).toBe('thu-tuc-chung-thuc-2');
});
