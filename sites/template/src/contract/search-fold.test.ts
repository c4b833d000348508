import { foldForSearch, foldedExtras, foldedPairs, numberKey } from './search-fold.js';
import { foldQuery, numberKey as clientNumberKey, excerptHtml, looksLikeNumber } from '../client/search.js';

const SAMPLES = [
  'Đất đai',
  'Nghị định 15/2020/NĐ-CP',
  'HIỆU LỰC',
  'Điều 12a. Quyền',
  'nghi dinh'.normalize('NFD'),
  'Ủy ban',
];

describe('folding for search', () => {
  it.each(SAMPLES)('folds “%s” the same in the index and in the search page', (text) => {
    expect(foldQuery(text)).toBe(foldForSearch(text));
    expect(clientNumberKey(text)).toBe(numberKey(text));
  });

  it('turns đ into d, drops every mark and lowers the case', () => {
    expect(foldForSearch('Luật Đất đai, Nghị định')).toBe('luat dat dai, nghi dinh');
  });

  it('keeps a folded copy only of the words Pagefind cannot fold itself, and the pairs around them', () => {
    expect(foldedExtras('Luật Đất đai về đất đai và hiệu lực')).toEqual(['dat', 'dai']);
    expect(foldedPairs('Chính phủ ban hành Nghị định 15/2020/NĐ-CP')).toEqual(['nghidinh']);
  });

  it('compares document numbers whatever their separators, case and đ', () => {
    expect(numberKey('15/2020/NĐ-CP')).toBe(numberKey('15-2020-nd-cp'));
    expect(looksLikeNumber('45/2019/QH14')).toBe(true);
    expect(looksLikeNumber('45-2019-qh14')).toBe(true);
    expect(looksLikeNumber('nghi dinh')).toBe(false);
  });
});

describe('excerpts on the search page', () => {
  it('are cut from the text before the folded copies, around the words together, marked as printed', () => {
    const html = excerptHtml(
      'Quy định chung. Chính phủ ban hành Nghị định hướng dẫn. ⁂ nghi dinh nghidinh',
      ['nghi', 'dinh'],
      60,
    );
    expect(html).toContain('<mark>Nghị</mark> <mark>định</mark>');
    expect(html).not.toContain('⁂');
  });

  it('escape the text', () => {
    expect(excerptHtml('a <b>đất</b>', ['dat'])).toBe('a &lt;b&gt;<mark>đất</mark>&lt;/b&gt;');
  });
});
