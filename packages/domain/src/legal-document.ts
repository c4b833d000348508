/**
 * The legal document as the platform sees it (CMS output, GraphQL client, site pages), and the
 * rules an editor's input must meet. Field names are the CMS's attribute names.
 */
import { z } from 'zod';
import { DOCUMENT_TYPES, type DocumentType } from './document-type.js';
import { safeParseDocumentNumber } from './document-number.js';
import { formatVietnameseDate, isIsoDate, type IsoDate } from './iso-date.js';
import type { ValidityEvent } from './validity.js';
import { VALIDITY_STATUSES, type ValidityBasis, type ValidityStatus } from './validity-status.js';

/** National documents reach every site; local ones only the sites of their area (scopeSite). */
export const DOCUMENT_SCOPES = ['national', 'local'] as const;
export type DocumentScope = (typeof DOCUMENT_SCOPES)[number];

export const DOCUMENT_SCOPE_LABELS: Readonly<Record<DocumentScope, { vi: string; en: string }>> = {
  national: { vi: 'Toàn quốc', en: 'National' },
  local: { vi: 'Địa phương', en: 'Local' },
};

/** An issuing body (cơ quan ban hành); joint documents have several. */
export interface IssuerRef {
  /** Organisation code, e.g. "quoc-hoi", "bo-tu-phap". */
  readonly code: string;
  readonly name: string;
}

/** A sector or field (ngành, lĩnh vực). */
export interface LegalFieldRef {
  readonly code: string;
  readonly name: string;
}

/** A site of the registry, by its code ("ha-noi") and display name. */
export interface SiteRef {
  readonly code: string;
  readonly name: string;
}

/** The original file (PDF/DOC) as the CMS serves it. */
export interface DocumentFile {
  readonly url: string;
  readonly name: string;
  readonly mime: string;
  /** In kilobytes, as Strapi reports it. */
  readonly size: number;
}

export interface LegalDocument {
  /** The CMS documentId: one per document, shared by its locales. */
  readonly documentId: string;
  /** "vi" first; other locales are translations of the same document. */
  readonly locale: string;
  /** Số ký hiệu, normalised: "45/2019/QH14". */
  readonly number: string;
  readonly documentType: DocumentType;
  /** Tên văn bản: "Bộ luật Lao động". */
  readonly title: string;
  /** Trích yếu. */
  readonly abstract: string;
  /** Markdown; null when only the original file exists. */
  readonly fullText: string | null;
  readonly issuers: readonly IssuerRef[];
  /** Chức danh người ký: "Chủ tịch Quốc hội". */
  readonly signerTitle: string | null;
  readonly signerName: string | null;
  readonly issuedDate: IsoDate;
  readonly effectiveFrom: IsoDate | null;
  readonly effectiveTo: IsoDate | null;
  readonly gazetteNumber: string | null;
  readonly gazetteDate: IsoDate | null;
  readonly fields: readonly LegalFieldRef[];
  readonly scope: DocumentScope;
  /** The area a local document applies to; null for national documents. */
  readonly scopeSite: SiteRef | null;
  /** The site whose editors manage the document (the Ministry of Justice's for national ones). */
  readonly owningSite: SiteRef | null;
  readonly originalFile: DocumentFile | null;
  /** Where the text was taken from (vbpl.vn, Công báo…). */
  readonly sourceUrl: string | null;
  /** A status an authoritative source declared; used only as computeValidity allows. */
  readonly declaredStatus: ValidityStatus | null;
  readonly declaredStatusSource: string | null;
  readonly declaredStatusAsOf: IsoDate | null;
  /** Derived by computeValidity, never typed by hand. */
  readonly validityStatus: ValidityStatus;
  readonly validityBasis: ValidityBasis;
  readonly validityHistory: readonly ValidityEvent[];
  /** When the CMS last computed the validity fields (ISO date-time). */
  readonly validityComputedAt: string | null;
}

