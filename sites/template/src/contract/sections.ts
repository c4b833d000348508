/**
 * The dissemination sections every site carries (C-2…C-5, M-4, guidance, news): one per editorial
 * type, each with its folder under the site's base, its Vietnamese name and its page types. Shared
 * by the builder (item paths, search records, "explained by" links) and the pages, like
 * snapshot-format.ts.
 */
import { EDITORIAL_SLUG_PATTERN, EDITORIAL_TYPE_LABELS, type EditorialType } from '@pbgdpl/domain';

export interface SectionInfo {
  type: EditorialType;
  /** Folder under the site's base, with its trailing slash: "hoi-dap/". */
  path: string;
  /** The section's name as readers, the search filter and "explained by" show it. */
  label: string;
  /** A shorter name for the navigation. */
  navLabel: string;
  /** `meta[name=pbgdpl:page-type]` of an item's page ("qa") and of the list ("qa-list"). */
  detailPageType: string;
  listPageType: string;
  /** What the empty list says. */
  empty: string;
  /** One sentence under the list's heading. */
  intro: string;
}

const section = (
  type: EditorialType,
  path: string,
  navLabel: string,
  detailPageType: string,
  empty: string,
  intro: string,
): SectionInfo => ({
  type,
  path,
  label: EDITORIAL_TYPE_LABELS[type].vi,
  navLabel,
  detailPageType,
  listPageType: `${detailPageType}-list`,
  empty,
  intro,
});

/** In the order of the navigation and the home page. */
export const SECTIONS: readonly SectionInfo[] = [
  section(
    'introduction',
    'gioi-thieu-van-ban/',
    'Giới thiệu văn bản',
    'introduction',
    'Chưa có bài giới thiệu văn bản nào.',
    'Giới thiệu văn bản pháp luật mới và nội dung cơ bản của các luật.',
  ),
  section(
    'qa',
    'hoi-dap/',
    'Hỏi đáp',
    'qa',
    'Chưa có câu hỏi nào được trả lời công khai.',
    'Câu hỏi của người dân, doanh nghiệp và câu trả lời của cơ quan. Bạn có thể gửi câu hỏi của mình.',
  ),
  section(
    'dialogue',
    'doi-thoai/',
    'Đối thoại',
    'dialogue',
    'Chưa có cuộc đối thoại chính sách nào.',
    'Các cuộc đối thoại chính sách pháp luật: đang nhận câu hỏi, đang diễn ra và đã kết thúc.',
  ),
  section(
    'material',
    'tai-lieu/',
    'Tài liệu',
    'material',
    'Chưa có tài liệu nào.',
    'Tờ gấp, sổ tay, đề cương, đồ họa và bài trình chiếu phổ biến pháp luật để đọc và tải về.',
  ),
  section(
    'video',
    'video/',
    'Video',
    'video',
    'Chưa có video nào.',
    'Video tiểu phẩm phổ biến pháp luật, có phụ đề và lời thoại.',
  ),
  section(
    'legal-situation',
    'tinh-huong/',
    'Tình huống',
    'legal-situation',
    'Chưa có tình huống pháp luật nào.',
    'Tình huống pháp luật thường gặp, phân tích và câu hỏi trắc nghiệm.',
  ),
  section(
    'book',
    'tu-sach/',
    'Tủ sách',
    'book',
    'Tủ sách chưa có cuốn sách nào.',
    'Sách, sổ tay, tài liệu pháp luật để đọc trực tuyến và tải về.',
  ),
  section(
    'guidance',
    'huong-dan/',
    'Hướng dẫn',
    'guidance',
    'Chưa có văn bản chỉ đạo, hướng dẫn nào.',
    'Kế hoạch, chỉ thị, hướng dẫn và báo cáo về công tác phổ biến, giáo dục pháp luật.',
  ),
  section(
    'news-item',
    'tin-tuc/',
    'Tin tức',
    'news',
    'Chưa có tin nào.',
    'Tin hoạt động phổ biến, giáo dục pháp luật của đơn vị.',
  ),
];

export const SECTION_BY_TYPE: Readonly<Record<EditorialType, SectionInfo>> = Object.fromEntries(
  SECTIONS.map((s) => [s.type, s]),
) as Record<EditorialType, SectionInfo>;

/** Q&A pages that are not items: the confirmation page (returnTo) and the status look-up. */
export const QA_CONFIRMATION_SEGMENT = 'da-gui';
export const QA_STATUS_SEGMENT = 'tra-cuu';

/** Segments an item may not take in its section's folder (list pages, the Q&A pages). */
export function isReservedSegment(type: EditorialType, segment: string): boolean {
  if (/^trang-\d+$/.test(segment)) return true;
  return type === 'qa' && (segment === QA_CONFIRMATION_SEGMENT || segment === QA_STATUS_SEGMENT);
}

/**
 * The item's own segment: its slug when it is a clean, non-reserved one, else "muc-<documentId>"
 * (stable, and never a slug since slugs come from titles).
 */
export function itemSegment(type: EditorialType, item: { documentId: string; slug: string | null }): string {
  const slug = item.slug ?? '';
  if (EDITORIAL_SLUG_PATTERN.test(slug) && !isReservedSegment(type, slug)) return slug;
  return `muc-${item.documentId.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

/** The path of an item on its owning site: where a syndicated copy's canonical link points. */
export function ownItemPath(type: EditorialType, item: { documentId: string; slug: string | null }): string {
  return `${SECTION_BY_TYPE[type].path}${itemSegment(type, item)}/`;
}
