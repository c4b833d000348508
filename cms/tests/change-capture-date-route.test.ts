import request from 'supertest';
import { startTestCms, type TestCms } from './harness';
import { createRegistry } from './fixtures';
import { createLaw } from './citations-fixtures';
import { CLOCK_OVERRIDE_ENV, DATE_EVENTS_PATH } from '../src/extensions/change-capture/date-events-route';

/**
 * `POST /pbgdpl-sync/date-events`: an operator runs the date capture now (catching up after
 * downtime). Super admins and national administrators only; an explicit `now` only on a CMS
 * started with PBGDPL_ALLOW_CLOCK_OVERRIDE=1, checked as an ISO timestamp with its offset; every
 * refusal a Vietnamese 400/403 naming the field, with no stack trace.
 */
let cms: TestCms;
const PASSWORD = 'MatKhau-Ngay-2026';
const tokens: Record<'superAdmin' | 'nationalAdmin' | 'nationalEditor' | 'unitAdmin', string> = {
  superAdmin: '',
  nationalAdmin: '',
  nationalEditor: '',
  unitAdmin: '',
};
const ROLE_OF = {
  superAdmin: 'strapi-super-admin',
  nationalAdmin: 'pbgdpl-national-admin',
  nationalEditor: 'pbgdpl-national-editor',
  unitAdmin: 'pbgdpl-unit-admin',
} as const;

const post = (token: string | null, body?: unknown) => {
  const req = request(cms.http).post(DATE_EVENTS_PATH);
  if (token) req.set('Authorization', `Bearer ${token}`);
  return body === undefined ? req : req.send(body as object);
};
const withClockOverride = async <T>(work: () => Promise<T>): Promise<T> => {
  process.env[CLOCK_OVERRIDE_ENV] = '1';
  try {
    return await work();
  } finally {
    delete process.env[CLOCK_OVERRIDE_ENV];
  }
};
/** A 400 or 403 in Strapi's error shape, naming `field`, in Vietnamese, without a stack trace. */
const expectRefusal = (res: request.Response, status: number, field: string | null, words: RegExp) => {
  expect(res.status).toBe(status);
  expect(res.body.error.message).toMatch(words);
  if (field) expect(res.body.error.details.errors[0].path).toEqual([field]);
  expect(JSON.stringify(res.body)).not.toMatch(/\bat .+\.(js|ts):\d+|stack/i);
};

beforeAll(async () => {
  delete process.env[CLOCK_OVERRIDE_ENV];
  cms = await startTestCms('date_events_route');
  const registry = await createRegistry(cms.strapi);
  // 45/2019/QH14 (Labour Code): real facts, effective 2021-01-01.
  await createLaw(cms.strapi, '45/2019/QH14', registry.sites.national);
  for (const [key, code] of Object.entries(ROLE_OF) as Array<[keyof typeof tokens, string]>) {
    const role = (await cms.strapi.db.query('admin::role').findOne({ where: { code } })) as { id: number };
    const email = `${key.toLowerCase()}@pbgdpl.test`;
    await cms.strapi
      .service('admin::user')
      .create({ email, password: PASSWORD, firstname: key, isActive: true, roles: [role.id] });
    const login = await request(cms.http)
      .post('/admin/login')
      .send({ email, password: PASSWORD })
      .expect(200);
    tokens[key] = login.body.data.token as string;
  }
});
afterAll(async () => {
  delete process.env[CLOCK_OVERRIDE_ENV];
  await cms?.stop();
});

test('needs an admin session, and an administrator of the whole country', async () => {
  await post(null, {}).expect(401);
  for (const key of ['nationalEditor', 'unitAdmin'] as const)
    expectRefusal(await post(tokens[key], {}), 403, null, /Chỉ quản trị viên quốc gia/);
});

test('without a body it captures as of the real time, and says so', async () => {
  const res = await post(tokens.superAdmin).expect(200);
  expect(res.headers['cache-control']).toBe('no-store');
  expect(res.body).toMatchObject({ driven: false, events: expect.any(Number), message: expect.any(String) });
  expect(Math.abs(Date.parse(res.body.now) - Date.now())).toBeLessThan(60_000);
  expect(res.body.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
});

test('an explicit now is refused in Vietnamese unless the CMS allows clock overrides', async () => {
  const res = await post(tokens.superAdmin, { now: '2021-01-01T00:00:30+07:00' });
  expectRefusal(res, 400, 'now', /PBGDPL_ALLOW_CLOCK_OVERRIDE=1/);
  expect(res.body.error.message).toMatch(/Không được chỉ định thời điểm/);
});

test.each([
  ['a bare date', '2021-01-01'],
  ['a local time without its offset', '2021-01-01T00:00:30'],
  ['a day the month does not have', '2021-02-30T00:00:00Z'],
  ['hour 24', '2021-01-01T24:00:00Z'],
  ['an offset beyond a day', '2021-01-01T00:00:00+25:00'],
  ['words', 'nửa đêm mai'],
])('with overrides allowed, now as %s is a 400 naming now', async (_case, value) => {
  const res = await withClockOverride(() => post(tokens.superAdmin, { now: value }));
  expectRefusal(res, 400, 'now', /không hợp lệ: cần dạng ISO 8601 có múi giờ/);
});

test('a now that is not text, a field other than now, or a body that is not an object is a 400', async () => {
  await withClockOverride(async () => {
    expectRefusal(await post(tokens.superAdmin, { now: 1609434030000 }), 400, 'now', /phải là một chuỗi/);
    expectRefusal(
      await post(tokens.superAdmin, { date: '2021-01-01T00:00:30+07:00' }),
      400,
      'date',
      /Trường “date” không được hỗ trợ/,
    );
    expectRefusal(
      await post(tokens.superAdmin, ['2021-01-01T00:00:30+07:00']),
      400,
      'body',
      /đối tượng JSON/,
    );
  });
});

test('a national administrator crosses midnight with a driven clock: one event at 00:00, none again', async () => {
  await withClockOverride(async () => {
    const eve = await post(tokens.nationalAdmin, { now: '2020-12-31T23:59:00+07:00' }).expect(200);
    expect(eve.body).toMatchObject({
      now: '2020-12-31T16:59:00.000Z',
      asOf: '2020-12-31',
      driven: true,
      events: 0,
    });
    const before = await maxEventId();
    const midnight = await post(tokens.nationalAdmin, { now: '2020-12-31T17:00:30Z' }).expect(200);
    expect(midnight.body).toMatchObject({ asOf: '2021-01-01', driven: true, events: 1 });
    expect(midnight.body.message).toMatch(/Đã ghi 1 sự kiện theo ngày/);
    const again = await post(tokens.nationalAdmin, { now: '2020-12-31T17:00:30Z' }).expect(200);
    expect(again.body).toMatchObject({ events: 0, message: expect.stringMatching(/Không có sự kiện mới/) });
    const events = (await cms.strapi.db
      .connection('pbgdpl_change_events')
      .where('id', '>', before)
      .select('action', 'source', 'dedupe_key')) as Array<Record<string, string>>;
    expect(events).toEqual([expect.objectContaining({ action: 'enters-newly-effective', source: 'date' })]);
    expect(events[0]!.dedupe_key).toMatch(/2021-01-01$/);
  });
});

async function maxEventId(): Promise<number> {
  const row = (await cms.strapi.db.connection('pbgdpl_change_events').max('id as max').first()) as {
    max: number | null;
  };
  return Number(row?.max ?? 0);
}
