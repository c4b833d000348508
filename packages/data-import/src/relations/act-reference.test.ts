// Subjects of real statements from the laws corpus, with the law each is quoted from.
import { readActList, subjectKey, type ActReference } from './act-reference.js';

const acts = (subject: string): (ActReference | null)[] => readActList(subject).map((item) => item.act);

describe('readActList reads the acts a statement names', () => {
  it('takes the first act and leaves its amendment history out of the targets (08/2022/QH15)', () => {
    expect(
      acts(
        'Luật Kinh doanh bảo hiểm số 24/2000/QH10 đã được sửa đổi, bổ sung một số điều theo Luật số 61/2010/QH12 và Luật số 42/2019/QH14',
      ),
    ).toEqual([
      {
        part: null,
        title: 'Luật Kinh doanh bảo hiểm',
        number: '24/2000/QH10',
        year: null,
        history: 'đã được sửa đổi, bổ sung một số điều theo Luật số 61/2010/QH12 và Luật số 42/2019/QH14',
      },
    ]);
  });

  it('keeps an act with a description after the history as a further act (65/2014/QH13)', () => {
    const [house, resolution] = acts(
      'Luật nhà ở số 56/2005/QH11 đã được sửa đổi, bổ sung một số điều theo Luật số 34/2009/QH12 và Luật số 38/2009/QH12, Nghị quyết số 19/2008/QH12 của Quốc hội về thí điểm cho tổ chức, cá nhân nước ngoài mua và sở hữu nhà ở tại Việt Nam',
    );
    expect(house).toMatchObject({ number: '56/2005/QH11', title: 'Luật nhà ở' });
    expect(resolution).toMatchObject({
      number: '19/2008/QH12',
      title:
        'Nghị quyết của Quốc hội về thí điểm cho tổ chức, cá nhân nước ngoài mua và sở hữu nhà ở tại Việt Nam',
      history: null,
    });
  });

  it('reads the part of an act concerned (84/2015/QH13)', () => {
    expect(
      acts(
        'Các quy định về bảo hiểm tai nạn lao động, bệnh nghề nghiệp tại Mục 3 Chương III, khoản 4 Điều 84, điểm b khoản 1 và điểm a khoản 2 Điều 86, các điều 104, 105, 106, 107, 116 và 117 của Luật bảo hiểm xã hội số 58/2014/QH13',
      ),
    ).toEqual([
      {
        part: 'Các quy định về bảo hiểm tai nạn lao động, bệnh nghề nghiệp tại Mục 3 Chương III, khoản 4 Điều 84, điểm b khoản 1 và điểm a khoản 2 Điều 86, các điều 104, 105, 106, 107, 116 và 117',
        title: 'Luật bảo hiểm xã hội',
        number: '58/2014/QH13',
        year: null,
        history: null,
      },
    ]);
  });

  it.each([
    // [law, subject, expected numbers (null: named by date or year only)]
    [
      '54/2019/QH14',
      'Luật Chứng khoán số 70/2006/QH11 và Luật số 62/2010/QH12 sửa đổi, bổ sung một số điều của Luật Chứng khoán',
      ['70/2006/QH11', '62/2010/QH12'],
    ],
    [
      '68/2014/QH13',
      'Luật doanh nghiệp số 60/2005/QH11 ngày 29 tháng 11 năm 2005 và Luật sửa đổi, bổ sung Điều 170 của Luật doanh nghiệp số 37/2013/QH13 ngày 20 tháng 6 năm 2013',
      ['60/2005/QH11', '37/2013/QH13'],
    ],
    [
      '52/2010/QH12',
      'Chương VIII gồm các điều từ Điều 67 đến Điều 78 và Điều 105 của Luật hôn nhân và gia đình số 22/2000/QH10',
      ['22/2000/QH10'],
    ],
    [
      '13/2008/QH12',
      'Điều 2 của Luật sửa đổi, bổ sung một số Điều của Luật thuế tiêu thụ đặc biệt và Luật thuế giá trị gia tăng số 57/2005/QH11',
      ['57/2005/QH11'],
    ],
    [
      '45/2013/QH13',
      'Điều 57 của Luật hàng không dân dụng Việt Nam số 66/2006/QH11; Điều 2 của Luật số 34/2009/QH12 sửa đổi, bổ sung Điều 126 của Luật nhà ở và Điều 121 của Luật đất đai; Điều 264 của Luật tố tụng hành chính số 64/2010/QH12',
      ['66/2006/QH11', '34/2009/QH12', '64/2010/QH12'],
    ],
    [
      '78/2015/QH13',
      'Luật nghĩa vụ quân sự ngày 30 tháng 12 năm 1981; Luật sửa đổi, bổ sung một số điều của Luật nghĩa vụ quân sự ngày 22 tháng 6 năm 1994 và Luật sửa đổi, bổ sung một số điều của Luật nghĩa vụ quân sự số 43/2005/QH11 ngày 14 tháng 6 năm 2005',
      [null, null, '43/2005/QH11'],
    ],
    [
      '49/2010/QH12',
      'Các quy định về bưu chính của Pháp lệnh bưu chính, viễn thông số 43/2002/PL- UBTVQH10',
      ['43/2002/PL- UBTVQH10'],
    ],
    [
      '97/2015/QH13',
      'Chương IV-A về thuế môn bài quy định tại Nghị quyết số 200/NQ-TVQH ngày 18 tháng 01 năm 1966 của Ủy ban thường vụ Quốc hội ấn định thuế công thương nghiệp đã được sửa đổi, bổ sung một số điều theo Pháp lệnh số 10-LCT/HĐNN7 sửa đổi một số điều về thuế công thương nghiệp ngày 26 tháng 02 năm 1983 và Pháp lệnh sửa đổi, bổ sung một số điều trong Pháp lệnh, Điều lệ về thuế công thương nghiệp và thuế hàng hóa ngày 03 tháng 3 năm 1989',
      ['200/NQ-TVQH'],
    ],
  ])('%s: splits "%s"', (_law, subject, numbers) => {
    expect(acts(subject).map((act) => act?.number ?? null)).toEqual(numbers);
  });

  it('keeps the year of an act named without number (12/2012/QH13)', () => {
    expect(acts('Luật Công đoàn năm 1990')).toEqual([
      { part: null, title: 'Luật Công đoàn năm 1990', number: null, year: 1990, history: null },
    ]);
  });

  it('returns a bare part, with no act, for an annulment inside an amendment (61/2020/QH14)', () => {
    expect(readActList('khoản 3 Điều 22 và Điều 171')).toEqual([
      { act: null, text: 'khoản 3 Điều 22 và Điều 171' },
    ]);
  });
});

describe('subjectKey tells what an act is about', () => {
  it.each([
    ['Luật Doanh nghiệp', 'Luật Doanh nghiệp số 68/2014/QH13'],
    ['Bộ luật Hàng hải Việt Nam', 'Bộ luật hàng hải Việt Nam năm 2005'],
    ['Luật Thư viện', 'Pháp lệnh Thư viện'],
    ['Luật Lực lượng dự bị động viên', 'Pháp lệnh về lực lượng dự bị động viên ngày 27 tháng 8 năm 1996'],
  ])('"%s" and "%s" are on the same subject', (a, b) => {
    expect(subjectKey(a)).toBe(subjectKey(b));
  });

  it.each([
    ['Luật Lâm nghiệp', 'Luật Bảo vệ và phát triển rừng'],
    ['Luật Chứng khoán', 'Luật sửa đổi, bổ sung một số điều của Luật Chứng khoán'],
    ['Luật Giáo dục', 'Luật Giáo dục đại học'],
  ])('"%s" and "%s" are not', (a, b) => {
    expect(subjectKey(a)).not.toBe(subjectKey(b));
  });
});
