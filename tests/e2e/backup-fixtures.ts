/**
 * A CMS filled through its API the way editors, integrations and citizens fill it, for the backup
 * round trip: a small registry (the national portal, Hà Nội, a ward of it), issuers and fields,
 * legal documents in vi and en with a relation between them, every editorial type in vi and en,
 * an uploaded photo and PDF shown by items, a citizen's question sent through the public form and
 * left mid-workflow (assigned to an officer, not answered), and so the audit log of all of it.
 * Every item says it is a test item.
 */
import { cmsRequest, createFullAccessToken, registerFirstAdmin, type AdminAccount } from './cms-api';
import { pdfLeaflet, pngImage, uploadFile } from './media-fixtures';

export const BACKUP_ADMIN: AdminAccount = {
  firstname: 'Sao',
  lastname: 'Lưu',
  email: 'sao-luu@pbgdpl.test',
  password: 'SaoLuu2026',
};

export const BACKUP_SITES = ['quoc-gia', 'ha-noi', 'ha-noi-ba-dinh'] as const;

export interface FilledCms {
  /** A full-access API token made before the backup (it must still work after the restore). */
  token: string;
  /** The citizen's question: its tracking code answers on the public status route. */
  trackingCode: string;
  questionDocumentId: string;
  uploads: number;
}

const blocks = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

/** Vietnamese and English of one item of each editorial type (shared fields in `vi`). */
function editorialItems(
  citedLaw: string,
): Array<{ rest: string; vi: Record<string, unknown>; en: Record<string, unknown> }> {
  const day = 24 * 3600 * 1000;
  const date = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString().slice(0, 10);
  return [
    {
      rest: 'introductions',
      vi: {
        title: 'Giới thiệu luật thử nghiệm (sao lưu)',
        introductionType: 'new_document',
        summary: 'Bài giới thiệu thử nghiệm của bộ kiểm thử sao lưu.',
        body: blocks('Nội dung giới thiệu thử nghiệm.'),
        citations: [{ documentNumber: citedLaw }],
      },
      en: {
        title: 'Test introduction (backup)',
        summary: 'A test introduction.',
        body: blocks('Test text.'),
      },
    },
    {
      rest: 'qas',
      vi: {
        title: 'Câu hỏi đã trả lời thử nghiệm (sao lưu)',
        question: 'Đây là câu hỏi thử nghiệm đã được trả lời của bộ kiểm thử sao lưu.',
        handlingStatus: 'published',
        answer: blocks('Câu trả lời thử nghiệm.'),
        answeredAt: date(-2),
      },
      en: {
        title: 'Answered test question (backup)',
        question: 'A test question.',
        answer: blocks('A test answer.'),
      },
    },
    {
      rest: 'dialogues',
      vi: {
        title: 'Đối thoại thử nghiệm (sao lưu)',
        topic: 'Chủ đề thử nghiệm',
        summary: 'Đối thoại thử nghiệm của bộ kiểm thử sao lưu.',
        opensAt: new Date(Date.now() - 2 * day).toISOString(),
        closesAt: new Date(Date.now() + 20 * day).toISOString(),
        phase: 'open',
      },
      en: { title: 'Test dialogue (backup)', topic: 'Test topic', summary: 'A test dialogue.' },
    },
    {
      rest: 'materials',
      vi: {
        title: 'Tài liệu thử nghiệm (sao lưu)',
        materialType: 'leaflet',
        summary: 'Tài liệu thử nghiệm.',
      },
      en: { title: 'Test leaflet (backup)', summary: 'A test leaflet.' },
    },
    {
      rest: 'videos',
      vi: {
        title: 'Video thử nghiệm (sao lưu)',
        summary: 'Video thử nghiệm.',
        sourceType: 'youtube',
        youtubeId: 'M7lc1UVf-VE',
        transcript: 'Lời thoại thử nghiệm.',
      },
      en: { title: 'Test video (backup)', summary: 'A test video.', transcript: 'Test transcript.' },
    },
    {
      rest: 'legal-situations',
      vi: {
        title: 'Tình huống thử nghiệm (sao lưu)',
        scenario: 'Tình huống thử nghiệm của bộ kiểm thử sao lưu.',
        question: 'Câu hỏi thử nghiệm?',
        analysis: blocks('Phân tích thử nghiệm.'),
        citations: [{ documentNumber: citedLaw, article: '1' }],
      },
      en: {
        title: 'Test situation (backup)',
        scenario: 'A test situation.',
        question: 'A test question?',
        analysis: blocks('A test analysis.'),
      },
    },
    {
      rest: 'books',
      vi: {
        title: 'Sách thử nghiệm (sao lưu)',
        authors: 'Bộ kiểm thử',
        description: 'Sách thử nghiệm.',
        readingOrder: 1,
      },
      en: { title: 'Test book (backup)', authors: 'Test suite', description: 'A test book.' },
    },
    {
      rest: 'guidances',
      vi: {
        title: 'Hướng dẫn thử nghiệm (sao lưu)',
        guidanceType: 'other',
        number: '01/HD-THU',
        issuedDate: date(-10),
        summary: 'Văn bản hướng dẫn thử nghiệm.',
      },
      en: { title: 'Test guidance (backup)', summary: 'A test guidance.' },
    },
    {
      rest: 'news-items',
      vi: {
        title: 'Tin thử nghiệm (sao lưu)',
        summary: 'Tin thử nghiệm của bộ kiểm thử sao lưu.',
        eventDate: date(-1),
      },
      en: { title: 'Test news (backup)', summary: 'A test news item.' },
    },
  ];
}

