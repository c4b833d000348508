import { FieldRegistry, fieldCodeFromSourceUrl } from './fields.js';

describe('legal fields', () => {
  it('reads the category segment of a thuvienphapluat.vn URL', () => {
    expect(
      fieldCodeFromSourceUrl(
        'https://thuvienphapluat.vn/van-ban/Lao-dong-Tien-luong/Bo-Luat-lao-dong-2019-333670.aspx',
      ),
    ).toBe('lao-dong-tien-luong');
    expect(fieldCodeFromSourceUrl('https://example.org/van-ban/Lao-dong/x.aspx')).toBeNull();
  });

  it('names known fields in Vietnamese and gives unknown ones a stand-in name', () => {
    const registry = new FieldRegistry();
    expect(registry.use('thue-phi-le-phi')).toBe(true);
    expect(registry.use('nong-nghiep')).toBe(false);
    expect(registry.list()).toEqual([
      { code: 'nong-nghiep', name: 'Nong nghiep', nameEn: null, parentCode: null },
      {
        code: 'thue-phi-le-phi',
        name: 'Thuế - Phí - Lệ phí',
        nameEn: 'Taxes, fees and charges',
        parentCode: null,
      },
    ]);
  });
});