/** Vietnamese labels of the fields an editor fills in; every validation message starts with one. */
export const LEGAL_DOCUMENT_FIELD_LABELS = {
  number: 'Số ký hiệu',
  documentType: 'Loại văn bản',
  title: 'Tên văn bản',
  abstract: 'Trích yếu',
  fullText: 'Toàn văn',
  signerTitle: 'Chức danh người ký',
  signerName: 'Người ký',
  issuedDate: 'Ngày ban hành',
  effectiveFrom: 'Ngày có hiệu lực',
  effectiveTo: 'Ngày hết hiệu lực',
  gazetteNumber: 'Số công báo',
  gazetteDate: 'Ngày đăng công báo',
  scope: 'Phạm vi',
  scopeSite: 'Địa bàn áp dụng',
  sourceUrl: 'Đường dẫn nguồn',
  declaredStatus: 'Tình trạng hiệu lực được công bố',
  declaredStatusSource: 'Nguồn công bố tình trạng hiệu lực',
  declaredStatusAsOf: 'Ngày công bố tình trạng hiệu lực',
} as const;

type FieldName = keyof typeof LEGAL_DOCUMENT_FIELD_LABELS;
const label = (field: FieldName): string => LEGAL_DOCUMENT_FIELD_LABELS[field];

/** The CMS admin sends untouched fields as null or ""; both mean "not given". Text is NFC-trimmed. */
function blankToUndefined(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? undefined;
  const trimmed = value.normalize('NFC').trim();
  return trimmed === '' ? undefined : trimmed;
}

function requiredText(field: FieldName, max?: number) {
  const base = z.string({
    error: (issue) =>
      issue.input === undefined ? `${label(field)} là bắt buộc.` : `${label(field)} phải là văn bản.`,
  });
  return z.preprocess(
    blankToUndefined,
    max === undefined ? base : base.max(max, `${label(field)} dài quá ${max} ký tự.`),
  );
}

function optionalText(field: FieldName, max?: number) {
  const base = z.string({ error: `${label(field)} phải là văn bản.` });
  const bounded = max === undefined ? base : base.max(max, `${label(field)} dài quá ${max} ký tự.`);
  return z.preprocess((v) => blankToUndefined(v) ?? null, bounded.nullable());
}

const DATE_FORMAT_HINT = 'định dạng YYYY-MM-DD, ví dụ 2021-01-01';

function requiredDate(field: FieldName) {
  return requiredText(field).refine(
    isIsoDate,
    `${label(field)} không phải ngày hợp lệ (${DATE_FORMAT_HINT}).`,
  );
}

function optionalDate(field: FieldName) {
  return optionalText(field).refine(
    (v) => v === null || isIsoDate(v),
    `${label(field)} không phải ngày hợp lệ (${DATE_FORMAT_HINT}).`,
  );
}

function enumField<const T extends readonly [string, ...string[]]>(field: FieldName, values: T) {
  return z.enum(values, { error: `${label(field)} không hợp lệ: hãy chọn một giá trị trong danh sách.` });
}

/**
 * Documents issued before this date predate today's "number/year/symbol" convention (e.g. the
 * 1957 Sắc lệnh "101-SL/L.003"): their numbers are kept as printed instead of being refused.
 */
export const HISTORIC_NUMBERING_BEFORE: IsoDate = '1960-01-01';

/** Normalised when it parses; checked against the issue date in checkAcrossFields. */
const documentNumberField = requiredText('number').transform((value) => {
  const parsed = safeParseDocumentNumber(value);
  return parsed.ok ? parsed.value.normalized : value;
});

/**
 * What an editor submits for a legal document, before relations (issuers, fields) are attached.
 * Text is NFC-trimmed, blanks become null, the number is normalised. Validity fields are not
 * part of it: they are derived, so any value sent for them is dropped.
 */