/**
 * Fills a fresh CMS (no administrator yet). `origin` is a page origin the CMS accepts for the
 * public forms (a local one outside production).
 */
export async function fillCms(cmsUrl: string, origin: string): Promise<FilledCms> {
  const adminJwt = await registerFirstAdmin(cmsUrl, BACKUP_ADMIN);
  const token = await createFullAccessToken(cmsUrl, adminJwt, 'sao-luu');
  const api = <T = Record<string, unknown>>(method: string, url: string, body?: unknown) =>
    cmsRequest<T>(cmsUrl, method, url, body, token);
  const ids = new Map<string, string>();
  const create = async (key: string, url: string, data: Record<string, unknown>) =>
    ids.set(key, (await api<{ documentId: string }>('POST', url, { data })).documentId).get(key)!;

  await create('quoc-gia', '/api/sites', {
    code: 'quoc-gia',
    name: 'Cổng PBGDPL quốc gia',
    kind: 'national',
    basePath: '/quoc-gia/',
  });
  await create('ha-noi', '/api/sites', {
    code: 'ha-noi',
    name: 'Thành phố Hà Nội',
    kind: 'province',
    basePath: '/ha-noi/',
    adminUnitCode: '01',
    parent: ids.get('quoc-gia'),
  });
  await create('ha-noi-ba-dinh', '/api/sites', {
    code: 'ha-noi-ba-dinh',
    name: 'Phường Ba Đình',
    kind: 'commune',
    basePath: '/ha-noi-ba-dinh/',
    parent: ids.get('ha-noi'),
  });
  await create('quoc-hoi', '/api/organizations', {
    code: 'quoc-hoi',
    name: 'Quốc hội',
    category: 'legislature',
  });
  await create('ubnd-ha-noi', '/api/organizations', {
    code: 'ubnd-ha-noi',
    name: 'Ủy ban nhân dân Thành phố Hà Nội',
    category: 'local_government',
  });
  await create('lao-dong', '/api/legal-fields', {
    code: 'lao-dong-tien-luong',
    name: 'Lao động - Tiền lương',
  });

  // Legal documents: two national laws and a Hà Nội decision guiding one of them, each in vi and en.
  const documents = [
    {
      key: 'law-a',
      number: '45/2019/QH14',
      documentType: 'code',
      issuer: 'quoc-hoi',
      scope: 'national',
      owner: 'quoc-gia',
      issued: '2019-11-20',
      from: '2021-01-01',
      en: 'Labour Code (test copy)',
    },
    {
      key: 'law-b',
      number: '99/2025/QH15',
      documentType: 'law',
      issuer: 'quoc-hoi',
      scope: 'national',
      owner: 'quoc-gia',
      issued: '2025-06-20',
      from: '2026-01-01',
      en: 'A test law',
    },
    {
      key: 'local',
      number: '12/2026/QĐ-UBND',
      documentType: 'provincial_committee_decision',
      issuer: 'ubnd-ha-noi',
      scope: 'local',
      owner: 'ha-noi',
      issued: '2026-01-05',
      from: '2026-01-20',
      en: 'A Hanoi test decision',
    },
  ];
  for (const d of documents) {
    const created = await api<{ documentId: string }>(
      'POST',
      '/api/legal-documents?locale=vi&status=published',
      {
        data: {
          number: d.number,
          documentType: d.documentType,
          title: `Văn bản thử nghiệm ${d.number} (sao lưu)`,
          abstract: `Văn bản thử nghiệm ${d.number} của bộ kiểm thử sao lưu.`,
          issuedDate: d.issued,
          effectiveFrom: d.from,
          scope: d.scope,
          owningSite: ids.get(d.owner),
          ...(d.scope === 'local' ? { scopeSite: ids.get(d.owner) } : {}),
          issuers: [ids.get(d.issuer)],
          fields: [ids.get('lao-dong')],
        },
      },
    );
    ids.set(d.key, created.documentId);
    await api('PUT', `/api/legal-documents/${created.documentId}?locale=en&status=published`, {
      data: { title: d.en, abstract: `${d.en}: a test document of the backup suite.` },
    });
  }
  await api('POST', '/api/document-relations', {
    data: {
      sourceNumber: '12/2026/QĐ-UBND',
      kind: 'guides',
      targetNumber: '45/2019/QH14',
      sourceDocumentId: ids.get('local'),
      targetDocumentId: ids.get('law-a'),
      partial: true,
      note: 'Quan hệ thử nghiệm của bộ kiểm thử sao lưu.',
    },
  });

  // Uploads: a photo (Strapi also writes its smaller copies) and a PDF, shown by a news item and a material.
  const photo = await uploadFile(cmsUrl, token, {
    name: 'anh-thu-nghiem-sao-luu.png',
    mime: 'image/png',
    bytes: pngImage(1200, 800),
    alternativeText: 'Ảnh thử nghiệm của bộ kiểm thử sao lưu',
  });
  const leaflet = await uploadFile(cmsUrl, token, {
    name: 'to-gap-thu-nghiem.pdf',
    mime: 'application/pdf',
    bytes: pdfLeaflet(),
  });

  for (const item of editorialItems('45/2019/QH14')) {
    const media =
      item.rest === 'news-items'
        ? { coverImage: photo.id }
        : item.rest === 'materials'
          ? { coverImage: photo.id, files: [{ title: 'Tờ gấp thử nghiệm', file: leaflet.id }] }
          : {};
    const created = await api<{ documentId: string }>(
      'POST',
      `/api/${item.rest}?locale=vi&status=published`,
      {
        data: { owningSite: ids.get('ha-noi'), audience: 'own_and_descendants', ...media, ...item.vi },
      },
    );
    await api('PUT', `/api/${item.rest}/${created.documentId}?locale=en&status=published`, { data: item.en });
  }

  // A citizen's question through the public form, then assigned to an officer: mid-workflow.
  const tokenRes = await fetch(`${cmsUrl}/api/submissions/token?site=ha-noi-ba-dinh`, {
    headers: { origin },
  });
  if (!tokenRes.ok) throw new Error(`form token → ${tokenRes.status}: ${await tokenRes.text()}`);
  const formToken = ((await tokenRes.json()) as { data: { token: string } }).data.token;
  const sent = await fetch(`${cmsUrl}/api/submissions/questions`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({
      site: 'ha-noi-ba-dinh',
      token: formToken,
      name: 'Người hỏi thử nghiệm',
      email: 'nguoi-hoi@example.vn',
      question:
        'Câu hỏi thử nghiệm của bộ kiểm thử sao lưu: người lao động được nghỉ hằng năm bao nhiêu ngày?',
      consent: 'true',
    }),
  });
  const sentBody = (await sent.json()) as { data?: { trackingCode: string } };
  if (!sent.ok || !sentBody.data) throw new Error(`question → ${sent.status}: ${JSON.stringify(sentBody)}`);
  const questionDocumentId = await findQuestion(cmsUrl, adminJwt);
  await cmsRequest(
    cmsUrl,
    'PUT',
    `/content-manager/collection-types/api::qa.qa/${questionDocumentId}?locale=vi`,
    { assigneeEmail: BACKUP_ADMIN.email, internalNote: 'Giao cán bộ xử lý (thử nghiệm sao lưu).' },
    adminJwt,
  );
  return { token, trackingCode: sentBody.data.trackingCode, questionDocumentId, uploads: 2 };
}

/** The received question, as an editor finds it in the admin list (the public API shows no drafts' private fields). */
async function findQuestion(cmsUrl: string, adminJwt: string): Promise<string> {
  const list = await cmsRequest<{ results: Array<{ documentId: string; handlingStatus: string }> }>(
    cmsUrl,
    'GET',
    '/content-manager/collection-types/api::qa.qa?page=1&pageSize=50&locale=vi',
    undefined,
    adminJwt,
  );
  const received = list.results.find((r) => r.handlingStatus === 'received');
  if (!received) throw new Error(`No received question in the admin list: ${JSON.stringify(list.results)}`);
  return received.documentId;
}
