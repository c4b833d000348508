// Real sentences quoted from the laws corpus (legal-docs/laws-207), each with the law it is from.
import { isUnreadable, readStatement, type Statement } from './patterns.js';

type Expected = Pick<Statement, 'pattern' | 'subject'> & Partial<Statement>;

describe('readStatement recognises the formulas by which a law acts on other acts', () => {
  const statements: [string, string, boolean, Expected][] = [
    [
      '59/2020/QH14',
      '2. Luật Doanh nghiệp số 68/2014/QH13 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành.',
      false,
      {
        pattern: 'expiry',
        subject: 'Luật Doanh nghiệp số 68/2014/QH13',
        from: { kind: 'acting' },
        exception: null,
        listFollows: false,
      },
    ],
    [
      '45/2019/QH14',
      'Bộ luật Lao động số 10/2012/QH13 hết hiệu lực thi hành kể từ ngày Bộ luật này có hiệu lực.',
      false,
      { pattern: 'expiry', subject: 'Bộ luật Lao động số 10/2012/QH13', from: { kind: 'acting' } },
    ],
    [
      '08/2022/QH15',
      '3. Luật Kinh doanh bảo hiểm số 24/2000/QH10 đã được sửa đổi, bổ sung một số điều theo Luật số 61/2010/QH12 và Luật số 42/2019/QH14 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành, trừ trường hợp sau đây:',
      false,
      {
        pattern: 'expiry',
        subject:
          'Luật Kinh doanh bảo hiểm số 24/2000/QH10 đã được sửa đổi, bổ sung một số điều theo Luật số 61/2010/QH12 và Luật số 42/2019/QH14',
        exception: 'trừ trường hợp sau đây',
      },
    ],
    [
      '05/2017/QH14',
      '2. Các pháp lệnh sau đây hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành, trừ trường hợp quy định tại Điều 113 của Luật này:',
      false,
      {
        pattern: 'expiry',
        subject: 'Các pháp lệnh sau đây',
        listFollows: true,
        exception: 'trừ trường hợp quy định tại Điều 113 của Luật này',
      },
    ],
    [
      '49/2005/QH11',
      '2. Pháp lệnh thương phiếu ngày 24 tháng 12 năm 1999 và các văn bản quy phạm pháp luật khác về thương phiếu và séc hết hiệu lực từ ngày Luật này có hiệu lực.',
      false,
      {
        pattern: 'expiry',
        subject:
          'Pháp lệnh thương phiếu ngày 24 tháng 12 năm 1999 và các văn bản quy phạm pháp luật khác về thương phiếu và séc',
      },
    ],
    [
      '19/2012/QH13',
      'Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2013 và thay thế Luật xuất bản số 30/2004/QH11 đã được sửa đổi, bổ sung một số điều theo Luật số 12/2008/QH12.',
      false,
      {
        pattern: 'replacement',
        subject:
          'Luật xuất bản số 30/2004/QH11 đã được sửa đổi, bổ sung một số điều theo Luật số 12/2008/QH12',
      },
    ],
    [
      '13/2008/QH12',
      '2. Luật này thay thế các luật sau đây:',
      false,
      { pattern: 'replacement', subject: 'các luật sau đây', listFollows: true },
    ],
    [
      '23/2018/QH14',
      '2. Bãi bỏ khoản 6 Điều 19 của Luật Viễn thông số 41/2009/QH12.',
      false,
      { pattern: 'annulment', subject: 'khoản 6 Điều 19 của Luật Viễn thông số 41/2009/QH12' },
    ],
    [
      '61/2020/QH14',
      'e) Bãi bỏ khoản 3 Điều 22 và Điều 171.',
      true,
      { pattern: 'annulment', subject: 'khoản 3 Điều 22 và Điều 171' },
    ],
    [
      '54/2014/QH13',
      '5. Bãi bỏ điểm d khoản 3 Điều 77; bỏ cụm từ “và điểm d” tại điểm a khoản 1 Điều 78; bỏ cụm từ “…” tại điểm a khoản 2 Điều 107.',
      true,
      { pattern: 'annulment', subject: 'điểm d khoản 3 Điều 77' },
    ],
    [
      '27/2008/QH12',
      '2. Bãi bỏ các quy định tại Luật thuế tiêu thụ đặc biệt số 05/1998/QH10; Luật sửa đổi, bổ sung một số điều của Luật thuế tiêu thụ đặc biệt số 08/2003/QH11; Điều 1 của Luật sửa đổi, bổ sung một số điều của Luật thuế tiêu thụ đặc biệt và Luật thuế giá trị gia tăng số 57/2005/QH11, trừ các quy định đối với mặt hàng rượu và bia tiếp tục có hiệu lực thi hành đến hết ngày 31 tháng 12 năm 2009.',
      false,
      {
        pattern: 'annulment',
        subject:
          'các quy định tại Luật thuế tiêu thụ đặc biệt số 05/1998/QH10; Luật sửa đổi, bổ sung một số điều của Luật thuế tiêu thụ đặc biệt số 08/2003/QH11; Điều 1 của Luật sửa đổi, bổ sung một số điều của Luật thuế tiêu thụ đặc biệt và Luật thuế giá trị gia tăng số 57/2005/QH11',
        exception:
          'trừ các quy định đối với mặt hàng rượu và bia tiếp tục có hiệu lực thi hành đến hết ngày 31 tháng 12 năm 2009',
      },
    ],
    [
      '45/2019/QH14',
      '1. Sửa đổi, bổ sung một số điều của Luật Bảo hiểm xã hội số 58/2014/QH13 đã được sửa đổi, bổ sung theo Luật số 84/2015/QH13 và Luật số 35/2018/QH14:',
      false,
      {
        pattern: 'amendment',
        subject:
          'một số điều của Luật Bảo hiểm xã hội số 58/2014/QH13 đã được sửa đổi, bổ sung theo Luật số 84/2015/QH13 và Luật số 35/2018/QH14',
      },
    ],
    [
      '08/2017/QH14',
      'Sửa đổi, bổ sung khoản 1 Điều 73 của Luật Tài nguyên nước số 17/2012/QH13 như sau:',
      false,
      { pattern: 'amendment', subject: 'khoản 1 Điều 73 của Luật Tài nguyên nước số 17/2012/QH13' },
    ],
  ];

  it.each(statements)('%s: %s', (_law, sentence, inAmendment, expected) => {
    const statement = readStatement(sentence, inAmendment);
    expect(statement).toMatchObject(expected);
  });
});

