// Final articles quoted from the laws corpus (legal-docs/laws-207), cut to the lines that matter,
// run through the extractor with a small directory standing in for the dataset.
import { extractDocumentRelations, type ActingDocument } from './extract.js';
import { buildDirectory } from './resolve.js';

const directory = buildDirectory(
  ['68/2014/QH13', '58/2014/QH13', '24/2000/QH10', '65/2014/QH13', '36/2005/QH11'].map((number) => ({
    number,
    title: 'Luật',
    fullText: '',
    issuedDate: '2014-01-01',
  })),
);

const law = (number: string, title: string, effectiveFrom: string, fullText: string): ActingDocument => ({
  number,
  title,
  effectiveFrom,
  fullText,
});

describe('extractDocumentRelations', () => {
  it('records the new Enterprise Law as replacing the old one, from its own entry into force (59/2020/QH14)', () => {
    const { relations, notes } = extractDocumentRelations(
      law(
        '59/2020/QH14',
        'Luật Doanh nghiệp',
        '2021-01-01',
        [
          'Điều 217. Hiệu lực thi hành',
          '1. Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2021.',
          '2. Luật Doanh nghiệp số 68/2014/QH13 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành.',
        ].join('\n'),
      ),
      directory,
    );
    expect(notes).toEqual([]);
    expect(relations).toEqual([
      {
        sourceNumber: '59/2020/QH14',
        kind: 'replaces',
        targetNumber: '68/2014/QH13',
        targetTitle: 'Luật Doanh nghiệp',
        partial: false,
        affectedPart: null,
        effectiveDate: '2021-01-01',
        note: null,
        targetInDataset: true,
      },
    ]);
  });

  it('records a partial expiry with the part as printed (84/2015/QH13)', () => {
    const { relations } = extractDocumentRelations(
      law(
        '84/2015/QH13',
        'Luật an toàn, vệ sinh lao động',
        '2016-07-01',
        '2. Các quy định về bảo hiểm tai nạn lao động, bệnh nghề nghiệp tại Mục 3 Chương III, khoản 4 Điều 84, điểm b khoản 1 và điểm a khoản 2 Điều 86, các điều 104, 105, 106, 107, 116 và 117 của Luật bảo hiểm xã hội số 58/2014/QH13 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành.',
      ),
      directory,
    );
    expect(relations).toEqual([
      expect.objectContaining({
        kind: 'annuls',
        targetNumber: '58/2014/QH13',
        partial: true,
        effectiveDate: '2016-07-01',
        affectedPart:
          'Các quy định về bảo hiểm tai nạn lao động, bệnh nghề nghiệp tại Mục 3 Chương III, khoản 4 Điều 84, điểm b khoản 1 và điểm a khoản 2 Điều 86, các điều 104, 105, 106, 107, 116 và 117',
      }),
    ]);
  });

  it('targets the first act only, not the amending acts of its history (08/2022/QH15)', () => {
    const { relations } = extractDocumentRelations(
      law(
        '08/2022/QH15',
        'Luật Kinh doanh bảo hiểm',
        '2023-01-01',
        '3. Luật Kinh doanh bảo hiểm số 24/2000/QH10 đã được sửa đổi, bổ sung một số điều theo Luật số 61/2010/QH12 và Luật số 42/2019/QH14 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành, trừ trường hợp sau đây:',
      ),
      directory,
    );
    expect(relations).toEqual([
      expect.objectContaining({
        kind: 'replaces',
        targetNumber: '24/2000/QH10',
        partial: false,
        note: 'đã được sửa đổi, bổ sung một số điều theo Luật số 61/2010/QH12 và Luật số 42/2019/QH14; trừ trường hợp sau đây',
      }),
    ]);
  });

  it('annuls, not replaces, an act on another subject (74/2014/QH13)', () => {
    const { relations } = extractDocumentRelations(
      law(
        '74/2014/QH13',
        'Luật giáo dục nghề nghiệp',
        '2015-07-01',
        '2. Luật dạy nghề số 76/2006/QH11 hết hiệu lực kể từ ngày Luật này có hiệu lực.',
      ),
      directory,
    );
    expect(relations).toEqual([
      expect.objectContaining({
        kind: 'annuls',
        targetNumber: '76/2006/QH11',
        partial: false,
        targetInDataset: false,
        targetTitle: 'Luật dạy nghề',
      }),
    ]);
  });

  it('reads a "sau đây" list from the points that follow, and a "Bãi bỏ" with its parts (05/2017/QH14)', () => {
    const { relations } = extractDocumentRelations(
      law(
        '05/2017/QH14',
        'Luật Quản lý ngoại thương',
        '2018-01-01',
        [
          'Điều 112. Hiệu lực thi hành',
          '2. Các pháp lệnh sau đây hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành, trừ trường hợp quy định tại Ðiều 113 của Luật này:',
          'a) Pháp lệnh về Tự vệ trong nhập khẩu hàng hóa nước ngoài vào Việt Nam số 42/2002/PL-UBTVQH10;',
          'b) Pháp lệnh Chống bán phá giá hàng hóa nhập khẩu vào Việt Nam số 20/2004/PL-UBTVQH11;',
          'c) Pháp lệnh Chống trợ cấp hàng hóa nhập khẩu vào Việt Nam số 22/2004/PL-UBTVQH11.',
          '3. Bãi bỏ khoản 3 Ðiều 28, khoản 3 Ðiều 29, khoản 3 Ðiều 30, các điều 31, 33, 242, 243, 244, 245, 246 và 247 của Luật Thương mại số 36/2005/QH11.',
        ].join('\n'),
      ),
      directory,
    );
    expect(relations.map((r) => [r.kind, r.targetNumber, r.partial, r.note])).toEqual([
      ['annuls', '42/2002/PL-UBTVQH10', false, 'trừ trường hợp quy định tại Điều 113 của Luật này'],
      ['annuls', '20/2004/PL-UBTVQH11', false, 'trừ trường hợp quy định tại Điều 113 của Luật này'],
      ['annuls', '22/2004/PL-UBTVQH11', false, 'trừ trường hợp quy định tại Điều 113 của Luật này'],
      ['annuls', '36/2005/QH11', true, null],
    ]);
    // The text writes "Ðiều" with an Icelandic Eth; the part is stored with "Đ".
    expect(relations[3]!.affectedPart).toBe(
      'khoản 3 Điều 28, khoản 3 Điều 29, khoản 3 Điều 30, các điều 31, 33, 242, 243, 244, 245, 246 và 247',
    );
  });

  it('gives a bare "Bãi bỏ" inside an amendment to the amended act, and ignores the quoted new wording (61/2020/QH14)', () => {
    const { relations } = extractDocumentRelations(
      law(
        '61/2020/QH14',
        'Luật Đầu tư',
        '2021-01-01',
        [
          'Điều 75. Sửa đổi, bổ sung một số điều của các luật có liên quan đến đầu tư kinh doanh',
          '1. Sửa đổi, bổ sung một số điều của Luật Nhà ở số 65/2014/QH13 đã được sửa đổi, bổ sung một số điều theo Luật số 40/2019/QH14 như sau:',
          'b) Sửa đổi, bổ sung điểm c khoản 2 Điều 22 như sau:',
          '“c) Chấp thuận nhà đầu tư theo quy định của Luật Đầu tư. Trường hợp có nhiều nhà đầu tư được chấp thuận thì việc xác định chủ đầu tư theo quy định của Luật Xây dựng.',
          'Chính phủ quy định chi tiết điểm này.”;',
          'e) Bãi bỏ khoản 3 Điều 22 và Điều 171.',
        ].join('\n'),
      ),
      directory,
    );
    expect(relations.map((r) => [r.kind, r.targetNumber, r.affectedPart, r.targetTitle])).toEqual([
      ['amends', '65/2014/QH13', null, 'Luật Nhà ở'],
      ['annuls', '65/2014/QH13', 'khoản 3 Điều 22 và Điều 171', 'Luật Nhà ở'],
    ]);
  });

  it('takes the number of an act named without it from the same text, and says so (74/2014/QH13)', () => {
    const { relations, notes } = extractDocumentRelations(
      law(
        '74/2014/QH13',
        'Luật giáo dục nghề nghiệp',
        '2015-07-01',
        [
          'Điều 76. Sửa đổi, bổ sung một số điều của Luật giáo dục',
          'Sửa đổi, bổ sung, bãi bỏ một số điều của Luật giáo dục số 38/2005/QH11 đã được sửa đổi, bổ sung một số điều theo Luật số 44/2009/QH12 như sau:',
          '6. Bãi bỏ',
          'Mục 3 Chương II - Giáo dục nghề nghiệp gồm các Điều 32, 33, 34, 35, 36 và 37; bãi bỏ khoản 5 Điều 30, khoản 1 Điều 38.',
        ].join('\n'),
      ),
      directory,
    );
    expect(relations.map((r) => [r.kind, r.targetNumber, r.affectedPart])).toEqual([
      ['amends', '38/2005/QH11', null],
      ['amends', '38/2005/QH11', null],
      [
        'annuls',
        '38/2005/QH11',
        'Mục 3 Chương II - Giáo dục nghề nghiệp gồm các Điều 32, 33, 34, 35, 36 và 37; khoản 5 Điều 30, khoản 1 Điều 38',
      ],
    ]);
    expect(notes).toEqual([
      expect.objectContaining({ kind: 'repair', message: expect.stringContaining('took 38/2005/QH11') }),
    ]);
  });

  it('keeps an exception that leaves provisions in force for good as a partial expiry (62/2014/QH13)', () => {
    const { relations } = extractDocumentRelations(
      law(
        '62/2014/QH13',
        'Luật tổ chức Tòa án nhân dân',
        '2015-06-01',
        '4. Pháp lệnh tổ chức Tòa án quân sự số 04/2002/PL-UBTVQH11 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành, trừ các quy định tại các điều 3, 4, 5, khoản 1 Điều 26, khoản 2 Điều 29 tiếp tục có hiệu lực thi hành cho đến khi bị hủy bỏ.',
      ),
      directory,
    );
    expect(relations).toEqual([
      expect.objectContaining({
        kind: 'annuls',
        targetNumber: '04/2002/PL-UBTVQH11',
        partial: true,
        affectedPart: null,
        note: 'trừ các quy định tại các điều 3, 4, 5, khoản 1 Điều 26, khoản 2 Điều 29 tiếp tục có hiệu lực thi hành cho đến khi bị hủy bỏ',
      }),
    ]);
  });

  it('reports an act it cannot number instead of recording it (12/2012/QH13)', () => {
    const { relations, notes } = extractDocumentRelations(
      law(
        '12/2012/QH13',
        'Luật Công đoàn',
        '2013-01-01',
        'Luật Công đoàn năm 1990 hết hiệu lực kể từ ngày Luật này có hiệu lực.',
      ),
      directory,
    );
    expect(relations).toEqual([]);
    expect(notes).toEqual([
      {
        kind: 'unreadable',
        excerpt: 'Luật Công đoàn năm 1990 hết hiệu lực kể từ ngày Luật này có hiệu lực.',
        message: expect.stringContaining('"Luật Công đoàn năm 1990" is named by date or year only'),
      },
    ]);
  });

  it('notes the general repeal clause of old laws, which names no act (24/2000/QH10)', () => {
    const { relations, notes } = extractDocumentRelations(
      law(
        '24/2000/QH10',
        'Luật kinh doanh bảo hiểm',
        '2001-04-01',
        'Những quy định trước đây trái với Luật này đều bãi bỏ.',
      ),
      directory,
    );
    expect(relations).toEqual([]);
    expect(notes).toEqual([expect.objectContaining({ kind: 'general-repeal' })]);
  });

  // Not in the corpus, which always ties expiry to the law's entry into force; constructed from
  // 59/2020/QH14's sentence to show the other form the formula allows.
  it('uses a date the sentence states, and refuses a law naming itself (constructed)', () => {
    const { relations, notes } = extractDocumentRelations(
      law(
        '59/2020/QH14',
        'Luật Doanh nghiệp',
        '2021-01-01',
        [
          '2. Luật Doanh nghiệp số 68/2014/QH13 hết hiệu lực kể từ ngày 01 tháng 7 năm 2021.',
          '3. Luật Doanh nghiệp số 59/2020/QH14 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành.',
        ].join('\n'),
      ),
      directory,
    );
    expect(relations).toEqual([
      expect.objectContaining({ targetNumber: '68/2014/QH13', effectiveDate: '2021-07-01' }),
    ]);
    expect(notes).toEqual([
      expect.objectContaining({ message: 'the statement names the acting document itself' }),
    ]);
  });
});
