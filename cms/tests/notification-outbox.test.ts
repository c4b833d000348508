import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { freePort } from '@pbgdpl/test-support';
import { createTestDatabase, startTestCms, type TestCms } from './harness';
import { buildWorld, type World } from './federation-support';
import { QUESTIONS, postJson, submissionEnv } from './submission-support';
import { Mailer, readMailSettings } from '../src/extensions/notifications/mailer';
import { OUTBOX_TABLE, enqueue } from '../src/extensions/notifications/outbox';
import { OutboxWorker } from '../src/extensions/notifications/worker';
import type { TestDatabase } from '@pbgdpl/test-support';

/**
 * The email outbox is durable (issue 7): a message is stored with the write that caused it and
 * sent by a worker loop that retries, so one queued while the mail server is down, and still
 * queued when the CMS stops, is sent after the restart, once. Two CMS processes never send the
 * same message twice. Sent messages are deleted after a few days. A real SMTP server
 * (smtp-server) is started, stopped and started again by this suite; the clock is driven by
 * passing `now`, nothing sleeps.
 */
interface Received {
  to: string[];
  subject: string;
}

const ASKER_EMAIL = 'nguoi.hoi.hop.thu@example.vn';
const RETRY_MS = 60_000;
let database: TestDatabase;
let cms: TestCms;
let world: World;
let smtpPort: number;
let smtp: SMTPServer | null = null;
const inbox: Received[] = [];
const parsing: Array<Promise<void>> = [];
const logLines: string[] = [];

async function startSmtp(): Promise<void> {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo.map((r) => r.address);
      parsing.push(
        simpleParser(stream).then((mail) => {
          inbox.push({ to, subject: mail.subject ?? '' });
          callback();
        }, callback),
      );
    },
  });
  await new Promise<void>((resolve) => smtp!.listen(smtpPort, '127.0.0.1', resolve));
}

async function stopSmtp(): Promise<void> {
  const server = smtp;
  smtp = null;
  if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
}

type Service = {
  issueToken: (site: string) => string;
  flushNotifications: (o?: { now?: Date }) => Promise<void>;
};
const service = () => cms.strapi.service('api::submission.submission') as unknown as Service;

async function bootCms(): Promise<void> {
  cms = await startTestCms('notification_outbox', { database });
  for (const level of ['error', 'warn', 'info'] as const) {
    const original = cms.strapi.log[level].bind(cms.strapi.log);
    (cms.strapi.log as unknown as Record<string, (...args: unknown[]) => unknown>)[level] = (
      ...args: unknown[]
    ) => {
      logLines.push(args.map(String).join(' '));
      return original(...(args as [string]));
    };
  }
}

/** What the server has received since the last call. */
async function received(): Promise<Received[]> {
  await Promise.all(parsing);
  return inbox.splice(0);
}

const rows = async () =>
  (await cms.strapi.db.connection(OUTBOX_TABLE).orderBy('id').select('*')) as Array<{
    id: number;
    kind: string;
    recipient: string;
    status: string;
    attempts: number;
    last_error: string | null;
  }>;

beforeAll(async () => {
  smtpPort = await freePort(); // nobody listens there yet: the server is "down"
  submissionEnv({
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtpPort),
    SMTP_SECURE: 'false',
    SMTP_FROM: 'PBGDPL <khong-tra-loi@pbgdpl.test>',
    SMTP_RETRY_DELAYS_MS: `${RETRY_MS},${RETRY_MS}`,
    SMTP_OUTBOX_POLL_MS: '3600000', // no background pass during a test: each one is asked for
  });
  database = await createTestDatabase('notification_outbox');
  await bootCms();
  world = await buildWorld(cms.strapi, cms.http);
});
afterAll(async () => {
  await cms?.stop(); // drops the database too
  await stopSmtp();
});

