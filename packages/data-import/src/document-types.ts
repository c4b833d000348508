/**
 * From the type printed on a document ("Nghị quyết") and its issuer to the domain's document
 * type: the same printed word names different types depending on who issued it.
 */
import { slugifyVietnamese, type DocumentType } from '@pbgdpl/domain';
import type { OrganizationCategory } from './records.js';

export interface TypeMatch {
  type: DocumentType;
  /** Set when the mapping is approximate and must be reported. */
  note?: string;
}

const BY_LABEL: Readonly<Record<string, DocumentType>> = {
  'hien-phap': 'constitution',
  'bo-luat': 'code',
  luat: 'law',
  'phap-lenh': 'ordinance',
  lenh: 'president_order',
  'nghi-dinh': 'decree',
  'thong-tu': 'circular',
  'thong-tu-lien-tich': 'joint_circular',
  'chi-thi': 'directive',
  'ke-hoach': 'plan',
  'huong-dan': 'guideline',
  'cong-van': 'official_letter',
};

const RESOLUTION_BY_ISSUER: Readonly<Record<string, DocumentType>> = {
  'quoc-hoi': 'na_resolution',
  'uy-ban-thuong-vu-quoc-hoi': 'nasc_resolution',
  'chinh-phu': 'government_resolution',
};

const DECISION_BY_ISSUER: Readonly<Record<string, DocumentType>> = {
  'thu-tuong-chinh-phu': 'pm_decision',
  'chu-tich-nuoc': 'president_decision',
};

export function documentTypeOf(
  label: string,
  issuer: { code: string; category: OrganizationCategory } | null,
): TypeMatch {
  const slug = slugifyVietnamese(label);
  if (issuer?.category === 'party') return { type: 'party_document' };
  const direct = BY_LABEL[slug];
  if (direct) return { type: direct };
  if (slug === 'nghi-quyet' && issuer && RESOLUTION_BY_ISSUER[issuer.code]) {
    return { type: RESOLUTION_BY_ISSUER[issuer.code]! };
  }
  if (slug === 'quyet-dinh' && issuer && DECISION_BY_ISSUER[issuer.code]) {
    return { type: DECISION_BY_ISSUER[issuer.code]! };
  }
  if (slug === 'sac-lenh') {
    return {
      type: 'president_order',
      note: 'Historical type "Sắc lệnh" (the President\'s decree-law of 1945–1959) has no current equivalent; imported as president_order.',
    };
  }
  return {
    type: 'other',
    note: `Type "${label}" from issuer "${issuer?.code ?? 'unknown'}" has no mapping; imported as "other".`,
  };
}
