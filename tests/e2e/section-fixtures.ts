import { cmsRequest, createFullAccessToken, registerFirstAdmin } from './cms-api';

/**
 * Test items for the section pages, written over the CMS's REST API with an API token as an
 * integration would (the demo seed leaves these sections empty: the data has no real source for
 * them). Each is marked as a test item. One legal situation cites a national law that the test
 * then declares replaced by a document relation, so the CMS itself flags it "may be outdated".
 */
export interface SectionFixtures {
  token: string;
  /** Item titles, to find their pages. */
  titles: {
    qa: string;
    dialogue: string;
    material: string;
    video: string;
    situation: string;
    flagged: string;
    book: string;
    news: string;
  };
  /** The law the flagged situation cites, and the one the test says replaces it. */
  replacedLaw: string;
  replacingLaw: string;
}

const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

/**
 * @param replacedLaw a national law of the seeded data cited by the flagged situation
 * @param replacingLaw another one, recorded as replacing it
 */
export async function createSectionFixtures(
  cmsUrl: string,
  siteCode: string,
  replacedLaw: string,
  replacingLaw: string,
): Promise<SectionFixtures> {
  const adminJwt = await registerFirstAdmin(cmsUrl, {
    firstname: 'Kiểm',
    lastname: 'Thử',
    email: 'kiem-thu@pbgdpl.test',
    password: 'KiemThu2026',
  });
  const token = await createFullAccessToken(cmsUrl, adminJwt, 'kiem-thu-chuyen-muc');
  const api = (method: string, url: string, body?: unknown) => cmsRequest(cmsUrl, method, url, body, token);
  const [site] = (await (await fetch(`${cmsUrl}/api/sites?filters[code][$eq]=${siteCode}`)).json())
    .data as Array<{
    documentId: string;
  }>;
  const owner = { owningSite: site!.documentId, audience: 'own_and_descendants' };
  const publish = (rest: string, data: Record<string, unknown>) =>
    api('POST', `/api/${rest}?locale=vi&status=published`, { data: { ...owner, ...data } });
  const day = 24 * 3600 * 1000;
  const titles: SectionFixtures['titles'] = {
    qa: 'Câu hỏi thử nghiệm về thử việc',
    dialogue: 'Đối thoại thử nghiệm đang mở',
    material: 'Tài liệu thử nghiệm',
    video: 'Video thử nghiệm trên YouTube',
    situation: 'Tình huống thử nghiệm có trắc nghiệm',
    flagged: 'Tình huống thử nghiệm trích dẫn luật bị thay thế',
    book: 'Sách thử nghiệm',
    news: 'Tin thử nghiệm',
  };
  const qa = await publish('qas', {
    title: titles.qa,
    question: 'Đây là câu hỏi thử nghiệm của bộ kiểm thử tự động, không phải câu hỏi của người dân.',
    handlingStatus: 'published',
    answer: paragraph('Đây là câu trả lời thử nghiệm của bộ kiểm thử tự động.'),
    answeredAt: new Date(Date.now() - day).toISOString().slice(0, 10),
    citations: [{ documentNumber: replacingLaw, article: '1' }],
  });
  await publish('dialogues', {
    title: titles.dialogue,
    topic: 'Chủ đề thử nghiệm',
    summary: 'Cuộc đối thoại thử nghiệm của bộ kiểm thử tự động.',
    opensAt: new Date(Date.now() - day).toISOString(),
    closesAt: new Date(Date.now() + 10 * day).toISOString(),
    phase: 'open',
    questions: [qa.documentId],
  });
  await publish('materials', {
    title: titles.material,
    materialType: 'leaflet',
    summary: 'Tài liệu thử nghiệm, không có tệp.',
  });
  await publish('videos', {
    title: titles.video,
    summary: 'Video thử nghiệm.',
    sourceType: 'youtube',
    youtubeId: 'M7lc1UVf-VE',
    transcript: 'Lời thoại thử nghiệm.',
  });
  const quiz = {
    prompt: 'Câu hỏi trắc nghiệm thử nghiệm',
    options: [
      { text: 'Phương án thử nghiệm thứ nhất', isCorrect: false },
      { text: 'Phương án thử nghiệm thứ hai', isCorrect: true },
    ],
    explanation: 'Giải thích thử nghiệm.',
  };
  await publish('legal-situations', {
    title: titles.situation,
    scenario: 'Tình huống thử nghiệm của bộ kiểm thử tự động.',
    question: 'Câu hỏi thử nghiệm?',
    analysis: paragraph('Phân tích thử nghiệm.'),
    quiz,
    citations: [{ documentNumber: replacingLaw, article: '1' }],
  });
  // Checked in the past, so the date survives the change and the banner can show it.
  await publish('legal-situations', {
    title: titles.flagged,
    scenario: 'Tình huống thử nghiệm trích dẫn một luật mà bộ kiểm thử ghi là đã bị thay thế.',
    question: 'Câu hỏi thử nghiệm?',
    analysis: paragraph('Phân tích thử nghiệm.'),
    citations: [{ documentNumber: replacedLaw, article: '1' }],
    citationsCheckedAt: '2025-01-15',
  });
  await publish('books', {
    title: titles.book,
    authors: 'Bộ kiểm thử',
    description: 'Sách thử nghiệm, không có tệp.',
    readingOrder: 1,
  });
  await publish('news-items', {
    title: titles.news,
    summary: 'Tin thử nghiệm của bộ kiểm thử tự động.',
    eventDate: new Date(Date.now() - day).toISOString().slice(0, 10),
  });
  // The CMS flags the items citing a document whose validity changes: say the law is replaced.
  const documents = async (number: string) =>
    (
      (
        await (
          await fetch(`${cmsUrl}/api/legal-documents?filters[number][$eq]=${encodeURIComponent(number)}`)
        ).json()
      ).data as Array<{
        documentId: string;
      }>
    )[0]!.documentId;
  await api('POST', '/api/document-relations', {
    data: {
      sourceNumber: replacingLaw,
      kind: 'replaces',
      targetNumber: replacedLaw,
      sourceDocumentId: await documents(replacingLaw),
      targetDocumentId: await documents(replacedLaw),
      partial: false,
      effectiveDate: '2025-06-01',
      note: 'Quan hệ thử nghiệm do bộ kiểm thử tạo.',
    },
  });
  return { token, titles, replacedLaw, replacingLaw };
}
