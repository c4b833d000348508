/**
 * Kinds of unit that run a PBGDPL site. Values are ASCII identifiers (they become GraphQL enum
 * values in the CMS); labels are what editors and citizens read.
 */
export const SITE_KINDS = [
  'national',
  'ministry',
  'ministry_agency',
  'government_agency',
  'central_body',
  'mass_organisation',
  'province',
  'commune',
] as const;

export type SiteKind = (typeof SITE_KINDS)[number];

export const SITE_KIND_LABELS: Readonly<Record<SiteKind, { vi: string; en: string }>> = {
  national: { vi: 'Cổng PBGDPL quốc gia', en: 'National portal' },
  ministry: { vi: 'Bộ', en: 'Ministry' },
  ministry_agency: { vi: 'Cơ quan ngang bộ', en: 'Ministry-level agency' },
  government_agency: { vi: 'Cơ quan thuộc Chính phủ', en: 'Government agency' },
  central_body: { vi: 'Cơ quan trung ương', en: 'Central body' },
  mass_organisation: { vi: 'Tổ chức chính trị - xã hội', en: 'Mass organisation' },
  province: { vi: 'Tỉnh, thành phố trực thuộc trung ương', en: 'Province or centrally-run city' },
  commune: { vi: 'Xã, phường, đặc khu', en: 'Commune, ward or special zone' },
};

/** Which kinds may be the parent of a site of the given kind (the registry's tree rule). */
export const ALLOWED_PARENT_KINDS: Readonly<Record<SiteKind, readonly SiteKind[]>> = {
  national: [],
  ministry: ['national'],
  ministry_agency: ['national'],
  government_agency: ['national'],
  central_body: ['national'],
  mass_organisation: ['national'],
  province: ['national'],
  commune: ['province'],
};
