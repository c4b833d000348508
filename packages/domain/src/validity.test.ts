import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidDateError } from './errors.js';
import type { ValidityBasis, ValidityStatus } from './validity-status.js';
import {
  computeValidity,
  type DeclaredValidity,
  type IncomingRelation,
  type ValidityInput,
} from './validity.js';

interface ValidityFixture {
  scenario: string;
  document: {
    number: string;
    issuedDate: string;
    effectiveFrom: string | null;
    effectiveTo: string | null;
    declared: DeclaredValidity | null;
  };
  relations: IncomingRelation[];
  checks: { asOf: string; status: ValidityStatus; basis: ValidityBasis }[];
}

const FIXTURES = join(__dirname, 'fixtures', 'legal-document');

function fixture(name: string): ValidityFixture {
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as ValidityFixture;
}

function inputOf(f: ValidityFixture): ValidityInput {
  const { issuedDate, effectiveFrom, effectiveTo, declared } = f.document;
  return { issuedDate, effectiveFrom, effectiveTo, declared, relations: f.relations };
}

const allChecks = readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.json'))
  .flatMap((file) => {
    const f = fixture(file.replace(/\.json$/, ''));
    return f.checks.map((check) => [f.document.number, check.asOf, check.status, check.basis, f] as const);
  });

describe('computeValidity on real documents', () => {
  it.each(allChecks)('gives %s on %s the status %s (basis %s)', (_number, asOf, status, basis, f) => {
    const result = computeValidity(inputOf(f), asOf);
    expect({ status: result.status, basis: result.basis }).toEqual({ status, basis });
  });

  it('records the 2012 Labour Code entering into force and being replaced by the 2019 one', () => {
    const result = computeValidity(inputOf(fixture('replaced-by-newer')), '2026-11-28');
    expect(result.history).toEqual([
      { date: '2013-05-01', status: 'in_force', cause: 'entry_into_force' },
      {
        date: '2021-01-01',
        status: 'expired',
        cause: 'relation',
        kind: 'replaces',
        sourceNumber: '45/2019/QH14',
        partial: false,
      },
    ]);
  });

  it('keeps the affected part of a partial annulment and shows a replacement not yet applied as scheduled', () => {
    const result = computeValidity(inputOf(fixture('partly-expired')), '2025-06-30');
    expect(result.status).toBe('partly_expired');
    expect(result.history.map((e) => [e.date, e.status, e.kind ?? e.cause, e.scheduled ?? false])).toEqual([
      ['2016-01-01', 'in_force', 'entry_into_force', false],
      ['2016-07-01', 'partly_expired', 'annuls', false],
      ['2025-07-01', 'expired', 'replaces', true],
    ]);
    expect(result.history[1]?.affectedPart).toMatch(/^Mục 3 Chương III, khoản 4 Điều 84/);
  });

  it('does not apply the 2024 Land Law before its brought-forward date, but announces it', () => {
    const result = computeValidity(inputOf(fixture('land-law-replaced')), '2024-07-31');
    expect(result.status).toBe('in_force');
    expect(result.history.at(-1)).toEqual({
      date: '2024-08-01',
      status: 'expired',
      cause: 'relation',
      kind: 'replaces',
      sourceNumber: '31/2024/QH15',
      partial: false,
      scheduled: true,
    });
  });

  it('lists the 2017 amendment of the 2015 Criminal Code without changing its status', () => {
    // census-93: 100/2015/QH13 in force 2018-01-01, "Amended by Law 12/2017/QH14" (same day).
    const result = computeValidity(
      {
        issuedDate: '2015-11-27',
        effectiveFrom: '2018-01-01',
        effectiveTo: null,
        relations: [
          { kind: 'amends', sourceNumber: '12/2017/QH14', effectiveDate: '2018-01-01', partial: true },
        ],
      },
      '2026-11-28',
    );
    expect(result.status).toBe('in_force');
    expect(result.basis).toBe('dates_only');
    expect(result.history.map((e) => [e.cause, e.status])).toEqual([
      ['entry_into_force', 'in_force'],
      ['relation', 'in_force'],
    ]);
  });
});

const BASE: ValidityInput = { issuedDate: '2020-01-01', effectiveFrom: '2020-07-01', effectiveTo: null };
const AS_OF = '2025-01-01';

