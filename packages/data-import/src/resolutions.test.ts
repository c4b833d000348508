import { findResolutionSigner, provinceNamedIn } from './resolutions.js';

describe('2025 resolutions', () => {
  it.each([
    [
      'Về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh An Giang năm 2025',
      { unitWord: 'tỉnh', name: 'An Giang' },
    ],
    [
      'Về việc sắp xếp các đơn vị hành chính cấp xã của thành phố Hồ Chí Minh năm 2025',
      { unitWord: 'thành phố', name: 'Hồ Chí Minh' },
    ],
    ['Nghị quyết Hội nghị lần thứ 11 Ban Chấp hành Trung ương Đảng khóa XIII', null],
  ])('reads the province of "%s"', (abstract, expected) => {
    expect(provinceNamedIn(abstract)).toEqual(expected);
  });

  it('finds the signer inside the converted two-column signature table', () => {
    const table = [
      '  ***\\                               **TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI\\',
      '  Nơi nhận:\\***                                  CHỦ TỊCH\\',
      '  - Chính phủ;\\                                      \\',
      '  - Kiểm toán nhà nước;\\                     Trần Thanh Mẫn**',
    ].join('\n');
    expect(findResolutionSigner(table)).toEqual({ title: 'Chủ tịch Quốc hội', name: 'Trần Thanh Mẫn' });
    expect(findResolutionSigner('23. Hợp nhất tỉnh An Giang và tỉnh Kiên Giang')).toBeNull();
  });
});
