import { EDITORIAL_SLUG_MAX_LENGTH, EDITORIAL_SLUG_PATTERN, editorialSlug, firstFreeSlug } from './slug.js';

describe('editorialSlug', () => {
  it.each([
    ['Luật Đất đai 2024: những điểm mới', 'luat-dat-dai-2024-nhung-diem-moi'],
    ['ĐỐI THOẠI về đất đai', 'doi-thoai-ve-dat-dai'],
    ['Hỏi đáp   pháp luật — lao động', 'hoi-dap-phap-luat-lao-dong'],
    ['Bộ luật Lao động'.normalize('NFD'), 'bo-luat-lao-dong'],
    ['!!!', ''],
  ])('%j → %j', (title, slug) => {
    expect(editorialSlug(title)).toBe(slug);
  });

  it('cuts a long title at a word boundary within the field length', () => {
    const slug = editorialSlug('Quy định chi tiết '.repeat(30));
    expect(slug.length).toBeLessThanOrEqual(EDITORIAL_SLUG_MAX_LENGTH);
    expect(slug).toMatch(EDITORIAL_SLUG_PATTERN);
    expect(slug.endsWith('-')).toBe(false);
  });
});

describe('firstFreeSlug', () => {
  it('keeps the base when it is free', () => {
    expect(firstFreeSlug('hoi-dap', () => false)).toBe('hoi-dap');
  });

  it('numbers the slug from 2 when the base is taken', () => {
    const taken = new Set(['hoi-dap', 'hoi-dap-2']);
    expect(firstFreeSlug('hoi-dap', (s) => taken.has(s))).toBe('hoi-dap-3');
  });

  it('keeps a numbered long slug within the field length', () => {
    const base = editorialSlug('Quy định chi tiết '.repeat(30));
    const slug = firstFreeSlug(base, (s) => s === base);
    expect(slug.length).toBeLessThanOrEqual(EDITORIAL_SLUG_MAX_LENGTH);
    expect(slug).toMatch(/-2$/);
    expect(slug).toMatch(EDITORIAL_SLUG_PATTERN);
  });

  it('refuses an empty base', () => {
    expect(() => firstFreeSlug('', () => false)).toThrow(RangeError);
  });
});
