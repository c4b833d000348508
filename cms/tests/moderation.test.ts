import request from 'supertest';
import { startTestCms, type TestCms } from './harness';
import { bearer, buildWorld, type World } from './federation-support';
import { blocks } from './fixtures';
import { QA, REPORT, postJson, qaRows, submissionEnv } from './submission-support';

/**
 * Citizens' questions through the admin API as real users of each role: the inbox per site
 * (the Q&A list filtered by site and handling status), assigning an officer, forwarding to the unit that
 * must answer, answering, publishing through the review rule (the public then sees the question
 * and answer, never the asker), refusing with a reason the asker reads by tracking code, the
 * response-time figures, and reports from three people hiding an item.
 */
const CM = `/content-manager/collection-types/${QA}`;
let cms: TestCms;
let world: World;

type Service = {
  issueToken: (site: string) => string;
  responseTimes: (options?: { siteCodes?: string[] }) => Promise<Array<Record<string, unknown>>>;
};
const service = () => cms.strapi.service('api::submission.submission') as unknown as Service;

beforeAll(async () => {
  submissionEnv();
  cms = await startTestCms('moderation');
  world = await buildWorld(cms.strapi, cms.http);
});
afterAll(async () => {
  await cms?.stop();
});

const as = (who: keyof World['tokens']) => ({
  list: (filters: string) =>
    request(cms.http).get(`${CM}?locale=vi&pageSize=100&${filters}`).set(bearer(world.tokens[who])),
  update: (id: string, data: Record<string, unknown>) =>
    request(cms.http).put(`${CM}/${id}?locale=vi`).set(bearer(world.tokens[who])).send(data),
  publish: (id: string) =>
    request(cms.http).post(`${CM}/${id}/actions/publish?locale=vi`).set(bearer(world.tokens[who])).send({}),
});

/** A citizen's question to a site, as the form's script sends it; returns its documentId and code. */
async function ask(site: string, question: string, extra: Record<string, unknown> = {}) {
  const res = await postJson(cms.http, 'questions', null, {
    site,
    token: service().issueToken(site),
    question,
    email: 'cong.dan@example.vn',
    phone: '0987654321',
    name: 'Lê Văn Công Dân',
    consent: true,
    ...extra,
  }).expect(201);
  const code = res.body.data.trackingCode as string;
  const [row] = await qaRows(cms.strapi, { trackingCode: code });
  return { id: row!.documentId as string, code };
}

const titles = (res: request.Response) =>
  (res.body.results as Array<{ title: string }>).map((r) => r.title).sort();
const status = async (code: string) =>
  (await request(cms.http).get(`/api/submissions/status/${code}`).expect(200)).body.data;

let q1: { id: string; code: string };

describe('the inbox of a site', () => {
  const A = 'Hộ kinh doanh ở phường Ba Đình có phải đăng ký thuế môn bài hằng năm không?';
  const B = 'Phường Ngọc Hà có thủ tục chứng thực bản sao giấy tờ vào thứ bảy không?';
  const H = 'Thành phố Hà Nội hỗ trợ học phí cho học sinh trung học cơ sở theo quy định nào?';

  beforeAll(async () => {
    q1 = await ask('ha-noi-ba-dinh', A);
    await ask('ha-noi-ngoc-ha', B);
    await ask('ha-noi', H);
  });

  test('an editor’s list of received questions holds only their site’s', async () => {
    const res = await as('editorA').list('filters[$and][0][handlingStatus][$eq]=received').expect(200);
    expect(titles(res)).toEqual([A]);
    expect(
      titles(await as('editorB').list('filters[$and][0][handlingStatus][$eq]=received').expect(200)),
    ).toEqual([B]);
  });

  test('a province’s administrator filters its communes’ questions by site and handling status', async () => {
    const all = await as('hanoiAdmin').list('filters[$and][0][handlingStatus][$eq]=received').expect(200);
    expect(titles(all)).toEqual([A, B, H].sort());
    const bySite = await as('hanoiAdmin')
      .list(
        `filters[$and][0][handlingStatus][$eq]=received&filters[$and][1][owningSite][id][$eq]=${world.sites.communeA.id}`,
      )
      .expect(200);
    expect(titles(bySite)).toEqual([A]);
  });
});

