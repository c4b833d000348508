import request from 'supertest';
import { startTestCms, type TestCms } from './harness';
import { blocks, createRegistry } from './fixtures';
import { newsItem } from './federation-support';
import { QA, QUESTIONS, postJson, qaRows, submissionEnv } from './submission-support';
import { contentVersionOf } from '../src/extensions/read-cache/content-version';

/**
 * Issue 7: citizens' questions and reports are written as drafts (or to a type nobody reads
 * anonymously), which changes no public read, so they must not empty the read cache: at 25
 * submissions a second every cached listing would otherwise be rebuilt all the time. Publishing,
 * unpublishing, deleting and any write to a question that has a published version still move the
 * content version.
 */
let cms: TestCms;
let registry: Awaited<ReturnType<typeof createRegistry>>;
let bumps = 0;

type Service = { issueToken: (site: string) => string };
const service = () => cms.strapi.service('api::submission.submission') as unknown as Service;

beforeAll(async () => {
  submissionEnv();
  cms = await startTestCms('read_cache_drafts');
  registry = await createRegistry(cms.strapi);
  // Counts the version moves asked for by writes (synchronous with the write, even when the move
  // itself waits for a transaction's commit).
  const version = contentVersionOf(cms.strapi);
  const bump = version.bump.bind(version);
  version.bump = () => {
    bumps += 1;
    return bump();
  };
});
afterAll(async () => {
  await cms?.stop();
});

/** How many times the version was moved while `work` ran. */
async function versionMovesDuring(work: () => Promise<unknown>): Promise<number> {
  const before = bumps;
  await work();
  return bumps - before;
}

const qaListing = () => request(cms.http).get('/api/qas?locale=vi&sort=id');
const graphqlListing = () =>
  request(cms.http)
    .post('/graphql')
    .send({ query: '{ qas(locale: "vi") { documentId title } newsItems(locale: "vi") { title } }' });

async function ask(question: string): Promise<string> {
  const res = await postJson(cms.http, 'questions', null, {
    site: 'ha-noi',
    token: service().issueToken('ha-noi'),
    question,
    consent: true,
    email: 'nguoi.hoi.cache@example.vn',
  }).expect(201);
  const [row] = await qaRows(cms.strapi, { trackingCode: res.body.data.trackingCode });
  return row!.documentId as string;
}

let questionId: string;

test('a citizen’s question stored as a draft moves no version: the cached listings stay hits', async () => {
  await qaListing().expect(200);
  await graphqlListing().expect(200);
  expect(await versionMovesDuring(async () => (questionId = await ask(QUESTIONS.retirement)))).toBe(0);
  const listing = await qaListing().expect(200);
  expect(listing.headers['x-read-cache']).toBe('hit');
  expect(listing.body.data).toEqual([]); // the draft is not public
  expect((await graphqlListing().expect(200)).headers['x-read-cache']).toBe('hit');
});

test('a report on a published item moves no version either (nobody reads reports anonymously)', async () => {
  const item = await newsItem(cms.strapi, { documentId: registry.sites.hanoi }, 'Tin hoạt động để báo cáo', {
    publish: true,
  });
  const listing = await graphqlListing().expect(200); // the publish moved the version
  expect(listing.headers['x-read-cache']).toBe('miss');
  const moves = await versionMovesDuring(() =>
    postJson(cms.http, 'reports', null, {
      site: 'ha-noi',
      token: service().issueToken('ha-noi'),
      itemType: 'news-item',
      item,
      reason: 'outdated',
      message: 'Thông tin này đã cũ.',
    }).expect(201),
  );
  expect(moves).toBe(0);
  expect((await graphqlListing().expect(200)).headers['x-read-cache']).toBe('hit');
});

test('editing the question’s draft before it is published moves no version', async () => {
  await qaListing().expect(200);
  const moves = await versionMovesDuring(() =>
    cms.strapi.documents(QA).update({
      documentId: questionId,
      locale: 'vi',
      data: {
        answer: blocks(
          'Theo khoản 2 Điều 169 Bộ luật Lao động năm 2019, tuổi nghỉ hưu của người lao động nam trong điều kiện lao động bình thường là đủ 62 tuổi (lộ trình tăng dần từ năm 2021).',
        ),
        answeredAt: '2026-03-04',
      },
    } as never),
  );
  expect(moves).toBe(0);
  expect((await qaListing().expect(200)).headers['x-read-cache']).toBe('hit');
});

test('publishing the answer moves the version: the listing is rebuilt and shows it', async () => {
  expect(
    await versionMovesDuring(() =>
      cms.strapi.documents(QA).publish({ documentId: questionId, locale: 'vi' } as never),
    ),
  ).toBeGreaterThan(0);
  const listing = await qaListing().expect(200);
  expect(listing.headers['x-read-cache']).toBe('miss');
  expect(listing.body.data.map((q: { documentId: string }) => q.documentId)).toEqual([questionId]);
});

test('a write to the draft of a published question moves the version (its locales’ published rows may follow)', async () => {
  expect(
    await versionMovesDuring(() =>
      cms.strapi.documents(QA).update({
        documentId: questionId,
        locale: 'vi',
        data: { title: 'Tuổi nghỉ hưu của người lao động nam' },
      } as never),
    ),
  ).toBeGreaterThan(0);
});

test('unpublishing and deleting move the version', async () => {
  expect(
    await versionMovesDuring(() =>
      cms.strapi.documents(QA).unpublish({ documentId: questionId, locale: 'vi' } as never),
    ),
  ).toBeGreaterThan(0);
  expect((await qaListing().expect(200)).body.data).toEqual([]);
  const another = await ask(QUESTIONS.marriage);
  expect(
    await versionMovesDuring(() =>
      cms.strapi.documents(QA).delete({ documentId: another, locale: 'vi' } as never),
    ),
  ).toBeGreaterThan(0);
});

test('a question created already published moves the version', async () => {
  expect(
    await versionMovesDuring(() =>
      cms.strapi.documents(QA).create({
        locale: 'vi',
        status: 'published',
        data: {
          title: 'Câu hỏi đăng sẵn',
          question: QUESTIONS.land,
          answer: blocks('Trả lời theo Điều 96 Luật Đất đai năm 2024.'),
          answeredAt: '2026-03-05',
          consentToPublish: true,
          audience: 'own_site',
          owningSite: registry.sites.hanoi,
        },
      } as never),
    ),
  ).toBeGreaterThan(0);
});
