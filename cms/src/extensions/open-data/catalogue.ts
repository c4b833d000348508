/**
 * What the open data holds: one dataset per public type, named like the sites' own sections
 * (`/van-ban/`, `/hoi-dap/`…) so a reader recognises them. Which rows are public is said here,
 * once: published versions only, items of enabled sites only, Q&A only when its answer is
 * published. Which fields are public is read from the schemas (columns.ts): everything the public
 * API returns, minus the few listed in `omit`.
 */
import { CONTENT_TYPES } from '../../content-types';

export interface Dataset {
  /** File stem: `<name>.jsonl.gz`, `<name>.csv.gz`. */
  name: string;
  uid: string;
  /** Vietnamese, for the manifest and the "Dữ liệu mở" page. */
  title: string;
  description: string;
  /** Attributes left out although public (presentation or bookkeeping, not data). */
  omit?: readonly string[];
  /** More conditions on the rows, in the Query Engine's `where` syntax. */
  where?: Record<string, unknown>;
  /** Read with raw SQL instead of the Query Engine (relations.ts), for joins on plain columns. */
  reader?: 'document-relations';
  /** Each legal document also lists the relations it has with other documents. */
  withDocumentRelations?: boolean;
}

/** Bookkeeping and presentation that every type leaves out. */
export const ALWAYS_OMITTED = ['seo', 'publishAt', 'localizations', 'createdBy', 'updatedBy', 'createdAt'];

const EDITORIAL_OMIT = ['citationsCheckedAt'];

export const DATASETS: readonly Dataset[] = [
  {
    name: 'van-ban',
    uid: CONTENT_TYPES.legalDocument,
    title: 'Văn bản pháp luật',
    description:
      'Văn bản quy phạm pháp luật và văn bản khác: số ký hiệu, loại, cơ quan ban hành, ngày ban hành, hiệu lực, ' +
      'tình trạng và diễn biến hiệu lực, toàn văn; trong JSON Lines kèm các quan hệ với văn bản khác.',
    withDocumentRelations: true,
  },
  {
    name: 'quan-he-van-ban',
    uid: CONTENT_TYPES.documentRelation,
    title: 'Quan hệ giữa các văn bản',
    description:
      'Văn bản nào sửa đổi, thay thế, bãi bỏ, hướng dẫn, căn cứ văn bản nào, từ ngày nào, một phần hay toàn bộ.',
    reader: 'document-relations',
  },
  {
    name: 'hoi-dap',
    uid: CONTENT_TYPES.qa,
    title: 'Hỏi đáp pháp luật',
    description:
      'Câu hỏi của người dân và câu trả lời đã công bố (chỉ những câu người hỏi đồng ý công khai); không có thông tin người hỏi.',
    where: { handlingStatus: 'published' },
    omit: EDITORIAL_OMIT,
  },
  {
    name: 'gioi-thieu-van-ban',
    uid: CONTENT_TYPES.introduction,
    title: 'Giới thiệu văn bản mới',
    description: 'Bài giới thiệu văn bản mới và nội dung cơ bản của luật.',
    omit: EDITORIAL_OMIT,
  },
  {
    name: 'tai-lieu',
    uid: CONTENT_TYPES.material,
    title: 'Tài liệu phổ biến, giáo dục pháp luật',
    description: 'Tờ gấp, sổ tay, đề cương, đồ họa, bài trình chiếu.',
    omit: EDITORIAL_OMIT,
  },
  {
    name: 'video',
    uid: CONTENT_TYPES.video,
    title: 'Video, tiểu phẩm',
    description: 'Video tiểu phẩm pháp luật: nguồn (YouTube hoặc tệp), phụ đề, lời thoại.',
    omit: EDITORIAL_OMIT,
  },
  {
    name: 'tinh-huong',
    uid: CONTENT_TYPES.legalSituation,
    title: 'Tình huống pháp luật',
    description: 'Tình huống, câu hỏi, phân tích và câu hỏi trắc nghiệm.',
    omit: EDITORIAL_OMIT,
  },
  {
    name: 'doi-thoai',
    uid: CONTENT_TYPES.dialogue,
    title: 'Đối thoại chính sách pháp luật',
    description: 'Các cuộc đối thoại: chủ đề, cơ quan chủ trì, lịch, giai đoạn, biên bản.',
    omit: EDITORIAL_OMIT,
  },
  {
    name: 'tu-sach',
    uid: CONTENT_TYPES.book,
    title: 'Tủ sách pháp luật điện tử',
    description: 'Sách, sổ tay, tài liệu đọc và tải về.',
  },
  {
    name: 'huong-dan',
    uid: CONTENT_TYPES.guidance,
    title: 'Chỉ đạo, hướng dẫn công tác PBGDPL',
    description: 'Kế hoạch, chỉ thị, hướng dẫn, công văn về công tác phổ biến, giáo dục pháp luật.',
  },
  {
    name: 'tin-tuc',
    uid: CONTENT_TYPES.newsItem,
    title: 'Tin hoạt động PBGDPL',
    description: 'Tin về hoạt động phổ biến, giáo dục pháp luật của các đơn vị.',
  },
  {
    name: 'don-vi',
    uid: CONTENT_TYPES.site,
    title: 'Danh mục trang PBGDPL của các đơn vị',
    description:
      'Các trang đang hoạt động: mã, tên, loại đơn vị, đơn vị cấp trên, mã đơn vị hành chính, địa chỉ trang, liên hệ.',
    omit: ['children', 'theme', 'enabled'],
    where: { enabled: true },
  },
  {
    name: 'co-quan-ban-hanh',
    uid: CONTENT_TYPES.organization,
    title: 'Cơ quan ban hành',
    description: 'Cơ quan, tổ chức ban hành văn bản và trả lời hỏi đáp, với mã dùng trong các tệp khác.',
  },
  {
    name: 'linh-vuc',
    uid: CONTENT_TYPES.legalField,
    title: 'Lĩnh vực pháp luật',
    description: 'Ngành và lĩnh vực (hai cấp), với mã dùng trong các tệp khác.',
    omit: ['children'],
  },
];