export const legalDocumentInputSchema = z
  .object(
    {
      number: documentNumberField,
      documentType: z.preprocess(blankToUndefined, enumField('documentType', DOCUMENT_TYPES)),
      title: requiredText('title', 500),
      abstract: requiredText('abstract', 4000),
      fullText: optionalText('fullText'),
      signerTitle: optionalText('signerTitle', 200),
      signerName: optionalText('signerName', 200),
      issuedDate: requiredDate('issuedDate'),
      effectiveFrom: optionalDate('effectiveFrom'),
      effectiveTo: optionalDate('effectiveTo'),
      gazetteNumber: optionalText('gazetteNumber', 40),
      gazetteDate: optionalDate('gazetteDate'),
      scope: z.preprocess((v) => blankToUndefined(v) ?? 'national', enumField('scope', DOCUMENT_SCOPES)),
      /** The scope site's code or documentId. */
      scopeSite: optionalText('scopeSite'),
      sourceUrl: optionalText('sourceUrl', 500).refine(
        (v) => v === null || /^https?:\/\/[^\s/]+\S*$/.test(v),
        `${label('sourceUrl')} phải là địa chỉ web bắt đầu bằng http:// hoặc https://.`,
      ),
      declaredStatus: z.preprocess(
        (v) => blankToUndefined(v) ?? null,
        enumField('declaredStatus', VALIDITY_STATUSES).nullable(),
      ),
      declaredStatusSource: optionalText('declaredStatusSource', 300),
      declaredStatusAsOf: optionalDate('declaredStatusAsOf'),
    },
    { error: 'Dữ liệu văn bản phải là một đối tượng gồm các trường của văn bản.' },
  )
  // Runs even when some fields failed, so the editor sees every problem at once.
  .superRefine(checkAcrossFields, {
    when: (payload) => typeof payload.value === 'object' && payload.value !== null,
  });

export type LegalDocumentInput = z.output<typeof legalDocumentInputSchema>;

/** Field values may be raw here (the refinement also runs after field errors), so check every one. */
function checkAcrossFields(value: Partial<Record<FieldName, unknown>>, ctx: z.RefinementCtx): void {
  const issue = (path: FieldName, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  const date = (field: FieldName): IsoDate | null => (isIsoDate(value[field]) ? value[field] : null);
  const issued = date('issuedDate');
  const from = date('effectiveFrom');
  const to = date('effectiveTo');
  const gazette = date('gazetteDate');
  const fmt = formatVietnameseDate;

  if (typeof value.number === 'string' && value.number !== '') {
    const parsed = safeParseDocumentNumber(value.number);
    const historic = issued !== null && issued < HISTORIC_NUMBERING_BEFORE;
    if (!parsed.ok && !historic) issue('number', parsed.error.message);
  }

  if (issued && from && from < issued) {
    issue(
      'effectiveFrom',
      `${label('effectiveFrom')} (${fmt(from)}) không được trước ${label('issuedDate').toLowerCase()} (${fmt(issued)}).`,
    );
  }
  const lower = from ?? issued;
  if (to && lower && to <= lower) {
    const other = from ? label('effectiveFrom') : label('issuedDate');
    issue(
      'effectiveTo',
      `${label('effectiveTo')} (${fmt(to)}) phải sau ${other.toLowerCase()} (${fmt(lower)}).`,
    );
  }
  if (issued && gazette && gazette < issued) {
    issue(
      'gazetteDate',
      `${label('gazetteDate')} (${fmt(gazette)}) không được trước ${label('issuedDate').toLowerCase()} (${fmt(issued)}).`,
    );
  }
  if (value.scope === 'local' && (value.scopeSite ?? null) === null) {
    issue('scopeSite', `${label('scopeSite')} là bắt buộc khi phạm vi là địa phương.`);
  }
  if ((value.declaredStatus ?? null) !== null && (value.declaredStatusSource ?? null) === null) {
    issue(
      'declaredStatusSource',
      `${label('declaredStatusSource')} là bắt buộc khi nhập tình trạng hiệu lực được công bố.`,
    );
  }
}

export interface FieldError {
  /** The field's name, dot-separated for nested values ("" for the whole input). */
  readonly path: string;
  /** In Vietnamese, starting with the field's label. */
  readonly message: string;
}

export type LegalDocumentValidation =
  | { readonly ok: true; readonly value: LegalDocumentInput }
  | { readonly ok: false; readonly errors: FieldError[] };

/** Validates an editor's input; never throws. Errors come in field order, each naming its field. */
export function validateLegalDocumentInput(data: unknown): LegalDocumentValidation {
  const result = legalDocumentInputSchema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  const errors = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  return { ok: false, errors: errors.sort((a, b) => fieldOrder(a.path) - fieldOrder(b.path)) };
}

const FIELD_ORDER: readonly string[] = Object.keys(LEGAL_DOCUMENT_FIELD_LABELS);

/** Position of an error's field in the form; whole-input errors first. Array.sort is stable. */
function fieldOrder(path: string): number {
  return path === '' ? -1 : FIELD_ORDER.indexOf(path.split('.')[0] ?? '');
}
