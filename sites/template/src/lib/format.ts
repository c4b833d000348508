/** Vietnamese wording for values shown on pages. */
import {
  DOCUMENT_SCOPE_LABELS,
  DOCUMENT_TYPE_INFO,
  SITE_KIND_LABELS,
  VALIDITY_STATUS_LABELS,
  formatVietnameseDate,
  isIsoDate,
  type DocumentType,
  type SiteKind,
  type ValidityStatus,
} from '@pbgdpl/domain';

/** "2021-01-01" → "01/01/2021"; anything else (null, a bad date) → the fallback. */
export function viDate(date: string | null | undefined, fallback = 'Chưa có thông tin'): string {
  return date && isIsoDate(date) ? formatVietnameseDate(date) : fallback;
}

export function documentTypeLabel(type: DocumentType): string {
  return DOCUMENT_TYPE_INFO[type]?.vi ?? type;
}

export function validityLabel(status: ValidityStatus | null): string {
  return status ? (VALIDITY_STATUS_LABELS[status]?.vi ?? status) : 'Chưa xác định';
}

export function scopeLabel(scope: 'national' | 'local', siteName: string | null): string {
  const label = DOCUMENT_SCOPE_LABELS[scope]?.vi ?? scope;
  return scope === 'local' && siteName ? `${label}: ${siteName}` : label;
}

export function siteKindLabel(kind: SiteKind): string {
  return SITE_KIND_LABELS[kind]?.vi ?? kind;
}

/** One formatter for every call: building one per number was a sixth of a warm render's CPU. */
const viNumberFormat = new Intl.NumberFormat('vi-VN');

/** A whole number with Vietnamese digit grouping: 12.345. */
export function viNumber(n: number): string {
  return viNumberFormat.format(n);
}
