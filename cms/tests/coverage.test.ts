import request from 'supertest';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { freePort } from '@pbgdpl/test-support';
import { parseCsv as parseCsvForTests } from '@pbgdpl/domain';
import { startTestCms, type TestCms } from './harness';
import { PASSWORD, bearer, buildWorld, type World } from './federation-support';
import { censusAct, createCitedLaws, editorialSample } from './fixtures';
import { contentVersion, flagOutdated, publishedItem, recordBuilds } from './coverage-support';
import { ensureSiteAccount } from '../src/extensions/federation/members';
import { computeCoverage, coverageRows, mondayOf } from '../src/extensions/coverage';
import { submissionEnv } from './submission-support';

/**
 * National oversight (issue 8) on a real Strapi: the coverage of constructed sites (complete,
 * empty, stale, outdated items, syndicated only), the nightly snapshot, roll-ups that add up,
 * scope (a province administrator sees their province and its communes, nothing else), exports
 * that parse, the public summary, the trend, and the weekly digest through a real SMTP server.
 */
let cms: TestCms;
let world: World;
let angiangAdmin: string;
let smtp: SMTPServer;
const inbox: Array<{ to: string[]; subject: string; text: string }> = [];
const parsing: Array<Promise<void>> = [];
const NOW = new Date();
const LAND_LAW = censusAct('31/2024/QH15');

type Row = Awaited<ReturnType<typeof coverageRows>>[number];
const rowOf = (rows: Row[], code: string) => rows.find((r) => r.siteCode === code)!;

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
  cms = await startTestCms('coverage');
  world = await buildWorld(cms.strapi, cms.http);
  const { strapi } = cms;
  await ensureSiteAccount(strapi, {
    siteCode: 'an-giang',
    email: 'angiangadmin@pbgdpl.test',
    password: PASSWORD,
    firstname: 'An Giang',
    role: 'pbgdpl-unit-admin',
  });
  angiangAdmin = (
    await request(cms.http)
      .post('/admin/login')
      .send({ email: 'angiangadmin@pbgdpl.test', password: PASSWORD })
      .expect(200)
  ).body.data.token;

  const s = world.sites;
  await createCitedLaws(strapi, s.national.documentId);
  const land = (await strapi.documents('api::legal-field.legal-field').create({
    data: { code: 'dat-dai', name: 'Đất đai' },
  } as never)) as { documentId: string };
  // An Giang does not follow land matters: national items of that field alone skip it.
  await strapi
    .documents('api::site.site')
    .update({ documentId: s.angiang.documentId, data: { optedOutFields: [land.documentId] } } as never);

  // National: an introduction for every site (field: land), a material for An Giang's communes only.
  await publishedItem(strapi, 'introduction', s.national.documentId, {
    audience: 'all_sites',
    fields: [land.documentId],
  });
  await publishedItem(strapi, 'material', s.national.documentId, {
    audience: 'filtered',
    audienceSiteKinds: ['commune'],
    audienceProvinces: [s.angiang.documentId],
  });
  // Hà Nội: every section, fresh; its guidance reaches its communes; a question answered in 24 h.
  for (const type of ['introduction', 'dialogue', 'material', 'book'] as const)
    await publishedItem(strapi, type, s.hanoi.documentId);
  await publishedItem(strapi, 'guidance', s.hanoi.documentId, { audience: 'own_and_descendants' });
  await publishedItem(strapi, 'qa', s.hanoi.documentId, {
    trackingCode: 'HN-COV-0001',
    receivedAt: new Date(NOW.getTime() - 48 * 3_600_000).toISOString(),
    respondedAt: new Date(NOW.getTime() - 24 * 3_600_000).toISOString(),
  });
  // Two more answered (in 2 h and in 100 h) and one still open: median 24 h, 90th percentile 84.8 h.
  const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000).toISOString();
  await publishedItem(strapi, 'qa', s.hanoi.documentId, {
    trackingCode: 'HN-COV-0002',
    receivedAt: hoursAgo(30),
    respondedAt: hoursAgo(28),
  });
  await publishedItem(strapi, 'qa', s.hanoi.documentId, {
    trackingCode: 'HN-COV-0003',
    receivedAt: hoursAgo(200),
    respondedAt: hoursAgo(100),
  });
  await strapi.documents('api::qa.qa').create({
    locale: 'vi',
    data: {
      ...editorialSample('qa', s.hanoi.documentId).vi,
      slug: 'cau-hoi-chua-tra-loi',
      handlingStatus: 'received',
      trackingCode: 'HN-COV-0004',
      receivedAt: hoursAgo(10),
      answer: null,
      answeredAt: null,
    },
  } as never);
  // Ngọc Hà: every section of its own (the stale case, seen 200 days later).
  for (const type of ['introduction', 'qa', 'dialogue', 'video', 'book', 'guidance'] as const)
    await publishedItem(strapi, type, s.communeB.documentId);
  // Ba Đình: two introductions, one citing a law that changed; nothing else of its own.
  await publishedItem(strapi, 'introduction', s.communeA.documentId);
  await flagOutdated(
    strapi,
    'introduction',
    await publishedItem(strapi, 'introduction', s.communeA.documentId),
  );
  // A draft counts for nothing.
  await strapi.documents('api::book.book').create({
    locale: 'vi',
    data: { ...editorialSample('book', s.angiang.documentId).vi, slug: 'ban-nhap' },
  } as never);
}, 600_000);

