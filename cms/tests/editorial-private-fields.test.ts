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
 * A Q&A asker's contact, tracking code, the reason a question was refused, internal notes and
 * every item's review state and note never leave the CMS through the public APIs: not in the
 * default JSON, not when a client asks for them by name, not through a relation, and a filter on
 * them cannot be used to probe their values.
 */
const QA_PRIVATE = [
  'askerName',
  'askerEmail',
  'askerPhone',
  'consentToPublish',
  'trackingCode',
  'rejectionReason',
  'internalNote',
];
const REVIEW_PRIVATE = ['reviewState', 'reviewNote'];
let cms: TestCms;
let registry: Awaited<ReturnType<typeof createRegistry>>;
let qaId: string;
let dialogueId: string;
const secrets = () => {
  const qa = editorialSample('qa', registry.sites.national).vi;
  return [
    qa.askerName,
    qa.askerEmail,
    qa.askerPhone,
    qa.trackingCode,
    qa.internalNote,
    qa.reviewNote,
  ] as string[];
};

beforeAll(async () => {
  cms = await startTestCms('editorial_private_fields');
  registry = await createRegistry(cms.strapi);
  await createCitedLaws(cms.strapi, registry.sites.national);
  const create = async (type: EditorialTypeName, extra: Record<string, unknown> = {}) => {
    const sample = editorialSample(type, registry.sites.national);
    const created = (await cms.strapi.documents(editorialUid(type)).create({
      locale: 'vi',
      status: 'published',
      data: { ...sample.vi, reviewState: 'approved', reviewNote: 'Nhận xét của người duyệt.', ...extra },
    } as never)) as { documentId: string };
    return created.documentId;
  };
  dialogueId = await create('dialogue');
  qaId = await create('qa', { dialogue: dialogueId, rejectionReason: 'Lý do từ chối lưu nội bộ.' });
  for (const { type } of EDITORIAL_API) if (type !== 'qa' && type !== 'dialogue') await create(type);
});
afterAll(async () => {
  await cms?.stop();
});

/** No private value anywhere in the body, and no private key on any object of its data. */
function expectNoSecret(body: unknown) {
  const json = JSON.stringify(body);
  for (const secret of secrets()) expect(json).not.toContain(secret);
  const keys = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        keys.add(key);
        walk(inner);
      }
    }
  };
  walk((body as { data?: unknown } | null)?.data ?? body);
  for (const field of [...QA_PRIVATE, ...REVIEW_PRIVATE]) expect(keys).not.toContain(field);
}

