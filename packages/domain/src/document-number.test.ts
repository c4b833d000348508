import { DocumentNumberError, DomainError } from './errors.js';
import {
  documentNumberSlug,
  isDocumentNumber,
  normalizeDocumentNumber,
  parseDocumentNumber,
  safeParseDocumentNumber,
} from './document-number.js';

describe('parseDocumentNumber', () => {
  // Real numbers: laws and codes (census-93, laws-207), a decree, a year-less Standing
  // Committee resolution and the Party resolution from resolutions-2025, the scheme's decision.
  it.each([
    ['45/2019/QH14', { ordinal: 45, year: 2019, symbol: 'QH14', normalized: '45/2019/QH14', style: 'state' }],
    ['91/2015/QH13', { ordinal: 91, year: 2015, symbol: 'QH13', normalized: '91/2015/QH13', style: 'state' }],
    [
      '15/2025/NĐ-CP',
      { ordinal: 15, year: 2025, symbol: 'NĐ-CP', normalized: '15/2025/NĐ-CP', style: 'state' },
    ],
    [
      '1654/NQ-UBTVQH15',
      { ordinal: 1654, symbol: 'NQ-UBTVQH15', normalized: '1654/NQ-UBTVQH15', style: 'state' },
    ],
    ['60-NQ/TW', { ordinal: 60, symbol: 'NQ/TW', normalized: '60-NQ/TW', style: 'party' }],
    [
      '01/2025/TT-BTP',
      { ordinal: 1, year: 2025, symbol: 'TT-BTP', normalized: '01/2025/TT-BTP', style: 'state' },
    ],
    [
      '12/2025/NQ-HĐND',
      { ordinal: 12, year: 2025, symbol: 'NQ-HĐND', normalized: '12/2025/NQ-HĐND', style: 'state' },
    ],
    [
      '25/2024/QĐ-UBND',
      { ordinal: 25, year: 2024, symbol: 'QĐ-UBND', normalized: '25/2024/QĐ-UBND', style: 'state' },
    ],
    ['471/QĐ-TTg', { ordinal: 471, symbol: 'QĐ-TTg', normalized: '471/QĐ-TTg', style: 'state' }],
    [
      '39/2025/QĐ-TTg',
      { ordinal: 39, year: 2025, symbol: 'QĐ-TTg', normalized: '39/2025/QĐ-TTg', style: 'state' },
    ],
  ])('reads %s', (input, expected) => {
    expect(parseDocumentNumber(input)).toEqual(expected);
  });

  it.each([
    ['spaces around the separators', ' 45 / 2019 / QH14 ', '45/2019/QH14'],
    ['spaces inside the symbol', '15/2025/NĐ - CP', '15/2025/NĐ-CP'],
    ['lower case, with the Prime Minister’s "TTg" restored', '471/qđ-ttg', '471/QĐ-TTg'],
    ['an en dash from a PDF', '15/2025/NĐ–CP', '15/2025/NĐ-CP'],
    ['a "Số:" prefix', 'Số: 45/2019/QH14', '45/2019/QH14'],
    [
      'a decomposed (NFD) "Số ký hiệu" prefix',
      'Số ký hiệu 1654/NQ-UBTVQH15'.normalize('NFD'),
      '1654/NQ-UBTVQH15',
    ],
    ['a non-breaking space', '60-NQ/\u00a0TW', '60-NQ/TW'],
  ])('tolerates %s', (_label, input, normalized) => {
    expect(normalizeDocumentNumber(input)).toBe(normalized);
  });

  it.each([
    ['empty', ''],
    ['empty', '   '],
    ['format', 'Luật Đất đai'],
    ['format', '45/2019'],
    ['format', '45//QH14'],
    ['format', '45/2019/QH14/'],
    ['format', 'QH14/2019/45'],
    ['format', '45/19/QH14'],
    ['ordinal', '0/2019/QH14'],
    ['year', '45/1900/QH14'],
    ['year', '45/2100/QH14'],
    ['too_long', `1/2025/${'A'.repeat(80)}`],
  ] as const)('refuses a number with problem "%s": %j', (problem, input) => {
    const result = safeParseDocumentNumber(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(DocumentNumberError);
    expect(result.error).toBeInstanceOf(DomainError);
    expect(result.error.name).toBe('DocumentNumberError');
    expect(result.error.problem).toBe(problem);
    expect(result.error.input).toBe(input);
  });

  it('explains a malformed number in Vietnamese with an example', () => {
    expect(() => parseDocumentNumber('45-2019-QH14')).toThrow(
      'Số ký hiệu "45-2019-QH14" không đúng định dạng, ví dụ: 45/2019/QH14',
    );
    expect(() => parseDocumentNumber('')).toThrow('Số ký hiệu là bắt buộc.');
    expect(() => parseDocumentNumber('45/1900/QH14')).toThrow(/Năm 1900 .* phải từ 1945 đến 2099/);
  });

  it('answers yes or no without throwing', () => {
    expect(isDocumentNumber('45/2019/QH14')).toBe(true);
    expect(isDocumentNumber('N/A')).toBe(false);
  });
});

describe('documentNumberSlug', () => {
  it.each([
    ['45/2019/QH14', '45-2019-qh14'],
    ['15/2025/NĐ-CP', '15-2025-nd-cp'],
    ['1654/NQ-UBTVQH15', '1654-nq-ubtvqh15'],
    ['60-NQ/TW', '60-nq-tw'],
    ['471/QĐ-TTg', '471-qd-ttg'],
    [' 01 / 2025 / tt-btp ', '01-2025-tt-btp'],
  ])('turns %s into %s', (input, slug) => {
    expect(documentNumberSlug(input)).toBe(slug);
  });

  it('refuses a number it cannot read rather than invent a URL', () => {
    expect(() => documentNumberSlug('N/A')).toThrow(DocumentNumberError);
  });
});
