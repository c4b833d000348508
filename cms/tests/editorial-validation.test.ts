import request from 'supertest';
import { startTestCms, type TestCms } from './harness';
import {
  blocks,
  createCitedLaws,
  createRegistry,
  editorialSample,
  editorialUid,
  superAdminToken,
  type EditorialTypeName,
} from './fixtures';

/**
 * An editor's invalid item is refused by the admin with a 400 that names each field, in
 * Vietnamese, and nothing is stored; loose input (empty slug, YouTube address, cited number) is
 * stored normalised.
 */
let cms: TestCms;
let token: string;
let registry: Awaited<ReturnType<typeof createRegistry>>;
const files: Record<string, number> = {};

beforeAll(async () => {
  cms = await startTestCms('editorial_validation');
  registry = await createRegistry(cms.strapi);
  await createCitedLaws(cms.strapi, registry.sites.national);
  token = await superAdminToken(cms.strapi, cms.http);
  files.pdf = await upload(
    'to-gap-luat-dat-dai.pdf',
    '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n',
    'application/pdf',
  );
  files.vtt = await upload('phu-de.vtt', 'WEBVTT\n\n00:00.000 --> 00:02.000\nXin chào\n', 'text/vtt');
  files.txt = await upload('ghi-chu.txt', 'Không phải phụ đề, không phải sách.\n', 'text/plain');
  // A 60 MB leaflet as the upload plugin would have stored it: the rule reads the stored size
  // (uploading 60 MB in a test would only time the disk).
  const big = await cms.strapi.db.query('plugin::upload.file').create({
    data: {
      name: 'to-gap-rat-lon.pdf',
      hash: 'to_gap_rat_lon',
      ext: '.pdf',
      mime: 'application/pdf',
      size: 60_000,
      url: '/uploads/to_gap_rat_lon.pdf',
      provider: 'local',
    },
  });
  files.bigPdf = big.id as number;
});
afterAll(async () => {
  await cms?.stop();
});

async function upload(name: string, content: string, contentType: string): Promise<number> {
  const res = await request(cms.http)
    .post('/upload')
    .set('Authorization', `Bearer ${token}`)
    .attach('files', Buffer.from(content, 'utf8'), { filename: name, contentType });
  expect(res.status).toBe(201);
  return res.body[0].id as number;
}

const site = (documentId: string) => ({ connect: [{ documentId }] });

function createInAdmin(type: EditorialTypeName, data: Record<string, unknown>, locale = 'vi') {
  return request(cms.http)
    .post(`/content-manager/collection-types/${editorialUid(type)}`)
    .query({ locale })
    .set('Authorization', `Bearer ${token}`)
    .send(data);
}

/** The sample item as the admin form sends it: relations with connect. */
function adminData(type: EditorialTypeName, change: Record<string, unknown> = {}) {
  const { owningSite, ...rest } = editorialSample(type, registry.sites.national).vi;
  return { ...rest, owningSite: site(owningSite as string), ...change };
}

function errorsByField(body: {
  error: { details: { errors: Array<{ path: Array<string | number>; message: string }> } };
}) {
  return Object.fromEntries(body.error.details.errors.map((e) => [e.path.join('.'), e.message]));
}

const count = (type: EditorialTypeName) => cms.strapi.db.query(editorialUid(type)).count({});