describe('readStatement leaves alone what only looks like a relation', () => {
  const sentences: [string, string][] = [
    // A licence, a court decision, a plan: not acts.
    [
      '45/2019/QH14',
      'Giấy phép lao động hết hiệu lực đối với người lao động là người nước ngoài làm việc tại Việt Nam theo quy định tại Điều 156 của Bộ luật này.',
    ],
    [
      '92/2015/QH13',
      'Quyết định tạm đình chỉ giải quyết vụ án dân sự hết hiệu lực kể từ ngày ban hành quyết định tiếp tục giải quyết vụ án dân sự.',
    ],
    [
      '21/2017/QH14',
      'd) Các quy hoạch về đầu tư phát triển hàng hóa, dịch vụ, sản phẩm cụ thể … đã được quyết định hoặc phê duyệt hết hiệu lực chậm nhất là ngày 31 tháng 12 năm 2018.',
    ],
    // A power of an organ, not an annulment by this law.
    ['57/2014/QH13', 'Bãi bỏ văn bản trái với Hiến pháp, luật, nghị quyết của Quốc hội'],
    // Amending a contract, or the acting law's own article inside an amendment: no other act named.
    ['45/2019/QH14', 'Sửa đổi, bổ sung hợp đồng lao động'],
    ['45/2019/QH14', 'a) Sửa đổi, bổ sung Điều 54 như sau:'],
    [
      '18/2017/QH14',
      'Các quy chuẩn kỹ thuật quốc gia, định mức kinh tế - kỹ thuật đã được ban hành trước ngày Luật này có hiệu lực thì tiếp tục được áp dụng cho đến khi bị bãi bỏ hoặc thay thế.',
    ],
  ];

  it.each(sentences)('%s: %s', (_law, sentence) => {
    expect(readStatement(sentence, false)).toBeNull();
  });

  it('does not take "Bãi bỏ <provisions>" outside an amendment as an annulment of an unknown act', () => {
    const statement = readStatement('e) Bãi bỏ khoản 3 Điều 22 và Điều 171.', false);
    expect(statement !== null && isUnreadable(statement)).toBe(true);
  });
});

describe('readStatement reports a formula it cannot finish reading', () => {
  it('flags a replacement by "Luật này" that fits no formula (30/2009/QH12)', () => {
    const statement = readStatement(
      '2. Kể từ ngày Luật này có hiệu lực, các quy định của Luật xây dựng về quy hoạch xây dựng các đô thị và các khu vực trong đô thị được thay thế bằng các quy định của Luật này.',
      false,
    );
    expect(statement).toMatchObject({ pattern: 'unknown', reason: expect.stringContaining('thay thế') });
  });
});
