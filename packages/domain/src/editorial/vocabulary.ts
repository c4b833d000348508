/**
 * The vocabulary of the editorial content types (C-2…C-5, M-3, M-4): their names and the values of
 * their enumerations, each with the label editors and citizens read. Values are ASCII identifiers
 * (they become GraphQL enum values in the CMS and must equal the `enum` lists of the schemas).
 * Review states and dialogue phases live with their rules (review.ts, schedule.ts) and are
 * gathered here with the rest in EDITORIAL_ENUM_LABELS.
 */
import { REVIEW_STATE_LABELS } from '../review.js';
import { DIALOGUE_STATUS_LABELS } from '../schedule.js';

export interface BilingualLabel {
  readonly vi: string;
  readonly en: string;
}

/** The editorial content types, by the singular name of their CMS type (`api::<name>.<name>`). */
export const EDITORIAL_TYPES = [
  'introduction',
  'qa',
  'dialogue',
  'material',
  'video',
  'legal-situation',
  'book',
  'guidance',
  'news-item',
] as const;

export type EditorialType = (typeof EDITORIAL_TYPES)[number];

export function isEditorialType(value: unknown): value is EditorialType {
  return typeof value === 'string' && (EDITORIAL_TYPES as readonly string[]).includes(value);
}

/** Types that cite legal documents and are flagged "may be outdated" when those change. */
export const CITING_TYPES = [
  'introduction',
  'qa',
  'dialogue',
  'material',
  'video',
  'legal-situation',
] as const satisfies readonly EditorialType[];

export const EDITORIAL_TYPE_LABELS: Readonly<Record<EditorialType, BilingualLabel>> = {
  introduction: { vi: 'Giới thiệu văn bản mới', en: 'Introduction to a new law' },
  qa: { vi: 'Hỏi đáp pháp luật', en: 'Legal Q&A' },
  dialogue: { vi: 'Đối thoại chính sách', en: 'Policy dialogue' },
  material: { vi: 'Tài liệu PBGDPL', en: 'Dissemination material' },
  video: { vi: 'Video tiểu phẩm', en: 'Video skit' },
  'legal-situation': { vi: 'Tình huống pháp luật', en: 'Legal situation' },
  book: { vi: 'Tủ sách pháp luật điện tử', en: 'Electronic legal bookshelf' },
  guidance: { vi: 'Chỉ đạo, hướng dẫn PBGDPL', en: 'Guidance for dissemination work' },
  'news-item': { vi: 'Tin hoạt động PBGDPL', en: 'Dissemination news' },
};

