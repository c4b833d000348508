import request from 'supertest';
import { startTestCms, type TestCms } from './harness';
import { createRegistry } from './fixtures';
import { DOCUMENT, RELATION, createItem, createLaw, uidOf } from './citations-fixtures';
import { captureDateDrivenChanges } from '../src/extensions/change-capture';

/**
 * Change capture for the sync engine: every write that changes what the public sees appends one
 * event to `pbgdpl_change_events` with where the item shows (before and after); drafts do not;
 * dates that come (a document entering "newly effective") append one event each, once.
 */
let cms: TestCms;
let registry: Awaited<ReturnType<typeof createRegistry>>;

type EventRow = {
  id: number;
  uid: string;
  document_id: string;
  action: string;
  source: string;
  owning_site: string | null;
  placements: string;
  content_version: string | number;
  dedupe_key: string;
};
const eventsAfter = async (id: number) =>
  (await cms.strapi.db.connection('pbgdpl_change_events').where('id', '>', id).orderBy('id')) as EventRow[];
const lastId = async () => {
  const row = (await cms.strapi.db.connection('pbgdpl_change_events').max('id as max').first()) as {
    max: number | null;
  };
  return Number(row?.max ?? 0);
};
const contentVersion = async () =>
  Number(
    (
      (await cms.strapi.db.connection('pbgdpl_content_version').where({ id: 1 }).first('version')) as {
        version: string;
      }
    ).version,
  );

beforeAll(async () => {
  cms = await startTestCms('change_capture');
  registry = await createRegistry(cms.strapi);
});
afterAll(async () => {
  await cms?.stop();
});

test('a draft makes no event; publishing it makes one naming its owner and audience, older than the version after it', async () => {
  const start = await lastId();
  const documentId = await createItem(
    cms.strapi,
    'news-item',
    'Tập huấn Luật Dữ liệu',
    registry.sites.hanoi,
    {
      extra: { audience: 'own_and_descendants' },
    },
  );
  expect(await eventsAfter(start)).toEqual([]);
  await cms.strapi.documents(uidOf('news-item')).publish({ documentId, locale: 'vi' } as never);
  const events = await eventsAfter(start);
  expect(events).toHaveLength(1);
  expect(events[0]).toMatchObject({
    uid: uidOf('news-item'),
    document_id: documentId,
    action: 'publish',
    owning_site: 'ha-noi',
  });
  expect(JSON.parse(events[0]!.placements)).toEqual([
    expect.objectContaining({ kind: 'editorial', owningSite: 'ha-noi', audience: 'own_and_descendants' }),
  ]);
  expect(await contentVersion()).toBeGreaterThan(Number(events[0]!.content_version));

  const afterPublish = await lastId();
  await cms.strapi
    .documents(uidOf('news-item'))
    .update({ documentId, locale: 'vi', data: { summary: 'Bản nháp mới' } } as never);
  expect(await eventsAfter(afterPublish)).toEqual([]);
  await cms.strapi.documents(uidOf('news-item')).unpublish({ documentId, locale: 'vi' } as never);
  expect((await eventsAfter(afterPublish)).map((e) => e.action)).toEqual(['unpublish']);
});

test('a change of audience carries both the old and the new placement, so sites that lose the item are rebuilt', async () => {
  const documentId = await createItem(
    cms.strapi,
    'material',
    'Đề cương Luật Đất đai',
    registry.sites.national,
    {
      published: true,
    },
  );
  const start = await lastId();
  await cms.strapi.documents(uidOf('material')).update({
    documentId,
    locale: 'vi',
    status: 'published',
    data: { audience: 'own_site' },
  } as never);
  const [event] = await eventsAfter(start);
  const audiences = JSON.parse(event!.placements)
    .map((p: { audience: string }) => p.audience)
    .sort();
  expect(audiences).toEqual(['all_sites', 'own_site']);
});

test('site registry changes and relations between documents make events placed on the sites concerned', async () => {
  const start = await lastId();
  await cms.strapi
    .documents('api::site.site')
    .update({ documentId: registry.sites.hanoi, data: { name: 'Thủ đô Hà Nội' } } as never);
  const law = await createLaw(cms.strapi, '45/2019/QH14', registry.sites.national);
  const civil = await createLaw(cms.strapi, '91/2015/QH13', registry.sites.national);
  await cms.strapi.documents(RELATION).create({
    data: {
      kind: 'amends',
      sourceDocumentId: law,
      targetDocumentId: civil,
      sourceNumber: '45/2019/QH14',
      targetNumber: '91/2015/QH13',
    },
  } as never);
  const events = await eventsAfter(start);
  const site = events.find((e) => e.uid === 'api::site.site')!;
  expect(JSON.parse(site.placements)).toEqual([{ kind: 'site', code: 'ha-noi', parent: 'quoc-gia' }]);
  expect(
    events
      .filter((e) => e.uid === DOCUMENT && e.action === 'create')
      .map((e) => e.document_id)
      .sort(),
  ).toEqual([law, civil].sort());
  const relation = events.find((e) => e.uid === RELATION)!;
  expect(JSON.parse(relation.placements)).toEqual([
    expect.objectContaining({ kind: 'legal-document', scope: 'national', owningSite: 'quoc-gia' }),
  ]);
});