test.each([
  ['introduction', 'no owning site', { owningSite: null }, 'owningSite', /^Trang sở hữu là bắt buộc/],
  ['introduction', 'a blank summary', { summary: '   ' }, 'summary', /^Tóm tắt là bắt buộc/],
  ['book', 'no authors', { authors: '' }, 'authors', /^Tác giả là bắt buộc/],
  [
    'video',
    'a YouTube source without a valid id',
    { youtubeId: 'xem-video' },
    'youtubeId',
    /^Mã video YouTube "xem-video" không hợp lệ/,
  ],
  [
    'video',
    'an uploaded source without its file',
    { sourceType: 'upload', youtubeId: null },
    'videoFile',
    /^Tệp video là bắt buộc/,
  ],
  [
    'legal-situation',
    'a quiz with one option',
    { quiz: { prompt: 'Câu hỏi?', explanation: 'Vì…', options: [{ text: '18 tuổi', isCorrect: true }] } },
    'quiz.options',
    /cần từ 2 đến 6 phương án, hiện có 1/,
  ],
  [
    'legal-situation',
    'a quiz with two correct options',
    {
      quiz: {
        prompt: 'Câu hỏi?',
        explanation: 'Vì…',
        options: [
          { text: '16 tuổi', isCorrect: true },
          { text: '18 tuổi', isCorrect: true },
        ],
      },
    },
    'quiz.options',
    /phải có đúng một phương án đúng, hiện có 2/,
  ],
  [
    'material',
    'a citation that is not a document number',
    { citations: [{ documentNumber: '31/2024/QH15' }, { documentNumber: 'Luật Đất đai' }] },
    'citations.1.documentNumber',
    /^Văn bản viện dẫn thứ 2: Số ký hiệu "Luật Đất đai" không đúng định dạng/,
  ],
  [
    'dialogue',
    'a dialogue that closes before it opens',
    { closesAt: '2026-02-01T00:00:00.000Z', liveAt: null },
    'closesAt',
    /^Kết thúc \(.*\) phải sau thời điểm mở nhận câu hỏi/,
  ],
  [
    'dialogue',
    'a live session after the close',
    { liveAt: '2026-03-20T02:00:00.000Z' },
    'liveAt',
    /^Phiên đối thoại trực tuyến .* phải nằm trong thời gian đối thoại/,
  ],
  [
    'qa',
    'a rejection without a reason',
    { handlingStatus: 'rejected' },
    'rejectionReason',
    /^Lý do từ chối là bắt buộc/,
  ],
  ['qa', 'a published question without an answer', { answer: blocks(' ') }, 'answer', /^Trả lời là bắt buộc/],
  [
    'qa',
    'an answered question without its date',
    { handlingStatus: 'answered', answeredAt: null },
    'answeredAt',
    /^Ngày trả lời là bắt buộc/,
  ],
] as const)(
  '%s: the admin refuses %s with a 400 naming the field',
  async (type, _case, change, field, message) => {
    const before = await count(type);
    const res = await createInAdmin(type, adminData(type, change));
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(errorsByField(res.body)[field]).toMatch(message);
    expect(await count(type)).toBe(before);
  },
);

/**
 * A question's handling status and a dialogue's phase are not named `status`: Strapi 5's content
 * manager reads a body `status` as draft/published (it refused any other value with "Invalid
 * status" while the attributes had that name). Under their own names the admin lists, filters
 * and saves them like any enumeration.
 */
