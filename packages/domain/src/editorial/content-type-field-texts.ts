/**
 * Labels and hints for every field of every CMS content type: the editorial types
 * (field-texts.ts) plus the legal corpus (legal-document, document-relation), the registry
 * (site, organization, legal-field), the federation's own types (site memberships, redirects,
 * the audit log) and citizens' reports. The CMS admin shows them; keys are the CMS attribute names.
 */
import { AUDIT_ACTION_LABELS } from '../federation/audit.js';
import { REPORT_STATUS_LABELS } from '../interaction/reports.js';
import { REPORT_REASON_LABELS } from '../interaction/submission-input.js';
import { URGENT_REASON_MIN_LENGTH } from '../document-review.js';
import { LEGAL_DOCUMENT_FIELD_LABELS } from '../legal-document.js';
import { RELATION_KIND_LABELS } from '../relation-kind.js';
import { REVIEW_STATE_LABELS } from '../review.js';
import { SITE_KIND_LABELS } from '../site-kind.js';
import { VALIDITY_BASIS_LABELS, VALIDITY_STATUS_LABELS } from '../validity-status.js';
import { EDITORIAL_FIELD_TEXTS, enumHint, type FieldTexts } from './field-texts.js';
import { EDITORIAL_TYPE_LABELS } from './vocabulary.js';

const DERIVED = 'Tự tính từ ngày hiệu lực và các văn bản tác động; không nhập tay.';
const doc = LEGAL_DOCUMENT_FIELD_LABELS;

const LEGAL_DOCUMENT: FieldTexts = {
  number: { label: doc.number, hint: 'Ví dụ 45/2019/QH14, 15/2025/NĐ-CP; được chuẩn hoá khi lưu.' },
  documentType: {
    label: doc.documentType,
    hint: 'Ví dụ law: Luật; decree: Nghị định; circular: Thông tư; pm_decision: Quyết định của Thủ tướng.',
  },
  title: { label: doc.title },
  abstract: { label: doc.abstract, hint: 'Nội dung chính của văn bản, hiển thị trong danh sách.' },
  fullText: { label: doc.fullText, hint: 'Markdown; để trống nếu chỉ có tệp gốc.' },
  issuers: { label: 'Cơ quan ban hành', hint: 'Văn bản liên tịch có nhiều cơ quan.' },
  signerTitle: { label: doc.signerTitle },
  signerName: { label: doc.signerName },
  issuedDate: { label: doc.issuedDate },
  effectiveFrom: { label: doc.effectiveFrom, hint: 'Không được trước ngày ban hành.' },
  effectiveTo: { label: doc.effectiveTo, hint: 'Chỉ nhập khi văn bản tự quy định ngày hết hiệu lực.' },
  gazetteNumber: { label: doc.gazetteNumber },
  gazetteDate: { label: doc.gazetteDate },
  fields: { label: 'Lĩnh vực' },
  scope: { label: doc.scope, hint: 'national: Toàn quốc; local: Địa phương (chọn địa bàn áp dụng).' },
  scopeSite: { label: doc.scopeSite, hint: 'Bắt buộc khi phạm vi là local.' },
  owningSite: { label: 'Trang sở hữu', hint: 'Đơn vị quản lý văn bản (Bộ Tư pháp với văn bản trung ương).' },
  originalFile: { label: 'Tệp gốc', hint: 'Bản PDF hoặc DOC của văn bản.' },
  sourceUrl: { label: doc.sourceUrl, hint: 'Nơi lấy văn bản, ví dụ vbpl.vn.' },
  declaredStatus: {
    label: doc.declaredStatus,
    hint: enumHint(VALIDITY_STATUS_LABELS, 'Chỉ nhập khi nguồn chính thức công bố.'),
  },
  declaredStatusSource: { label: doc.declaredStatusSource },
  declaredStatusAsOf: { label: doc.declaredStatusAsOf },
  validityStatus: { label: 'Tình trạng hiệu lực', hint: DERIVED },
  validityBasis: { label: 'Căn cứ xác định hiệu lực', hint: enumHint(VALIDITY_BASIS_LABELS) },
  validityHistory: { label: 'Diễn biến hiệu lực', hint: DERIVED },
  validityComputedAt: { label: 'Thời điểm tính hiệu lực' },
  validityChangedAt: {
    label: 'Ngày hiệu lực thay đổi gần nhất',
    hint: 'Tự ghi khi tình trạng hiệu lực thay đổi; nội dung viện dẫn rà soát trước ngày này bị đánh dấu.',
  },
  reviewState: {
    label: 'Trạng thái duyệt',
    hint: enumHint(
      REVIEW_STATE_LABELS,
      'Biên tập viên gửi duyệt; người duyệt chuyển sang approved (Đã duyệt) rồi mới xuất bản. Không công khai.',
    ),
  },
  reviewNote: {
    label: 'Ghi chú duyệt',
    hint: 'Nhận xét của người duyệt cho biên tập viên. Không công khai.',
  },
  urgentPublishReason: {
    label: 'Lý do xuất bản khẩn',
    hint:
      `Chỉ Quản trị viên quốc gia: ghi lý do (ít nhất ${URGENT_REASON_MIN_LENGTH} ký tự) để xuất bản văn bản ` +
      'chưa duyệt. Lý do được ghi vào nhật ký thao tác; văn bản chuyển về Chờ duyệt để người duyệt xem lại, ' +
      'và ô được xoá khi văn bản đã duyệt được xuất bản. Không công khai.',
  },
};

