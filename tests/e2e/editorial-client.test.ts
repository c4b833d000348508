import path from 'node:path';
import { createContentClient, graphqlEndpoint, type ContentClient } from '@pbgdpl/content-client';
import { EDITORIAL_TYPES, type EditorialType } from '@pbgdpl/domain';
import {
  createTestDatabase,
  startCmsProcess,
  testCmsEnv,
  type CmsProcess,
  type TestDatabase,
} from '@pbgdpl/test-support';
import { cmsRequest, createFullAccessToken, registerFirstAdmin } from './cms-api';
import { CMS_DIR } from './workspace';

/**
 * The content client reads every editorial type from a real CMS process exactly as a site build
 * will: a site's published items page by page, and one item by slug, in Vietnamese and English.
 * Items are written over the CMS's REST API with an API token, as an integration would.
 */
let database: TestDatabase;
let cms: CmsProcess;
let token: string;
let client: ContentClient;

const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

/** REST path, and the Vietnamese and English content of one item of each type (no citations). */
const ITEMS: Record<
  EditorialType,
  { rest: string; vi: Record<string, unknown>; en: Record<string, unknown> }
> = {
  introduction: {
    rest: 'introductions',
    vi: {
      title: 'Giới thiệu Luật Đất đai 2024',
      introductionType: 'new_document',
      summary: 'Luật Đất đai số 31/2024/QH15 có hiệu lực từ ngày 01/08/2024.',
      body: paragraph('Luật Đất đai 2024 có 16 chương, 260 điều.'),
    },
    en: {
      title: 'About the Land Law 2024',
      summary: 'In force from 1 August 2024.',
      body: paragraph('16 chapters.'),
    },
  },
  qa: {
    rest: 'qas',
    vi: {
      title: 'Tù chung thân với người dưới 18 tuổi',
      question: 'Có áp dụng hình phạt tù chung thân với người dưới 18 tuổi phạm tội không?',
      handlingStatus: 'published',
      answer: paragraph('Không áp dụng hình phạt tù chung thân đối với người dưới 18 tuổi phạm tội.'),
      answeredAt: '2026-01-09',
      askerEmail: 'nguoi-hoi@example.vn',
    },
    en: { title: 'Life imprisonment under 18', question: 'Can it apply?', answer: paragraph('No.') },
  },
  dialogue: {
    rest: 'dialogues',
    vi: {
      title: 'Đối thoại về thu hồi đất',
      topic: 'Bồi thường khi Nhà nước thu hồi đất',
      opensAt: '2026-03-01T01:00:00.000Z',
      closesAt: '2026-03-15T10:00:00.000Z',
      phase: 'planned',
    },
    en: { title: 'Dialogue on land recovery', topic: 'Compensation' },
  },
  material: {
    rest: 'materials',
    vi: { title: 'Tờ gấp Luật Đất đai', materialType: 'leaflet', summary: 'Những điểm chính.' },
    en: { title: 'Land Law leaflet', summary: 'Key points.' },
  },
  video: {
    rest: 'videos',
    vi: {
      title: 'Tiểu phẩm hợp đồng lao động',
      summary: 'Giao kết hợp đồng.',
      sourceType: 'youtube',
      youtubeId: 'M7lc1UVf-VE',
    },
    en: { title: 'Skit: the employment contract', summary: 'Signing a contract.' },
  },
  'legal-situation': {
    rest: 'legal-situations',
    vi: {
      title: 'Thử việc bao lâu?',
      scenario: 'Anh A được tuyển làm kỹ sư.',
      question: 'Thời gian thử việc tối đa?',
      analysis: paragraph('Không quá 60 ngày.'),
    },
    en: {
      title: 'How long is probation?',
      scenario: 'A is hired as an engineer.',
      question: 'Longest probation?',
      analysis: paragraph('60 days.'),
    },
  },
  book: {
    rest: 'books',
    vi: {
      title: 'Bộ luật Lao động',
      authors: 'Quốc hội',
      description: 'Toàn văn Bộ luật Lao động.',
      readingOrder: 1,
    },
    en: { title: 'Labour Code', authors: 'National Assembly', description: 'Full text.' },
  },
  guidance: {
    rest: 'guidances',
    vi: { title: 'Kế hoạch PBGDPL năm 2026', guidanceType: 'plan', summary: 'Kế hoạch năm 2026.' },
    en: { title: 'Dissemination plan 2026', summary: 'The 2026 plan.' },
  },
  'news-item': {
    rest: 'news-items',
    vi: { title: 'Hội nghị phổ biến Luật Đất đai', summary: 'Hội nghị tại Hà Nội.', eventDate: '2026-02-10' },
    en: { title: 'Land Law conference', summary: 'A conference in Hanoi.' },
  },
};