describe('workflow enumerations in the admin', () => {
  const CM = (type: EditorialTypeName) => `/content-manager/collection-types/${editorialUid(type)}`;
  const admin = () => ({ Authorization: `Bearer ${token}` });

  test('the Q&A list shows each question’s handling status and filters by it', async () => {
    // Questions an editor writes (no tracking code) keep the handling status they are given.
    const answered = await createInAdmin(
      'qa',
      adminData('qa', {
        title: 'Câu hỏi đã trả lời trong danh sách',
        trackingCode: null,
        handlingStatus: 'answered',
      }),
    );
    expect(answered.status).toBe(201);
    const received = await createInAdmin(
      'qa',
      adminData('qa', {
        title: 'Câu hỏi mới nhận trong danh sách',
        trackingCode: null,
        handlingStatus: 'received',
        answer: null,
        answeredAt: null,
      }),
    );
    expect(received.status).toBe(201);
    expect(received.body.data.handlingStatus).toBe('received');

    const list = (query: Record<string, string>) =>
      request(cms.http)
        .get(CM('qa'))
        .query({ locale: 'vi', page: '1', pageSize: '100', ...query })
        .set(admin())
        .expect(200);
    const rows = (await list({})).body.results as Array<{ title: string; handlingStatus: string }>;
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ title: 'Câu hỏi đã trả lời trong danh sách', handlingStatus: 'answered' }),
        expect.objectContaining({ title: 'Câu hỏi mới nhận trong danh sách', handlingStatus: 'received' }),
      ]),
    );
    const filtered = (await list({ 'filters[$and][0][handlingStatus][$eq]': 'answered' })).body
      .results as Array<{ title: string; handlingStatus: string }>;
    expect(filtered.map((r) => r.title)).toContain('Câu hỏi đã trả lời trong danh sách');
    expect(filtered.map((r) => r.title)).not.toContain('Câu hỏi mới nhận trong danh sách');
    expect(new Set(filtered.map((r) => r.handlingStatus))).toEqual(new Set(['answered']));
  });

  test('a dialogue is created, closed early and published through the admin with its phase', async () => {
    const created = await createInAdmin(
      'dialogue',
      adminData('dialogue', { title: 'Đối thoại kết thúc sớm', phase: 'open' }),
    );
    expect(created.status).toBe(201);
    expect(created.body.data.phase).toBe('open');
    const documentId = created.body.data.documentId as string;

    const saved = await request(cms.http)
      .put(`${CM('dialogue')}/${documentId}`)
      .query({ locale: 'vi' })
      .set(admin())
      .send(adminData('dialogue', { title: 'Đối thoại kết thúc sớm', phase: 'closed' }));
    expect(saved.status).toBe(200);
    expect(saved.body.data.phase).toBe('closed');
    await request(cms.http)
      .post(`${CM('dialogue')}/${documentId}/actions/publish`)
      .query({ locale: 'vi' })
      .set(admin())
      .send({})
      .expect(200);
    const rows = (await cms.strapi.db
      .query(editorialUid('dialogue'))
      .findMany({ where: { documentId }, select: ['phase', 'publishedAt'] })) as Array<{
      phase: string;
      publishedAt: unknown;
    }>;
    expect(rows.map((r) => [r.publishedAt === null ? 'draft' : 'published', r.phase]).sort()).toEqual([
      ['draft', 'closed'],
      ['published', 'closed'],
    ]);
  });

  test('a phase outside planned, open, live, closed is refused naming the field', async () => {
    const before = await count('dialogue');
    const res = await createInAdmin('dialogue', adminData('dialogue', { phase: 'paused' }));
    expect(res.status).toBe(400);
    expect(Object.keys(errorsByField(res.body))).toContain('phase');
    expect(await count('dialogue')).toBe(before);
  });
});

describe('files, checked against what the upload stored', () => {
  test('a caption that is not WebVTT is refused on the caption’s file field', async () => {
    const res = await createInAdmin(
      'video',
      adminData('video', { captions: [{ language: 'vi', label: 'Tiếng Việt', file: files.txt }] }),
    );
    expect(res.status).toBe(400);
    expect(errorsByField(res.body)['captions.0.file']).toMatch(
      /^Phụ đề – tệp phụ đề: tệp "ghi-chu.txt".*WebVTT/,
    );
  });

  test('a WebVTT caption is accepted', async () => {
    const res = await createInAdmin(
      'video',
      adminData('video', {
        title: 'Tiểu phẩm có phụ đề',
        captions: [{ language: 'vi', label: 'Tiếng Việt', file: files.vtt }],
      }),
    );
    expect(res.status).toBe(201);
  });

  test('a book accepts a PDF and refuses anything but PDF or EPUB', async () => {
    const bad = await createInAdmin(
      'book',
      adminData('book', { files: [{ title: 'Bản văn bản', file: files.txt }] }),
    );
    expect(bad.status).toBe(400);
    expect(errorsByField(bad.body)['files.0.file']).toMatch(/chỉ nhận PDF hoặc EPUB/);
    const good = await createInAdmin(
      'book',
      adminData('book', { files: [{ title: 'Bản PDF', file: files.pdf }] }),
    );
    expect(good.status).toBe(201);
  });

  test('a material file over 50 MB is refused', async () => {
    const res = await createInAdmin(
      'material',
      adminData('material', {
        files: [
          { title: 'Tờ gấp', file: files.pdf },
          { title: 'Bản in', file: files.bigPdf },
        ],
      }),
    );
    expect(res.status).toBe(400);
    expect(Object.keys(errorsByField(res.body))).toEqual(['files.1.file']);
    expect(errorsByField(res.body)['files.1.file']).toMatch(/nặng 57,2 MB, vượt giới hạn 50 MB/);
  });
});