test('a message queued while the mail server is down is sent once after the CMS restarts and the server is back', async () => {
  await postJson(cms.http, 'questions', null, {
    site: 'ha-noi-ba-dinh',
    token: service().issueToken('ha-noi-ba-dinh'),
    question: QUESTIONS.land,
    consent: true,
    email: ASKER_EMAIL,
  }).expect(201);
  await service().flushNotifications(); // the first try: refused, rescheduled a minute later
  const queued = await rows();
  expect(queued.map((r) => [r.recipient, r.status, r.attempts])).toEqual(
    [world.emails.editorA, world.emails.reviewerA].sort().map((to) => [to, 'pending', 1]),
  );
  expect(queued.every((r) => r.kind === 'new-question' && r.last_error === 'ECONNREFUSED')).toBe(true);

  // The CMS stops (the database stays), the mail server comes up, the CMS starts again.
  await cms.strapi.destroy();
  await startSmtp();
  await bootCms();
  expect(await received()).toEqual([]); // not due yet: the retry is a minute after the failure

  const later = new Date(Date.now() + RETRY_MS + 1000);
  await service().flushNotifications({ now: later });
  const mails = await received();
  expect(mails.map((m) => m.to).sort()).toEqual([[world.emails.editorA], [world.emails.reviewerA]].sort());
  expect(mails.every((m) => m.subject.includes('Câu hỏi pháp luật mới'))).toBe(true);
  expect((await rows()).map((r) => [r.status, r.attempts])).toEqual([
    ['sent', 2],
    ['sent', 2],
  ]);

  await service().flushNotifications({ now: new Date(later.getTime() + 10 * RETRY_MS) });
  expect(await received()).toEqual([]); // exactly once
});

test('a message is given up after its last retry, and no log line names an address', async () => {
  await stopSmtp();
  const knex = cms.strapi.db.connection;
  await enqueue(
    knex,
    { kind: 'answer', to: [ASKER_EMAIL], subject: 'Trả lời', text: 'Nội dung' },
    new Date(),
  );
  let now = new Date();
  for (let attempt = 0; attempt < 3; attempt += 1) {
    await service().flushNotifications({ now });
    now = new Date(now.getTime() + RETRY_MS + 1);
  }
  const [failed] = (await rows()).filter((r) => r.recipient === ASKER_EMAIL);
  expect(failed).toMatchObject({ status: 'failed', attempts: 3, last_error: 'ECONNREFUSED' });
  expect(logLines.some((line) => line.includes(`#${failed!.id} not sent after 3 tries (ECONNREFUSED)`))).toBe(
    true,
  );
  for (const line of logLines) {
    for (const address of [ASKER_EMAIL, ...Object.values(world.emails)]) expect(line).not.toContain(address);
  }
  await startSmtp();
});

test('two CMS processes sending at the same moment send each message once', async () => {
  const knex = cms.strapi.db.connection;
  const to = Array.from({ length: 30 }, (_, i) => `can-bo-${i}@pbgdpl.test`);
  await enqueue(
    knex,
    { kind: 'digest', to, subject: 'Tổng hợp tuần', text: 'Nội dung tổng hợp' },
    new Date(),
  );
  const settings = readMailSettings()!;
  const processWorker = () =>
    new OutboxWorker(knex, {
      mailer: new Mailer(settings),
      settings,
      postgres: cms.strapi.db.dialect.client === 'postgres',
      log: () => undefined,
    });
  const [a, b] = [processWorker(), processWorker()];
  const now = new Date();
  await Promise.all([a.flush(now), b.flush(now)]);
  const mails = await received();
  expect(mails.map((m) => m.to[0]).sort()).toEqual([...to].sort());
  expect(a.stats.sent + b.stats.sent).toBe(30);
  await Promise.all([a.stop(), b.stop()]);
});

test('sent messages are deleted after a week, failed ones after a month (they hold addresses)', async () => {
  const before = await rows();
  expect(before.some((r) => r.status === 'sent')).toBe(true);
  await service().flushNotifications({ now: new Date(Date.now() + 8 * 86_400_000) });
  const after = await rows();
  expect(after.filter((r) => r.status === 'sent')).toEqual([]);
  expect(after.filter((r) => r.status === 'failed')).toHaveLength(1);
  await service().flushNotifications({ now: new Date(Date.now() + 31 * 86_400_000) });
  expect(await rows()).toEqual([]);
});
