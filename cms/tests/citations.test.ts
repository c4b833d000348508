import request from 'supertest';
import { addDays, todayInVietnam } from '@pbgdpl/domain';
import { startTestCms, type TestCms } from './harness';
import { createRegistry } from './fixtures';
import {
  DOCUMENT,
  RELATION,
  createItem,
  createLaw,
  itemData,
  rowsOf,
  uidOf,
  type ItemType,
} from './citations-fixtures';
import { flagCitingItems } from '../src/extensions/citations/flag';

/**
 * Items that cite a law are flagged "may be outdated" when the law's validity changes, with the
 * reason in Vietnamese, on every locale and version; an editor's re-check clears the flag.
 * Real relations from the shared data: the Enterprise Law 2020 (59/2020/QH14) replaces the 2014
 * one (68/2014/QH13) from 2021-01-01; the Insurance Business Law 2022 (08/2022/QH15) amends
 * Appendix IV of the Investment Law 2020 (61/2020/QH14) from 2023-01-01.
 */
let cms: TestCms;
let token: string;
let site: string;
const ids: Record<string, string> = {};
const items: Record<string, { type: ItemType; documentId: string }> = {};
const today = todayInVietnam(new Date());
const CHECKED = '2025-03-01';

const REPLACED =
  'Luật doanh nghiệp số 68/2014/QH13 đã bị thay thế bởi Luật Doanh nghiệp số 59/2020/QH14, từ ngày 01/01/2021.';
const AMENDED =
  'Luật Đầu tư số 61/2020/QH14 đã được sửa đổi, bổ sung bởi Luật Kinh doanh bảo hiểm số 08/2022/QH15 ' +
  '(Phụ lục IV), từ ngày 01/01/2023.';

const cite = (documentNumber: string, article?: string) => ({ documentNumber, ...(article && { article }) });

beforeAll(async () => {
  cms = await startTestCms('citations');
  const registry = await createRegistry(cms.strapi);
  site = registry.sites.national;
  for (const number of [
    '68/2014/QH13',
    '59/2020/QH14',
    '61/2020/QH14',
    '08/2022/QH15',
    '91/2015/QH13',
    '58/2014/QH13',
  ]) {
    ids[number] = await createLaw(cms.strapi, number, site);
  }
  const citing = async (key: string, type: ItemType, citations: object[], published = false) => {
    const documentId = await createItem(cms.strapi, type, `Bài ${key}`, site, {
      extra: { citations, citationsCheckedAt: CHECKED },
      published,
    });
    items[key] = { type, documentId };
  };
  // The Q&A on the 2014 law exists in Vietnamese (published) and English (draft).
  await citing('qaOld', 'qa', [cite('68/2014/QH13', 'Điều 10')], true);
  await cms.strapi.documents(uidOf('qa')).update({
    documentId: items.qaOld!.documentId,
    locale: 'en',
    data: itemData('qa', 'Q&A on the 2014 Enterprise Law', site, {
      citations: [cite('68/2014/QH13', 'Điều 10')],
    }),
  } as never);
  await citing('introOld', 'introduction', [cite('68/2014/QH13')]);
  await citing('materialOld', 'material', [cite('68/2014/QH13')], true);
  await citing('videoOld', 'video', [cite('68/2014/QH13')]);
  await citing('situationOld', 'legal-situation', [cite('68/2014/QH13', 'Điều 17')], true);
  await citing('dialogueOld', 'dialogue', [cite('68/2014/QH13')]);
  await citing('qaInvestment', 'qa', [cite('61/2020/QH14')], true);
  await citing('qaBoth', 'qa', [cite('68/2014/QH13'), cite('61/2020/QH14')]);
  await citing('qaCivil', 'qa', [cite('91/2015/QH13', 'Điều 385')], true);

  const credentials = { email: 'quan-tri@pbgdpl.test', password: 'MatKhau2026' };
  const superAdmin = await cms.strapi.service('admin::role').getSuperAdmin();
  await cms.strapi
    .service('admin::user')
    .create({ ...credentials, firstname: 'Quản', lastname: 'Trị', isActive: true, roles: [superAdmin.id] });
  token = (await request(cms.http).post('/admin/login').send(credentials).expect(200)).body.data.token;
});
afterAll(async () => {
  await cms?.stop();
});