describe('assigning and forwarding', () => {
  test('assigning a received question to an officer of the site makes it "assigned"', async () => {
    await as('editorA').update(q1.id, { assigneeEmail: world.emails.reviewerA.toUpperCase() }).expect(200);
    const [row] = await qaRows(cms.strapi, { documentId: q1.id });
    expect(row).toMatchObject({ handlingStatus: 'assigned', assigneeEmail: world.emails.reviewerA });
    expect((await status(q1.code)).label).toBe('Đang xử lý');
  });

  test('an officer of another unit or an unknown address cannot be assigned', async () => {
    const other = await as('editorA').update(q1.id, { assigneeEmail: world.emails.editorB });
    expect(other.status).toBe(400);
    expect(other.body.error.details.errors[0]).toMatchObject({
      path: ['assigneeEmail'],
      message: expect.stringMatching(/không làm việc trên trang “Phường Ba Đình”/),
    });
    const unknown = await as('editorA').update(q1.id, { assigneeEmail: 'khong-co@pbgdpl.test' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe(
      'Không có tài khoản quản trị đang hoạt động với email “khong-co@pbgdpl.test”.',
    );
  });

  test('the handling status follows the work: a value sent for it (the admin form sends the shown one) is not taken', async () => {
    await as('editorA')
      .update(q1.id, { handlingStatus: 'published', assigneeEmail: world.emails.reviewerA })
      .expect(200);
    await as('editorA').update(q1.id, { handlingStatus: 'rejected' }).expect(200);
    expect((await qaRows(cms.strapi, { documentId: q1.id }))[0]).toMatchObject({
      handlingStatus: 'assigned',
      rejectionReason: null,
      publishedAt: null,
    });
  });

  test('forwarding to the province: the province owns it, received again, the commune no longer sees it', async () => {
    const res = await as('editorA').update(q1.id, {
      forwardTo: { connect: [{ documentId: world.sites.hanoi.documentId }], disconnect: [] },
    });
    expect(res.status).toBeLessThan(500);
    const rows = await qaRows(cms.strapi, { documentId: q1.id });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      handlingStatus: 'received',
      assigneeEmail: null,
      owningSite: { code: 'ha-noi' },
      forwardedFrom: { code: 'ha-noi-ba-dinh' },
      forwardedAt: expect.anything(),
    });
    expect(
      titles(await as('editorA').list('filters[$and][0][handlingStatus][$eq]=received').expect(200)),
    ).not.toContain(rows[0]!.title);
    expect(
      titles(await as('hanoiEditor').list('filters[$and][0][handlingStatus][$eq]=received').expect(200)),
    ).toContain(rows[0]!.title);
    const audit = await cms.strapi.db
      .query('api::audit-entry.audit-entry')
      .findMany({ where: { itemDocumentId: q1.id, action: 'update' } });
    const forward = audit
      .map((a: { changes: Record<string, unknown> }) => a.changes)
      .find((c) => c && 'owningSite' in c);
    expect(forward).toMatchObject({
      owningSite: { before: world.sites.communeA.documentId, after: world.sites.hanoi.documentId },
      forwardedFrom: { before: null, after: world.sites.communeA.documentId },
      handlingStatus: { before: 'assigned', after: 'received' },
    });
  });
});