/** Writes over REST with the integration's API token. */
const api = (method: string, url: string, body?: unknown) =>
  cmsRequest<{ documentId?: string }>(cms.url, method, url, body, token);

beforeAll(async () => {
  database = await createTestDatabase('editorial_client', path.join(CMS_DIR, '.tmp'));
  cms = await startCmsProcess({ cmsDir: CMS_DIR, env: { ...testCmsEnv(), ...database.env } });
  const adminJwt = await registerFirstAdmin(cms.url, {
    firstname: 'Quản',
    lastname: 'Trị',
    email: 'quan-tri@pbgdpl.test',
    password: 'MatKhau2026',
  });
  token = await createFullAccessToken(cms.url, adminJwt, 'tich-hop-thu-nghiem');
  const national = await api('POST', '/api/sites', {
    data: {
      code: 'quoc-gia',
      name: 'Cổng PBGDPL quốc gia',
      kind: 'national',
      basePath: '/quoc-gia/',
      enabled: true,
    },
  });
  await api('POST', '/api/sites', {
    data: {
      code: 'ha-noi',
      name: 'Thành phố Hà Nội',
      kind: 'province',
      basePath: '/ha-noi/',
      enabled: true,
      parent: national.documentId,
    },
  });
  for (const type of EDITORIAL_TYPES) {
    const { rest, vi, en } = ITEMS[type];
    const item = await api('POST', `/api/${rest}?locale=vi&status=published`, {
      data: { ...vi, owningSite: national.documentId },
    });
    await api('PUT', `/api/${rest}/${item.documentId}?locale=en&status=published`, { data: en });
  }
  client = createContentClient({ endpoint: graphqlEndpoint(cms.url), pageSize: 1 });
});

afterAll(async () => {
  await cms?.stop();
  await database?.drop();
});

describe.each(EDITORIAL_TYPES)('%s', (type) => {
  test('listed for its owning site in Vietnamese and English, not for another site', async () => {
    const vi = await client.listSiteItems(type, 'quoc-gia');
    const en = await client.listSiteItems(type, 'quoc-gia', { locale: 'en' });
    expect(vi.map((i) => [i.locale, i.title, i.owningSite?.code])).toEqual([
      ['vi', ITEMS[type].vi.title, 'quoc-gia'],
    ]);
    expect(en.map((i) => [i.locale, i.title])).toEqual([['en', ITEMS[type].en.title]]);
    expect(en[0]!.documentId).toBe(vi[0]!.documentId);
    expect(await client.listSiteItems(type, 'ha-noi')).toEqual([]);
    expect(JSON.stringify(vi)).not.toContain('nguoi-hoi@example.vn');
  });

  test('read by slug, and null for an unknown slug', async () => {
    const [listed] = await client.listSiteItems(type, 'quoc-gia');
    const found = await client.getSiteItem(type, 'quoc-gia', listed!.slug!);
    expect(found).toEqual(listed);
    expect(await client.getSiteItem(type, 'quoc-gia', 'khong-co-muc-nay')).toBeNull();
    expect(await client.getSiteItem(type, 'ha-noi', listed!.slug!)).toBeNull();
  });
});

test('a page of news with its totals', async () => {
  for (const title of ['Tin hai', 'Tin ba']) {
    await api('POST', '/api/news-items?locale=vi&status=published', {
      data: { ...ITEMS['news-item'].vi, title, owningSite: (await client.getSite('quoc-gia'))!.documentId },
    });
  }
  const page = await client.getSiteItemsPage('news-item', 'quoc-gia', {
    page: 2,
    pageSize: 2,
    sort: ['title:asc'],
  });
  expect(page.pageInfo).toEqual({ total: 3, page: 2, pageSize: 2, pageCount: 2 });
  expect(page.items.map((i) => i.title)).toEqual(['Tin hai']);
  expect((await client.listSiteItems('news-item', 'quoc-gia')).length).toBe(3);
});

test('typed content comes through: a quiz-less situation, a YouTube video, a dialogue’s schedule', async () => {
  const [video] = await client.listSiteItems('video', 'quoc-gia');
  expect(video).toMatchObject({
    sourceType: 'youtube',
    youtubeId: 'M7lc1UVf-VE',
    captions: [],
    citations: [],
  });
  const [dialogue] = await client.listSiteItems('dialogue', 'quoc-gia');
  expect(dialogue).toMatchObject({ opensAt: '2026-03-01T01:00:00.000Z', questions: [] });
  expect(['planned', 'open', 'live', 'closed']).toContain(dialogue!.phase);
  const [qa] = await client.listSiteItems('qa', 'quoc-gia');
  expect(qa).toMatchObject({ handlingStatus: 'published', answeredAt: '2026-01-09', dialogue: null });
  expect(qa!.answer).toEqual(ITEMS.qa.vi.answer);
});
