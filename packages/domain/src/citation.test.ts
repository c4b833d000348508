import {
  OUTDATED_REASON_MAX_LENGTH,
  checkSurvivesChange,
  citationsRechecked,
  citedNumber,
  mergeOutdatedReasons,
} from './citation.js';

describe('citedNumber', () => {
  it.each([
    [' 45/2019/qh14 ', '45/2019/QH14'],
    ['Số: 15/2025/nđ-cp', '15/2025/NĐ-CP'],
    ['471/QĐ-TTG', '471/QĐ-TTg'],
  ])('stores %j as %j', (typed, stored) => {
    expect(citedNumber(typed)).toBe(stored);
  });

  it('keeps a number it cannot parse as typed (historic numbers are stored as printed)', () => {
    expect(citedNumber(' 76-SL ')).toBe('76-SL');
  });

  it('gives null for an empty number', () => {
    expect(citedNumber('  ')).toBeNull();
    expect(citedNumber(undefined)).toBeNull();
  });
});

describe('citationsRechecked', () => {
  it('holds when the check is on or after every cited change', () => {
    expect(citationsRechecked('2026-11-28', ['2026-11-28', '2021-01-01', null])).toBe(true);
  });

  it('fails when any cited document changed after the check, or there is no check', () => {
    expect(citationsRechecked('2026-11-27', ['2026-11-28', null])).toBe(false);
    expect(citationsRechecked(null, [])).toBe(false);
  });
});

describe('checkSurvivesChange', () => {
  it('keeps an earlier check and drops one dated on or after the change', () => {
    expect(checkSurvivesChange('2025-03-01', '2026-11-28')).toBe(true);
    expect(checkSurvivesChange('2026-11-28', '2026-11-28')).toBe(false);
    expect(checkSurvivesChange(null, '2026-11-28')).toBe(false);
  });
});

describe('mergeOutdatedReasons', () => {
  it('adds a new reason on a line of its own, once', () => {
    const first = mergeOutdatedReasons(null, 'A thay đổi.');
    expect(first).toBe('A thay đổi.');
    const second = mergeOutdatedReasons(first, 'B thay đổi.');
    expect(second).toBe('A thay đổi.\nB thay đổi.');
    expect(mergeOutdatedReasons(second, 'A thay đổi.')).toBe(second);
  });

  it('drops the oldest lines to stay within the field length', () => {
    const long = 'x'.repeat(1500);
    const merged = mergeOutdatedReasons(long, 'y'.repeat(600));
    expect(merged).toBe('y'.repeat(600));
    expect(mergeOutdatedReasons(null, 'z'.repeat(2500))).toHaveLength(OUTDATED_REASON_MAX_LENGTH);
  });
});
