import request from 'supertest';
import { addDays, todayInVietnam } from '@pbgdpl/domain';
import { startTestCms, type TestCms } from './harness';
import { blocks } from './fixtures';
import { bearer, buildWorld, type World } from './federation-support';
import { QA, QUESTIONS, postJson, qaRows, submissionEnv } from './submission-support';

/**
 * Demand signals (issue 8): the sites' search beacon stores one aggregate counter per site, query
 * and day and nothing that identifies anyone; it refuses junk and personal data in Vietnamese; the
 * administrators' summary shows what citizens ask (Q&A fields, volume per day) and search for
 * (k-anonymous), each administrator only for the sites in their scope.
 */
const BEACON = '/api/pbgdpl-demand/search';
const SUMMARY = '/api/pbgdpl-demand/summary';
const SITE_PAGE = 'http://127.0.0.1:4321'; // the sites' shared host (PBGDPL_SITES_URL), as in the demo
const TABLE = 'pbgdpl_demand_searches';
let cms: TestCms;
let world: World;

type Service = { issueToken: (site: string) => string };

/** A beacon as the search page sends it: text/plain holding JSON, from a visitor's address. */
const beacon = (visitor: string, body: unknown, origin: string | null = SITE_PAGE) => {
  const req = request(cms.http)
    .post(BEACON)
    .set('Content-Type', 'text/plain;charset=UTF-8')
    .set('X-Forwarded-For', visitor);
  if (origin) req.set('Origin', origin);
  return req.send(typeof body === 'string' ? body : JSON.stringify(body));
};
const rows = async () =>
  (await cms.strapi.db.connection(TABLE).select('*').orderBy(['site_id', 'query'])) as Array<
    Record<string, unknown>
  >;
const summary = (token: string, query: Record<string, string | number>) =>
  request(cms.http).get(SUMMARY).query(query).set(bearer(token));

beforeAll(async () => {
  submissionEnv();
  // Behind the reverse proxy the visitor's address is X-Forwarded-For: distinct visitors in tests.
  Object.assign(process.env, {
    PUBLIC_PROXY: 'true',
    DEMAND_BEACON_LIMITS: '12/600',
    PBGDPL_SITES_URL: SITE_PAGE,
  });
  cms = await startTestCms('demand');
  world = await buildWorld(cms.strapi, cms.http);
});
afterAll(async () => {
  delete process.env.PUBLIC_PROXY;
  delete process.env.DEMAND_BEACON_LIMITS;
  delete process.env.PBGDPL_SITES_URL;
  await cms?.stop();
});