/** Who sees an item: its own site, also the sites below it, every site, or a filtered set. */
export const AUDIENCES = ['own_site', 'own_and_descendants', 'all_sites', 'filtered'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const AUDIENCE_LABELS: Readonly<Record<Audience, BilingualLabel>> = {
  own_site: { vi: 'Chỉ trang của đơn vị', en: 'Own site only' },
  own_and_descendants: {
    vi: 'Trang của đơn vị và các trang cấp dưới',
    en: 'Own site and the sites below it',
  },
  all_sites: { vi: 'Tất cả các trang', en: 'Every site' },
  filtered: {
    vi: 'Các trang theo loại đơn vị, tỉnh chọn dưới đây',
    en: 'Sites of the kinds and provinces chosen below',
  },
};

export const INTRODUCTION_TYPES = ['new_document', 'law_basics'] as const;
export type IntroductionType = (typeof INTRODUCTION_TYPES)[number];
export const INTRODUCTION_TYPE_LABELS: Readonly<Record<IntroductionType, BilingualLabel>> = {
  new_document: { vi: 'Giới thiệu văn bản mới', en: 'New legal document' },
  law_basics: { vi: 'Nội dung cơ bản của luật', en: 'Basics of a law' },
};

/**
 * A question's way through the unit (attribute `handlingStatus`): received, assigned, answered,
 * published, or rejected. Not `status`: Strapi 5 reserves that name on draft & publish types.
 */
export const QA_STATUSES = ['received', 'assigned', 'answered', 'published', 'rejected'] as const;
export type QaStatus = (typeof QA_STATUSES)[number];
export const QA_STATUS_LABELS: Readonly<Record<QaStatus, BilingualLabel>> = {
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  assigned: { vi: 'Đã giao xử lý', en: 'Assigned' },
  answered: { vi: 'Đã trả lời', en: 'Answered' },
  published: { vi: 'Đã công khai', en: 'Published' },
  rejected: { vi: 'Từ chối', en: 'Rejected' },
};

export const MATERIAL_TYPES = ['leaflet', 'handbook', 'outline', 'infographic', 'slides', 'other'] as const;
export type MaterialType = (typeof MATERIAL_TYPES)[number];
export const MATERIAL_TYPE_LABELS: Readonly<Record<MaterialType, BilingualLabel>> = {
  leaflet: { vi: 'Tờ gấp', en: 'Leaflet' },
  handbook: { vi: 'Sổ tay', en: 'Handbook' },
  outline: { vi: 'Đề cương giới thiệu', en: 'Outline' },
  infographic: { vi: 'Đồ họa thông tin', en: 'Infographic' },
  slides: { vi: 'Bài trình chiếu', en: 'Slides' },
  other: { vi: 'Tài liệu khác', en: 'Other' },
};

export const VIDEO_SOURCE_TYPES = ['youtube', 'upload'] as const;
export type VideoSourceType = (typeof VIDEO_SOURCE_TYPES)[number];
export const VIDEO_SOURCE_TYPE_LABELS: Readonly<Record<VideoSourceType, BilingualLabel>> = {
  youtube: { vi: 'YouTube', en: 'YouTube' },
  upload: { vi: 'Tệp tải lên', en: 'Uploaded file' },
};

export const GUIDANCE_TYPES = [
  'plan',
  'directive',
  'report',
  'guideline',
  'official_letter',
  'other',
] as const;
export type GuidanceType = (typeof GUIDANCE_TYPES)[number];
export const GUIDANCE_TYPE_LABELS: Readonly<Record<GuidanceType, BilingualLabel>> = {
  plan: { vi: 'Kế hoạch', en: 'Plan' },
  directive: { vi: 'Chỉ thị', en: 'Directive' },
  report: { vi: 'Báo cáo', en: 'Report' },
  guideline: { vi: 'Hướng dẫn', en: 'Guideline' },
  official_letter: { vi: 'Công văn', en: 'Official letter' },
  other: { vi: 'Văn bản khác', en: 'Other' },
};

/** Languages of a caption track (component shared.caption-track). */
export const CAPTION_LANGUAGES = ['vi', 'en'] as const;
export type CaptionLanguage = (typeof CAPTION_LANGUAGES)[number];
export const CAPTION_LANGUAGE_LABELS: Readonly<Record<CaptionLanguage, BilingualLabel>> = {
  vi: { vi: 'Tiếng Việt', en: 'Vietnamese' },
  en: { vi: 'Tiếng Anh', en: 'English' },
};

/**
 * Labels of every enumeration of the editorial types and their components, by attribute name
 * (the same attribute name means the same list of values in every type that has it).
 */
export const EDITORIAL_ENUM_LABELS: Readonly<Record<string, Readonly<Record<string, BilingualLabel>>>> = {
  audience: AUDIENCE_LABELS,
  introductionType: INTRODUCTION_TYPE_LABELS,
  materialType: MATERIAL_TYPE_LABELS,
  sourceType: VIDEO_SOURCE_TYPE_LABELS,
  guidanceType: GUIDANCE_TYPE_LABELS,
  reviewState: REVIEW_STATE_LABELS,
  language: CAPTION_LANGUAGE_LABELS,
  handlingStatus: QA_STATUS_LABELS,
  phase: DIALOGUE_STATUS_LABELS,
};

/**
 * Each type's workflow enumeration: a question's `handlingStatus`, a dialogue's `phase` (also in
 * EDITORIAL_ENUM_LABELS under those attribute names).
 */
export const STATUS_LABELS_BY_TYPE: Readonly<
  Partial<Record<EditorialType, Readonly<Record<string, BilingualLabel>>>>
> = {
  qa: QA_STATUS_LABELS,
  dialogue: DIALOGUE_STATUS_LABELS,
};

/**
 * The label of an enumeration value of an editorial type, or undefined for an unknown value. An
 * attribute name means the same list in every type, so the type only documents the call.
 */
export function enumLabel(
  _type: EditorialType,
  attribute: string,
  value: string,
): BilingualLabel | undefined {
  return EDITORIAL_ENUM_LABELS[attribute]?.[value];
}
