/**
 * What editors read beside each field of the editorial types and their components: a short
 * Vietnamese label and, where the field is not obvious, a hint (the CMS admin shows it under the
 * field). Validation messages start with the same labels, so the editor finds the field the
 * message names. Keys are the CMS attribute names.
 */
import { DIALOGUE_STATUS_LABELS } from '../schedule.js';
import {
  AUDIENCE_LABELS,
  CAPTION_LANGUAGE_LABELS,
  GUIDANCE_TYPE_LABELS,
  INTRODUCTION_TYPE_LABELS,
  MATERIAL_TYPE_LABELS,
  QA_STATUS_LABELS,
  VIDEO_SOURCE_TYPE_LABELS,
  type EditorialType,
  type BilingualLabel,
} from './vocabulary.js';
import { REVIEW_STATE_LABELS } from '../review.js';
import { FILE_RULES, formatMegabytes } from './files.js';

export interface FieldText {
  readonly label: string;
  readonly hint?: string;
}

export type FieldTexts = Readonly<Record<string, FieldText>>;

/** "own_site: Chỉ trang của đơn vị; …": the admin shows enumeration values as stored. */
export function enumHint(labels: Readonly<Record<string, BilingualLabel>>, lead?: string): string {
  const values = Object.entries(labels)
    .map(([value, label]) => `${value}: ${label.vi}`)
    .join('; ');
  return lead ? `${lead} ${values}.` : `${values}.`;
}

const PRIVATE = 'Không bao giờ công khai.';

/** Fields every editorial type has: identity, owner, audience, schedule and review. */
const COMMON: FieldTexts = {
  title: { label: 'Tiêu đề', hint: 'Hiển thị trên trang và trong danh sách; tối đa 300 ký tự.' },
  slug: {
    label: 'Đường dẫn',
    hint:
      'Phần cuối địa chỉ trang: chữ thường không dấu, nối bằng dấu gạch ngang. ' +
      'Để trống để tạo tự động từ tiêu đề.',
  },
  owningSite: { label: 'Trang sở hữu', hint: 'Đơn vị đăng và chịu trách nhiệm về nội dung này.' },
  fields: { label: 'Lĩnh vực', hint: 'Ngành, lĩnh vực pháp luật liên quan; dùng để lọc và gợi ý.' },
  audience: { label: 'Phạm vi hiển thị', hint: enumHint(AUDIENCE_LABELS, 'Những trang hiển thị nội dung.') },
  audienceSiteKinds: {
    label: 'Loại đơn vị nhận',
    hint: 'Chỉ dùng khi phạm vi hiển thị là filtered: danh sách loại đơn vị, ví dụ ["province", "commune"].',
  },
  audienceProvinces: {
    label: 'Tỉnh, thành phố nhận',
    hint: 'Chỉ dùng khi phạm vi hiển thị là filtered: giới hạn theo tỉnh, thành phố.',
  },
  mandatory: {
    label: 'Bắt buộc đăng',
    hint: 'Các trang nhận nội dung phải hiển thị, không được ẩn.',
  },
  seo: { label: 'SEO và chia sẻ', hint: 'Tiêu đề, mô tả và ảnh khi chia sẻ lên mạng xã hội.' },
  publishAt: {
    label: 'Hẹn giờ xuất bản',
    hint: 'Nội dung tự xuất bản vào thời điểm này; để trống nếu xuất bản bằng tay.',
  },
  reviewState: {
    label: 'Trạng thái duyệt',
    hint: enumHint(REVIEW_STATE_LABELS, `Biên tập viên gửi duyệt trước khi xuất bản. ${PRIVATE}`),
  },
  reviewNote: { label: 'Ghi chú duyệt', hint: `Nhận xét của người duyệt cho biên tập viên. ${PRIVATE}` },
};