const DOCUMENT_RELATION: FieldTexts = {
  sourceNumber: { label: 'Văn bản tác động (số ký hiệu)' },
  kind: {
    label: 'Loại tác động',
    hint: Object.entries(RELATION_KIND_LABELS)
      .map(([kind, labels]) => `${kind}: ${labels.onSource.vi}`)
      .join('; '),
  },
  targetNumber: { label: 'Văn bản bị tác động (số ký hiệu)' },
  targetTitle: { label: 'Tên văn bản bị tác động', hint: 'Cần khi văn bản bị tác động chưa có trong CMS.' },
  sourceDocumentId: { label: 'Mã văn bản tác động trong CMS', hint: 'Tự điền.' },
  targetDocumentId: { label: 'Mã văn bản bị tác động trong CMS', hint: 'Tự điền.' },
  partial: {
    label: 'Tác động một phần',
    hint: 'Chỉ một phần văn bản bị tác động (ghi rõ phần bị tác động).',
  },
  affectedPart: { label: 'Phần bị tác động', hint: 'Ví dụ "Điều 12, khoản 3 Điều 15".' },
  effectiveDate: { label: 'Ngày tác động có hiệu lực' },
  note: { label: 'Ghi chú' },
};

const SITE: FieldTexts = {
  code: { label: 'Mã trang', hint: 'Chữ thường không dấu, là phần đầu đường dẫn, ví dụ ha-noi.' },
  name: { label: 'Tên đơn vị' },
  nameEn: { label: 'Tên tiếng Anh' },
  kind: { label: 'Loại đơn vị', hint: enumHint(SITE_KIND_LABELS) },
  parent: { label: 'Đơn vị cấp trên', hint: 'Tỉnh của một xã; Cổng quốc gia của bộ, tỉnh.' },
  children: { label: 'Đơn vị cấp dưới' },
  adminUnitCode: { label: 'Mã đơn vị hành chính', hint: 'Tỉnh 2 chữ số, xã 5 chữ số.' },
  unitType: { label: 'Loại đơn vị hành chính', hint: 'Tỉnh, Thành phố, Xã, Phường, Đặc khu…' },
  basePath: { label: 'Đường dẫn gốc', hint: 'Ví dụ /ha-noi/.' },
  baseUrl: { label: 'Tên miền riêng', hint: 'Để trống khi trang dùng tên miền chung.' },
  theme: { label: 'Giao diện' },
  contact: { label: 'Liên hệ' },
  enabled: { label: 'Đang hoạt động', hint: 'Tắt để ngừng tạo trang của đơn vị.' },
  organization: { label: 'Cơ quan tương ứng' },
  optedOutFields: {
    label: 'Lĩnh vực không nhận',
    hint: 'Nội dung dùng chung (không bắt buộc) thuộc các lĩnh vực này không hiển thị trên trang.',
  },
};

