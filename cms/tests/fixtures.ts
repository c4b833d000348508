import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import request from 'supertest';

/** Real facts for tests, read from the shared data folder (never copied into the repository). */
export function dataDir(): string {
  return process.env.PBGDPL_DATA_DIR ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'data');
}

export interface CensusAct {
  title: string;
  title_en: string;
  official_number: string;
  issued_date: string;
  in_force_date: string;
  description: string;
  status: string;
}

export function censusAct(number: string): CensusAct {
  const file = path.join(dataDir(), 'legal-docs', 'census-93', 'ansvar_vn_law_census_93.json');
  const census = JSON.parse(fs.readFileSync(file, 'utf8')) as { laws: CensusAct[] };
  const act = census.laws.find((l) => l.official_number === number);
  if (!act) throw new Error(`Test data: ${number} is not in ${file}`);
  return act;
}

export interface IndexedLaw {
  so_hieu: string;
  ten: string;
  ngay_ban_hanh: string;
  ngay_hieu_luc: string;
}

export function indexedLaw(number: string): IndexedLaw {
  const file = path.join(dataDir(), 'legal-docs', 'laws-207', 'uts_vlc_laws_207_index.csv');
  const line = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .find((l) => l.split(',')[1] === number);
  if (!line) throw new Error(`Test data: ${number} is not in ${file}`);
  const [, so_hieu, , ten, , ngay_ban_hanh, ngay_hieu_luc] = line.split(',');
  return { so_hieu: so_hieu!, ten: ten!, ngay_ban_hanh: ngay_ban_hanh!, ngay_hieu_luc: ngay_hieu_luc! };
}

/** The few registry entries a document needs: two sites, two issuers, two fields. */
export async function createRegistry(strapi: Core.Strapi) {
  const create = async (uid: string, data: Record<string, unknown>) =>
    ((await strapi.documents(uid as never).create({ data } as never)) as { documentId: string }).documentId;
  const national = await create('api::site.site', {
    code: 'quoc-gia',
    name: 'Cổng PBGDPL quốc gia',
    kind: 'national',
    basePath: '/quoc-gia/',
  });
  const hanoi = await create('api::site.site', {
    code: 'ha-noi',
    name: 'Thành phố Hà Nội',
    kind: 'province',
    basePath: '/ha-noi/',
    parent: national,
    adminUnitCode: '01',
  });
  const assembly = await create('api::organization.organization', {
    code: 'quoc-hoi',
    name: 'Quốc hội',
    category: 'legislature',
  });
  const standing = await create('api::organization.organization', {
    code: 'uy-ban-thuong-vu-quoc-hoi',
    name: 'Ủy ban Thường vụ Quốc hội',
    category: 'legislature',
  });
  const labour = await create('api::legal-field.legal-field', {
    code: 'lao-dong-tien-luong',
    name: 'Lao động - Tiền lương',
  });
  const land = await create('api::legal-field.legal-field', { code: 'bat-dong-san', name: 'Bất động sản' });
  return { sites: { national, hanoi }, organizations: { assembly, standing }, fields: { labour, land } };
}

/** One row of the ALQAC legal QA set: a law article, a question on it and the short answer. */
export interface AlqacRow {
  context: string;
  question: string;
  answer: string;
}