/** Fields of the types that cite legal documents (the "may be outdated" machinery). */
const CITING: FieldTexts = {
  citations: {
    label: 'Văn bản viện dẫn',
    hint:
      'Văn bản (số ký hiệu) và điều, khoản, điểm mà nội dung dựa vào. Khi văn bản bị thay thế, ' +
      'bãi bỏ, sửa đổi hoặc hết hiệu lực, nội dung được đánh dấu "có thể đã lỗi thời".',
  },
  citationsCheckedAt: {
    label: 'Ngày rà soát viện dẫn',
    hint: 'Ngày kiểm tra lại các văn bản viện dẫn; cập nhật ngày này để bỏ đánh dấu "có thể đã lỗi thời".',
  },
  mayBeOutdated: {
    label: 'Có thể đã lỗi thời',
    hint: 'Tự động bật khi một văn bản viện dẫn thay đổi hiệu lực.',
  },
  outdatedReason: { label: 'Lý do có thể lỗi thời', hint: 'Tự động ghi: văn bản nào thay đổi, khi nào.' },
};

const SUMMARY: FieldText = {
  label: 'Tóm tắt',
  hint: 'Một đoạn ngắn hiển thị trong danh sách và khi chia sẻ; tối đa 1.000 ký tự.',
};
const BODY: FieldText = { label: 'Nội dung' };
const COVER: FieldText = { label: 'Ảnh đại diện', hint: 'JPG, PNG hoặc WEBP.' };
const fileHint = (kinds: string, limitBytes: number) =>
  `${kinds}; mỗi tệp tối đa ${formatMegabytes(limitBytes)}.`;

