import { spawn } from 'child_process';
import path from 'path';
import request from 'supertest';
import { CMS_DIR, startTestCms, type TestCms } from './harness';
import { blocks, createRegistry } from './fixtures';
import { QA, postJson, qaRows, submissionEnv } from './submission-support';

/**
 * An asker's contact data stays in the admin: never in REST, GraphQL (not even in its schema),
 * the status look-up or the audit log; it is erased on request by the operator's command, and
 * the erasure is recorded in the audit log without the erased values.
 */
const ASKER = { name: 'Đỗ Thị Riêng Tư', email: 'Rieng.Tu@Example.vn', phone: '0933444555' };
const SECRETS = [ASKER.name, ASKER.email, ASKER.email.toLowerCase(), ASKER.phone];
let cms: TestCms;
let asked: { id: string; code: string };

type Service = {
  issueToken: (site: string) => string;
  eraseAskerData: (
    request: { trackingCode: string } | { email: string },
  ) => Promise<{ matched: number; questions: number; trackingCodes: string[] }>;
};
const service = () => cms.strapi.service('api::submission.submission') as unknown as Service;

async function ask(question: string) {
  const res = await postJson(cms.http, 'questions', null, {
    site: 'ha-noi',
    token: service().issueToken('ha-noi'),
    question,
    consent: true,
    ...ASKER,
  }).expect(201);
  const code = res.body.data.trackingCode as string;
  return { id: (await qaRows(cms.strapi, { trackingCode: code }))[0]!.documentId as string, code };
}

beforeAll(async () => {
  submissionEnv();
  cms = await startTestCms('submission-privacy');
  await createRegistry(cms.strapi);
  asked = await ask('Người nước ngoài mua nhà ở thương mại tại Việt Nam được sở hữu trong bao nhiêu năm?');
  // Answered and published (as the system: the workflow itself is covered by moderation.test.ts).
  await cms.strapi.documents(QA).update({
    documentId: asked.id,
    locale: 'vi',
    data: {
      answer: blocks('Theo Luật Nhà ở năm 2023, thời hạn sở hữu tối đa là 50 năm và có thể gia hạn.'),
      answeredAt: '2026-03-05',
      handlingStatus: 'answered',
    },
  } as never);
  await cms.strapi.documents(QA).publish({ documentId: asked.id, locale: 'vi' } as never);
});
afterAll(async () => {
  await cms?.stop();
});

const expectNoSecrets = (text: string) => {
  for (const secret of [...SECRETS, asked.code]) expect(text).not.toContain(secret);
};

test('REST answers carry the question and answer, never the asker', async () => {
  const one = await request(cms.http).get(`/api/qas/${asked.id}?populate=*`).expect(200);
  expect(one.body.data.question).toMatch(/^Người nước ngoài mua nhà ở/);
  expectNoSecrets(one.text);
  const list = await request(cms.http).get('/api/qas?populate=*&pagination[pageSize]=100').expect(200);
  expect(list.body.data).toHaveLength(1);
  expectNoSecrets(list.text);
  const filtered = await request(cms.http).get(
    `/api/qas?filters[askerEmail][$eq]=${encodeURIComponent(ASKER.email.toLowerCase())}`,
  );
  expect(filtered.status).toBe(400);
  expect(
    await request(cms.http)
      .get('/api/reports')
      .then((r) => r.status),
  ).toBe(404);
});