/** Row `index` (0-based) of the ALQAC questions (tests only: see the data README). */
export function alqacRow(index: number): AlqacRow {
  const file = path.join(dataDir(), 'qa', 'alqac_530_context_question_answer.csv');
  const rows = parseCsv(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  const [header, ...body] = rows;
  const row = body[index];
  if (!header || !row) throw new Error(`Test data: no row ${index} in ${file}`);
  const at = (name: string) => row[header.indexOf(name)] ?? '';
  return { context: at('context'), question: at('question'), answer: at('answer') };
}

/** RFC 4180: quoted fields may hold commas, newlines and doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** The nine editorial types: singular name (uid `api::<name>.<name>`), REST path and GraphQL list field. */
export const EDITORIAL_API = [
  { type: 'introduction', rest: 'introductions', graphql: 'introductions' },
  { type: 'qa', rest: 'qas', graphql: 'qas' },
  { type: 'dialogue', rest: 'dialogues', graphql: 'dialogues' },
  { type: 'material', rest: 'materials', graphql: 'materials' },
  { type: 'video', rest: 'videos', graphql: 'videos' },
  { type: 'legal-situation', rest: 'legal-situations', graphql: 'legalSituations' },
  { type: 'book', rest: 'books', graphql: 'books' },
  { type: 'guidance', rest: 'guidances', graphql: 'guidances' },
  { type: 'news-item', rest: 'news-items', graphql: 'newsItems' },
] as const;

export type EditorialTypeName = (typeof EDITORIAL_API)[number]['type'];

export const editorialUid = (type: EditorialTypeName) => `api::${type}.${type}` as const;

/** Strapi rich text with one paragraph per line. */
export const blocks = (text: string) =>
  text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => ({ type: 'paragraph', children: [{ type: 'text', text: line }] }));

/**
 * A complete item of `type` in Vietnamese and its English translation, built from real facts
 * (laws of the census, ALQAC questions). `owningSite` is a site documentId.
 */
