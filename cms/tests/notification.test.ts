import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import request from 'supertest';
import { freePort } from '@pbgdpl/test-support';
import { startTestCms, type TestCms } from './harness';
import { bearer, buildWorld, type World } from './federation-support';
import { blocks } from './fixtures';
import { QA, postJson, qaRows, submissionEnv } from './submission-support';

/**
 * Emails about citizens' submissions, delivered to a real SMTP server (smtp-server from npm)
 * started by this suite: the site's staff hear of new questions, the officer of an assignment,
 * the unit a question is forwarded to, and the asker of the answer or the refusal. Staff emails
 * never carry the asker's contact details, and no log line does.
 */
interface Received {
  to: string[];
  subject: string;
  text: string;
}

const CM = `/content-manager/collection-types/${QA}`;
const ASKER = { name: 'Phạm Thị Người Hỏi', email: 'nguoi.hoi.thu@example.vn', phone: '0911222333' };
let cms: TestCms;
let world: World;
let smtp: SMTPServer;
const inbox: Received[] = [];
const parsing: Array<Promise<void>> = [];
const logLines: string[] = [];

type Service = { issueToken: (site: string) => string; flushNotifications: () => Promise<void> };
const service = () => cms.strapi.service('api::submission.submission') as unknown as Service;

beforeAll(async () => {
  const port = await freePort();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo.map((r) => r.address);
      parsing.push(
        simpleParser(stream).then((mail) => {
          inbox.push({ to, subject: mail.subject ?? '', text: mail.text ?? '' });
          callback();
        }, callback),
      );
    },
  });
  await new Promise<void>((resolve) => smtp.listen(port, '127.0.0.1', resolve));
  submissionEnv({
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(port),
    SMTP_SECURE: 'false',
    SMTP_FROM: 'PBGDPL <khong-tra-loi@pbgdpl.test>',
    PUBLIC_URL: 'https://cms.pbgdpl.test',
  });
  cms = await startTestCms('notification');
  for (const level of ['error', 'warn', 'info', 'debug', 'http'] as const) {
    const original = cms.strapi.log[level].bind(cms.strapi.log);
    (cms.strapi.log as unknown as Record<string, (...args: unknown[]) => unknown>)[level] = (
      ...args: unknown[]
    ) => {
      logLines.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
      return original(...(args as [string]));
    };
  }
  world = await buildWorld(cms.strapi, cms.http);
});
afterAll(async () => {
  await cms?.stop();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

/** Waits for the CMS to hand over its queued messages and for the server to have read them. */
async function delivered(): Promise<Received[]> {
  await service().flushNotifications();
  await Promise.all(parsing);
  return inbox.splice(0);
}

const as = (who: keyof World['tokens']) => ({
  update: (id: string, data: Record<string, unknown>) =>
    request(cms.http).put(`${CM}/${id}?locale=vi`).set(bearer(world.tokens[who])).send(data),
  publish: (id: string) =>
    request(cms.http).post(`${CM}/${id}/actions/publish?locale=vi`).set(bearer(world.tokens[who])).send({}),
});

async function ask(site: string, question: string, extra: Record<string, unknown> = {}) {
  const res = await postJson(cms.http, 'questions', null, {
    site,
    token: service().issueToken(site),
    question,
    consent: true,
    ...ASKER,
    ...extra,
  }).expect(201);
  const code = res.body.data.trackingCode as string;
  return { id: (await qaRows(cms.strapi, { trackingCode: code }))[0]!.documentId as string, code };
}

const recipients = (mails: Received[]) => mails.flatMap((m) => m.to).sort();
let q: { id: string; code: string };

test('a new question: every staff member of the site gets an email without the asker’s contact details', async () => {
  q = await ask(
    'ha-noi-ba-dinh',
    'Gia đình tôi muốn tách thửa đất ở tại phường Ba Đình thì diện tích tối thiểu là bao nhiêu?',
  );
  const mails = await delivered();
  expect(recipients(mails)).toEqual([world.emails.editorA, world.emails.reviewerA].sort());
  for (const mail of mails) {
    expect(mail.subject).toBe(
      '[Phường Ba Đình] Câu hỏi pháp luật mới: Gia đình tôi muốn tách thửa đất ở tại phường Ba Đình thì diện tích tối thiểu là bao nhiêu?',
    );
    expect(mail.text).toContain(
      `https://cms.pbgdpl.test/admin/content-manager/collection-types/api::qa.qa/${q.id}`,
    );
    for (const secret of Object.values(ASKER)) expect(`${mail.subject}\n${mail.text}`).not.toContain(secret);
  }
});

test('an assignment: the officer gets an email', async () => {
  await as('editorA').update(q.id, { assigneeEmail: world.emails.reviewerA }).expect(200);
  const mails = await delivered();
  expect(mails).toEqual([
    {
      to: [world.emails.reviewerA],
      subject: expect.stringMatching(
        /^\[Phường Ba Đình\] Bạn được giao trả lời: Gia đình tôi muốn tách thửa/,
      ),
      text: expect.stringContaining('Bạn được giao trả lời câu hỏi'),
    },
  ]);
  await as('editorA').update(q.id, { assigneeEmail: world.emails.reviewerA }).expect(200);
  expect(await delivered()).toEqual([]);
});

test('a forward: the staff of the unit that must answer are told where it came from', async () => {
  await as('editorA').update(q.id, {
    forwardTo: { connect: [{ documentId: world.sites.hanoi.documentId }] },
  });
  const mails = await delivered();
  expect(recipients(mails)).toEqual([world.emails.hanoiAdmin, world.emails.hanoiEditor].sort());
  expect(mails[0]!.subject).toMatch(/^\[Thành phố Hà Nội\] Câu hỏi được chuyển từ Phường Ba Đình: /);
});

test('a published answer: the asker gets the question, the answer and the tracking code', async () => {
  const answer = blocks(
    'Theo quy định của Ủy ban nhân dân Thành phố Hà Nội về tách thửa, diện tích tối thiểu sau tách thửa tại phường là 30 m².',
  );
  await as('hanoiAdmin').update(q.id, { answer, answeredAt: '2026-03-04' }).expect(200);
  expect(await delivered()).toEqual([]);
  await as('hanoiAdmin').publish(q.id).expect(200);
  const [mail, ...more] = await delivered();
  expect(more).toEqual([]);
  const code = `${q.code.slice(0, 5)}-${q.code.slice(5)}`;
  expect(mail).toEqual({
    to: [ASKER.email],
    subject: `Câu hỏi ${code} đã được trả lời — Thành phố Hà Nội`,
    text: expect.stringContaining(
      'Trả lời:\nTheo quy định của Ủy ban nhân dân Thành phố Hà Nội về tách thửa',
    ),
  });
  expect(mail!.text).toContain(`Tra cứu: https://cms.pbgdpl.test/api/submissions/status/${q.code}`);
  expect(mail!.text).toContain('không kèm họ tên và thông tin liên hệ của bạn');
});

test('a refusal: the asker gets the reason; an asker without email gets nothing', async () => {
  const refused = await ask(
    'ha-noi-ba-dinh',
    'Xin hỏi kết quả xổ số kiến thiết miền Bắc hôm nay là bao nhiêu vậy ạ?',
  );
  await delivered();
  await as('editorA')
    .update(refused.id, { rejectionReason: 'Câu hỏi không thuộc phạm vi tư vấn pháp luật.' })
    .expect(200);
  const mails = await delivered();
  expect(mails).toEqual([
    {
      to: [ASKER.email],
      subject: expect.stringMatching(/^Câu hỏi [0-9A-Z]{5}-[0-9A-Z]{5} không được trả lời — Phường Ba Đình$/),
      text: expect.stringContaining('Lý do:\nCâu hỏi không thuộc phạm vi tư vấn pháp luật.'),
    },
  ]);
  const silent = await ask(
    'ha-noi-ba-dinh',
    'Phường có tổ chức hòa giải vào buổi tối cho người đi làm không?',
    { email: '' },
  );
  await delivered();
  await as('editorA')
    .update(silent.id, { rejectionReason: 'Câu hỏi trùng với câu hỏi đã trả lời.' })
    .expect(200);
  expect(await delivered()).toEqual([]);
});

test('no log line carries an asker’s contact details', () => {
  expect(logLines.length).toBeGreaterThan(0);
  for (const line of logLines) for (const secret of Object.values(ASKER)) expect(line).not.toContain(secret);
});