/** Per editorial type: common fields, citing fields where they apply, then the type's own. */
export const EDITORIAL_FIELD_TEXTS: Readonly<Record<EditorialType, FieldTexts>> = {
  introduction: {
    ...COMMON,
    ...CITING,
    introductionType: { label: 'Loại giới thiệu', hint: enumHint(INTRODUCTION_TYPE_LABELS) },
    summary: SUMMARY,
    body: BODY,
    coverImage: COVER,
  },
  qa: {
    ...COMMON,
    ...CITING,
    question: { label: 'Câu hỏi' },
    askerName: { label: 'Họ tên người hỏi', hint: PRIVATE },
    askerEmail: { label: 'Email người hỏi', hint: PRIVATE },
    askerPhone: { label: 'Điện thoại người hỏi', hint: PRIVATE },
    consentToPublish: {
      label: 'Đồng ý công khai câu hỏi',
      hint: 'Người hỏi đồng ý cho đăng câu hỏi (không kèm thông tin liên hệ).',
    },
    trackingCode: { label: 'Mã tra cứu', hint: `Người hỏi dùng mã này để theo dõi câu hỏi. ${PRIVATE}` },
    receivedAt: { label: 'Thời điểm tiếp nhận' },
    handlingStatus: {
      label: 'Trạng thái xử lý',
      hint: enumHint(
        QA_STATUS_LABELS,
        'Tự cập nhật theo công việc: giao người xử lý, trả lời kèm ngày trả lời, lý do từ chối, công khai.',
      ),
    },
    rejectionReason: {
      label: 'Lý do từ chối',
      hint: `Bắt buộc khi trạng thái xử lý là rejected. ${PRIVATE}`,
    },
    internalNote: { label: 'Ghi chú nội bộ', hint: PRIVATE },
    assigneeEmail: {
      label: 'Email người được giao xử lý',
      hint: `Người này nhận thông báo khi được giao. ${PRIVATE}`,
    },
    forwardTo: {
      label: 'Chuyển đến đơn vị',
      hint: 'Chọn khi câu hỏi thuộc thẩm quyền của đơn vị khác: câu hỏi chuyển sang trang đó.',
    },
    forwardedFrom: { label: 'Chuyển từ đơn vị', hint: 'Tự ghi khi câu hỏi được chuyển đến.' },
    forwardedAt: { label: 'Thời điểm chuyển', hint: 'Tự ghi.' },
    respondedAt: { label: 'Thời điểm trả lời đầu tiên', hint: 'Tự ghi; dùng để tính thời gian trả lời.' },
    answer: { label: 'Trả lời', hint: 'Bắt buộc khi trạng thái xử lý là answered hoặc published.' },
    answeringOrganization: { label: 'Cơ quan trả lời' },
    answeredAt: {
      label: 'Ngày trả lời',
      hint: 'Bắt buộc khi trạng thái xử lý là answered hoặc published.',
    },
    dialogue: { label: 'Thuộc đối thoại', hint: 'Đối thoại chính sách mà câu hỏi được gửi đến, nếu có.' },
  },
  dialogue: {
    ...COMMON,
    ...CITING,
    topic: { label: 'Chủ đề' },
    summary: SUMMARY,
    hostOrganization: { label: 'Cơ quan chủ trì' },
    opensAt: { label: 'Mở nhận câu hỏi', hint: 'Phải trước thời điểm kết thúc.' },
    liveAt: {
      label: 'Phiên đối thoại trực tuyến',
      hint: 'Nằm trong khoảng từ lúc mở nhận câu hỏi đến lúc kết thúc.',
    },
    closesAt: { label: 'Kết thúc' },
    phase: {
      label: 'Giai đoạn',
      hint: enumHint(
        DIALOGUE_STATUS_LABELS,
        'Tự chuyển theo lịch mở, phiên trực tuyến và kết thúc; chọn closed để kết thúc sớm, planned khi hoãn.',
      ),
    },
    questions: { label: 'Câu hỏi nhận được' },
    transcript: { label: 'Biên bản đối thoại' },
    videoUrl: { label: 'Đường dẫn video', hint: 'Địa chỉ bắt đầu bằng https://' },
  },
  material: {
    ...COMMON,
    ...CITING,
    materialType: { label: 'Loại tài liệu', hint: enumHint(MATERIAL_TYPE_LABELS) },
    summary: SUMMARY,
    body: BODY,
    coverImage: COVER,
    files: {
      label: 'Tệp tài liệu',
      hint: fileHint(FILE_RULES.material.description, FILE_RULES.material.maxBytes),
    },
  },
  video: {
    ...COMMON,
    ...CITING,
    summary: SUMMARY,
    sourceType: { label: 'Nguồn video', hint: enumHint(VIDEO_SOURCE_TYPE_LABELS) },
    youtubeId: {
      label: 'Mã video YouTube',
      hint: 'Bắt buộc khi nguồn là youtube: 11 ký tự sau "v=" trong địa chỉ video; có thể dán cả địa chỉ.',
    },
    videoFile: {
      label: 'Tệp video',
      hint: `Bắt buộc khi nguồn là upload. ${fileHint(FILE_RULES.video.description, FILE_RULES.video.maxBytes)}`,
    },
    poster: { label: 'Ảnh bìa video', hint: COVER.hint! },
    captions: { label: 'Phụ đề', hint: 'Tệp WebVTT (.vtt), một tệp cho mỗi ngôn ngữ.' },
    transcript: { label: 'Lời thoại', hint: 'Toàn bộ lời thoại, cho người không xem được video.' },
    durationSeconds: { label: 'Thời lượng (giây)' },
  },
  'legal-situation': {
    ...COMMON,
    ...CITING,
    scenario: { label: 'Tình huống' },
    question: { label: 'Câu hỏi đặt ra' },
    analysis: { label: 'Phân tích, giải đáp' },
    quiz: {
      label: 'Câu hỏi trắc nghiệm',
      hint: 'Không bắt buộc: từ 2 đến 6 phương án, đúng một phương án đúng.',
    },
  },
  book: {
    ...COMMON,
    authors: { label: 'Tác giả' },
    publisher: { label: 'Nhà xuất bản' },
    publishedYear: { label: 'Năm xuất bản' },
    isbn: { label: 'ISBN', hint: 'Ví dụ 978-604-57-1234-5.' },
    description: { label: 'Giới thiệu sách', hint: 'Tối đa 1.000 ký tự.' },
    cover: { label: 'Ảnh bìa', hint: COVER.hint! },
    files: { label: 'Tệp sách', hint: fileHint(FILE_RULES.book.description, FILE_RULES.book.maxBytes) },
    readingOrder: { label: 'Thứ tự trên giá sách', hint: 'Số nhỏ đứng trước.' },
  },
  guidance: {
    ...COMMON,
    guidanceType: { label: 'Loại văn bản chỉ đạo', hint: enumHint(GUIDANCE_TYPE_LABELS) },
    number: { label: 'Số ký hiệu' },
    issuedDate: { label: 'Ngày ban hành' },
    issuer: { label: 'Cơ quan ban hành' },
    summary: { label: 'Trích yếu', hint: 'Tối đa 1.000 ký tự.' },
    body: BODY,
    files: {
      label: 'Tệp đính kèm',
      hint: fileHint(FILE_RULES.guidance.description, FILE_RULES.guidance.maxBytes),
    },
  },
  'news-item': {
    ...COMMON,
    summary: SUMMARY,
    body: BODY,
    eventDate: { label: 'Ngày diễn ra' },
    coverImage: COVER,
    images: { label: 'Ảnh', hint: 'JPG, PNG hoặc WEBP.' },
  },
};