test('adopting an item, changing or removing the adoption, and changing the adopted item each rebuild the adopting site', async () => {
  const ADOPTION = 'api::site-adoption.site-adoption';
  const documentId = await createItem(
    cms.strapi,
    'news-item',
    'Ngày Pháp luật Việt Nam',
    registry.sites.national,
    {
      published: true,
      extra: { audience: 'all_sites' },
    },
  );
  const start = await lastId();
  const adoption = (await cms.strapi.documents(ADOPTION).create({
    data: {
      owningSite: registry.sites.hanoi,
      targetType: 'news_item',
      targetDocumentId: documentId,
      localNoteTitle: 'Hà Nội hưởng ứng',
    },
  } as never)) as { documentId: string };
  const [created] = await eventsAfter(start);
  expect(created).toMatchObject({
    uid: ADOPTION,
    document_id: adoption.documentId,
    action: 'create',
    owning_site: 'ha-noi',
  });
  expect(JSON.parse(created!.placements)).toEqual([{ kind: 'adoption', adoptingSite: 'ha-noi' }]);

  // The original changes: its own placement (every site) and the adopter's.
  const beforeEdit = await lastId();
  await cms.strapi.documents(uidOf('news-item')).update({
    documentId,
    locale: 'vi',
    status: 'published',
    data: { summary: 'Ngày 9 tháng 11 hằng năm.' },
  } as never);
  const [edited] = await eventsAfter(beforeEdit);
  expect(edited).toMatchObject({ document_id: documentId, owning_site: 'quoc-gia' });
  expect(JSON.parse(edited!.placements)).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ kind: 'editorial', owningSite: 'quoc-gia', audience: 'all_sites' }),
      { kind: 'adoption', adoptingSite: 'ha-noi' },
    ]),
  );

  // The local note changes, then the adoption is removed: the adopting site each time.
  const beforeNote = await lastId();
  await cms.strapi
    .documents(ADOPTION)
    .update({
      documentId: adoption.documentId,
      data: { localNoteTitle: 'Hà Nội tổ chức mít tinh' },
    } as never);
  await cms.strapi.documents(ADOPTION).delete({ documentId: adoption.documentId } as never);
  const later = await eventsAfter(beforeNote);
  expect(later.map((e) => [e.uid, e.action, e.owning_site])).toEqual([
    [ADOPTION, 'update', 'ha-noi'],
    [ADOPTION, 'delete', 'ha-noi'],
  ]);
  for (const event of later)
    expect(JSON.parse(event.placements)).toEqual(
      expect.arrayContaining([{ kind: 'adoption', adoptingSite: 'ha-noi' }]),
    );

  // Once no site adopts it, a change to the item no longer names Hà Nội as an adopter.
  const afterRemoval = await lastId();
  await cms.strapi.documents(uidOf('news-item')).update({
    documentId,
    locale: 'vi',
    status: 'published',
    data: { summary: 'Ngày 9/11.' },
  } as never);
  const [plain] = await eventsAfter(afterRemoval);
  expect(JSON.parse(plain!.placements).filter((p: { kind: string }) => p.kind === 'adoption')).toEqual([]);
});

test('a document entering "newly effective" on its date makes one event, however often the job runs', async () => {
  const today = new Date('2030-03-01T03:00:00Z');
  const documentId = (
    (await cms.strapi.documents(DOCUMENT).create({
      locale: 'vi',
      status: 'published',
      data: {
        number: '12/2030/NQ-HĐND',
        documentType: 'provincial_council_resolution',
        title: 'Nghị quyết thử nghiệm ngày hiệu lực',
        abstract: 'Nghị quyết thử nghiệm ngày hiệu lực',
        issuedDate: '2030-02-01',
        effectiveFrom: '2030-03-01',
        scope: 'local',
        scopeSite: registry.sites.hanoi,
        owningSite: registry.sites.hanoi,
      },
    } as never)) as { documentId: string }
  ).documentId;
  const start = await lastId();
  expect(await captureDateDrivenChanges(cms.strapi, new Date('2030-02-28T03:00:00Z'))).toBe(0);
  expect(await captureDateDrivenChanges(cms.strapi, today)).toBe(1);
  expect(await captureDateDrivenChanges(cms.strapi, today)).toBe(0);
  const events = await eventsAfter(start);
  expect(events.map((e) => [e.document_id, e.action, e.source])).toEqual([
    [documentId, 'enters-newly-effective', 'date'],
  ]);
});

test('the sync status route answers administrators only, with the content version and the events', async () => {
  await request(cms.http).get('/pbgdpl-sync/status').expect(401);
  const credentials = { email: 'van-hanh@pbgdpl.test', password: 'MatKhau2026' };
  const superAdmin = await cms.strapi.service('admin::role').getSuperAdmin();
  await cms.strapi
    .service('admin::user')
    .create({ ...credentials, firstname: 'Vận', lastname: 'Hành', isActive: true, roles: [superAdmin.id] });
  const token = (await request(cms.http).post('/admin/login').send(credentials).expect(200)).body.data.token;
  const status = await request(cms.http)
    .get('/pbgdpl-sync/status')
    .set('Authorization', `Bearer ${token}`)
    .expect(200);
  expect(status.body).toMatchObject({ contentVersion: await contentVersion(), sites: [] });
  expect(status.body.events.lastId).toBe(await lastId());
});