afterAll(async () => {
  await cms?.stop();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

describe('coverage of constructed sites', () => {
  let rows: Row[];
  beforeAll(async () => {
    rows = await coverageRows(cms.strapi, NOW);
  });

  it('gives a complete, fresh site every requirement, with its Q&A median response time', () => {
    const hanoi = rowOf(rows, 'ha-noi');
    expect(hanoi.score).toBe(100);
    expect(hanoi.met).toBe(7);
    expect((hanoi.figures.qaResponse as { medianHours: number }).medianHours).toBe(24);
    const sections = hanoi.figures.sections as Record<string, { own: number; shown: number }>;
    // Its own introduction plus the national one for every site.
    expect(sections['C-2']).toMatchObject({ own: 1, shown: 2 });
  });

  it('gives an empty site only C-1 (no document concerns it today) and nothing for a draft', () => {
    const angiang = rowOf(rows, 'an-giang');
    expect(angiang.states).toEqual({
      'C-1': 'met',
      'C-2': 'missing', // the national introduction is about land, a field An Giang opted out of
      'C-3': 'missing',
      'C-4': 'missing',
      'C-5': 'missing', // the national material is for its communes, not for it
      TS: 'missing',
      HD: 'missing',
    });
    expect(angiang.score).toBe(14);
  });

  it("counts items syndicated to a site as its upper levels' content, at half", () => {
    const commune = rowOf(rows, 'an-giang-long-xuyen');
    expect(commune.states['C-2']).toBe('inherited');
    expect(commune.states['C-5']).toBe('inherited');
    expect(commune.score).toBe(29);
    expect(rowOf(rows, 'ha-noi-ba-dinh').states.HD).toBe('inherited');
    expect(rowOf(rows, 'bo-tu-phap').states['C-5']).toBe('missing');
  });

  it('marks a section outdated when half its own items are flagged, and gives the share', () => {
    const baDinh = rowOf(rows, 'ha-noi-ba-dinh');
    expect(baDinh.states['C-2']).toBe('outdated');
    expect(baDinh.figures.outdatedShare).toBe(0.5);
    expect(baDinh.score).toBe(29);
  });

  it('marks sections stale once their latest own item passes the window (seen 200 days later)', async () => {
    const later = await coverageRows(cms.strapi, new Date(NOW.getTime() + 200 * 86_400_000));
    const ngocHa = rowOf(later, 'ha-noi-ngoc-ha');
    expect(rowOf(rows, 'ha-noi-ngoc-ha').score).toBe(100);
    expect(ngocHa.states).toMatchObject({
      'C-2': 'stale',
      'C-3': 'stale',
      'C-5': 'stale',
      'C-4': 'met',
      TS: 'met',
      HD: 'met',
    });
    expect(ngocHa.score).toBe(79);
  });

  it('counts a newly effective national law as shown only on sites whose live release was built after it', async () => {
    const before = await contentVersion(cms.strapi);
    await recordBuilds(cms.strapi, { 'ha-noi': before + 1, 'ha-noi-ba-dinh': 1, 'an-giang': null });
    // Ten days after the Land Law took effect: it is the one newly effective national document.
    const tenDaysIn = new Date(`${LAND_LAW.in_force_date}T03:00:00+07:00`);
    tenDaysIn.setUTCDate(tenDaysIn.getUTCDate() + 10);
    const then = await coverageRows(cms.strapi, tenDaysIn);
    const c1 = (code: string) => rowOf(then, code).figures.newlyEffective;
    expect(c1('ha-noi')).toEqual({ concerning: 1, shown: 1, basis: 'sync' });
    expect(c1('ha-noi-ba-dinh')).toEqual({ concerning: 1, shown: 0, basis: 'sync' });
    expect(c1('an-giang')).toEqual({ concerning: 1, shown: 0, basis: 'sync' });
    expect(c1('ha-noi-ngoc-ha')).toEqual({ concerning: 1, shown: 0, basis: 'sync' }); // never built
    expect(rowOf(then, 'ha-noi-ba-dinh').states['C-1']).toBe('missing');
    expect(rowOf(then, 'ha-noi').states['C-1']).toBe('met');
    await cms.strapi.db.connection.schema.dropTable('pbgdpl_sync_sites');
  });
});

describe('snapshots, roll-ups, scope and exports', () => {
  const yesterday = new Date(NOW.getTime() - 86_400_000);
  beforeAll(async () => {
    expect((await computeCoverage(cms.strapi, { now: yesterday })).sites).toBe(7);
    const run = await computeCoverage(cms.strapi, { now: NOW });
    expect(run.sites).toBe(7);
  });

  it('refuses anonymous callers and roles other than administrators', async () => {
    await request(cms.http).get('/pbgdpl-coverage/sites').expect(401);
    const editor = await request(cms.http)
      .get('/pbgdpl-coverage/sites')
      .set(bearer(world.tokens.hanoiEditor))
      .expect(403);
    expect(editor.body.error.message).toContain('quản trị viên');
  });

  it('ranks every site for the national administrator, with the rule written out', async () => {
    const res = await request(cms.http)
      .get('/pbgdpl-coverage/sites')
      .set(bearer(world.tokens.nationalAdmin))
      .expect(200);
    expect(res.body.sites).toHaveLength(7);
    expect(res.body.sites.map((s: { score: number }) => s.score)).toEqual(
      [...res.body.sites.map((s: { score: number }) => s.score)].sort((a, b) => b - a),
    );
    expect(res.body.sites[0]).toMatchObject({ rank: 1, score: 100 });
    expect(res.body.rule.join(' ')).toContain('Điểm = 100');
    const communes = await request(cms.http)
      .get('/pbgdpl-coverage/sites?kind=commune&province=ha-noi')
      .set(bearer(world.tokens.nationalAdmin))
      .expect(200);
    expect(communes.body.sites.map((s: { siteCode: string }) => s.siteCode).sort()).toEqual([
      'ha-noi-ba-dinh',
      'ha-noi-ngoc-ha',
    ]);
    await request(cms.http)
      .get('/pbgdpl-coverage/sites?kind=planet')
      .set(bearer(world.tokens.nationalAdmin))
      .expect(400);
  });

  it("shows a province administrator their province and its communes, never another province's figures", async () => {
    const hanoi = await request(cms.http)
      .get('/pbgdpl-coverage/sites')
      .set(bearer(world.tokens.hanoiAdmin))
      .expect(200);
    expect(hanoi.body.sites.map((s: { siteCode: string }) => s.siteCode).sort()).toEqual([
      'ha-noi',
      'ha-noi-ba-dinh',
      'ha-noi-ngoc-ha',
    ]);
    const other = await request(cms.http)
      .get('/pbgdpl-coverage/sites/ha-noi')
      .set(bearer(angiangAdmin))
      .expect(403);
    expect(other.body.error.message).toContain('Thành phố Hà Nội');
    await request(cms.http)
      .get('/pbgdpl-coverage/sites/ha-noi-ba-dinh')
      .set(bearer(angiangAdmin))
      .expect(403);
    const filtered = await request(cms.http)
      .get('/pbgdpl-coverage/sites?province=ha-noi')
      .set(bearer(angiangAdmin))
      .expect(200);
    expect(filtered.body.sites).toEqual([]);
    const rollups = await request(cms.http)
      .get('/pbgdpl-coverage/rollups')
      .set(bearer(angiangAdmin))
      .expect(200);
    expect(rollups.body.national.sites).toBe(2);
    expect(rollups.body.byProvince.map((p: { key: string }) => p.key)).toEqual(['an-giang']);
    const csv = await request(cms.http)
      .get('/pbgdpl-coverage/snapshots?format=csv')
      .set(bearer(angiangAdmin))
      .expect(200);
    expect(csv.text).not.toContain('ha-noi');
    const own = await request(cms.http)
      .get('/pbgdpl-coverage/sites/an-giang-long-xuyen')
      .set(bearer(angiangAdmin))
      .expect(200);
    expect(own.body.requirements).toHaveLength(7);
  });

  it('rolls up by kind, by province and nationally, and the parts add up', async () => {
    const res = await request(cms.http)
      .get('/pbgdpl-coverage/rollups')
      .set(bearer(world.tokens.nationalAdmin))
      .expect(200);
    const { national, byKind, byProvince } = res.body as {
      national: {
        sites: number;
        scoreSum: number;
        fullyMet: number;
        metByRequirement: Record<string, number>;
      };
      byKind: Array<{
        key: string;
        sites: number;
        scoreSum: number;
        fullyMet: number;
        metByRequirement: Record<string, number>;
      }>;
      byProvince: Array<{ key: string; sites: number }>;
    };
    expect(national.sites).toBe(7);
    expect(byKind.reduce((n, g) => n + g.sites, 0)).toBe(7);
    expect(byKind.reduce((n, g) => n + g.scoreSum, 0)).toBe(national.scoreSum);
    expect(byKind.reduce((n, g) => n + g.fullyMet, 0)).toBe(national.fullyMet);
    for (const code of Object.keys(national.metByRequirement))
      expect(byKind.reduce((n, g) => n + g.metByRequirement[code]!, 0)).toBe(national.metByRequirement[code]);
    expect(national.fullyMet).toBe(2); // Hà Nội and Ngọc Hà
    // Sorted by name: “Thành phố Hà Nội” before “Tỉnh An Giang”.
    expect(byProvince).toEqual([
      expect.objectContaining({ key: 'ha-noi', sites: 2 }),
      expect.objectContaining({ key: 'an-giang', sites: 1 }),
    ]);
  });

  it('exports the table as CSV with a byte order mark and as JSON, and both parse', async () => {
    const csv = await request(cms.http)
      .get('/pbgdpl-coverage/sites?format=csv')
      .set(bearer(world.tokens.nationalAdmin))
      .expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(
      /attachment; filename="pbgdpl-bao-phu-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...lines] = parseCsvForTests(csv.text);
    expect(header!.slice(0, 6)).toEqual([
      'Hạng',
      'Mã trang',
      'Tên trang',
      'Loại trang',
      'Tỉnh, thành phố',
      'Điểm',
    ]);
    expect(lines).toHaveLength(7);
    const hanoi = lines.find((l) => l[1] === 'ha-noi')!;
    expect(hanoi[5]).toBe('100');
    expect(hanoi[8]).toBe('Đạt');
    const json = await request(cms.http)
      .get('/pbgdpl-coverage/sites?format=json')
      .set(bearer(world.tokens.nationalAdmin))
      .expect(200);
    expect(JSON.parse(JSON.stringify(json.body)).sites).toHaveLength(7);
  });

  it('exports the snapshots of a period, keeps one per site and day, and draws the trend from them', async () => {
    const to = NOW.toISOString().slice(0, 10);
    const from = yesterday.toISOString().slice(0, 10);
    const json = await request(cms.http)
      .get(`/pbgdpl-coverage/snapshots?from=${from}&to=${to}`)
      .set(bearer(world.tokens.nationalAdmin))
      .expect(200);
    const days = new Set(json.body.snapshots.map((r: { day: string }) => r.day));
    expect(json.body.snapshots).toHaveLength(7 * days.size);
    expect(days.size).toBeGreaterThanOrEqual(1);
    const csv = await request(cms.http)
      .get(`/pbgdpl-coverage/snapshots?from=${from}&to=${to}&format=csv`)
      .set(bearer(world.tokens.nationalAdmin))
      .expect(200);
    expect(parseCsvForTests(csv.text)).toHaveLength(1 + 7 * days.size);
    await request(cms.http)
      .get('/pbgdpl-coverage/snapshots?from=2020-01-01&to=2026-01-01')
      .set(bearer(world.tokens.nationalAdmin))
      .expect(400);
    const trend = await request(cms.http)
      .get('/pbgdpl-coverage/trend?days=30')
      .set(bearer(world.tokens.nationalAdmin))
      .expect(200);
    const all = trend.body.series.find((s: { key: string }) => s.key === 'all');
    expect(all.points.length).toBe(days.size);
    expect(all.points.at(-1).sites).toBe(7);
  });

  it('lets only national administrators recompute', async () => {
    await request(cms.http).post('/pbgdpl-coverage/compute').set(bearer(world.tokens.hanoiAdmin)).expect(403);
    const run = await request(cms.http)
      .post('/pbgdpl-coverage/compute')
      .set(bearer(world.tokens.nationalAdmin))
      .expect(200);
    expect(run.body.sites).toBe(7);
  });

  it('publishes a per-site summary for the sites themselves, without private figures', async () => {
    const res = await request(cms.http).get('/api/pbgdpl-coverage/public/ha-noi').expect(200);
    expect(Object.keys(res.body).sort()).toEqual([
      'computedAt',
      'met',
      'qaResponseTime',
      'requirements',
      'site',
      'total',
    ]);
    expect(res.body).toMatchObject({ site: { code: 'ha-noi', name: 'Thành phố Hà Nội' }, met: 7, total: 7 });
    // Counts and hours only: no question, asker or tracking code.
    expect(res.body.qaResponseTime).toEqual({
      windowDays: 365,
      received: 4,
      answered: 3,
      open: 1,
      medianHours: 24,
      p90Hours: 84.8,
    });
    expect(res.body.requirements[0]).toEqual({ code: 'C-1', label: 'Văn bản mới có hiệu lực', met: true });
    expect(res.headers['cache-control']).toContain('max-age');
    const commune = await request(cms.http).get('/api/pbgdpl-coverage/public/ha-noi-ba-dinh').expect(200);
    expect(commune.body.met).toBe(1);
    // Ba Đình received no citizen's question: nothing to show rather than zeros.
    expect(commune.body.qaResponseTime).toBeNull();
    await request(cms.http).get('/api/pbgdpl-coverage/public/khong-co').expect(404);
  });
});

describe('the weekly digest', () => {
  it('emails each unit administrator what is missing or stale on their sites, once a week', async () => {
    // Through the running CMS (its notifications hold the SMTP connection), as the Monday cron does.
    await request(cms.http).post('/pbgdpl-coverage/digest').set(bearer(world.tokens.hanoiAdmin)).expect(403);
    const run = await request(cms.http)
      .post('/pbgdpl-coverage/digest')
      .set(bearer(world.tokens.nationalAdmin))
      .expect(200);
    await (
      cms.strapi.service('api::submission.submission') as unknown as {
        flushNotifications: () => Promise<void>;
      }
    ).flushNotifications();
    await Promise.all(parsing);
    const mails = inbox.splice(0).filter((m) => m.subject.includes('yêu cầu nội dung'));
    expect(run.body.sent).toBe(2);
    expect(mails).toHaveLength(2);
    const hanoi = mails.find((m) => m.to.includes(world.emails.hanoiAdmin))!;
    expect(hanoi.subject).toBe('[PBGDPL] Phường Ba Đình: 6 yêu cầu nội dung chưa đạt');
    expect(hanoi.text).toContain('C-2 Giới thiệu văn bản mới: Nhiều bài có thể đã lỗi thời.');
    expect(hanoi.text).toContain('https://cms.pbgdpl.test/admin/pbgdpl-coverage');
    expect(hanoi.text).not.toContain('Ngọc Hà'); // every requirement met
    const angiang = mails.find((m) => m.to.includes('angiangadmin@pbgdpl.test'))!;
    expect(angiang.text).toContain('Tỉnh An Giang');
    expect(angiang.text).toContain('Phường Long Xuyên');
    const again = await request(cms.http)
      .post('/pbgdpl-coverage/digest')
      .set(bearer(world.tokens.nationalAdmin))
      .expect(200);
    expect(again.body.sent).toBe(0);
  });

  it('names the week by its Monday in Vietnam time', () => {
    expect(mondayOf(new Date('2026-11-29T18:00:00.000Z'))).toBe('2026-11-30'); // Monday 01:00 in Hà Nội
    expect(mondayOf(new Date('2026-12-06T16:59:00.000Z'))).toBe('2026-11-30'); // Sunday 23:59
  });
});