describe('the search beacon', () => {
  test('answers 204 with no body and stores only (site, day, query, count): no address, browser, cookie or time', async () => {
    const before = await cms.strapi.db.connection('pbgdpl_submission_counters').count({ n: '*' }).first();
    const res = await beacon('203.0.113.7', { site: 'ha-noi', q: '  Đất ĐAI   thừa kế ' })
      .set('User-Agent', 'Mozilla/5.0 (Test) DauVetTrinhDuyet/1.0')
      .set('Cookie', 'theo-doi=ma-rieng-123')
      .expect(204);
    expect(res.text).toBe('');
    expect(res.headers['access-control-allow-origin']).toBe(SITE_PAGE);
    expect(res.headers['set-cookie']).toBeUndefined();

    const columns = Object.keys(await cms.strapi.db.connection(TABLE).columnInfo()).sort();
    expect(columns).toEqual(['day', 'query', 'searches', 'site_id']);
    expect(await rows()).toEqual([
      {
        site_id: world.sites.hanoi.id,
        day: todayInVietnam(new Date()),
        query: 'đất đai thừa kế',
        searches: 1,
      },
    ]);
    const everything = JSON.stringify(await rows());
    for (const secret of ['203.0.113.7', 'DauVetTrinhDuyet', 'ma-rieng-123'])
      expect(everything).not.toContain(secret);
    // Not in the public forms' rate-limit table either: the beacon's limits live in memory.
    const after = await cms.strapi.db.connection('pbgdpl_submission_counters').count({ n: '*' }).first();
    expect(Number(after?.n)).toBe(Number(before?.n));
  });

  test('counts a query once per visitor and day, and adds up distinct visitors', async () => {
    for (const visitor of ['203.0.113.7', '203.0.113.7', '203.0.113.8', '198.51.100.9'])
      await beacon(visitor, { site: 'ha-noi', q: 'đất đai thừa kế' }).expect(204);
    // JSON is accepted as well (a script using fetch), and decomposed Vietnamese counts the same.
    await request(cms.http)
      .post(BEACON)
      .set('X-Forwarded-For', '198.51.100.10')
      .send({ site: 'ha-noi', q: 'Đất đai thừa kế'.normalize('NFD') })
      .expect(204);
    const stored = await rows();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ query: 'đất đai thừa kế', searches: 4 });
  });

  test.each<[string, unknown, string]>([
    ['an email address', { site: 'ha-noi', q: 'nguyen.van.a@gmail.com' }, 'thư điện tử'],
    ['a phone number', { site: 'ha-noi', q: 'gọi 0912 345 678' }, 'số điện thoại'],
    ['an identity number', { site: 'ha-noi', q: 'cccd 001099012345' }, 'dãy số dài'],
    ['a web address', { site: 'ha-noi', q: 'https://example.org/x' }, 'địa chỉ trang web'],
    ['control characters', { site: 'ha-noi', q: 'luật\u0000đất' }, 'ký tự điều khiển'],
    ['markup', { site: 'ha-noi', q: '<script>alert(1)</script>' }, 'mã HTML'],
    ['an over-long query', { site: 'ha-noi', q: 'thuế '.repeat(30) }, 'dài quá 100 ký tự'],
    ['an empty query', { site: 'ha-noi', q: '   ' }, 'trống'],
    ['a query that is not text', { site: 'ha-noi', q: ['đất đai'] }, 'chuỗi chữ'],
    ['an unknown site', { site: 'khong-co', q: 'đất đai' }, 'Không có trang PBGDPL'],
    ['no site', { q: 'đất đai' }, 'Không có trang PBGDPL'],
    ['a body that is not JSON', 'site=ha-noi&q=dat', 'Không đọc được'],
    ['a JSON array', [{ site: 'ha-noi', q: 'x' }], 'Không đọc được'],
  ])('refuses %s with 400 and a Vietnamese message, storing nothing', async (_label, body, message) => {
    const before = await rows();
    const res = await beacon('192.0.2.50', body).expect(400);
    expect(res.body.error.message).toContain(message);
    expect(await rows()).toEqual(before);
  });

  test('refuses a disabled site, a foreign page, other content types, other methods and large bodies', async () => {
    // The registry in memory is forgotten when a site is written (submissions/registry.ts).
    await cms.strapi.db
      .query('api::site.site')
      .update({ where: { code: 'an-giang-long-xuyen' }, data: { enabled: false } });
    expect(
      (await beacon('192.0.2.51', { site: 'an-giang-long-xuyen', q: 'đất đai' }).expect(400)).body.error.code,
    ).toBe('unknown_site');
    await cms.strapi.db
      .query('api::site.site')
      .update({ where: { code: 'an-giang-long-xuyen' }, data: { enabled: true } });

    const foreign = await beacon(
      '192.0.2.51',
      { site: 'ha-noi', q: 'đất đai' },
      'https://evil.example',
    ).expect(403);
    expect(foreign.body.error.message).toMatch(/trang PBGDPL đã đăng ký/);
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    await request(cms.http).post(BEACON).type('form').send({ site: 'ha-noi', q: 'đất' }).expect(415);
    await request(cms.http).get(BEACON).expect(405);
    await beacon('192.0.2.51', JSON.stringify({ site: 'ha-noi', q: 'đất', pad: 'x'.repeat(2000) })).expect(
      413,
    );
    const preflight = await request(cms.http)
      .options(BEACON)
      .set('Origin', SITE_PAGE)
      .set('Access-Control-Request-Method', 'POST')
      .expect(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(SITE_PAGE);
    expect(preflight.headers['access-control-allow-methods']).toBe('POST');
  });

  test('limits each address (in memory) with a Vietnamese 429, other addresses unaffected', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 13; i += 1)
      statuses.push((await beacon('192.0.2.99', { site: 'ha-noi', q: `thuế lần ${i}` })).status);
    expect(statuses.slice(0, 12).every((s) => s === 204)).toBe(true);
    const limited = await beacon('192.0.2.99', { site: 'ha-noi', q: 'thuế thêm' }).expect(429);
    expect(limited.body.error.message).toMatch(/Quá nhiều lượt gửi/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    await beacon('192.0.2.100', { site: 'ha-noi', q: 'thuế thêm' }).expect(204);
  });
});

