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
export const VALIDITY_LEGAL_FORCE: Readonly<Record<ValidityStatus, 'InForce' | 'NotInForce' | 'PartiallyInForce'>> = {
  not_yet_in_force: 'NotInForce',
  in_force: 'InForce',
  partly_expired: 'PartiallyInForce',
  expired: 'NotInForce',
  suspended: 'NotInForce',
  partly_suspended: 'PartiallyInForce',
};