const admin = (method: 'get' | 'post' | 'put', path: string) =>
  request(cms.http)[method](path).set('Authorization', `Bearer ${token}`);

async function flagsOf(key: string) {
  const { type, documentId } = items[key]!;
  return (await rowsOf(cms.strapi, type, documentId)).map((r) => ({
    locale: r.locale,
    published: r.publishedAt !== null,
    mayBeOutdated: r.mayBeOutdated,
    outdatedReason: r.outdatedReason,
  }));
}

test('a citation is stored with its number normalised and the cited document found; the check is dated today when empty', async () => {
  const documentId = await createItem(cms.strapi, 'qa', 'Thành lập doanh nghiệp', site, {
    extra: { citations: [cite(' 68/2014/qh13 ', 'Điều 18')] },
  });
  items.qaUndated = { type: 'qa', documentId };
  const [row] = await rowsOf(cms.strapi, 'qa', documentId);
  expect(row!.citationsCheckedAt).toBe(today);
  expect(row!.citations).toEqual([
    expect.objectContaining({
      documentNumber: '68/2014/QH13',
      article: 'Điều 18',
      citedDocumentId: ids['68/2014/QH13'],
      documentTitle: 'Luật doanh nghiệp',
    }),
  ]);
});

test('an unknown document number is refused with a 400 naming the citation field, and nothing is stored', async () => {
  const before = await cms.strapi.db.query(uidOf('qa')).count({});
  const res = await admin('post', `/content-manager/collection-types/${uidOf('qa')}`)
    .query({ locale: 'vi' })
    .send({
      ...itemData('qa', 'Câu hỏi có trích dẫn sai', site),
      owningSite: { connect: [{ documentId: site }] },
      citations: [cite('59/2020/QH14'), cite('999/2099/QH99')],
    });
  expect(res.status).toBe(400);
  expect(res.body.error.name).toBe('ValidationError');
  const [problem] = res.body.error.details.errors as Array<{ path: string[]; message: string }>;
  expect(problem!.path.join('.')).toBe('citations.1.documentNumber');
  expect(problem!.message).toMatch(/không tìm thấy văn bản có số ký hiệu "999\/2099\/QH99"/);
  expect(await cms.strapi.db.query(uidOf('qa')).count({})).toBe(before);
});

test('recording a replacement flags every item citing the old law — every type, locale and version — with the reason', async () => {
  await cms.strapi.documents(RELATION).create({
    data: {
      sourceNumber: '59/2020/QH14',
      kind: 'replaces',
      targetNumber: '68/2014/QH13',
      effectiveDate: '2021-01-01',
    },
  } as never);
  for (const key of [
    'qaOld',
    'introOld',
    'materialOld',
    'videoOld',
    'situationOld',
    'dialogueOld',
    'qaUndated',
  ]) {
    const flags = await flagsOf(key);
    expect(flags.length).toBeGreaterThan(0);
    for (const flag of flags) expect(flag).toMatchObject({ mayBeOutdated: true, outdatedReason: REPLACED });
  }
  // Vietnamese and English, draft and published.
  expect((await flagsOf('qaOld')).map((f) => `${f.locale}:${f.published}`).sort()).toEqual([
    'en:false',
    'vi:false',
    'vi:true',
  ]);
  expect(await flagsOf('qaBoth')).toEqual([
    expect.objectContaining({ mayBeOutdated: true, outdatedReason: REPLACED }),
  ]);
  for (const key of ['qaInvestment', 'qaCivil']) {
    for (const flag of await flagsOf(key))
      expect(flag).toMatchObject({ mayBeOutdated: false, outdatedReason: null });
  }
  const [law] = await cms.strapi.db.query(DOCUMENT).findMany({ where: { documentId: ids['68/2014/QH13'] } });
  expect(law.validityChangedAt).toBe(today);
  // A check dated today cannot tell whether it came before the change: it is cleared.
  expect((await rowsOf(cms.strapi, 'qa', items.qaUndated!.documentId))[0]!.citationsCheckedAt).toBeNull();
  expect((await rowsOf(cms.strapi, 'qa', items.qaOld!.documentId))[0]!.citationsCheckedAt).toBe(CHECKED);
});

