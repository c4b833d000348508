import { filterRows, kindGroup, sortRows, type SiteRow } from '../src/admin/coverage/table-logic';

/** The coverage page's table logic (pure; the page itself is tested in Chromium, tests/e2e). */
const row = (
  rank: number,
  siteCode: string,
  siteName: string,
  kind: string,
  score: number,
  extra: Partial<SiteRow> = {},
): SiteRow => ({
  rank,
  siteCode,
  siteName,
  kind,
  kindLabel: kind,
  provinceCode: kind === 'commune' ? 'ha-noi' : null,
  score,
  met: Math.round(score / 14),
  total: 7,
  states: {},
  newlyEffectiveConcerning: 0,
  newlyEffectiveShown: 0,
  outdatedShare: null,
  qaMedianHours: null,
  ...extra,
});

const ROWS = [
  row(1, 'ha-noi', 'Thành phố Hà Nội', 'province', 100, { qaMedianHours: 30 }),
  row(2, 'bo-tu-phap', 'Bộ Tư pháp', 'ministry', 57),
  row(3, 'ha-noi-ba-dinh', 'Phường Ba Đình', 'commune', 29, { qaMedianHours: 12 }),
  row(4, 'uy-ban-dan-toc', 'Ủy ban Dân tộc', 'ministry_agency', 14),
];

describe('the coverage table on the page', () => {
  it('groups ministries and agencies as central units', () => {
    expect(kindGroup('ministry_agency')).toBe('central');
    expect(kindGroup('commune')).toBe('commune');
  });

  it('filters by kind group, province and name (case and Vietnamese letters kept)', () => {
    expect(filterRows(ROWS, { group: 'central', province: '', text: '' }).map((r) => r.siteCode)).toEqual([
      'bo-tu-phap',
      'uy-ban-dan-toc',
    ]);
    expect(filterRows(ROWS, { group: '', province: 'ha-noi', text: '' }).map((r) => r.siteCode)).toEqual([
      'ha-noi-ba-dinh',
    ]);
    expect(filterRows(ROWS, { group: '', province: '', text: 'ba đình' }).map((r) => r.siteCode)).toEqual([
      'ha-noi-ba-dinh',
    ]);
  });

  it('sorts both ways, names in Vietnamese order, and empty figures last either way', () => {
    expect(sortRows(ROWS, 'score', 'ascending').map((r) => r.score)).toEqual([14, 29, 57, 100]);
    expect(sortRows(ROWS, 'siteName', 'ascending').map((r) => r.siteCode)).toEqual([
      'bo-tu-phap',
      'ha-noi-ba-dinh',
      'ha-noi',
      'uy-ban-dan-toc',
    ]);
    expect(sortRows(ROWS, 'qaMedianHours', 'ascending').map((r) => r.qaMedianHours)).toEqual([
      12,
      30,
      null,
      null,
    ]);
    expect(sortRows(ROWS, 'qaMedianHours', 'descending').map((r) => r.qaMedianHours)).toEqual([
      30,
      12,
      null,
      null,
    ]);
  });
});