const ORGANIZATION: FieldTexts = {
  code: { label: 'Mã cơ quan', hint: 'Chữ thường không dấu, ví dụ bo-tu-phap.' },
  name: { label: 'Tên cơ quan' },
  nameEn: { label: 'Tên tiếng Anh' },
  docSymbol: { label: 'Ký hiệu trong số văn bản', hint: 'Ví dụ QH, BTP, UBND.' },
  category: {
    label: 'Nhóm cơ quan',
    hint: 'legislature: Quốc hội và cơ quan của Quốc hội; government: Chính phủ; ministry: Bộ; local_government: chính quyền địa phương…',
  },
};

const LEGAL_FIELD: FieldTexts = {
  code: { label: 'Mã lĩnh vực', hint: 'Chữ thường không dấu, ví dụ dat-dai.' },
  name: { label: 'Tên lĩnh vực' },
  nameEn: { label: 'Tên tiếng Anh' },
  parent: { label: 'Lĩnh vực cha' },
  children: { label: 'Lĩnh vực con' },
};

const SITE_MEMBERSHIP: FieldTexts = {
  email: {
    label: 'Email tài khoản quản trị',
    hint: 'Chưa có tài khoản thì hệ thống tạo tài khoản mới với vai trò bên dưới và đường dẫn mời.',
  },
  adminUserId: { label: 'Mã tài khoản', hint: 'Tự điền theo email.' },
  role: {
    label: 'Vai trò (tài khoản mới)',
    hint: 'Chỉ dùng khi tạo tài khoản mới: biên tập viên, người duyệt hoặc quản trị viên đơn vị.',
  },
  inviteUrl: {
    label: 'Đường dẫn mời',
    hint: 'Gửi cho người được mời để đặt mật khẩu; chỉ dùng được một lần.',
  },
  site: {
    label: 'Trang',
    hint: 'Trang mà tài khoản được làm việc (và các trang cấp dưới, với quản trị viên đơn vị).',
  },
  note: { label: 'Ghi chú' },
};

/** Editorial type names as enumeration values (hyphens become underscores: `news_item`). */
const EDITORIAL_TYPE_LABELS_BY_ENUM = Object.fromEntries(
  Object.entries(EDITORIAL_TYPE_LABELS).map(([type, label]) => [type.replace(/-/g, '_'), label]),
) as Readonly<Record<string, (typeof EDITORIAL_TYPE_LABELS)[keyof typeof EDITORIAL_TYPE_LABELS]>>;

const SITE_ADOPTION: FieldTexts = {
  owningSite: {
    label: 'Trang chọn nội dung',
    hint: 'Trang của đơn vị bạn; nội dung hiện trên trang chủ của trang này.',
  },
  targetType: { label: 'Loại nội dung', hint: enumHint(EDITORIAL_TYPE_LABELS_BY_ENUM) },
  targetDocumentId: {
    label: 'Mã nội dung được chọn',
    hint: 'Nội dung đã xuất bản, dành cho trang của bạn (nội dung quốc gia, của cấp trên); không sao chép, luôn hiện bản gốc mới nhất.',
  },
  targetTitle: { label: 'Tiêu đề nội dung', hint: 'Tự điền theo nội dung được chọn.' },
  pinnedOnHome: { label: 'Ghim lên trang chủ' },
  position: { label: 'Thứ tự', hint: 'Số nhỏ hiện trước.' },
  localNoteTitle: { label: 'Tiêu đề ghi chú của đơn vị' },
  localNote: { label: 'Ghi chú của đơn vị', hint: 'Hiện phía trên nội dung gốc, chỉ trên trang của bạn.' },
};

