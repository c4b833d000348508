/** Validity statuses (tình trạng hiệu lực) as the national legal database names them. */
export const VALIDITY_STATUSES = [
  'not_yet_in_force',
  'in_force',
  'partly_expired',
  'expired',
  'suspended',
  'partly_suspended',
] as const;

export type ValidityStatus = (typeof VALIDITY_STATUSES)[number];

export const VALIDITY_STATUS_LABELS: Readonly<Record<ValidityStatus, { vi: string; en: string }>> = {
  not_yet_in_force: { vi: 'Chưa có hiệu lực', en: 'Not yet in force' },
  in_force: { vi: 'Còn hiệu lực', en: 'In force' },
  partly_expired: { vi: 'Hết hiệu lực một phần', en: 'Partly expired' },
  expired: { vi: 'Hết hiệu lực toàn bộ', en: 'Expired' },
  suspended: { vi: 'Ngưng hiệu lực', en: 'Suspended' },
  partly_suspended: { vi: 'Ngưng hiệu lực một phần', en: 'Partly suspended' },
};

/** schema.org legislationLegalForce for each status. */
export const VALIDITY_LEGAL_FORCE: Readonly<
  Record<ValidityStatus, 'InForce' | 'NotInForce' | 'PartiallyInForce'>
> = {
  not_yet_in_force: 'NotInForce',
  in_force: 'InForce',
  partly_expired: 'PartiallyInForce',
  expired: 'NotInForce',
  suspended: 'NotInForce',
  partly_suspended: 'PartiallyInForce',
};

export function isValidityStatus(value: unknown): value is ValidityStatus {
  return typeof value === 'string' && (VALIDITY_STATUSES as readonly string[]).includes(value);
}

/**
 * How a computed status was reached, so pages can say how sure we are: from relations recorded
 * in our database, from a status an authoritative source declared, or from the dates alone (no
 * acting document known to us — one may exist outside our corpus).
 */
export const VALIDITY_BASES = ['relations', 'declared', 'dates_only'] as const;

export type ValidityBasis = (typeof VALIDITY_BASES)[number];

export const VALIDITY_BASIS_LABELS: Readonly<Record<ValidityBasis, { vi: string; en: string }>> = {
  relations: {
    vi: 'Xác định từ các văn bản tác động có trong cơ sở dữ liệu',
    en: 'Derived from the acting documents in our database',
  },
  declared: { vi: 'Theo công bố của nguồn chính thức', en: 'As declared by an authoritative source' },
  dates_only: { vi: 'Chỉ căn cứ ngày có hiệu lực, hết hiệu lực', en: 'From the effective dates only' },
};
