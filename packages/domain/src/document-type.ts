/**
 * Types of legal document. The normative ones follow Law 64/2025/QH15 Art. 4 (as amended by
 * Law 87/2025/QH15); district-level types remain for older documents. Non-normative types exist
 * because dissemination sites also publish plans, directives and letters, and must not pretend
 * they are legal normative documents.
 */
export const DOCUMENT_TYPES = [
  'constitution',
  'code',
  'law',
  'na_resolution',
  'ordinance',
  'nasc_resolution',
  'nasc_joint_resolution',
  'president_order',
  'president_decision',
  'decree',
  'government_resolution',
  'government_joint_resolution',
  'pm_decision',
  'spc_council_resolution',
  'circular',
  'joint_circular',
  'provincial_council_resolution',
  'provincial_committee_decision',
  'special_unit_document',
  'commune_council_resolution',
  'commune_committee_decision',
  'district_council_resolution',
  'district_committee_decision',
  'party_document',
  'directive',
  'plan',
  'guideline',
  'official_letter',
  'other',
] as const;

export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export interface DocumentTypeInfo {
  /** Vietnamese label as printed on documents and in the national database. */
  readonly vi: string;
  readonly en: string;
  /** A legal normative document under Law 64/2025/QH15 Art. 4. */
  readonly normative: boolean;
  /** Path segment in citable URLs (/van-ban/<slug>/<year>/<number>/). */
  readonly slug: string;
}

export const DOCUMENT_TYPE_INFO: Readonly<Record<DocumentType, DocumentTypeInfo>> = {
  constitution: { vi: 'Hiến pháp', en: 'Constitution', normative: true, slug: 'hien-phap' },
  code: { vi: 'Bộ luật', en: 'Code', normative: true, slug: 'bo-luat' },
  law: { vi: 'Luật', en: 'Law', normative: true, slug: 'luat' },
  na_resolution: {
    vi: 'Nghị quyết của Quốc hội',
    en: 'Resolution of the National Assembly',
    normative: true,
    slug: 'nghi-quyet-qh',
  },
  ordinance: { vi: 'Pháp lệnh', en: 'Ordinance', normative: true, slug: 'phap-lenh' },
  nasc_resolution: {
    vi: 'Nghị quyết của Ủy ban Thường vụ Quốc hội',
    en: 'Resolution of the National Assembly Standing Committee',
    normative: true,
    slug: 'nghi-quyet-ubtvqh',
  },
  nasc_joint_resolution: {
    vi: 'Nghị quyết liên tịch',
    en: 'Joint resolution',
    normative: true,
    slug: 'nghi-quyet-lien-tich',
  },
  president_order: {
    vi: 'Lệnh của Chủ tịch nước',
    en: 'Order of the President',
    normative: true,
    slug: 'lenh',
  },
  president_decision: {
    vi: 'Quyết định của Chủ tịch nước',
    en: 'Decision of the President',
    normative: true,
    slug: 'quyet-dinh-ctn',
  },
  decree: { vi: 'Nghị định', en: 'Decree', normative: true, slug: 'nghi-dinh' },
  government_resolution: {
    vi: 'Nghị quyết của Chính phủ',
    en: 'Resolution of the Government',
    normative: true,
    slug: 'nghi-quyet-cp',
  },
  government_joint_resolution: {
    vi: 'Nghị quyết liên tịch giữa Chính phủ và Đoàn Chủ tịch Ủy ban trung ương Mặt trận Tổ quốc Việt Nam',
    en: 'Joint resolution of the Government and the Fatherland Front Presidium',
    normative: true,
    slug: 'nghi-quyet-lien-tich-cp',
  },
  pm_decision: {
    vi: 'Quyết định của Thủ tướng Chính phủ',
    en: 'Decision of the Prime Minister',
    normative: true,
    slug: 'quyet-dinh-ttg',
  },
  spc_council_resolution: {
    vi: 'Nghị quyết của Hội đồng Thẩm phán Tòa án nhân dân tối cao',
    en: 'Resolution of the Council of Judges of the Supreme People’s Court',
    normative: true,
    slug: 'nghi-quyet-hdtp',
  },
  circular: { vi: 'Thông tư', en: 'Circular', normative: true, slug: 'thong-tu' },
  joint_circular: {
    vi: 'Thông tư liên tịch',
    en: 'Joint circular',
    normative: true,
    slug: 'thong-tu-lien-tich',
  },
  provincial_council_resolution: {
    vi: 'Nghị quyết của Hội đồng nhân dân cấp tỉnh',
    en: 'Resolution of a provincial People’s Council',
    normative: true,
    slug: 'nghi-quyet-hdnd-tinh',
  },
  provincial_committee_decision: {
    vi: 'Quyết định của Ủy ban nhân dân cấp tỉnh',
    en: 'Decision of a provincial People’s Committee',
    normative: true,
    slug: 'quyet-dinh-ubnd-tinh',
  },
  special_unit_document: {
    vi: 'Văn bản của chính quyền địa phương ở đơn vị hành chính - kinh tế đặc biệt',
    en: 'Document of a special administrative-economic unit',
    normative: true,
    slug: 'van-ban-dac-khu',
  },
  commune_council_resolution: {
    vi: 'Nghị quyết của Hội đồng nhân dân cấp xã',
    en: 'Resolution of a commune People’s Council',
    normative: true,
    slug: 'nghi-quyet-hdnd-xa',
  },
  commune_committee_decision: {
    vi: 'Quyết định của Ủy ban nhân dân cấp xã',
    en: 'Decision of a commune People’s Committee',
    normative: true,
    slug: 'quyet-dinh-ubnd-xa',
  },
  district_council_resolution: {
    vi: 'Nghị quyết của Hội đồng nhân dân cấp huyện',
    en: 'Resolution of a district People’s Council (before July 2025)',
    normative: true,
    slug: 'nghi-quyet-hdnd-huyen',
  },
  district_committee_decision: {
    vi: 'Quyết định của Ủy ban nhân dân cấp huyện',
    en: 'Decision of a district People’s Committee (before July 2025)',
    normative: true,
    slug: 'quyet-dinh-ubnd-huyen',
  },
  party_document: {
    vi: 'Văn kiện, nghị quyết của Đảng',
    en: 'Party document',
    normative: false,
    slug: 'van-kien-dang',
  },
  directive: { vi: 'Chỉ thị', en: 'Directive', normative: false, slug: 'chi-thi' },
  plan: { vi: 'Kế hoạch', en: 'Plan', normative: false, slug: 'ke-hoach' },
  guideline: { vi: 'Hướng dẫn', en: 'Guideline', normative: false, slug: 'huong-dan' },
  official_letter: { vi: 'Công văn', en: 'Official letter', normative: false, slug: 'cong-van' },
  other: { vi: 'Văn bản khác', en: 'Other document', normative: false, slug: 'van-ban-khac' },
};

export function isDocumentType(value: unknown): value is DocumentType {
  return typeof value === 'string' && (DOCUMENT_TYPES as readonly string[]).includes(value);
}