describe('normalised input', () => {
  test('an empty slug is made from the title, "đ" included, and numbered when taken', async () => {
    const title = 'Đất đai: điều kiện được bồi thường khi Nhà nước thu hồi đất';
    const first = await createInAdmin('qa', adminData('qa', { title, slug: '' })).expect(201);
    const second = await createInAdmin('qa', adminData('qa', { title })).expect(201);
    expect(first.body.data.slug).toBe('dat-dai-dieu-kien-duoc-boi-thuong-khi-nha-nuoc-thu-hoi-dat');
    expect(second.body.data.slug).toBe('dat-dai-dieu-kien-duoc-boi-thuong-khi-nha-nuoc-thu-hoi-dat-2');
  });

  test('the same slug may be used by another site, but an editor’s duplicate on one site is refused', async () => {
    await createInAdmin('news-item', adminData('news-item', { slug: 'hoi-nghi-dat-dai' })).expect(201);
    const other = await createInAdmin(
      'news-item',
      adminData('news-item', { slug: 'hoi-nghi-dat-dai', owningSite: site(registry.sites.hanoi) }),
    ).expect(201);
    expect(other.body.data.slug).toBe('hoi-nghi-dat-dai');
    const duplicate = await createInAdmin('news-item', adminData('news-item', { slug: 'Hội nghị đất đai' }));
    expect(duplicate.status).toBe(400);
    expect(errorsByField(duplicate.body).slug).toMatch(/^Đường dẫn "hoi-nghi-dat-dai" đã được dùng/);
  });

  test('a pasted YouTube address is stored as the video id, cited numbers in canonical form', async () => {
    const res = await createInAdmin(
      'video',
      adminData('video', {
        title: 'Tiểu phẩm dán địa chỉ',
        youtubeId: 'https://youtu.be/M7lc1UVf-VE?t=12',
        citations: [{ documentNumber: ' 45 / 2019 / qh14 ', article: '13' }],
      }),
    ).expect(201);
    const [row] = await cms.strapi.db.query(editorialUid('video')).findMany({
      where: { documentId: res.body.data.documentId },
      populate: { citations: true },
    });
    expect(row.youtubeId).toBe('M7lc1UVf-VE');
    expect(row.citations[0].documentNumber).toBe('45/2019/QH14');
  });

  test('an English translation inherits the owning site and passes', async () => {
    const vi = await createInAdmin(
      'guidance',
      adminData('guidance', { title: 'Kế hoạch có bản dịch' }),
    ).expect(201);
    const en = await request(cms.http)
      .put(`/content-manager/collection-types/${editorialUid('guidance')}/${vi.body.data.documentId}`)
      .query({ locale: 'en' })
      .set('Authorization', `Bearer ${token}`)
      .send({ title: 'Plan with a translation', summary: 'Approves the scheme.' });
    expect(en.status).toBe(200);
    expect(en.body.data.slug).toBe('plan-with-a-translation');
    const missing = await request(cms.http)
      .put(`/content-manager/collection-types/${editorialUid('guidance')}/${vi.body.data.documentId}`)
      .query({ locale: 'en' })
      .set('Authorization', `Bearer ${token}`)
      .send({ title: 'Plan with a translation', summary: '' });
    expect(missing.status).toBe(400);
    expect(errorsByField(missing.body).summary).toMatch(/^Trích yếu là bắt buộc/);
  });
});

test('scripts are held to the same rules as the admin', async () => {
  const write = cms.strapi.documents(editorialUid('dialogue')).create({
    locale: 'vi',
    data: { ...editorialSample('dialogue', registry.sites.national).vi, opensAt: null },
  } as never);
  await expect(write).rejects.toMatchObject({
    name: 'ValidationError',
    details: { errors: [expect.objectContaining({ path: ['opensAt'] })] },
  });
});

test('every problem is reported at once', async () => {
  const res = await createInAdmin(
    'introduction',
    adminData('introduction', {
      title: ' ',
      summary: '',
      owningSite: null,
      citations: [{ documentNumber: '45/2019' }],
    }),
  );
  expect(res.status).toBe(400);
  expect(Object.keys(errorsByField(res.body))).toEqual(
    expect.arrayContaining(['title', 'summary', 'owningSite', 'citations.0.documentNumber']),
  );
  expect(res.body.error.message).toMatch(/và 3 lỗi khác/);
});
