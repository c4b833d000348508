/**
 * Typed relations between legal documents. A relation is recorded once, from the acting
 * document (the source) to the document it acts on (the target); each kind carries the label
 * shown on the source's page and the label shown on the target's page (legal-domain.md's 13
 * outgoing/incoming pairs).
 */
export const RELATION_KINDS = [
  'annuls',
  'based_on',
  'cites',
  'suspends_execution',
  'corrects',
  'consolidates',
  'guides',
  'details',
  'amends',
  'suspends_validity',
  'replaces',
  'interprets',
  'translates',
] as const;

export type RelationKind = (typeof RELATION_KINDS)[number];

export interface RelationKindLabels {
  /** Shown on the source document's page, before the target: "Bãi bỏ: 12/2010/QH12". */
  readonly onSource: { readonly vi: string; readonly en: string };
  /** Shown on the target document's page, before the source: "Bị bãi bỏ bởi: 45/2019/QH14". */
  readonly onTarget: { readonly vi: string; readonly en: string };
}

export const RELATION_KIND_LABELS: Readonly<Record<RelationKind, RelationKindLabels>> = {
  annuls: {
    onSource: { vi: 'Bãi bỏ', en: 'Annuls' },
    onTarget: { vi: 'Bị bãi bỏ bởi', en: 'Is annulled by' },
  },
  based_on: {
    onSource: { vi: 'Căn cứ ban hành', en: 'Is based on' },
    onTarget: { vi: 'Văn bản áp dụng', en: 'Is applied by' },
  },
  cites: {
    onSource: { vi: 'Dẫn chiếu', en: 'Cites' },
    onTarget: { vi: 'Được dẫn chiếu bởi', en: 'Is cited by' },
  },
  suspends_execution: {
    onSource: { vi: 'Đình chỉ thi hành', en: 'Suspends the execution of' },
    onTarget: { vi: 'Bị đình chỉ thi hành bởi', en: 'Execution suspended by' },
  },
  corrects: {
    onSource: { vi: 'Đính chính', en: 'Corrects' },
    onTarget: { vi: 'Được đính chính bởi', en: 'Is corrected by' },
  },
  consolidates: {
    onSource: { vi: 'Hợp nhất', en: 'Consolidates' },
    onTarget: { vi: 'Được hợp nhất bởi', en: 'Is consolidated by' },
  },
  guides: {
    onSource: { vi: 'Hướng dẫn', en: 'Guides' },
    onTarget: { vi: 'Được hướng dẫn bởi', en: 'Is guided by' },
  },
  details: {
    onSource: { vi: 'Quy định chi tiết', en: 'Details' },
    onTarget: { vi: 'Được quy định chi tiết bởi', en: 'Is detailed by' },
  },
  amends: {
    onSource: { vi: 'Sửa đổi, bổ sung', en: 'Amends' },
    onTarget: { vi: 'Được sửa đổi, bổ sung bởi', en: 'Is amended by' },
  },
  suspends_validity: {
    onSource: { vi: 'Tạm ngưng hiệu lực', en: 'Suspends the validity of' },
    onTarget: { vi: 'Bị tạm ngưng hiệu lực bởi', en: 'Validity suspended by' },
  },
  replaces: {
    onSource: { vi: 'Thay thế', en: 'Replaces' },
    onTarget: { vi: 'Được thay thế bởi', en: 'Is replaced by' },
  },
  interprets: {
    onSource: { vi: 'Giải thích', en: 'Interprets' },
    onTarget: { vi: 'Được giải thích bởi', en: 'Is interpreted by' },
  },
  translates: {
    onSource: { vi: 'Bản dịch', en: 'Translation' },
    onTarget: { vi: 'Bản dịch', en: 'Translation' },
  },
};

export function isRelationKind(value: unknown): value is RelationKind {
  return typeof value === 'string' && (RELATION_KINDS as readonly string[]).includes(value);
}