/** Fields of the components the editorial types use, by component uid ("shared.seo"). */
export const COMPONENT_FIELD_TEXTS: Readonly<Record<string, FieldTexts>> = {
  'shared.seo': {
    metaTitle: { label: 'Tiêu đề khi chia sẻ', hint: 'Tối đa 70 ký tự; để trống để dùng tiêu đề.' },
    metaDescription: { label: 'Mô tả khi chia sẻ', hint: 'Tối đa 170 ký tự.' },
    shareImage: { label: 'Ảnh khi chia sẻ', hint: 'Nên có tỉ lệ 1,91:1, ví dụ 1200 × 630.' },
  },
  'shared.file': {
    title: { label: 'Tên tệp hiển thị' },
    file: { label: 'Tệp' },
    description: { label: 'Mô tả tệp' },
  },
  'shared.legal-citation': {
    documentNumber: { label: 'Số ký hiệu văn bản', hint: 'Ví dụ 45/2019/QH14, 15/2025/NĐ-CP, 60-NQ/TW.' },
    article: { label: 'Điều', hint: 'Ví dụ 12.' },
    clause: { label: 'Khoản' },
    point: { label: 'Điểm' },
    note: { label: 'Ghi chú' },
    citedDocumentId: {
      label: 'Mã văn bản trong CMS',
      hint: 'Tự điền khi số ký hiệu khớp một văn bản trong cơ sở dữ liệu.',
    },
    documentTitle: { label: 'Tên văn bản', hint: 'Tự điền khi số ký hiệu khớp một văn bản.' },
  },
  'shared.caption-track': {
    language: { label: 'Ngôn ngữ', hint: enumHint(CAPTION_LANGUAGE_LABELS) },
    label: { label: 'Tên hiển thị', hint: 'Ví dụ "Tiếng Việt".' },
    file: {
      label: 'Tệp phụ đề',
      hint: fileHint(FILE_RULES.caption.description, FILE_RULES.caption.maxBytes),
    },
  },
  'situation.quiz': {
    prompt: { label: 'Câu hỏi trắc nghiệm' },
    options: { label: 'Các phương án', hint: 'Từ 2 đến 6 phương án, đúng một phương án đúng.' },
    explanation: { label: 'Giải thích đáp án' },
  },
  'situation.quiz-option': {
    text: { label: 'Phương án' },
    isCorrect: { label: 'Là đáp án đúng' },
  },
  'site.theme': {
    primaryColor: { label: 'Màu chủ đạo', hint: 'Dạng #rrggbb, ví dụ #a50e0e.' },
    accentColor: { label: 'Màu nhấn', hint: 'Dạng #rrggbb, ví dụ #0b4f8a.' },
    logo: { label: 'Biểu trưng', hint: 'PNG hoặc WEBP nền trong.' },
  },
  'site.contact': {
    address: { label: 'Địa chỉ' },
    phone: { label: 'Điện thoại' },
    email: { label: 'Email' },
    website: { label: 'Trang web' },
  },
};

/** The label of an editorial type's field, or of a component's field; the name when unknown. */
export function editorialFieldLabel(type: EditorialType | string, field: string): string {
  const texts =
    (EDITORIAL_FIELD_TEXTS as Readonly<Record<string, FieldTexts>>)[type] ?? COMPONENT_FIELD_TEXTS[type];
  return texts?.[field]?.label ?? field;
}