describe('answering and publishing', () => {
  const answer = blocks(
    'Theo Điều 3 Nghị định 139/2016/NĐ-CP, hộ kinh doanh có doanh thu trên 100 triệu đồng/năm nộp lệ phí môn bài hằng năm.',
  );

  test('the province answers; an editor may not publish unapproved work, a reviewer may', async () => {
    await as('hanoiEditor').update(q1.id, { answer, answeredAt: '2026-03-02' }).expect(200);
    const [answered] = await qaRows(cms.strapi, { documentId: q1.id });
    expect(answered).toMatchObject({ handlingStatus: 'answered' });
    expect(answered!.respondedAt).not.toBeNull();
    expect((await status(q1.code)).label).toBe('Đang hoàn thiện câu trả lời');

    const refused = await as('hanoiEditor').publish(q1.id);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('Bài viết cần được người duyệt chấp thuận trước khi xuất bản.');

    await as('hanoiAdmin').publish(q1.id).expect(200);
    const rows = await qaRows(cms.strapi, { documentId: q1.id });
    expect(
      rows.map((r) => [r.publishedAt === null ? 'draft' : 'published', r.handlingStatus]).sort(),
    ).toEqual([
      ['draft', 'published'],
      ['published', 'published'],
    ]);
  });

  test('the public sees the question and the answer, never the asker or the workflow', async () => {
    const rest = await request(cms.http).get(`/api/qas/${q1.id}?populate=*`).expect(200);
    expect(rest.body.data).toMatchObject({
      question: expect.stringContaining('thuế môn bài'),
      handlingStatus: 'published',
    });
    expect(rest.body.data.answer[0].children[0].text).toMatch(/Nghị định 139\/2016/);
    for (const field of [
      'askerName',
      'askerEmail',
      'askerPhone',
      'trackingCode',
      'assigneeEmail',
      'forwardTo',
      'forwardedFrom',
      'forwardedAt',
      'respondedAt',
      'consentToPublish',
    ])
      expect(rest.body.data).not.toHaveProperty(field);
    for (const secret of [
      'Lê Văn Công Dân',
      'cong.dan@example.vn',
      '0987654321',
      q1.code,
      world.emails.reviewerA,
    ])
      expect(rest.text).not.toContain(secret);

    const graphql = await request(cms.http)
      .post('/graphql')
      .send({
        query: `{ qa(documentId: "${q1.id}") { question handlingStatus answer owningSite { code } } }`,
      })
      .expect(200);
    expect(graphql.body.data.qa).toMatchObject({
      handlingStatus: 'published',
      owningSite: { code: 'ha-noi' },
    });
    const asking = await request(cms.http)
      .post('/graphql')
      .send({ query: `{ qa(documentId: "${q1.id}") { askerEmail assigneeEmail forwardedFrom { code } } }` });
    expect(asking.body.errors?.length).toBeGreaterThan(0);
    expect(asking.text).not.toContain('cong.dan@example.vn');
  });

  test('the asker reads the answer by tracking code', async () => {
    expect(await status(q1.code)).toMatchObject({
      status: 'published',
      label: 'Đã trả lời công khai',
      site: { code: 'ha-noi' },
      answer: expect.stringMatching(/^Theo Điều 3 Nghị định 139\/2016\/NĐ-CP/),
    });
  });

  test('publishing needs an answer first', async () => {
    const q = await ask(
      'ha-noi-ba-dinh',
      'Xin hỏi thời hạn cấp lại căn cước cho người bị mất là bao nhiêu ngày làm việc?',
    );
    const res = await as('reviewerA').publish(q.id);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^Chỉ công khai được câu hỏi đã có câu trả lời/);
    expect(res.body.error.details.errors[0].path).toEqual(['answer']);
    expect(
      await cms.strapi.db.query(QA).count({ where: { documentId: q.id, publishedAt: { $notNull: true } } }),
    ).toBe(0);
  });
});

describe('refusing and answering privately', () => {
  test('a refusal is its reason, which the asker reads by tracking code', async () => {
    const q = await ask(
      'ha-noi-ba-dinh',
      'Cho tôi xin số điện thoại riêng của chủ tịch phường để hỏi việc cá nhân được không?',
    );
    await as('editorA')
      .update(q.id, { rejectionReason: 'Câu hỏi không thuộc lĩnh vực pháp luật.' })
      .expect(200);
    expect(await status(q.code)).toMatchObject({
      status: 'rejected',
      label: 'Không được trả lời',
      rejectionReason: 'Câu hỏi không thuộc lĩnh vực pháp luật.',
      answer: null,
    });
  });

  test('without consent to publish, the answer goes to the asker only, and only with a reviewer', async () => {
    const q = await ask(
      'ha-noi-ba-dinh',
      'Tôi bị hàng xóm lấn chiếm lối đi chung thì cần gửi đơn tới cơ quan nào để hòa giải?',
      { consent: false },
    );
    const answer = blocks(
      'Theo Luật Hòa giải ở cơ sở năm 2013, bạn gửi yêu cầu tới tổ hòa giải ở thôn, tổ dân phố nơi cư trú.',
    );
    const editor = await as('editorA').update(q.id, { answer, answeredAt: '2026-03-03' });
    expect(editor.status).toBe(403);
    expect(editor.body.error.message).toMatch(
      /^Người hỏi không đồng ý công khai nên câu trả lời được gửi riêng cho họ/,
    );
    expect((await qaRows(cms.strapi, { documentId: q.id }))[0]).toMatchObject({
      handlingStatus: 'received',
      answeredAt: null,
    });
    await as('reviewerA').update(q.id, { answer, answeredAt: '2026-03-03' }).expect(200);
    expect(await status(q.code)).toMatchObject({
      status: 'answered',
      label: 'Đã trả lời',
      answer: expect.stringMatching(/^Theo Luật Hòa giải/),
    });
    const publish = await as('reviewerA').publish(q.id);
    expect(publish.status).toBe(400);
    expect(publish.body.error.details.errors[0].path).toEqual(['consentToPublish']);
  });
});