function relation(
  kind: IncomingRelation['kind'],
  effectiveDate: string | null,
  partial = false,
): IncomingRelation {
  return { kind, sourceNumber: `1/2024/${kind.toUpperCase().replace(/_/g, '')}`, effectiveDate, partial };
}

describe('computeValidity rules', () => {
  it.each<[string, ValidityInput, ValidityStatus, ValidityBasis]>([
    [
      'a whole suspension of validity suspends',
      { ...BASE, relations: [relation('suspends_validity', '2024-01-01')] },
      'suspended',
      'relations',
    ],
    [
      'a partial suspension partly suspends',
      { ...BASE, relations: [relation('suspends_execution', '2024-01-01', true)] },
      'partly_suspended',
      'relations',
    ],
    [
      'a partial replacement partly expires',
      { ...BASE, relations: [relation('replaces', '2024-01-01', true)] },
      'partly_expired',
      'relations',
    ],
    [
      'expiry outranks a suspension',
      { ...BASE, relations: [relation('suspends_validity', '2023-01-01'), relation('annuls', '2024-01-01')] },
      'expired',
      'relations',
    ],
    [
      'a suspension outranks a partial expiry',
      {
        ...BASE,
        relations: [relation('annuls', '2021-01-01', true), relation('suspends_execution', '2024-01-01')],
      },
      'suspended',
      'relations',
    ],
    [
      'a relation explains an expiry that effectiveTo also gives',
      { ...BASE, effectiveTo: '2024-01-01', relations: [relation('replaces', '2024-01-01')] },
      'expired',
      'relations',
    ],
    [
      'an annulment before entry into force expires the document',
      { ...BASE, effectiveFrom: '2026-01-01', relations: [relation('annuls', '2024-06-01')] },
      'expired',
      'relations',
    ],
    [
      'a partial change before entry into force is not counted yet',
      { ...BASE, effectiveFrom: '2026-01-01', relations: [relation('annuls', '2024-06-01', true)] },
      'not_yet_in_force',
      'dates_only',
    ],
    [
      'a relation without a date is taken as already in effect',
      { ...BASE, relations: [relation('annuls', null)] },
      'expired',
      'relations',
    ],
    [
      'citations, applications and translations change nothing',
      {
        ...BASE,
        relations: [
          relation('cites', '2024-01-01'),
          relation('based_on', '2024-01-01'),
          relation('translates', null),
        ],
      },
      'in_force',
      'dates_only',
    ],
    [
      'a missing effectiveFrom falls back to the issued date',
      { ...BASE, issuedDate: '2026-01-01', effectiveFrom: null },
      'not_yet_in_force',
      'dates_only',
    ],
    [
      'a document without any date is treated as in force',
      { effectiveFrom: null, effectiveTo: null },
      'in_force',
      'dates_only',
    ],
  ])('%s', (_label, input, status, basis) => {
    const result = computeValidity(input, AS_OF);
    expect({ status: result.status, basis: result.basis }).toEqual({ status, basis });
  });

  it('leaves citations out of the history and puts undated relations after dated ones, before scheduled ones', () => {
    const input = {
      ...BASE,
      relations: [
        relation('replaces', '2026-01-01'),
        relation('amends', null),
        relation('cites', '2021-01-01'),
        relation('guides', '2021-03-01'),
      ],
    };
    const history = computeValidity(input, AS_OF).history;
    expect(history.map((e) => [e.date, e.kind ?? e.cause, e.status])).toEqual([
      ['2020-07-01', 'entry_into_force', 'in_force'],
      ['2021-03-01', 'guides', 'in_force'],
      [null, 'amends', 'in_force'],
      ['2026-01-01', 'replaces', 'expired'],
    ]);
  });

  it('marks an entry into force taken from the issued date', () => {
    const history = computeValidity(
      { issuedDate: '2020-01-01', effectiveFrom: null, effectiveTo: null },
      AS_OF,
    ).history;
    expect(history).toEqual([
      { date: '2020-01-01', status: 'in_force', cause: 'entry_into_force', assumedFromIssuedDate: true },
    ]);
  });

  it('returns a history that survives a JSON round trip unchanged, as the CMS stores it', () => {
    const cmsRow = {
      ...relation('annuls', '2024-01-01', true),
      sourceDocumentId: null,
      affectedPart: null,
      id: 7,
      note: null,
    };
    const result = computeValidity({ ...BASE, effectiveTo: '2030-01-01', relations: [cmsRow] }, AS_OF);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    expect(result.history[1]).not.toHaveProperty('affectedPart');
  });

  it('carries the acting document id when it is in our database', () => {
    const withId = { ...relation('replaces', '2024-01-01'), sourceDocumentId: 'abc123' };
    expect(computeValidity({ ...BASE, relations: [withId] }, AS_OF).history[1]?.sourceDocumentId).toBe(
      'abc123',
    );
  });
});

