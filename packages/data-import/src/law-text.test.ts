import {
  cleanNumber,
  completeNumberFromHeader,
  deriveAbstract,
  deriveTitle,
  findAdoptionDate,
  findDateInTitle,
  findEffectiveDate,
  findHeaderDate,
  findSigner,
  numberFromSourceId,
  numberKey,
  parseIsoDate,
  toIsoDate,
} from './law-text.js';

// Excerpts below are quoted from laws in the corpus (public-domain texts), cut to the lines that matter.

describe('dates', () => {
  it('accepts only real calendar dates', () => {
    expect(toIsoDate(2019, 11, 20)).toBe('2019-11-20');
    expect(toIsoDate(2011, 2, 30)).toBeNull();
    expect(parseIsoDate('2021-01-01')).toBe('2021-01-01');
    expect(parseIsoDate('2021-13-01')).toBeNull();
    expect(parseIsoDate(null)).toBeNull();
    expect(parseIsoDate('01/01/2021')).toBeNull();
  });

  it('takes the last adoption formula, not an act cited earlier', () => {
    const text =
      'Bãi bỏ Pháp lệnh về thuế nông nghiệp đã được Hội đồng Nhà nước khoá VIII thông qua ngày 30 tháng 1 năm 1989.\n' +
      'Luật này đã được Quốc hội nước Cộng hoà xã hội chủ nghĩa Việt Nam khoá IX, kỳ họp thứ ba thông qua ngày 10 tháng 7 năm 1993.\nLê Đức Anh\n(Đã ký)';
    expect(findAdoptionDate(text)).toBe('1993-07-10');
  });

  it('tolerates "ngày" typed for "năm" in the adoption and entry-into-force clauses (67/2011/QH12)', () => {
    expect(findAdoptionDate('khóa XII, kỳ họp thứ 9 thông qua ngày 29 tháng 3 ngày 2011.')).toBe(
      '2011-03-29',
    );
    expect(findEffectiveDate('Luật này có hiệu lực thi hành từ ngày 01 tháng 01 ngày 2012.')).toBe(
      '2012-01-01',
    );
  });

  it('reads the entry-into-force clause of the law itself, not a transitional one', () => {
    const text =
      'Trong thời hạn hai năm, kể từ ngày Luật này có hiệu lực, doanh nghiệp…\n' +
      'Bộ luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2021.';
    expect(findEffectiveDate(text)).toBe('2021-01-01');
    expect(findEffectiveDate('Luật này có hiệu lực thi hành từ năm ngân sách 2017.')).toBeNull();
  });

  it('reads header dates whatever the case of "ngày", and dates written into old titles', () => {
    expect(findHeaderDate('QUỐC HỘI\nLuật số: 53/2019/QH14\nHà Nội, Ngày 26 tháng 11 năm 2019\nLUẬT')).toBe(
      '2019-11-26',
    );
    expect(findDateInTitle('Sắc lệnh luật số 102-sl/l-004 ngày 20-5-1957 quy định quyền lập hội')).toBe(
      '1957-05-20',
    );
    expect(
      findDateInTitle('Luật của quốc hội số 21-lct/hđnn8 ngày 30/06/1989 về bảo vệ sức khoẻ nhân dân'),
    ).toBe('1989-06-30');
  });
});

describe('numbers', () => {
  it('normalises spacing and case for comparison but keeps the printed case', () => {
    expect(cleanNumber(' 75/2006/QH 11 ')).toBe('75/2006/QH11');
    expect(numberKey('21-lct/hđnn8')).toBe(numberKey('21-LCT/HĐNN8'));
  });

  it('completes a number cut before its legislature term from the header', () => {
    expect(completeNumberFromHeader('73/2006/QH', 'QUỐC HỘI\nLuật số: 73/2006/QH 11\nHà Nội')).toBe(
      '73/2006/QH11',
    );
    expect(completeNumberFromHeader('73/2006/QH', 'no header here')).toBeNull();
    expect(completeNumberFromHeader('45/2019/QH14', 'Bộ luật số: 45/2019/QH14')).toBeNull();
  });

  it('reads the number embedded in a thuvienphapluat.vn id', () => {
    expect(numberFromSourceId('Luat-Bien-gioi-Quoc-gia-2003-06-2003-QH11-51044')).toBe('06/2003/QH11');
    expect(numberFromSourceId('Bo-Luat-lao-dong-2019-333670')).toBeNull();
  });
});

describe('titles and abstracts', () => {
  it('derives a missing title from the enacting clause, else from the scope sentence', () => {
    expect(
      deriveTitle('Căn cứ Hiến pháp…;\nQuốc hội ban hành Luật Lực lượng dự bị động viên.\nChương I'),
    ).toBe('Luật Lực lượng dự bị động viên');
    expect(
      deriveTitle(
        '…của Quốc hội khoá X, kỳ họp thứ 10;\nLuật này quy định về biên giới quốc gia.\nChương 1:',
      ),
    ).toBe('Luật biên giới quốc gia');
    expect(deriveTitle('Điều 1. Không có câu nào phù hợp')).toBeNull();
  });

  it('prefers the scope article, then the scope sentence, then the title', () => {
    const scopeArticle =
      'LUẬT\nLAO ĐỘNG\nĐiều 1. Phạm vi điều chỉnh\nBộ luật Lao động quy định tiêu chuẩn lao động.\nĐiều 2.';
    expect(deriveAbstract(scopeArticle, 'Bộ luật Lao động')).toEqual({
      abstract: 'Bộ luật Lao động quy định tiêu chuẩn lao động.',
      origin: 'scope-article',
    });
    expect(deriveAbstract('Luật này quy định về thi đua, khen thưởng.\nChương I', 'x').origin).toBe(
      'scope-sentence',
    );
    expect(deriveAbstract('Điều 1. Nhiệm vụ của Bộ luật hình sự', 'Bộ luật hình sự')).toEqual({
      abstract: 'Bộ luật hình sự',
      origin: 'title',
    });
  });

  it('shortens a long scope article at a word boundary', () => {
    const long = `\nĐiều 1. Phạm vi điều chỉnh\n${'quy định về '.repeat(100)}\nĐiều 2.`;
    const { abstract } = deriveAbstract(long, 'x');
    expect(abstract.length).toBeLessThanOrEqual(601);
    expect(abstract.endsWith('…')).toBe(true);
  });
});

describe('findSigner', () => {
  it.each([
    [
      'title then name',
      'Luật này đã được Quốc hội… thông qua ngày 20 tháng 11 năm 2019.\nCHỦ TỊCH QUỐC HỘI\nNguyễn Thị Kim Ngân',
      { title: 'Chủ tịch Quốc hội', name: 'Nguyễn Thị Kim Ngân' },
    ],
    [
      'a name over "(Đã ký)" with no title',
      '…thông qua ngày 17 tháng 6 năm 2003.\nNguyễn Văn An\n(Đã ký)',
      { title: null, name: 'Nguyễn Văn An' },
    ],
    [
      'a signature followed by an annex table',
      'CHỦ TỊCH QUỐC HỘI\nNguyễn Sinh Hùng\nPHỤ LỤC\nSTT\n17\nPhí hoạt động chứng khoán',
      { title: 'Chủ tịch Quốc hội', name: 'Nguyễn Sinh Hùng' },
    ],
  ])('finds %s', (_label, text, expected) => {
    expect(findSigner(text)).toEqual(expected);
  });

  it('returns null when the text ends without a signature', () => {
    expect(findSigner('Điều 2. Chính phủ quy định chi tiết thi hành Luật này.')).toBeNull();
  });
});
