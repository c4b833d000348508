import { classifyLicence, formatLicenceReport, licenceReport } from './licences.js';

test.each([
  ['MIT', 'permissive'],
  ['(MIT OR GPL-3.0-or-later)', 'permissive'],
  ['(MPL-2.0 OR Apache-2.0)', 'permissive'],
  ['(MIT AND Zlib)', 'permissive'],
  ['MPL-2.0', 'weak-copyleft'],
  ['LGPL-3.0-only', 'weak-copyleft'],
  ['GPL-2.0-only', 'strong-copyleft'],
  ['AGPL-3.0-or-later', 'strong-copyleft'],
  ['(MIT AND GPL-3.0-only)', 'strong-copyleft'],
  ['CC-BY-4.0', 'notice'],
  ['Apache-2.0 WITH LLVM-exception', 'permissive'],
  ['Unknown', 'unknown'],
  ['SEE LICENSE IN LICENSE', 'unknown'],
  ['Strapi Enterprise', 'unknown'],
])('%s is %s', (expression, category) => {
  expect(classifyLicence(expression)).toBe(category);
});

test('the report counts packages per licence and lists only those needing attention, the most demanding first', () => {
  const report = licenceReport(
    {
      MIT: [
        { name: 'a', versions: ['1.0.0'] },
        { name: 'b', versions: ['2.0.0'] },
      ],
      'MPL-2.0': [{ name: 'lightningcss', versions: ['1.33.0'] }],
      Unknown: [{ name: '@strapi/review-workflows', versions: ['5.54.0'], homepage: 'https://strapi.io' }],
    },
    (pkg) => (pkg.name === '@strapi/review-workflows' ? 'Enterprise License' : null),
  );
  expect(report.packages).toBe(4);
  expect(report.byLicence.map((l) => [l.licence, l.packages])).toEqual([
    ['MIT', 2],
    ['MPL-2.0', 1],
    ['Unknown', 1],
  ]);
  expect(report.attention.map((p) => [p.name, p.category])).toEqual([
    ['@strapi/review-workflows', 'unknown'],
    ['lightningcss', 'weak-copyleft'],
  ]);
  const text = formatLicenceReport(report, '2026-12-08');
  expect(text).toContain(
    '| lightningcss | 1.33.0 | MPL-2.0 | file-level copyleft: changes to its files must be published under the same licence |',
  );
  expect(text).toContain('| @strapi/review-workflows | 5.54.0 | Unknown (its file: “Enterprise License”) |');
});