test('recording an amendment flags the items citing the amended law, adding to an earlier reason', async () => {
  await cms.strapi.documents(RELATION).create({
    data: {
      sourceNumber: '08/2022/QH15',
      kind: 'amends',
      targetNumber: '61/2020/QH14',
      partial: true,
      affectedPart: 'Phụ lục IV',
      effectiveDate: '2023-01-01',
    },
  } as never);
  for (const flag of await flagsOf('qaInvestment')) {
    expect(flag).toMatchObject({ mayBeOutdated: true, outdatedReason: AMENDED });
  }
  expect(await flagsOf('qaBoth')).toEqual([
    expect.objectContaining({ mayBeOutdated: true, outdatedReason: `${REPLACED}\n${AMENDED}` }),
  ]);
  for (const flag of await flagsOf('qaCivil')) expect(flag.mayBeOutdated).toBe(false);
});

test('editors find flagged items with the admin list filter, citizens with the public REST filter', async () => {
  const list = await admin('get', `/content-manager/collection-types/${uidOf('qa')}`)
    .query({ 'filters[$and][0][mayBeOutdated][$eq]': 'true', locale: 'vi', pageSize: 100 })
    .expect(200);
  const listed = (list.body.results as Array<{ documentId: string }>).map((r) => r.documentId).sort();
  expect(listed).toEqual(
    [items.qaOld, items.qaInvestment, items.qaBoth, items.qaUndated].map((i) => i!.documentId).sort(),
  );

  await ensurePublicFind('api::qa.qa');
  const open = await request(cms.http)
    .get('/api/qas')
    .query({ 'filters[mayBeOutdated][$eq]': 'true', locale: 'vi' })
    .expect(200);
  const published = open.body.data as Array<{ documentId: string; outdatedReason: string }>;
  expect(published.map((r) => r.documentId).sort()).toEqual(
    [items.qaOld, items.qaInvestment].map((i) => i!.documentId).sort(),
  );
  expect(published.find((r) => r.documentId === items.qaOld!.documentId)?.outdatedReason).toBe(REPLACED);
});

test('saving a flagged item without moving its check date, or trying to untick the flag, leaves it flagged', async () => {
  const { documentId } = items.qaOld!;
  await admin('put', `/content-manager/collection-types/${uidOf('qa')}/${documentId}`)
    .query({ locale: 'vi' })
    .send({
      title: 'Bài qaOld (sửa tiêu đề)',
      mayBeOutdated: false,
      outdatedReason: null,
      citationsCheckedAt: CHECKED,
    })
    .expect(200);
  for (const flag of await flagsOf('qaOld'))
    expect(flag).toMatchObject({ mayBeOutdated: true, outdatedReason: REPLACED });
});

test('a re-check dated before the change does not clear the flag', async () => {
  const { documentId } = items.qaOld!;
  await admin('put', `/content-manager/collection-types/${uidOf('qa')}/${documentId}`)
    .query({ locale: 'vi' })
    .send({ citationsCheckedAt: addDays(today, -1) })
    .expect(200);
  for (const flag of await flagsOf('qaOld')) expect(flag.mayBeOutdated).toBe(true);
});

