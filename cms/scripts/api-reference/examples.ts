/**
 * Worked examples for the API reference, in Vietnamese, with values of the demo data (`pnpm
 * demo`: the national portal `quoc-gia`, the Ministry of Justice `bo-tu-phap`, Hà Nội `ha-noi`,
 * the laws of 2022, the National Assembly `quoc-hoi`). The reference's test runs every one of
 * them against a real CMS: a REST example must answer 200, a GraphQL one without errors.
 */
import { CONTENT_TYPES } from '../../src/content-types';

export interface RestExample {
  path: string;
  /** Query parameters in order (written with `--data-urlencode`). */
  params: ReadonlyArray<readonly [string, string]>;
}

export interface GraphqlExample {
  query: string;
  variables?: Record<string, unknown>;
}

export interface Example {
  title: string;
  rest?: RestExample;
  graphql?: GraphqlExample;
}

const page = (size: number) =>
  [
    ['pagination[page]', '1'],
    ['pagination[pageSize]', String(size)],
  ] as const;

export const EXAMPLES: Readonly<Record<string, readonly Example[]>> = {
  [CONTENT_TYPES.legalDocument]: [
    {
      title: 'Văn bản của Quốc hội còn hiệu lực, mới ban hành trước, kèm cơ quan ban hành và lĩnh vực',
      rest: {
        path: '/api/legal-documents',
        params: [
          ['locale', 'vi'],
          ['filters[issuers][code][$eq]', 'quoc-hoi'],
          ['filters[validityStatus][$eq]', 'in_force'],
          ['sort[0]', 'issuedDate:desc'],
          ['sort[1]', 'documentId:asc'],
          ['fields[0]', 'number'],
          ['fields[1]', 'title'],
          ['fields[2]', 'issuedDate'],
          ['fields[3]', 'effectiveFrom'],
          ['fields[4]', 'validityStatus'],
          ['populate[issuers][fields][0]', 'name'],
          ['populate[fields][fields][0]', 'name'],
          ...page(20),
        ],
      },
      graphql: {
        query: `query VanBanConHieuLuc($issuer: String!) {
  legalDocuments_connection(
    locale: "vi"
    filters: { issuers: { code: { eq: $issuer } }, validityStatus: { eq: "in_force" } }
    sort: ["issuedDate:desc", "documentId:asc"]
    pagination: { page: 1, pageSize: 20 }
  ) {
    nodes { documentId number title issuedDate effectiveFrom validityStatus issuers { name } fields { name } }
    pageInfo { total page pageCount }
  }
}`,
        variables: { issuer: 'quoc-hoi' },
      },
    },
    {
      title: 'Một văn bản theo số ký hiệu, với diễn biến hiệu lực và bản tiếng Anh nếu có',
      rest: {
        path: '/api/legal-documents',
        params: [
          ['locale', 'vi'],
          ['filters[number][$eq]', '05/2022/QH15'],
          ['populate[owningSite][fields][0]', 'code'],
          ['populate[localizations][fields][0]', 'title'],
        ],
      },
      graphql: {
        query: `query MotVanBan($number: String!) {
  legalDocuments(locale: "vi", filters: { number: { eq: $number } }) {
    documentId number title abstract issuedDate effectiveFrom validityStatus validityBasis validityHistory
    owningSite { code name }
    localizations { locale title }
  }
}`,
        variables: { number: '05/2022/QH15' },
      },
    },
  ],
  [CONTENT_TYPES.documentRelation]: [
    {
      title: 'Những văn bản sửa đổi, thay thế hoặc bãi bỏ (một phần) Luật Nhà ở 2014 (65/2014/QH13)',
      rest: {
        path: '/api/document-relations',
        params: [
          ['filters[targetNumber][$eq]', '65/2014/QH13'],
          ['filters[kind][$in][0]', 'amends'],
          ['filters[kind][$in][1]', 'replaces'],
          ['filters[kind][$in][2]', 'annuls'],
          ['sort[0]', 'effectiveDate:desc'],
        ],
      },
      graphql: {
        query: `{
  documentRelations(
    filters: { targetNumber: { eq: "65/2014/QH13" }, kind: { in: ["amends", "replaces", "annuls"] } }
    sort: ["effectiveDate:desc"]
  ) { sourceNumber kind targetNumber partial affectedPart effectiveDate sourceDocumentId }
}`,
      },
    },
  ],
  [CONTENT_TYPES.introduction]: [
    {
      title: 'Bài giới thiệu văn bản mới của Cổng quốc gia, mới nhất trước',
      rest: {
        path: '/api/introductions',
        params: [
          ['locale', 'vi'],
          ['filters[owningSite][code][$eq]', 'quoc-gia'],
          ['filters[introductionType][$eq]', 'new_document'],
          ['sort[0]', 'publishedAt:desc'],
          ['populate[citations]', 'true'],
          ...page(10),
        ],
      },
      graphql: {
        query: `{
  introductions(
    locale: "vi"
    filters: { owningSite: { code: { eq: "quoc-gia" } }, introductionType: { eq: "new_document" } }
    sort: ["publishedAt:desc"]
    pagination: { page: 1, pageSize: 10 }
  ) { documentId title slug summary mayBeOutdated citations { documentNumber article } }
}`,
      },
    },
  ],
  [CONTENT_TYPES.qa]: [
    {
      title: 'Hỏi đáp đã công bố của Hà Nội, trả lời mới nhất trước',
      rest: {
        path: '/api/qas',
        params: [
          ['locale', 'vi'],
          ['filters[owningSite][code][$eq]', 'ha-noi'],
          ['filters[handlingStatus][$eq]', 'published'],
          ['sort[0]', 'answeredAt:desc'],
          ['fields[0]', 'title'],
          ['fields[1]', 'slug'],
          ['fields[2]', 'question'],
          ['fields[3]', 'answeredAt'],
          ['populate[answeringOrganization][fields][0]', 'name'],
          ...page(10),
        ],
      },
      graphql: {
        query: `query HoiDap($site: String!) {
  qas_connection(
    locale: "vi"
    filters: { owningSite: { code: { eq: $site } }, handlingStatus: { eq: "published" } }
    sort: ["answeredAt:desc"]
    pagination: { page: 1, pageSize: 10 }
  ) {
    nodes { documentId title slug question answer answeredAt mayBeOutdated answeringOrganization { name } }
    pageInfo { total pageCount }
  }
}`,
        variables: { site: 'ha-noi' },
      },
    },
    {
      title: 'Tìm câu hỏi có chữ “đất đai” (không phân biệt hoa thường)',
      rest: {
        path: '/api/qas',
        params: [
          ['locale', 'vi'],
          ['filters[$or][0][title][$containsi]', 'đất đai'],
          ['filters[$or][1][question][$containsi]', 'đất đai'],
          ['fields[0]', 'title'],
          ['fields[1]', 'slug'],
        ],
      },
    },
  ],
  [CONTENT_TYPES.dialogue]: [
    {
      title: 'Các cuộc đối thoại chính sách đang mở hoặc đang diễn ra',
      rest: {
        path: '/api/dialogues',
        params: [
          ['locale', 'vi'],
          ['filters[phase][$in][0]', 'open'],
          ['filters[phase][$in][1]', 'live'],
          ['sort[0]', 'opensAt:asc'],
          ['populate[hostOrganization][fields][0]', 'name'],
        ],
      },
      graphql: {
        query: `{
  dialogues(locale: "vi", filters: { phase: { in: ["open", "live"] } }, sort: ["opensAt:asc"]) {
    documentId title topic phase opensAt liveAt closesAt hostOrganization { name } questions { title slug }
  }
}`,
      },
    },
  ],
  [CONTENT_TYPES.material]: [
    {
      title: 'Tài liệu dạng sổ tay của Bộ Tư pháp, kèm tệp tải về',
      rest: {
        path: '/api/materials',
        params: [
          ['locale', 'vi'],
          ['filters[owningSite][code][$eq]', 'bo-tu-phap'],
          ['filters[materialType][$eq]', 'handbook'],
          ['populate[files][populate][file][fields][0]', 'url'],
        ],
      },
      graphql: {
        query: `{
  materials(locale: "vi", filters: { owningSite: { code: { eq: "bo-tu-phap" } }, materialType: { eq: "handbook" } }) {
    documentId title summary files { title file { url mime size } }
  }
}`,
      },
    },
  ],
  [CONTENT_TYPES.video]: [
    {
      title: 'Video tiểu phẩm của Cổng quốc gia, với phụ đề',
      rest: {
        path: '/api/videos',
        params: [
          ['locale', 'vi'],
          ['filters[owningSite][code][$eq]', 'quoc-gia'],
          ['populate[captions][populate][file][fields][0]', 'url'],
          ...page(12),
        ],
      },
      graphql: {
        query: `{
  videos(locale: "vi", filters: { owningSite: { code: { eq: "quoc-gia" } } }, pagination: { pageSize: 12 }) {
    documentId title sourceType youtubeId durationSeconds captions { language label file { url } }
  }
}`,
      },
    },
  ],
  [CONTENT_TYPES.legalSituation]: [
    {
      title: 'Tình huống pháp luật về lao động, với câu hỏi trắc nghiệm',
      rest: {
        path: '/api/legal-situations',
        params: [
          ['locale', 'vi'],
          ['filters[fields][code][$eq]', 'lao-dong-tien-luong'],
          ['populate[quiz][populate][options]', 'true'],
        ],
      },
      graphql: {
        query: `{
  legalSituations(locale: "vi", filters: { fields: { code: { eq: "lao-dong-tien-luong" } } }) {
    documentId title scenario question quiz { prompt options { text isCorrect } explanation }
  }
}`,
      },
    },
  ],
  [CONTENT_TYPES.book]: [
    {
      title: 'Tủ sách pháp luật: sách theo thứ tự đọc',
      rest: {
        path: '/api/books',
        params: [
          ['locale', 'vi'],
          ['sort[0]', 'readingOrder:asc'],
          ['fields[0]', 'title'],
          ['fields[1]', 'authors'],
          ['fields[2]', 'publishedYear'],
          ['populate[files][populate][file][fields][0]', 'url'],
        ],
      },
      graphql: {
        query: `{
  books(locale: "vi", sort: ["readingOrder:asc"]) { documentId title authors publisher publishedYear isbn files { title file { url } } }
}`,
      },
    },
  ],
  [CONTENT_TYPES.guidance]: [
    {
      title: 'Văn bản chỉ đạo, hướng dẫn mà Hà Nội đăng, mới ban hành trước',
      rest: {
        path: '/api/guidances',
        params: [
          ['locale', 'vi'],
          ['filters[owningSite][code][$eq]', 'ha-noi'],
          ['sort[0]', 'issuedDate:desc'],
          ['populate[issuer][fields][0]', 'name'],
        ],
      },
      graphql: {
        query: `{
  guidances(locale: "vi", filters: { owningSite: { code: { eq: "ha-noi" } } }, sort: ["issuedDate:desc"]) {
    documentId title guidanceType number issuedDate issuer { name } summary
  }
}`,
      },
    },
  ],
  [CONTENT_TYPES.newsItem]: [
    {
      title: 'Tin hoạt động từ ngày 1/1/2026',
      rest: {
        path: '/api/news-items',
        params: [
          ['locale', 'vi'],
          ['filters[eventDate][$gte]', '2026-01-01'],
          ['sort[0]', 'eventDate:desc'],
          ...page(10),
        ],
      },
      graphql: {
        query: `{
  newsItems(locale: "vi", filters: { eventDate: { gte: "2026-01-01" } }, sort: ["eventDate:desc"], pagination: { pageSize: 10 }) {
    documentId title summary eventDate owningSite { code name }
  }
}`,
      },
    },
  ],
  [CONTENT_TYPES.site]: [
    {
      title: 'Các xã, phường của Hà Nội đang có trang',
      rest: {
        path: '/api/sites',
        params: [
          ['filters[parent][code][$eq]', 'ha-noi'],
          ['filters[enabled][$eq]', 'true'],
          ['fields[0]', 'code'],
          ['fields[1]', 'name'],
          ['fields[2]', 'basePath'],
          ['sort[0]', 'code:asc'],
          ...page(100),
        ],
      },
      graphql: {
        query: `{
  sites_connection(
    filters: { parent: { code: { eq: "ha-noi" } }, enabled: { eq: true } }
    sort: ["code:asc"]
    pagination: { pageSize: 100 }
  ) { nodes { code name kind adminUnitCode basePath baseUrl } pageInfo { total } }
}`,
      },
    },
  ],
  [CONTENT_TYPES.organization]: [
    {
      title: 'Các bộ và cơ quan ngang bộ, với ký hiệu trên văn bản',
      rest: {
        path: '/api/organizations',
        params: [
          ['filters[category][$in][0]', 'ministry'],
          ['filters[category][$in][1]', 'ministry_agency'],
          ['sort[0]', 'name:asc'],
        ],
      },
      graphql: {
        query: `{
  organizations(filters: { category: { in: ["ministry", "ministry_agency"] } }, sort: ["name:asc"]) { code name nameEn docSymbol category }
}`,
      },
    },
  ],
  [CONTENT_TYPES.legalField]: [
    {
      title: 'Các ngành (lĩnh vực cấp trên) và lĩnh vực con của chúng',
      rest: {
        path: '/api/legal-fields',
        params: [
          ['filters[parent][id][$null]', 'true'],
          ['populate[children][fields][0]', 'code'],
          ['populate[children][fields][1]', 'name'],
        ],
      },
      graphql: {
        query: `{
  legalFields(filters: { parent: { code: { null: true } } }) { code name children { code name } }
}`,
      },
    },
  ],
  [CONTENT_TYPES.siteAdoption]: [
    {
      title: 'Nội dung quốc gia mà Hà Nội ghim lên trang chủ, theo thứ tự',
      rest: {
        path: '/api/site-adoptions',
        params: [
          ['filters[owningSite][code][$eq]', 'ha-noi'],
          ['filters[pinnedOnHome][$eq]', 'true'],
          ['sort[0]', 'position:asc'],
        ],
      },
      graphql: {
        query: `{
  siteAdoptions(filters: { owningSite: { code: { eq: "ha-noi" } }, pinnedOnHome: { eq: true } }, sort: ["position:asc"]) {
    targetType targetDocumentId targetTitle position localNoteTitle
  }
}`,
      },
    },
  ],
};
