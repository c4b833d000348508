import { cleanText, duplicateKey, titleFromText } from './clean-text.js';

describe('cleanText', () => {
  it('stores decomposed Vietnamese (NFD) in composed form (NFC)', () => {
    const nfd = 'Thủ tục đăng ký kết hôn'.normalize('NFD');
    expect(nfd).not.toBe('Thủ tục đăng ký kết hôn');
    expect(cleanText(nfd).text).toBe('Thủ tục đăng ký kết hôn');
  });

  it('detects and strips tags, scripts with their content, comments and javascript: addresses', () => {
    const result = cleanText('Xin hỏi <b>thủ tục</b><script>alert(1)</script> ly hôn<!-- x -->?');
    expect(result).toEqual({ text: 'Xin hỏi thủ tục ly hôn ?', hadMarkup: true });
    expect(cleanText('<img src=x onerror=alert(1)>').hadMarkup).toBe(true);
    expect(cleanText('xem javascript:alert(1)').hadMarkup).toBe(true);
    expect(cleanText('&lt;script&gt;alert(1)').hadMarkup).toBe(true);
  });

  it('keeps comparisons and emoticons that look a little like tags', () => {
    expect(cleanText('Nếu lương < 5 triệu và > 3 triệu <3')).toEqual({
      text: 'Nếu lương < 5 triệu và > 3 triệu <3',
      hadMarkup: false,
    });
  });

  it('removes control and invisible characters and tidies whitespace', () => {
    expect(cleanText('a\u0000b\u200bc\u202ed\tvà   e').text).toBe('abcd và e');
    expect(cleanText('  dòng 1  \r\n\r\n\r\n\r\n dòng 2 ', { multiline: true }).text).toBe(
      'dòng 1\n\ndòng 2',
    );
    expect(cleanText('dòng 1\ndòng 2').text).toBe('dòng 1 dòng 2');
  });

  it('treats anything but text as empty', () => {
    expect(cleanText(undefined)).toEqual({ text: '', hadMarkup: false });
    expect(cleanText({ a: 1 })).toEqual({ text: '', hadMarkup: false });
  });
});

describe('duplicateKey', () => {
  it('ignores case, punctuation, spacing and Unicode form', () => {
    const a = duplicateKey('Thủ tục ly hôn thế nào?');
    expect(duplicateKey('  THỦ TỤC ly hôn,  thế nào ! '.normalize('NFD'))).toBe(a);
    expect(duplicateKey('Thủ tục kết hôn thế nào?')).not.toBe(a);
  });
});

describe('titleFromText', () => {
  it('takes the first sentence when it is long enough', () => {
    expect(titleFromText('Tôi muốn hỏi về thủ tục ly hôn? Vợ chồng tôi có hai con.')).toBe(
      'Tôi muốn hỏi về thủ tục ly hôn?',
    );
  });

  it('cuts a long question at a word, with an ellipsis', () => {
    const long = 'Xin hỏi '.concat('quyền sử dụng đất nông nghiệp '.repeat(10));
    const title = titleFromText(long, 60);
    expect(title.length).toBeLessThanOrEqual(60);
    expect(title.endsWith('…')).toBe(true);
    expect(title).not.toMatch(/\s…$/);
  });
});