test('GraphQL has no private field in its schema and no report type', async () => {
  const schema = await request(cms.http)
    .post('/graphql')
    .send({ query: '{ qa: __type(name: "Qa") { fields { name } } report: __type(name: "Report") { name } }' })
    .expect(200);
  const fields = (schema.body.data.qa.fields as Array<{ name: string }>).map((f) => f.name);
  expect(fields).toEqual(expect.arrayContaining(['question', 'answer', 'handlingStatus', 'owningSite']));
  for (const hidden of [
    'askerName',
    'askerEmail',
    'askerPhone',
    'consentToPublish',
    'trackingCode',
    'rejectionReason',
    'internalNote',
    'assigneeEmail',
    'forwardTo',
    'forwardedFrom',
    'forwardedAt',
    'respondedAt',
  ])
    expect(fields).not.toContain(hidden);
  expect(schema.body.data.report).toBeNull();
  const data = await request(cms.http)
    .post('/graphql')
    .send({ query: '{ qas { documentId title question answer handlingStatus owningSite { code name } } }' })
    .expect(200);
  expect(data.body.data.qas).toHaveLength(1);
  expectNoSecrets(data.text);
});

test('the audit log records the question without the contact values', async () => {
  const entries = await cms.strapi.db
    .query('api::audit-entry.audit-entry')
    .findMany({ where: { itemDocumentId: asked.id } });
  expect(entries.map((e: { action: string }) => e.action)).toEqual(
    expect.arrayContaining(['create', 'publish']),
  );
  expect(entries.find((e: { action: string }) => e.action === 'create')).toMatchObject({
    actorKind: 'public',
  });
  for (const secret of SECRETS) expect(JSON.stringify(entries)).not.toContain(secret);
});

function runCli(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [path.join(CMS_DIR, 'dist', 'scripts', 'delete-asker-data.js'), ...args],
      {
        cwd: CMS_DIR,
        env: { ...process.env, LOG_LEVEL: 'error' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

test('the operator’s command erases the contact data by tracking code and records it', async () => {
  const formatted = `${asked.code.slice(0, 5)}-${asked.code.slice(5).toLowerCase()}`;
  const run = await runCli(['--tracking-code', formatted, '--operator', 'Phòng PBGDPL (yêu cầu số 12)']);
  expect(run.output).toContain(
    `Đã xóa họ tên, email, điện thoại của người hỏi ở 1 câu hỏi (mã tra cứu: ${asked.code})`,
  );
  expect(run.code).toBe(0);
  const rows = await qaRows(cms.strapi, { documentId: asked.id });
  expect(rows).toHaveLength(2);
  for (const row of rows)
    expect(row).toMatchObject({
      askerName: null,
      askerEmail: null,
      askerPhone: null,
      question: expect.any(String),
    });
  const erasure = await cms.strapi.db.query('api::audit-entry.audit-entry').findOne({
    where: { itemDocumentId: asked.id, actorLabel: 'delete-asker-data (Phòng PBGDPL (yêu cầu số 12))' },
  });
  expect(erasure).toMatchObject({
    action: 'update',
    actorKind: 'system',
    changes: { erasure: { by: 'tracking-code', fields: ['askerName', 'askerEmail', 'askerPhone'] } },
  });

  const again = await runCli(['--tracking-code', asked.code]);
  expect(again.output).toContain('Không còn thông tin liên hệ nào để xóa ở 1 câu hỏi khớp');
  expect(again.code).toBe(0);
  const bad = await runCli(['--tracking-code', 'xyz']);
  expect(bad.code).toBe(2);
  expect(bad.output).toContain('không phải mã tra cứu');
});

test('erasing by email reaches every question the asker sent, whatever the case', async () => {
  const one = await ask('Hợp đồng thuê nhà có bắt buộc công chứng khi thuê dưới sáu tháng không?');
  const two = await ask(
    'Tiền đặt cọc thuê nhà được trả lại khi nào nếu bên thuê chấm dứt hợp đồng trước hạn?',
  );
  const result = await service().eraseAskerData({ email: ASKER.email.toUpperCase() });
  expect(result).toEqual({
    matched: 2,
    questions: 2,
    trackingCodes: expect.arrayContaining([one.code, two.code]),
  });
  for (const row of await qaRows(cms.strapi, { documentId: { $in: [one.id, two.id] } }))
    expect(row.askerEmail).toBeNull();
});