test('a re-check dated today clears the drafts; the published version keeps its banner until republished', async () => {
  const { documentId } = items.qaOld!;
  await admin('put', `/content-manager/collection-types/${uidOf('qa')}/${documentId}`)
    .query({ locale: 'vi' })
    .send({ citationsCheckedAt: today })
    .expect(200);
  expect(
    (await flagsOf('qaOld')).sort((a, b) =>
      `${a.locale}${a.published}`.localeCompare(`${b.locale}${b.published}`),
    ),
  ).toEqual([
    { locale: 'en', published: false, mayBeOutdated: false, outdatedReason: null },
    { locale: 'vi', published: false, mayBeOutdated: false, outdatedReason: null },
    { locale: 'vi', published: true, mayBeOutdated: true, outdatedReason: REPLACED },
  ]);
  await admin('post', `/content-manager/collection-types/${uidOf('qa')}/${documentId}/actions/publish`)
    .query({ locale: 'vi' })
    .send({})
    .expect(200);
  for (const flag of await flagsOf('qaOld')) expect(flag.mayBeOutdated).toBe(false);
});

test('an item citing two changed laws is cleared only by a check reaching both changes', async () => {
  const { documentId } = items.qaBoth!;
  const recheck = (citationsCheckedAt: string) =>
    cms.strapi
      .documents(uidOf('qa'))
      .update({ documentId, locale: 'vi', data: { citationsCheckedAt } } as never);
  await cms.strapi.db
    .query(DOCUMENT)
    .updateMany({ where: { documentId: ids['61/2020/QH14'] }, data: { validityChangedAt: '2099-01-01' } });
  await recheck(today);
  expect((await flagsOf('qaBoth'))[0]!.mayBeOutdated).toBe(true);
  await cms.strapi.db
    .query(DOCUMENT)
    .updateMany({ where: { documentId: ids['61/2020/QH14'] }, data: { validityChangedAt: today } });
  await recheck(today);
  expect((await flagsOf('qaBoth'))[0]).toMatchObject({ mayBeOutdated: false, outdatedReason: null });
});

test('flagging is set-based: the number of SQL queries does not grow with the number of citing items', async () => {
  const citedDocumentId = ids['58/2014/QH13']!;
  const queriesToFlag = async () => {
    let queries = 0;
    // Only this work's queries (the minute job may run meanwhile): they touch the flag or the citations.
    const count = (query: { sql: string }) => {
      if (/outdated|legal_citations|citations_checked_at/.test(query.sql)) queries += 1;
    };
    const connection = cms.strapi.db.connection;
    connection.on('query', count);
    try {
      await flagCitingItems(cms.strapi, citedDocumentId, 'Luật số 58/2014/QH13 thay đổi (kiểm thử).', today);
    } finally {
      connection.removeListener('query', count);
    }
    return queries;
  };
  const add = async (n: number) => {
    for (let i = 0; i < n; i += 1) {
      await createItem(cms.strapi, 'material', `Tờ gấp bảo hiểm xã hội ${i}`, site, {
        extra: { citations: [cite('58/2014/QH13')] },
      });
    }
  };
  await add(2);
  const few = await queriesToFlag();
  await add(20);
  const many = await queriesToFlag();
  expect(many).toBe(few);
  const flagged = await cms.strapi.db
    .query(uidOf('material'))
    .count({ where: { citations: { citedDocumentId }, mayBeOutdated: true } });
  expect(flagged).toBe(22);
});

/** Public read of a type, as the public-access extension grants it (idempotent). */
async function ensurePublicFind(uid: string) {
  const role = await cms.strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'public' } });
  const permissions = cms.strapi.db.query('plugin::users-permissions.permission');
  const action = `${uid}.find`;
  if (!(await permissions.findOne({ where: { role: role.id, action } }))) {
    await permissions.create({ data: { action, role: role.id } });
  }
}
