import fs from 'fs';
import path from 'path';
import request from 'supertest';
import { startTestCms, type TestCms } from './harness';
import {
  EDITORIAL_API,
  createCitedLaws,
  createRegistry,
  editorialSample,
  editorialUid,
  type EditorialTypeName,
} from './fixtures';

/**
 * Every editorial type is public: created in Vietnamese with an English translation through the
 * Document Service, published, then read back over REST and GraphQL by locale, with filters,
 * sorting and pagination. Drafts stay private.
 */
let cms: TestCms;
let registry: Awaited<ReturnType<typeof createRegistry>>;
const created = new Map<EditorialTypeName, string>();

beforeAll(async () => {
  cms = await startTestCms('editorial_api');
  registry = await createRegistry(cms.strapi);
  await createCitedLaws(cms.strapi, registry.sites.national);
  for (const { type } of EDITORIAL_API) {
    const documents = cms.strapi.documents(editorialUid(type));
    const sample = editorialSample(type, registry.sites.national);
    const vi = (await documents.create({ locale: 'vi', data: sample.vi } as never)) as { documentId: string };
    await documents.update({ documentId: vi.documentId, locale: 'en', data: sample.en } as never);
    await documents.publish({ documentId: vi.documentId, locale: '*' } as never);
    created.set(type, vi.documentId);
    // A second, Hà Nội item that stays a draft: never public.
    await documents.create({
      locale: 'vi',
      data: { ...sample.vi, title: `Bản nháp: ${String(sample.vi.title)}`, owningSite: registry.sites.hanoi },
    } as never);
  }
});
afterAll(async () => {
  await cms?.stop();
});

describe.each(EDITORIAL_API)('$type', ({ type, rest, graphql }) => {
  const sample = () => editorialSample(type, registry.sites.national);

  test.each(['vi', 'en'] as const)(
    'REST lists the published item in %s with its own title',
    async (locale) => {
      const res = await request(cms.http)
        .get(`/api/${rest}`)
        .query({ locale, 'populate[owningSite][fields][0]': 'code' })
        .expect(200);
      expect(res.body.data).toHaveLength(1);
      const [item] = res.body.data;
      expect(item).toMatchObject({
        documentId: created.get(type),
        locale,
        title: sample()[locale].title,
        owningSite: { code: 'quoc-gia' },
      });
      expect(item.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(res.body.meta.pagination).toMatchObject({ page: 1, total: 1 });
    },
  );

  test('REST finds one item by owning site and slug, and reads it by documentId', async () => {
    const list = await request(cms.http).get(`/api/${rest}`).query({ locale: 'vi' }).expect(200);
    const slug = list.body.data[0].slug as string;
    const found = await request(cms.http)
      .get(`/api/${rest}`)
      .query({ locale: 'vi', 'filters[owningSite][code][$eq]': 'quoc-gia', 'filters[slug][$eq]': slug })
      .expect(200);
    expect(found.body.data.map((d: { slug: string }) => d.slug)).toEqual([slug]);
    const none = await request(cms.http)
      .get(`/api/${rest}`)
      .query({ locale: 'vi', 'filters[owningSite][code][$eq]': 'ha-noi' })
      .expect(200);
    expect(none.body.data).toEqual([]);
    const one = await request(cms.http)
      .get(`/api/${rest}/${created.get(type)}`)
      .query({ locale: 'en' })
      .expect(200);
    expect(one.body.data.title).toBe(sample().en.title);
  });

  test('GraphQL lists by owning site with sort and pagination, in both locales', async () => {
    const query = `query ($locale: I18NLocaleCode) {
      ${graphql}(locale: $locale, filters: { owningSite: { code: { eq: "quoc-gia" } } },
        sort: ["title:asc"], pagination: { page: 1, pageSize: 10 }) {
        documentId locale title slug owningSite { code }
      }
      ${graphql}_connection(locale: $locale) { pageInfo { total pageCount } }
    }`;
    for (const locale of ['vi', 'en'] as const) {
      const res = await request(cms.http).post('/graphql').send({ query, variables: { locale } }).expect(200);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data[graphql]).toEqual([
        expect.objectContaining({
          documentId: created.get(type),
          locale,
          title: sample()[locale].title,
          owningSite: { code: 'quoc-gia' },
        }),
      ]);
      expect(res.body.data[`${graphql}_connection`].pageInfo).toEqual({ total: 1, pageCount: 1 });
    }
  });
});

test('REST sorts and pages across items', async () => {
  const documents = cms.strapi.documents(editorialUid('news-item'));
  const titles = ['Tin C', 'Tin A', 'Tin B'];
  for (const title of titles) {
    await documents.create({
      locale: 'vi',
      status: 'published',
      data: { ...editorialSample('news-item', registry.sites.hanoi).vi, title },
    } as never);
  }
  const page = (n: number) =>
    request(cms.http)
      .get('/api/news-items')
      .query({
        locale: 'vi',
        'filters[owningSite][code][$eq]': 'ha-noi',
        sort: 'title:asc',
        'pagination[page]': n,
        'pagination[pageSize]': 2,
      })
      .expect(200);
  const [first, second] = [await page(1), await page(2)];
  expect(first.body.data.map((d: { title: string }) => d.title)).toEqual(['Tin A', 'Tin B']);
  expect(second.body.data.map((d: { title: string }) => d.title)).toEqual(['Tin C']);
  expect(first.body.meta.pagination).toEqual({ page: 1, pageSize: 2, pageCount: 2, total: 3 });
});