describe('REST', () => {
  test.each(EDITORIAL_API.map((e) => [e.type, e.rest] as const))(
    '%s: lists and single reads carry no private field',
    async (_type, rest) => {
      const list = await request(cms.http)
        .get(`/api/${rest}`)
        .query({ locale: 'vi', populate: '*' })
        .expect(200);
      expect(list.body.data.length).toBeGreaterThan(0);
      expectNoSecret(list.body);
      const one = await request(cms.http).get(`/api/${rest}/${list.body.data[0].documentId}`).expect(200);
      expectNoSecret(one.body);
    },
  );

  test.each([...QA_PRIVATE, ...REVIEW_PRIVATE])('asking for %s by name gives nothing', async (field) => {
    const res = await request(cms.http).get('/api/qas').query({ 'fields[0]': field, 'fields[1]': 'title' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'invalid_parameter',
      message: `Tham số hoặc trường “${field}” không hợp lệ hay không được phép.`,
    });
    expectNoSecret(res.body);
  });

  test('populating everything, and the questions of a dialogue, gives nothing private', async () => {
    const deep = await request(cms.http)
      .get(`/api/dialogues/${dialogueId}`)
      .query({ 'populate[questions][populate]': '*', 'populate[questions][fields][0]': 'askerEmail' });
    expect(deep.status).toBe(400);
    expectNoSecret(deep.body);
    const questions = await request(cms.http)
      .get(`/api/dialogues/${dialogueId}`)
      .query({ 'populate[questions]': 'true' })
      .expect(200);
    expect(questions.body.data.questions.map((q: { documentId: string }) => q.documentId)).toEqual([qaId]);
    expectNoSecret(questions.body);
  });

  test.each([
    ['askerEmail', 'nguoi-hoi@example.vn', 'khong-phai@example.vn'],
    ['trackingCode', 'HD-TEST-0001', 'HD-KHAC'],
    ['reviewState', 'approved', 'draft'],
  ])('a filter on %s cannot tell a right guess from a wrong one', async (field, right, wrong) => {
    const ask = (value: string) =>
      request(cms.http)
        .get('/api/qas')
        .query({ [`filters[${field}][$eq]`]: value });
    const [hit, miss] = [await ask(right), await ask(wrong)];
    expect([hit.status, miss.status]).toEqual([400, 400]);
    expect(hit.body).toEqual(miss.body);
    expectNoSecret(hit.body);
  });

  test('a filter on a private field through a relation is no probe either', async () => {
    const ask = (value: string) =>
      request(cms.http).get('/api/dialogues').query({ 'filters[questions][askerEmail][$eq]': value });
    const [hit, miss] = [await ask('nguoi-hoi@example.vn'), await ask('khong-phai@example.vn')];
    expect([hit.status, miss.status]).toEqual([400, 400]);
    expect(hit.body).toEqual(miss.body);
  });
});

describe('GraphQL', () => {
  const gql = (query: string) => request(cms.http).post('/graphql').send({ query });

  const TYPE_NAMES = [
    'Introduction',
    'Qa',
    'Dialogue',
    'Material',
    'Video',
    'LegalSituation',
    'Book',
    'Guidance',
    'NewsItem',
  ];

  test.each(TYPE_NAMES)('%s: neither the type nor its filters have a private field', async (typeName) => {
    for (const name of [typeName, `${typeName}FiltersInput`]) {
      const res = await gql(`{ __type(name: "${name}") { fields { name } inputFields { name } } }`).expect(
        200,
      );
      const type = res.body.data.__type as {
        fields: Array<{ name: string }> | null;
        inputFields: Array<{ name: string }> | null;
      };
      const names = [...(type.fields ?? []), ...(type.inputFields ?? [])].map((f) => f.name);
      expect(names).toContain('title');
      for (const secret of [...QA_PRIVATE, ...REVIEW_PRIVATE]) expect(names).not.toContain(secret);
    }
  });

  test.each([...QA_PRIVATE, ...REVIEW_PRIVATE])(
    'a query naming %s fails and returns no data',
    async (field) => {
      const res = await gql(`{ qas { title ${field} } }`);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].message).toBe(`Không có trường “${field}” trong kiểu “Qa”.`);
      expectNoSecret(res.body.data ?? null);
    },
  );

  test('a filter on a private field is not in the schema, nor through a relation', async () => {
    const direct = await gql(`{ qas(filters: { askerEmail: { eq: "nguoi-hoi@example.vn" } }) { title } }`);
    expect(direct.status).toBe(400);
    expect(direct.body.errors[0].message).toMatch(/askerEmail/);
    const nested = await gql(
      `{ dialogues(filters: { questions: { trackingCode: { eq: "HD-TEST-0001" } } }) { title } }`,
    );
    expect(nested.status).toBe(400);
    expect(nested.body.errors[0].message).toMatch(/trackingCode/);
  });

  test('the public fields of a Q&A and its dialogue are readable', async () => {
    const res = await gql(
      `{ qas { documentId title question handlingStatus answeredAt dialogue { documentId title questions { documentId } } } }`,
    ).expect(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.qas).toEqual([
      expect.objectContaining({
        documentId: qaId,
        handlingStatus: 'published',
        dialogue: expect.objectContaining({ documentId: dialogueId }),
      }),
    ]);
    expectNoSecret(res.body);
  });
});
