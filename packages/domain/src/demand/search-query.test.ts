import { SEARCH_QUERY_MAX_LENGTH, normaliseSearchQuery, type SearchQueryRejection } from './search-query.js';

const counted = (input: unknown) => {
  const check = normaliseSearchQuery(input);
  return check.ok ? check.query : `refused: ${check.reason}`;
};

describe('normaliseSearchQuery', () => {
  it('counts decomposed and composed Vietnamese, any case and spacing, as the same query', () => {
    const nfd = '  Đất   ĐAI\tthừa kế '.normalize('NFD');
    expect(counted(nfd)).toBe('đất đai thừa kế');
    expect(counted('đất đai thừa kế')).toBe('đất đai thừa kế');
    expect(counted('Luật\u200b Đất đai')).toBe('luật đất đai');
  });

  it('keeps the queries citizens really type: words, document numbers, years, comparisons', () => {
    for (const query of [
      '45/2019/qh14',
      '15/2020/nđ-cp',
      'nghi dinh 100/2019',
      'luật đất đai 2024',
      'thuế 2019-2025',
      'lương < 5 triệu',
      'điều 5.2 luật hôn nhân',
      'tp.hcm đăng ký kết hôn',
      '01/2021/tt-bca',
    ])
      expect(counted(query)).toBe(query);
  });

  it.each<[string, unknown, SearchQueryRejection]>([
    ['not a string', 42, 'not_text'],
    ['empty', '   ', 'empty'],
    ['only punctuation', '?!…', 'empty'],
    ['too long', 'a'.repeat(SEARCH_QUERY_MAX_LENGTH + 1), 'too_long'],
    ['a NUL byte', 'luật\u0000đất đai', 'control'],
    ['a bidirectional override', 'luật \u202eiad tấđ', 'control'],
    ['a tag', 'luật <script>alert(1)</script>', 'markup'],
    ['an escaped tag', '&lt;img src=x&gt;', 'markup'],
    ['a javascript: address', 'javascript:alert(1)', 'markup'],
    ['an address with a scheme', 'https://example.org/a', 'url'],
    ['an address with www', 'www.thuvienphapluat', 'url'],
    ['a domain name', 'xem tai luatvietnam.vn', 'url'],
    ['an email address', 'nguyen.van.a@gmail', 'email'],
    ['a bare @', 'gửi @ ai', 'email'],
    ['a mobile number in groups', 'gọi 0912 345 678', 'phone'],
    ['a mobile number with dots', '0912.345.678', 'phone'],
    ['a number with +84', '+84 912 345 678', 'phone'],
    ['a 12-digit citizen identity number', 'cccd 001099012345', 'id_number'],
    ['a 9-digit identity card number', 'cmnd 012345678', 'id_number'],
  ])('refuses %s', (_label, input, reason) => {
    const check = normaliseSearchQuery(input);
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.reason).toBe(reason);
      expect(check.message).toMatch(/ghi nhận|trống|chuỗi/);
    }
  });

  it('allows exactly the maximum length, counted in characters, not bytes', () => {
    const query = 'đ'.repeat(SEARCH_QUERY_MAX_LENGTH);
    expect(counted(query)).toBe(query);
  });
});