describe('response time', () => {
  test('received → answered per site, for the oversight view', async () => {
    const figures = await service().responseTimes();
    const hanoi = figures.find((f) => f.siteCode === 'ha-noi');
    expect(hanoi).toMatchObject({ received: 2, answered: 1, open: 1, rejected: 0 });
    expect(hanoi!.medianHours).toEqual(expect.any(Number));
    expect(figures.find((f) => f.siteCode === 'ha-noi-ba-dinh')).toMatchObject({ answered: 1, rejected: 1 });
    expect(await service().responseTimes({ siteCodes: ['ha-noi-ngoc-ha'] })).toEqual([
      expect.objectContaining({ siteCode: 'ha-noi-ngoc-ha', received: 1, answered: 0 }),
    ]);
  });
});

describe('reports', () => {
  // Behind the reverse proxy the client's address comes from X-Forwarded-For (server.proxy.koa).
  beforeAll(() => {
    cms.strapi.server.app.proxy = true;
  });
  afterAll(() => {
    cms.strapi.server.app.proxy = false;
  });

  const report = (ip: string, extra: Record<string, unknown> = {}) =>
    postJson(cms.http, 'reports', null, {
      site: 'ha-noi',
      token: service().issueToken('ha-noi'),
      itemType: 'qa',
      item: q1.id,
      reason: 'outdated',
      message: 'Nghị định 139/2016/NĐ-CP đã được sửa đổi.',
      ...extra,
    }).set('X-Forwarded-For', ip);

  test('three different people reporting an item hide it until an editor looks at it', async () => {
    const first = await report('203.0.113.1').expect(201);
    expect(first.body.data).toMatchObject({ kind: 'report', status: 'received', site: { code: 'ha-noi' } });
    const again = await report('203.0.113.1');
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('Bạn đã báo cáo nội dung này; cơ quan quản lý đang xem xét.');
    await report('203.0.113.2', { reason: 'wrong' }).expect(201);
    await request(cms.http).get(`/api/qas/${q1.id}`).expect(200);

    const third = await report('198.51.100.7').expect(201);
    await request(cms.http).get(`/api/qas/${q1.id}`).expect(404);
    const reports = await cms.strapi.db.query(REPORT).findMany({ where: { itemDocumentId: q1.id } });
    expect(reports.map((r: { status: string }) => r.status)).toEqual([
      'item_hidden',
      'item_hidden',
      'item_hidden',
    ]);
    expect(
      (await request(cms.http).get(`/api/submissions/status/${third.body.data.trackingCode}`).expect(200))
        .body.data,
    ).toMatchObject({
      kind: 'report',
      label: 'Đang xem xét',
      report: { reason: 'Nội dung đã lỗi thời', itemTitle: expect.stringContaining('thuế môn bài') },
    });
    const audit = await cms.strapi.db
      .query('api::audit-entry.audit-entry')
      .findOne({ where: { itemDocumentId: q1.id, action: 'unpublish' } });
    expect(audit).toMatchObject({ actorKind: 'system', actorLabel: 'báo cáo của người dân (3 người)' });
  });

  test('a hidden or unknown item cannot be reported; reports are read by the owning site only', async () => {
    const hidden = await report('198.51.100.8');
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.code).toBe('unknown_item');
    const reportList = (who: keyof World['tokens']) =>
      request(cms.http)
        .get(`/content-manager/collection-types/${REPORT}?pageSize=50`)
        .set(bearer(world.tokens[who]));
    expect((await reportList('hanoiEditor').expect(200)).body.results).toHaveLength(3);
    expect((await reportList('editorB').expect(200)).body.results).toHaveLength(0);
  });
});

describe('the admin', () => {
  test('the moderation and report fields carry Vietnamese labels; what the workflow records is read-only', async () => {
    const configuration = async (uid: string) =>
      (
        await request(cms.http)
          .get(`/content-manager/content-types/${uid}/configuration`)
          .set(bearer(world.tokens.superAdmin))
          .expect(200)
      ).body.data.contentType.metadatas;
    const qa = await configuration(QA);
    for (const field of ['assigneeEmail', 'forwardTo', 'forwardedFrom', 'forwardedAt', 'respondedAt'])
      expect(qa[field].edit.label).not.toBe(field);
    for (const field of ['handlingStatus', 'forwardedFrom', 'forwardedAt', 'respondedAt'])
      expect(qa[field].edit.editable).toBe(false);
    expect(qa.handlingStatus.edit.label).toBe('Trạng thái xử lý');
    const report = await configuration(REPORT);
    for (const field of ['itemType', 'itemTitle', 'reason', 'message', 'status', 'owningSite'])
      expect(report[field].edit.label).not.toBe(field);
    expect(report.reporterKey.edit.editable).toBe(false);
  });
});