describe('the administrators’ summary', () => {
  let marriageId: string;

  beforeAll(async () => {
    const fields = cms.strapi.documents('api::legal-field.legal-field');
    await fields.create({ data: { code: 'lao-dong-tien-luong', name: 'Lao động - tiền lương' } } as never);
    await fields.create({ data: { code: 'hon-nhan-gia-dinh', name: 'Hôn nhân và gia đình' } } as never);
    const issue = (cms.strapi.service('api::submission.submission') as unknown as Service).issueToken;
    const ask = async (site: string, question: string, field?: string) => {
      const res = await postJson(cms.http, 'questions', null, {
        site,
        token: issue(site),
        question,
        ...(field ? { field } : {}),
      }).expect(201);
      return (await qaRows(cms.strapi, { trackingCode: res.body.data.trackingCode }))[0]!
        .documentId as string;
    };
    await ask('ha-noi', QUESTIONS.retirement, 'lao-dong-tien-luong');
    marriageId = await ask('ha-noi', QUESTIONS.marriage, 'hon-nhan-gia-dinh');
    await ask('ha-noi', QUESTIONS.land);
    const old = await ask(
      'ha-noi',
      'Người lao động làm thêm giờ vào ngày lễ được trả lương ít nhất bao nhiêu?',
      'lao-dong-tien-luong',
    );
    await ask(
      'an-giang',
      'Người lao động thử việc có được đóng bảo hiểm xã hội không, theo quy định hiện hành?',
      'lao-dong-tien-luong',
    );
    // One answered and published (two rows now), one received 40 days ago.
    await cms.strapi.documents(QA).update({
      documentId: marriageId,
      locale: 'vi',
      data: {
        answer: blocks('Tại Sở Tư pháp nơi cư trú.'),
        answeredAt: '2026-03-05',
      },
    } as never);
    await cms.strapi.documents(QA).publish({ documentId: marriageId, locale: 'vi' } as never);
    expect(await qaRows(cms.strapi, { documentId: marriageId })).toHaveLength(2);
    await cms.strapi.db.query(QA).updateMany({
      where: { documentId: old },
      data: { receivedAt: new Date(Date.now() - 40 * 86_400_000) },
    });

    // Searches: "thủ tục ly hôn" by 3 visitors nationally (1 on ha-noi, 2 on an-giang) is shown;
    // "tên riêng hiếm" by 2 visitors is not.
    await beacon('10.0.0.1', { site: 'ha-noi', q: 'thủ tục ly hôn' }).expect(204);
    await beacon('10.0.0.2', { site: 'an-giang', q: 'thủ tục ly hôn' }).expect(204);
    await beacon('10.0.0.3', { site: 'an-giang', q: 'thủ tục ly hôn' }).expect(204);
    await beacon('10.0.0.1', { site: 'ha-noi', q: 'tên riêng hiếm' }).expect(204);
    await beacon('10.0.0.2', { site: 'ha-noi', q: 'tên riêng hiếm' }).expect(204);
  });

  test('a unit administrator sees their site: questions by field, per day, and only k-anonymous searches', async () => {
    const res = await summary(world.tokens.hanoiAdmin, { site: 'ha-noi', days: 30 }).expect(200);
    const body = res.body;
    expect(body.site).toEqual({ code: 'ha-noi', name: 'Thành phố Hà Nội' });
    expect(body.questionTotal).toBe(3); // the published one counted once, the 40-day-old one not
    expect(body.questionsByField).toEqual([
      { field: 'Hôn nhân và gia đình', code: 'hon-nhan-gia-dinh', count: 1 },
      { field: 'Lao động - tiền lương', code: 'lao-dong-tien-luong', count: 1 },
      { field: 'Chưa phân loại lĩnh vực', code: null, count: 1 },
    ]);
    expect(body.questionVolume).toHaveLength(30);
    expect(body.questionVolume.at(-1)).toEqual({ date: todayInVietnam(new Date()), count: 3 });
    expect(body.questionVolume[0].date).toBe(addDays(todayInVietnam(new Date()), -29));
    expect(body.searches).toEqual([
      { query: 'đất đai thừa kế', count: 4 },
      { query: 'thủ tục ly hôn', count: 1 },
    ]);
    expect(body.searches.map((s: { query: string }) => s.query)).not.toContain('tên riêng hiếm');
    expect(body.kAnonymity).toBe(3);
    expect(body.searchesBelowThreshold).toBeGreaterThanOrEqual(2);
    expect(body.searchTotal).toBe(body.searchesBelowThreshold + 5);

    const longer = await summary(world.tokens.hanoiAdmin, { site: 'ha-noi', days: 60 }).expect(200);
    expect(longer.body.questionTotal).toBe(4);
    expect(longer.body.questionsByField[0]).toEqual({
      field: 'Lao động - tiền lương',
      code: 'lao-dong-tien-luong',
      count: 2,
    });
  });

  test('a province’s administrator sees its communes, not another province nor the country', async () => {
    const commune = await summary(world.tokens.hanoiAdmin, { site: 'ha-noi-ba-dinh' }).expect(200);
    expect(commune.body).toMatchObject({ questionTotal: 0, searches: [], days: 30 });
    const other = await summary(world.tokens.hanoiAdmin, { site: 'an-giang' }).expect(403);
    expect(other.body.error.message).toMatch(/không được xem số liệu của trang “Tỉnh An Giang”/);
    expect(JSON.stringify(other.body)).not.toContain('thủ tục ly hôn');
    await summary(world.tokens.hanoiAdmin, { site: 'an-giang-long-xuyen' }).expect(403);
    const national = await summary(world.tokens.hanoiAdmin, {}).expect(403);
    expect(national.body.error.message).toMatch(/Chỉ quản trị viên quốc gia/);
    await summary(world.tokens.angiangEditor, { site: 'ha-noi' }).expect(403);
    await summary(world.tokens.editorA, { site: 'ha-noi' }).expect(403);
    await summary(world.tokens.editorA, { site: 'ha-noi-ba-dinh' }).expect(200);
  });

  test('the national administrator sees every site and the country; anonymous callers nothing', async () => {
    const country = await summary(world.tokens.nationalAdmin, { days: 30 }).expect(200);
    expect(country.body.site).toBeNull();
    expect(country.body.questionTotal).toBe(4);
    expect(country.body.questionsByField[0]).toEqual({
      field: 'Lao động - tiền lương',
      code: 'lao-dong-tien-luong',
      count: 2,
    });
    expect(country.body.searches).toEqual([
      { query: 'đất đai thừa kế', count: 4 },
      { query: 'thủ tục ly hôn', count: 3 },
    ]);
    const province = await summary(world.tokens.nationalAdmin, { site: 'an-giang' }).expect(200);
    expect(province.body.searches).toEqual([{ query: 'thủ tục ly hôn', count: 2 }]);
    await summary(world.tokens.nationalAdmin, { site: 'khong-co' }).expect(404);
    await summary(world.tokens.nationalAdmin, { days: 0 }).expect(400);
    await summary(world.tokens.nationalAdmin, { days: 'ba-muoi' }).expect(400);
    await request(cms.http).get(SUMMARY).expect(401);
  });
});