describe('computeValidity with a declared status', () => {
  const declared = (status: ValidityStatus, asOf: string | null = '2024-06-01'): DeclaredValidity => ({
    status,
    source: 'vbpl.vn',
    asOf,
  });

  it('uses a declared expiry when nothing in our corpus explains it, and says so', () => {
    const result = computeValidity({ ...BASE, declared: declared('expired') }, AS_OF);
    expect(result.status).toBe('expired');
    expect(result.basis).toBe('declared');
    expect(result.history.at(-1)).toEqual({
      date: '2024-06-01',
      status: 'expired',
      cause: 'declared',
      declaredBy: 'vbpl.vn',
    });
  });

  it.each<[string, ValidityInput, ValidityStatus, ValidityBasis]>([
    [
      'ignores a declaration made after asOf',
      { ...BASE, declared: declared('expired', '2025-06-01') },
      'in_force',
      'dates_only',
    ],
    [
      'never lets a declared in_force override the dates',
      { ...BASE, effectiveFrom: '2026-01-01', declared: declared('in_force') },
      'not_yet_in_force',
      'dates_only',
    ],
    [
      'prefers a stronger status from relations',
      { ...BASE, declared: declared('partly_expired'), relations: [relation('replaces', '2024-01-01')] },
      'expired',
      'relations',
    ],
    [
      'prefers relations on a tie',
      { ...BASE, declared: declared('suspended'), relations: [relation('suspends_validity', '2024-01-01')] },
      'suspended',
      'relations',
    ],
    [
      'uses a stronger declaration over weaker relations',
      { ...BASE, declared: declared('expired'), relations: [relation('annuls', '2024-01-01', true)] },
      'expired',
      'declared',
    ],
    [
      'believes a declared not_yet_in_force only when effectiveFrom is missing',
      { ...BASE, effectiveFrom: null, declared: declared('not_yet_in_force') },
      'not_yet_in_force',
      'declared',
    ],
    [
      'applies an undated declaration',
      { ...BASE, declared: declared('partly_suspended', null) },
      'partly_suspended',
      'declared',
    ],
  ])('%s', (_label, input, status, basis) => {
    const result = computeValidity(input, AS_OF);
    expect({ status: result.status, basis: result.basis }).toEqual({ status, basis });
  });

  it('leaves an unused declaration out of the history', () => {
    const result = computeValidity({ ...BASE, declared: declared('in_force') }, AS_OF);
    expect(result.history.map((e) => e.cause)).toEqual(['entry_into_force']);
  });
});

describe('computeValidity input checks', () => {
  it.each<[string, ValidityInput, string, RegExp]>([
    ['asOf', BASE, '2025-1-1', /asOf/],
    ['effectiveFrom', { ...BASE, effectiveFrom: '01/07/2020' }, AS_OF, /effectiveFrom/],
    [
      'a relation date',
      { ...BASE, relations: [relation('amends', '2024-02-30')] },
      AS_OF,
      /relation 1\/2024\/AMENDS effectiveDate/,
    ],
    [
      'a declaration date',
      { ...BASE, declared: { status: 'expired', source: 'x', asOf: 'yesterday' } },
      AS_OF,
      /declared\.asOf/,
    ],
  ])('refuses a malformed %s with an InvalidDateError naming it', (_label, input, asOf, message) => {
    expect(() => computeValidity(input, asOf)).toThrow(InvalidDateError);
    expect(() => computeValidity(input, asOf)).toThrow(message);
  });
});
