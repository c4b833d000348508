import { DomainError, InvalidDateError } from './errors.js';
import { isNewlyEffective, selectNewlyEffective, sortByEffectiveDesc } from './newly-effective.js';

describe('isNewlyEffective', () => {
  it.each([
    ['on the day it takes effect', '2021-03-31', true],
    ['on the 90th day back', '2021-01-01', true],
    ['one day before the window', '2020-12-31', false],
    ['when it takes effect tomorrow', '2021-04-01', false],
  ])('counts a document %s (%s) as newly effective on 2021-03-31: %s', (_label, effectiveFrom, expected) => {
    expect(isNewlyEffective({ effectiveFrom }, '2021-03-31')).toBe(expected);
  });

  it('uses the window it is given', () => {
    expect(isNewlyEffective({ effectiveFrom: '2021-03-25' }, '2021-03-31', 7)).toBe(true);
    expect(isNewlyEffective({ effectiveFrom: '2021-03-24' }, '2021-03-31', 7)).toBe(false);
    expect(isNewlyEffective({ effectiveFrom: '2021-03-31' }, '2021-03-31', 1)).toBe(true);
  });

  it.each([
    ['without an effective date', { effectiveFrom: null }, false],
    ['already expired', { effectiveFrom: '2021-03-01', validityStatus: 'expired' as const }, false],
    ['suspended', { effectiveFrom: '2021-03-01', validityStatus: 'suspended' as const }, false],
    ['partly expired', { effectiveFrom: '2021-03-01', validityStatus: 'partly_expired' as const }, true],
    [
      'still stored as not yet in force on its first day',
      { effectiveFrom: '2021-03-31', validityStatus: 'not_yet_in_force' as const },
      true,
    ],
  ])('decides for a document %s', (_label, doc, expected) => {
    expect(isNewlyEffective(doc, '2021-03-31')).toBe(expected);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a window of %s days', (windowDays) => {
    expect(() => isNewlyEffective({ effectiveFrom: '2021-03-01' }, '2021-03-31', windowDays)).toThrow(
      DomainError,
    );
  });

  it('refuses a malformed asOf', () => {
    expect(() => isNewlyEffective({ effectiveFrom: '2021-03-01' }, '31/03/2021')).toThrow(InvalidDateError);
  });
});

describe('sortByEffectiveDesc', () => {
  it('puts the latest first, breaks ties by issued date then number, and leaves undated documents last', () => {
    const docs = [
      { number: 'undated', effectiveFrom: null },
      { number: '45/2019/QH14', effectiveFrom: '2021-01-01', issuedDate: '2019-11-20' },
      { number: '59/2020/QH14', effectiveFrom: '2021-01-01', issuedDate: '2020-06-17' },
      { number: '61/2020/QH14', effectiveFrom: '2021-01-01', issuedDate: '2020-06-17' },
      { number: '31/2024/QH15', effectiveFrom: '2024-08-01', issuedDate: '2024-01-18' },
    ];
    expect(sortByEffectiveDesc(docs).map((d) => d.number)).toEqual([
      '31/2024/QH15',
      '59/2020/QH14',
      '61/2020/QH14',
      '45/2019/QH14',
      'undated',
    ]);
    expect(docs[0]?.number).toBe('undated');
  });
});

describe('selectNewlyEffective', () => {
  it('lists the laws that took effect on 1 July 2025 on a page built on 15 August 2025', () => {
    // census-93 dates.
    const laws = [
      { number: '27/2023/QH15', effectiveFrom: '2025-01-01', issuedDate: '2023-11-27' },
      { number: '33/2024/QH15', effectiveFrom: '2025-07-01', issuedDate: '2024-06-21' },
      { number: '62/2024/QH15', effectiveFrom: '2025-07-01', issuedDate: '2024-12-06' },
      { number: '91/2025/QH15', effectiveFrom: '2026-01-01', issuedDate: '2025-06-26' },
    ];
    expect(selectNewlyEffective(laws, '2025-08-15').map((d) => d.number)).toEqual([
      '62/2024/QH15',
      '33/2024/QH15',
    ]);
  });
});
