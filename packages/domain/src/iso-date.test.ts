import { InvalidDateError } from './errors.js';
import { addDays, formatVietnameseDate, isIsoDate, todayInVietnam, yearOf } from './iso-date.js';

describe('isIsoDate', () => {
  it.each([
    ['2021-01-01', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13-01', false],
    ['2025-1-1', false],
    ['01/01/2021', false],
    ['2021-01-01T00:00:00Z', false],
    [null, false],
    [20210101, false],
  ])('says %j is an ISO date: %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});

describe('todayInVietnam', () => {
  it.each([
    ['2026-11-27T16:59:59.999Z', '2026-11-27'],
    ['2026-11-27T17:00:00.000Z', '2026-11-28'],
    ['2025-12-31T20:00:00.000Z', '2026-01-01'],
  ])('gives the Hanoi calendar day at %s: %s', (instant, day) => {
    expect(todayInVietnam(new Date(instant))).toBe(day);
  });

  it('refuses an invalid Date', () => {
    expect(() => todayInVietnam(new Date('not a date'))).toThrow(InvalidDateError);
  });
});

describe('date arithmetic and display', () => {
  it('moves across month, year and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2021-01-01', -1)).toBe('2020-12-31');
    expect(addDays('2021-03-31', -89)).toBe('2021-01-01');
  });

  it('writes dates the Vietnamese way and reads the year', () => {
    expect(formatVietnameseDate('2021-01-01')).toBe('01/01/2021');
    expect(yearOf('2019-11-20')).toBe(2019);
  });

  it('names the bad value when a date is malformed', () => {
    expect(() => addDays('2021/01/01', 1)).toThrow(
      `date must be an ISO date 'YYYY-MM-DD' (a real calendar day), got "2021/01/01".`,
    );
  });
});
