import { startTestCms, type TestCms } from './harness';
import { createRegistry } from './fixtures';
import { createItem, itemData, rowsOf, uidOf } from './citations-fixtures';
import { publishDue, updateDialoguePhases } from '../src/extensions/schedule';

/**
 * Scheduled publishing and dialogue phases, with the clock driven by passing `now` (never
 * sleeping): an item due later stays a draft and is published by the job once due, in every
 * locale; review still applies; dialogues move planned → open → live → closed by their dates.
 */
let cms: TestCms;
let site: string;
const start = new Date();
const later = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

beforeAll(async () => {
  cms = await startTestCms('schedule');
  site = (await createRegistry(cms.strapi)).sites.national;
});
afterAll(async () => {
  await cms?.stop();
});

const published = async (type: Parameters<typeof rowsOf>[1], documentId: string) =>
  (await rowsOf(cms.strapi, type, documentId))
    .filter((r) => r.publishedAt !== null)
    .map((r) => r.locale)
    .sort();

test('an item due in half an hour stays a draft now and is published, in every locale, an hour later', async () => {
  const publishAt = later(30).toISOString();
  const documentId = await createItem(cms.strapi, 'news-item', 'Hội nghị tập huấn phổ biến pháp luật', site, {
    extra: { publishAt },
  });
  await cms.strapi.documents(uidOf('news-item')).update({
    documentId,
    locale: 'en',
    data: itemData('news-item', 'Legal dissemination training conference', site),
  } as never);

  expect(await publishDue(cms.strapi, start)).toEqual({ published: 0, awaitingReview: 0, failed: 0 });
  expect(await published('news-item', documentId)).toEqual([]);

  expect((await publishDue(cms.strapi, later(60))).published).toBe(1);
  expect(await published('news-item', documentId)).toEqual(['en', 'vi']);
  for (const row of await rowsOf(cms.strapi, 'news-item', documentId)) expect(row.publishAt).toBeNull();
});

test('running the job again publishes nothing more', async () => {
  const before = await cms.strapi.db
    .query(uidOf('news-item'))
    .count({ where: { publishedAt: { $notNull: true } } });
  expect(await publishDue(cms.strapi, later(61))).toEqual({ published: 0, awaitingReview: 0, failed: 0 });
  expect(
    await cms.strapi.db.query(uidOf('news-item')).count({ where: { publishedAt: { $notNull: true } } }),
  ).toBe(before);
});

test('publishing by hand before the scheduled time is refused with a message naming publishAt', async () => {
  const documentId = await createItem(cms.strapi, 'material', 'Đề cương tuyên truyền Luật Dữ liệu', site, {
    extra: { publishAt: later(90).toISOString() },
  });
  await expect(
    cms.strapi.documents(uidOf('material')).publish({ documentId, locale: 'vi' } as never),
  ).rejects.toMatchObject({
    name: 'ValidationError',
    message: expect.stringContaining('hẹn xuất bản'),
    details: { errors: [expect.objectContaining({ path: ['publishAt'] })] },
  });
  expect(await published('material', documentId)).toEqual([]);
  expect((await publishDue(cms.strapi, later(91))).published).toBe(1);
  expect(await published('material', documentId)).toEqual(['vi']);
});

test('a due item an editor wrote waits for approval, and is published at the first run after it', async () => {
  const editorRole = await cms.strapi.service('admin::role').create({
    name: 'Biên tập viên (lịch đăng)',
    code: `schedule-test-editor`,
    description: 'Kiểm thử',
  });
  const user = await cms.strapi.service('admin::user').create({
    email: 'lich-dang@pbgdpl.test',
    firstname: 'Biên',
    lastname: 'Tập',
    isActive: true,
    roles: [editorRole.id],
  });
  const documentId = await createItem(cms.strapi, 'video', 'Tiểu phẩm: quyền của người lao động', site, {
    extra: { publishAt: later(120).toISOString(), reviewState: 'submitted' },
  });
  // As written by that editor through the admin (Strapi's updatedBy).
  await cms.strapi.db
    .query(uidOf('video'))
    .updateMany({ where: { documentId }, data: { updatedBy: user.id } });

  expect(await publishDue(cms.strapi, later(121))).toEqual({ published: 0, awaitingReview: 1, failed: 0 });
  expect(await published('video', documentId)).toEqual([]);

  await cms.strapi
    .documents(uidOf('video'))
    .update({ documentId, locale: 'vi', data: { reviewState: 'approved' } } as never);
  await cms.strapi.db
    .query(uidOf('video'))
    .updateMany({ where: { documentId }, data: { updatedBy: user.id } });
  expect(await publishDue(cms.strapi, later(122))).toMatchObject({ published: 1, awaitingReview: 0 });
  expect(await published('video', documentId)).toEqual(['vi']);
});

test('a dialogue passes through planned, open, live and closed as its dates come', async () => {
  const opensAt = later(60 * 24);
  const liveAt = later(60 * 24 * 8);
  const closesAt = later(60 * 24 * 10);
  const documentId = await createItem(
    cms.strapi,
    'dialogue',
    'Đối thoại về chính sách bảo hiểm xã hội',
    site,
    {
      extra: {
        opensAt: opensAt.toISOString(),
        liveAt: liveAt.toISOString(),
        closesAt: closesAt.toISOString(),
      },
      published: true,
    },
  );
  const phases = async () => [
    ...new Set((await rowsOf(cms.strapi, 'dialogue', documentId)).map((r) => r.phase)),
  ];

  expect(await updateDialoguePhases(cms.strapi, start)).toBe(0);
  expect(await phases()).toEqual(['planned']);
  expect(await updateDialoguePhases(cms.strapi, opensAt)).toBe(1);
  expect(await phases()).toEqual(['open']);
  expect(await updateDialoguePhases(cms.strapi, later(60 * 24 * 8 + 30))).toBe(1);
  expect(await phases()).toEqual(['live']);
  expect(await updateDialoguePhases(cms.strapi, closesAt)).toBe(1);
  expect(await phases()).toEqual(['closed']);
  // Never backwards, and nothing to do twice.
  expect(await updateDialoguePhases(cms.strapi, opensAt)).toBe(0);
  expect(await phases()).toEqual(['closed']);
});
