import fs from 'node:fs';
import path from 'node:path';
import {
  allowlistProblems,
  auditUnavailable,
  judgeAudit,
  parseAuditReport,
  type AllowlistEntry,
} from './audit.js';

const report = fs.readFileSync(path.join(__dirname, 'fixtures', 'pnpm-audit', 'two-advisories.json'), 'utf8');

const accepted = (over: Partial<AllowlistEntry> = {}): AllowlistEntry => ({
  id: 'GHSA-aaaa-bbbb-0001',
  package: 'fixture-parser',
  reason: 'Only reached by the admin panel build, never with citizens’ input.',
  reviewedBy: 'ops@pbgdpl.test',
  reviewedOn: '2026-12-01',
  expires: '2027-03-01',
  ...over,
});

test('a pnpm audit report gives each advisory with its GHSA id (from the field or the URL) and its paths', () => {
  expect(parseAuditReport(report)).toEqual([
    {
      id: 'GHSA-aaaa-bbbb-0001',
      package: 'fixture-parser',
      severity: 'high',
      title: 'Fixture: prototype pollution in the parser',
      url: 'https://github.com/advisories/GHSA-aaaa-bbbb-0001',
      vulnerableVersions: '<2.0.1',
      paths: ['cms>@strapi/strapi>fixture-parser', 'cms>@strapi/utils>fixture-parser'],
    },
    expect.objectContaining({ id: 'GHSA-cccc-dddd-0002', package: 'fixture-mailer' }),
  ]);
  expect(() => parseAuditReport('{"error":"x"}')).toThrow('Not a pnpm audit report');
});

test('an advisory not in the allowlist fails; an allowed one passes with its reason; a gone one is stale', () => {
  const verdict = judgeAudit(
    parseAuditReport(report),
    { advisories: [accepted(), accepted({ id: 'GHSA-eeee-ffff-0003', package: 'old' })] },
    '2026-12-08',
  );
  expect(verdict.accepted.map((a) => a.advisory.id)).toEqual(['GHSA-aaaa-bbbb-0001']);
  expect(verdict.unaccepted).toEqual([
    { advisory: expect.objectContaining({ id: 'GHSA-cccc-dddd-0002' }), why: 'new: not in the allowlist' },
  ]);
  expect(verdict.stale.map((e) => e.id)).toEqual(['GHSA-eeee-ffff-0003']);
});

test('an expired acceptance or one for another package fails like a new advisory', () => {
  const advisories = parseAuditReport(report).slice(0, 1);
  expect(
    judgeAudit(advisories, { advisories: [accepted({ expires: '2026-12-07' })] }, '2026-12-08').unaccepted[0]!
      .why,
  ).toMatch(/expired on 2026-12-07/);
  expect(
    judgeAudit(advisories, { advisories: [accepted({ package: 'other' })] }, '2026-12-08').unaccepted[0]!.why,
  ).toMatch(/names it for other/);
});

test('the allowlist must give each entry a real reason, a reviewer and a review of at most a year', () => {
  expect(allowlistProblems({ advisories: [accepted()] })).toEqual([]);
  expect(
    allowlistProblems({
      advisories: [
        accepted({ reason: 'ok' }),
        accepted({ id: 'GHSA-2', reviewedBy: '', expires: '2028-01-01' }),
        accepted({ id: 'GHSA-2' }),
      ],
    }),
  ).toEqual([
    'entry 1 (GHSA-aaaa-bbbb-0001): the reason must say why it is acceptable here (30 characters or more)',
    'entry 2 (GHSA-2): no reviewedBy',
    'entry 2 (GHSA-2): expires more than a year after its review',
    'entry 3 (GHSA-2): listed twice',
  ]);
});

test('an audit endpoint that does not answer is "not checked", a finding is not', () => {
  expect(
    auditUnavailable(
      'ERR_PNPM_AUDIT_BAD_RESPONSE  The audit endpoint (at https://registry.example/-/npm/v1/security/advisories/bulk) responded with 405:',
    ),
  ).toBe('the registry’s audit endpoint answered HTTP 405');
  expect(
    auditUnavailable(
      'request to https://registry.example failed, reason: getaddrinfo ENOTFOUND registry.example',
    ),
  ).toBe('the registry could not be reached (ENOTFOUND)');
  expect(auditUnavailable(report)).toBeNull();
});