export function editorialSample(
  type: EditorialTypeName,
  owningSite: string,
): { vi: Record<string, unknown>; en: Record<string, unknown> } {
  const labour = censusAct('45/2019/QH14');
  const land = censusAct('31/2024/QH15');
  const qa = alqacRow(1);
  const common = { owningSite, audience: 'own_site' };
  switch (type) {
    case 'introduction':
      return {
        vi: {
          ...common,
          title: `Giới thiệu ${labour.title}`,
          introductionType: 'new_document',
          summary: `${labour.title} (số ${labour.official_number}) có hiệu lực từ ngày 01/01/2021.`,
          body: blocks(`${labour.title} được Quốc hội thông qua ngày 20/11/2019.`),
          citations: [{ documentNumber: labour.official_number }],
          citationsCheckedAt: '2026-01-05',
        },
        en: {
          title: `About the ${labour.title_en}`,
          summary: labour.description,
          body: blocks(labour.description),
          citations: [{ documentNumber: labour.official_number }],
        },
      };
    case 'qa':
      return {
        vi: {
          ...common,
          title: qa.question.slice(0, 120),
          question: qa.question,
          handlingStatus: 'published',
          receivedAt: '2026-01-02T02:00:00.000Z',
          answer: blocks(`${qa.answer}.\n${qa.context}`),
          answeredAt: '2026-01-09',
          askerName: 'Người hỏi thử nghiệm',
          askerEmail: 'nguoi-hoi@example.vn',
          askerPhone: '0900000001',
          consentToPublish: true,
          trackingCode: 'HD-TEST-0001',
          internalNote: 'Ghi chú nội bộ: chuyển Vụ Pháp luật hình sự.',
          reviewState: 'approved',
          reviewNote: 'Nhận xét của người duyệt.',
        },
        en: {
          title: 'Life imprisonment and offenders under 18',
          question: 'Under the 2017 Criminal Code, below what age is life imprisonment never imposed?',
          answer: blocks('18 years of age.'),
        },
      };
    case 'dialogue':
      return {
        vi: {
          ...common,
          title: `Đối thoại chính sách về ${land.title}`,
          topic: `Thu hồi đất, bồi thường theo ${land.title}`,
          summary: `${land.title} (số ${land.official_number}) có hiệu lực từ ngày 01/08/2024.`,
          opensAt: '2026-03-01T01:00:00.000Z',
          liveAt: '2026-03-10T02:00:00.000Z',
          closesAt: '2026-03-15T10:00:00.000Z',
          phase: 'planned',
          citations: [{ documentNumber: land.official_number }],
        },
        en: { title: `Policy dialogue on the ${land.title_en}`, topic: land.description },
      };
    case 'material':
      return {
        vi: {
          ...common,
          title: `Tờ gấp ${land.title}`,
          materialType: 'leaflet',
          summary: `Những điểm chính của ${land.title}.`,
          citations: [{ documentNumber: land.official_number, article: '3' }],
        },
        en: { title: `${land.title_en} leaflet`, summary: land.description },
      };
    case 'video':
      return {
        vi: {
          ...common,
          title: `Tiểu phẩm: hợp đồng lao động theo ${labour.title}`,
          summary: `Giao kết hợp đồng lao động theo ${labour.title}.`,
          sourceType: 'youtube',
          youtubeId: 'https://www.youtube.com/watch?v=M7lc1UVf-VE',
          durationSeconds: 300,
          citations: [{ documentNumber: labour.official_number, article: '13' }],
        },
        en: { title: 'Skit: the employment contract', summary: labour.description },
      };
    case 'legal-situation':
      return {
        vi: {
          ...common,
          title: 'Hình phạt tù chung thân với người dưới 18 tuổi',
          scenario: qa.question,
          question: qa.question,
          analysis: blocks(qa.context),
          quiz: {
            prompt: qa.question,
            options: [
              { text: qa.answer, isCorrect: true },
              { text: 'Không có giới hạn tuổi', isCorrect: false },
            ],
            explanation: qa.context.split('\n').pop() ?? qa.answer,
          },
        },
        en: {
          title: 'Life imprisonment and offenders under 18',
          scenario: 'A 17-year-old commits a very serious offence.',
          question: 'Can a life sentence be imposed?',
          analysis: blocks('No: life imprisonment is never imposed on offenders under 18.'),
        },
      };
    case 'book':
      return {
        vi: {
          ...common,
          title: labour.title,
          authors: 'Quốc hội',
          publishedYear: 2019,
          description: `Toàn văn ${labour.title}, số ${labour.official_number}.`,
          readingOrder: 10,
        },
        en: { title: labour.title_en, authors: 'National Assembly', description: labour.description },
      };
    case 'guidance':
      return {
        vi: {
          ...common,
          title: 'Đề án Tăng cường ứng dụng công nghệ thông tin trong công tác PBGDPL',
          guidanceType: 'other',
          number: '471/QĐ-TTg',
          issuedDate: '2019-04-26',
          summary:
            'Phê duyệt Đề án "Tăng cường ứng dụng công nghệ thông tin trong công tác phổ biến, ' +
            'giáo dục pháp luật giai đoạn 2019 - 2021".',
        },
        en: {
          title: 'Scheme on IT in legal dissemination and education',
          summary: 'Approves the scheme on IT in legal dissemination and education, 2019–2021.',
        },
      };
    case 'news-item':
      return {
        vi: {
          ...common,
          title: `Hội nghị giới thiệu ${land.title}`,
          summary: `Giới thiệu những điểm mới của ${land.title}.`,
          eventDate: '2026-02-10',
        },
        en: { title: `Conference on the ${land.title_en}`, summary: land.description },
      };
  }
}

/** An active super admin and a bearer token from a real login to the admin API. */
export async function superAdminToken(
  strapi: Core.Strapi,
  http: Parameters<typeof request>[0],
  email = 'quan-tri@pbgdpl.test',
): Promise<string> {
  const credentials = { email, password: 'MatKhau2026' };
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  await strapi
    .service('admin::user')
    .create({ ...credentials, firstname: 'Quản', lastname: 'Trị', isActive: true, roles: [superAdmin.id] });
  const login = await request(http).post('/admin/login').send(credentials).expect(200);
  return login.body.data.token as string;
}

/** The laws editorialSample cites, published in Vietnamese (census facts): citations must resolve. */
export async function createCitedLaws(strapi: Core.Strapi, owningSite: string): Promise<void> {
  for (const number of ['45/2019/QH14', '31/2024/QH15']) {
    const act = censusAct(number);
    await strapi.documents('api::legal-document.legal-document').create({
      locale: 'vi',
      status: 'published',
      data: {
        number: act.official_number,
        documentType: act.type === 'code' ? 'code' : 'law',
        title: act.title,
        abstract: act.title,
        issuedDate: act.issued_date,
        effectiveFrom: act.in_force_date,
        scope: 'national',
        owningSite,
      },
    } as never);
  }
}
