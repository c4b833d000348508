import {
  NATIONAL_SITE_CODE,
  SiteCodeError,
  assignCommuneCodes,
  centralSiteCode,
  isSiteCode,
  provinceSiteCode,
  siteBasePath,
} from './site-code.js';

describe('site codes', () => {
  it('accepts the national code and rejects malformed ones', () => {
    expect(isSiteCode(NATIONAL_SITE_CODE)).toBe(true);
    for (const bad of ['', 'Ha-noi', 'ha--noi', '-ha-noi', 'ha-noi-', 'ha_noi', 'hà-nội', 'a'.repeat(81)]) {
      expect(isSiteCode(bad)).toBe(false);
    }
    expect(isSiteCode('a'.repeat(80))).toBe(true);
  });

  it('keeps organization ids as they are and refuses ids that are not slugs', () => {
    expect(centralSiteCode('bo-quoc-phong')).toBe('bo-quoc-phong');
    expect(() => centralSiteCode('Bộ Quốc phòng')).toThrow(SiteCodeError);
  });

  it('turns a province code name into a hyphenated code', () => {
    expect(provinceSiteCode('ha_noi')).toBe('ha-noi');
    expect(provinceSiteCode('ho_chi_minh')).toBe('ho-chi-minh');
    expect(provinceSiteCode('', 'Thành phố Đà Nẵng')).toBe('thanh-pho-da-nang');
    expect(() => provinceSiteCode('', '')).toThrow(/province code/);
  });

  it('serves every site under its code', () => {
    expect(siteBasePath('ha-noi-ba-dinh')).toBe('/ha-noi-ba-dinh/');
    expect(() => siteBasePath('../etc')).toThrow(SiteCodeError);
  });
});

describe('assignCommuneCodes', () => {
  it('prefixes each commune slug with its province code', () => {
    const codes = assignCommuneCodes('ha-noi', [
      { adminCode: '00008', codeName: 'ngoc_ha', name: 'Ngọc Hà' },
      { adminCode: '00004', codeName: 'ba_dinh', name: 'Ba Đình' },
    ]);
    expect([...codes]).toEqual([
      ['00004', 'ha-noi-ba-dinh'],
      ['00008', 'ha-noi-ngoc-ha'],
    ]);
  });

  it('suffixes every member of a colliding group with its admin code, whatever the input order', () => {
    // Real pair from wards_3321.csv: "Văn Lang" and "Văn Lăng" both slug to van-lang.
    const wards = [
      { adminCode: '05665', codeName: 'van_lang', name: 'Văn Lăng' },
      { adminCode: '02143', codeName: 'van_lang', name: 'Văn Lang' },
      { adminCode: '05500', codeName: 'dai_tu', name: 'Đại Từ' },
    ];
    const expected = new Map([
      ['02143', 'thai-nguyen-van-lang-02143'],
      ['05500', 'thai-nguyen-dai-tu'],
      ['05665', 'thai-nguyen-van-lang-05665'],
    ]);
    expect(assignCommuneCodes('thai-nguyen', wards)).toEqual(expected);
    expect(assignCommuneCodes('thai-nguyen', [...wards].reverse())).toEqual(expected);
  });

  it('falls back to the Vietnamese name when the code name is empty', () => {
    const codes = assignCommuneCodes('hue', [{ adminCode: '20044', codeName: '', name: 'A Lưới 2' }]);
    expect(codes.get('20044')).toBe('hue-a-luoi-2');
  });

  it.each([
    [
      'a duplicate admin code',
      [
        { adminCode: '1', codeName: 'a' },
        { adminCode: '1', codeName: 'b' },
      ],
      /twice/,
    ],
    ['a non-numeric admin code', [{ adminCode: 'x1', codeName: 'a' }], /not numeric/],
    ['a commune without any name', [{ adminCode: '1', codeName: '', name: '' }], /neither/],
    [
      'a code that still collides after suffixing',
      [
        { adminCode: '1', codeName: 'a' },
        { adminCode: '2', codeName: 'a' },
        { adminCode: '3', codeName: 'a_1' },
      ],
      /both give/,
    ],
  ])('refuses %s', (_label, wards, message) => {
    expect(() => assignCommuneCodes('p', wards)).toThrow(message);
  });

  it('refuses an invalid province code', () => {
    expect(() => assignCommuneCodes('Hà Nội', [])).toThrow(SiteCodeError);
  });
});