const SITE_REDIRECT: FieldTexts = {
  fromPath: { label: 'Địa chỉ cũ', hint: 'Ví dụ /xa-cu/.' },
  toPath: { label: 'Địa chỉ mới', hint: 'Ví dụ /xa-moi/.' },
  fromSiteCode: { label: 'Mã trang cũ' },
  site: { label: 'Trang mới' },
  reason: { label: 'Lý do', hint: 'rename: Đổi mã trang; merge: Hợp nhất trang.' },
};

const AUDIT_ENTRY: FieldTexts = {
  occurredAt: { label: 'Thời điểm' },
  action: { label: 'Thao tác', hint: enumHint(labelled(AUDIT_ACTION_LABELS)) },
  summary: { label: 'Tóm tắt' },
  actorKind: {
    label: 'Loại người thực hiện',
    hint: 'admin: Tài khoản quản trị; api_token: Khóa API; public: Người dùng công khai; system: Hệ thống.',
  },
  actorId: { label: 'Mã người thực hiện' },
  actorEmail: { label: 'Email người thực hiện' },
  actorRoles: { label: 'Vai trò' },
  actorLabel: { label: 'Người thực hiện' },
  contentType: { label: 'Loại nội dung' },
  itemDocumentId: { label: 'Mã mục' },
  itemLocale: { label: 'Ngôn ngữ của mục' },
  itemTitle: { label: 'Tiêu đề mục' },
  site: { label: 'Trang' },
  siteCode: { label: 'Mã trang' },
  ip: { label: 'Địa chỉ IP' },
  userAgent: { label: 'Trình duyệt' },
  changes: { label: 'Thay đổi', hint: 'Giá trị trước và sau; trường riêng tư được ẩn.' },
};

const REPORT: FieldTexts = {
  trackingCode: { label: 'Mã tra cứu', hint: 'Người báo dùng mã này để theo dõi. Không công khai.' },
  itemType: { label: 'Loại nội dung bị báo', hint: enumHint(EDITORIAL_TYPE_LABELS) },
  itemDocumentId: { label: 'Mã nội dung bị báo' },
  itemTitle: { label: 'Tiêu đề nội dung bị báo' },
  reason: { label: 'Lý do báo', hint: enumHint(REPORT_REASON_LABELS) },
  message: { label: 'Lời nhắn của người báo' },
  status: {
    label: 'Trạng thái',
    hint: enumHint(
      Object.fromEntries(Object.entries(REPORT_STATUS_LABELS).map(([k, v]) => [k, { vi: v.vi, en: k }])),
      `Ba người báo cùng một nội dung thì nội dung được tạm ẩn chờ kiểm tra.`,
    ),
  },
  receivedAt: { label: 'Thời điểm nhận' },
  reporterKey: {
    label: 'Dấu vết người báo',
    hint: 'Mã ẩn danh để đếm số người báo khác nhau. Không công khai.',
  },
  resolutionNote: { label: 'Ghi chú xử lý', hint: 'Không công khai.' },
  owningSite: { label: 'Trang sở hữu nội dung' },
};

/** Vietnamese-only labels in the {vi, en} shape enumHint reads. */
function labelled(labels: Readonly<Record<string, string>>): Record<string, { vi: string; en: string }> {
  return Object.fromEntries(Object.entries(labels).map(([value, vi]) => [value, { vi, en: value }]));
}

/** By the singular name of the CMS type (`api::<name>.<name>`). */
export const CONTENT_TYPE_FIELD_TEXTS: Readonly<Record<string, FieldTexts>> = {
  ...EDITORIAL_FIELD_TEXTS,
  'legal-document': LEGAL_DOCUMENT,
  'document-relation': DOCUMENT_RELATION,
  site: SITE,
  organization: ORGANIZATION,
  'legal-field': LEGAL_FIELD,
  'site-membership': SITE_MEMBERSHIP,
  'site-redirect': SITE_REDIRECT,
  'site-adoption': SITE_ADOPTION,
  'audit-entry': AUDIT_ENTRY,
  report: REPORT,
};