test('the Q&A of a dialogue are read through its inverse relation', async () => {
  const dialogue = created.get('dialogue')!;
  const qa = created.get('qa')!;
  await cms.strapi
    .documents(editorialUid('qa'))
    .update({ documentId: qa, locale: 'vi', data: { dialogue } } as never);
  await cms.strapi.documents(editorialUid('qa')).publish({ documentId: qa, locale: 'vi' } as never);
  const res = await request(cms.http)
    .get(`/api/dialogues/${dialogue}`)
    .query({ locale: 'vi', 'populate[questions][fields][0]': 'title' })
    .expect(200);
  expect(res.body.data.questions.map((q: { title: string }) => q.title)).toEqual([
    editorialSample('qa', registry.sites.national).vi.title,
  ]);
});

test('the English translation carries the facts shared by all locales', async () => {
  const read = async (locale: string) =>
    (
      await request(cms.http)
        .get(`/api/dialogues/${created.get('dialogue')}`)
        .query({ locale, 'populate[owningSite][fields][0]': 'code' })
        .expect(200)
    ).body.data;
  const [vi, en] = [await read('vi'), await read('en')];
  expect(en).toMatchObject({
    opensAt: '2026-03-01T01:00:00.000Z',
    closesAt: '2026-03-15T10:00:00.000Z',
    owningSite: { code: 'quoc-gia' },
  });
  // The phase follows the dates (the schedule extension moves it): whatever it is, it is shared.
  expect(en.phase).toBe(vi.phase);
  expect(['planned', 'open', 'live', 'closed']).toContain(vi.phase);
  expect(en.title).not.toBe(vi.title);
});

test('the README’s REST examples answer as documented', async () => {
  const qas = await request(cms.http)
    .get('/api/qas')
    .query({
      locale: 'vi',
      'filters[owningSite][code][$eq]': 'quoc-gia',
      'filters[handlingStatus][$eq]': 'published',
      'sort[0]': 'answeredAt:desc',
      'fields[0]': 'title',
      'fields[1]': 'slug',
      'fields[2]': 'question',
      'fields[3]': 'answeredAt',
      'populate[answeringOrganization][fields][0]': 'name',
      'pagination[page]': 1,
      'pagination[pageSize]': 10,
    })
    .expect(200);
  expect(qas.body.data).toHaveLength(1);
  expect(Object.keys(qas.body.data[0]).sort()).toEqual(
    ['answeredAt', 'answeringOrganization', 'documentId', 'id', 'question', 'slug', 'title'].sort(),
  );
  const en = editorialSample('dialogue', registry.sites.national).en;
  const dialogues = await request(cms.http)
    .get('/api/dialogues')
    .query({
      locale: 'en',
      'filters[owningSite][code][$eq]': 'quoc-gia',
      'filters[slug][$eq]': 'policy-dialogue-on-the-land-law-2024',
      'populate[questions][fields][0]': 'title',
      'populate[hostOrganization][fields][0]': 'name',
      'populate[citations]': 'true',
    })
    .expect(200);
  expect(dialogues.body.data.map((d: { title: string }) => d.title)).toEqual([en.title]);
  expect(dialogues.body.data[0].citations).toEqual([]);
});

test('the README’s GraphQL examples answer as documented (handlingStatus, phase)', async () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
  const bodies = [
    ...readme.matchAll(/^curl -s http:\/\/127\.0\.0\.1:1337\/graphql .* -d '(\{\n[\s\S]*?\n\})'$/gm),
  ].map((m) => JSON.parse(m[1]!) as { query: string; variables?: Record<string, unknown> });
  expect(bodies).toHaveLength(2);
  const [qaExample, dialogueExample] = bodies as [(typeof bodies)[0], (typeof bodies)[0]];
  // The README asks for Hà Nội's questions; the published sample here is the national portal's.
  const qas = await request(cms.http)
    .post('/graphql')
    .send({ ...qaExample, variables: { site: 'quoc-gia' } })
    .expect(200);
  expect(qas.body.errors).toBeUndefined();
  expect(qas.body.data.qas_connection.nodes).toEqual([
    expect.objectContaining({ documentId: created.get('qa') }),
  ]);
  const dialogues = await request(cms.http).post('/graphql').send(dialogueExample).expect(200);
  expect(dialogues.body.errors).toBeUndefined();
  expect(dialogues.body.data.dialogues).toEqual([
    expect.objectContaining({
      title: editorialSample('dialogue', registry.sites.national).en.title,
      phase: expect.stringMatching(/^(planned|open|live|closed)$/),
    }),
  ]);
});
