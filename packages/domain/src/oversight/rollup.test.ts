import { REQUIREMENT_CODES, type RequirementCode } from './requirements.js';
import type { RequirementState } from './coverage.js';
import { rollUps, type CoverageRow } from './rollup.js';
import { parseCsv, toCsv } from './csv.js';
import type { SiteKind } from '../site-kind.js';

function row(
  siteCode: string,
  kind: SiteKind,
  provinceCode: string | null,
  score: number,
  metCodes: RequirementCode[],
): CoverageRow {
  const states = Object.fromEntries(
    REQUIREMENT_CODES.map((c) => [c, metCodes.includes(c) ? 'met' : 'missing']),
  ) as Record<RequirementCode, RequirementState>;
  return { siteCode, siteName: siteCode, kind, provinceCode, score, met: metCodes.length, total: 7, states };
}

const ALL = [...REQUIREMENT_CODES];
const ROWS: CoverageRow[] = [
  row('quoc-gia', 'national', null, 100, ALL),
  row('bo-tu-phap', 'ministry', null, 57, ['C-1', 'C-2', 'C-3', 'C-4']),
  row('uy-ban-dan-toc', 'ministry_agency', null, 14, ['C-1']),
  row('ha-noi', 'province', 'ha-noi', 71, ['C-1', 'C-2', 'C-3', 'C-4', 'C-5']),
  row('ha-noi-ba-dinh', 'commune', 'ha-noi', 29, ['C-1', 'C-2']),
  row('ha-noi-ngoc-ha', 'commune', 'ha-noi', 43, ['C-1', 'C-2', 'C-3']),
  row('an-giang-long-xuyen', 'commune', 'an-giang', 0, []),
];
const NAMES = new Map([
  ['ha-noi', 'Thành phố Hà Nội'],
  ['an-giang', 'Tỉnh An Giang'],
]);

describe('coverage roll-ups', () => {
  const result = rollUps(ROWS, NAMES);

  it('add up: the kind groups hold every site, their score sums and met counts make the national ones', () => {
    expect(result.byKind.map((g) => g.key)).toEqual(['national', 'central', 'province', 'commune']);
    expect(result.byKind.reduce((n, g) => n + g.sites, 0)).toBe(result.national.sites);
    expect(result.byKind.reduce((n, g) => n + g.scoreSum, 0)).toBe(result.national.scoreSum);
    expect(result.byKind.reduce((n, g) => n + g.fullyMet, 0)).toBe(result.national.fullyMet);
    for (const code of REQUIREMENT_CODES)
      expect(result.byKind.reduce((n, g) => n + g.metByRequirement[code], 0)).toBe(
        result.national.metByRequirement[code],
      );
    expect(result.national.scoreBands.reduce((a, b) => a + b, 0)).toBe(7);
  });

  it('groups ministries and agencies together and gives the mean score to one decimal', () => {
    const central = result.byKind.find((g) => g.key === 'central')!;
    expect(central.sites).toBe(2);
    expect(central.meanScore).toBe(35.5);
    expect(result.national.meanScore).toBe(Math.round((10 * 314) / 7) / 10);
  });

  it('gives each province its communes, sorted by name, and the communes add up to the commune group', () => {
    expect(result.byProvince.map((p) => p.label)).toEqual(['Thành phố Hà Nội', 'Tỉnh An Giang']);
    expect(result.byProvince[0]!.sites).toBe(2);
    expect(result.byProvince[0]!.metByRequirement['C-3']).toBe(1);
    const communes = result.byKind.find((g) => g.key === 'commune')!;
    expect(result.byProvince.reduce((n, p) => n + p.sites, 0)).toBe(communes.sites);
  });
});

describe('CSV', () => {
  it('starts with a byte order mark, quotes what needs it and parses back', () => {
    const text = toCsv(
      ['mã', 'tên', 'ghi chú'],
      [
        ['ha-noi', 'Thành phố "Hà Nội"', 'dòng 1\ndòng 2'],
        ['x', 'a,b', null],
      ],
    );
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('"Thành phố ""Hà Nội"""');
    expect(parseCsv(text)).toEqual([
      ['mã', 'tên', 'ghi chú'],
      ['ha-noi', 'Thành phố "Hà Nội"', 'dòng 1\ndòng 2'],
      ['x', 'a,b', ''],
    ]);
  });

  it('keeps a spreadsheet from running a cell as a formula, but not a negative number', () => {
    expect(parseCsv(toCsv(['a'], [['=HYPERLINK("x")'], ['-5']]))).toEqual([
      ['a'],
      ['\'=HYPERLINK("x")'],
      ['-5'],
    ]);
  });
});
