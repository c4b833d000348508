import { assessCoverage, emptyCoverageFacts, type SectionFacts, type SiteCoverageFacts } from './coverage.js';
import { SECTION_CODES, type SectionCode } from './requirements.js';

const AS_OF = '2026-11-28';

function section(overrides: Partial<SectionFacts> = {}): SectionFacts {
  return {
    own: 3,
    shown: 5,
    latestOwnAt: '2026-11-01T03:00:00.000Z',
    latestShownAt: '2026-11-20T03:00:00.000Z',
    ownCiting: 3,
    ownOutdated: 0,
    ...overrides,
  };
}

function completeSite(): SiteCoverageFacts {
  return {
    newlyEffective: { concerning: 4, shown: 4, basis: 'sync' },
    sections: Object.fromEntries(
      SECTION_CODES.map((c) => [c, c === 'TS' || c === 'HD' ? section({ ownCiting: 0 }) : section()]),
    ) as Record<SectionCode, SectionFacts>,
  };
}

const stateOf = (coverage: ReturnType<typeof assessCoverage>, code: string) =>
  coverage.requirements.find((r) => r.code === code)!.state;

describe('the coverage rule', () => {
  it('gives an empty site nothing but C-1 when no new document concerns it', () => {
    const coverage = assessCoverage(emptyCoverageFacts(), AS_OF);
    expect(coverage.total).toBe(7);
    expect(coverage.met).toBe(1);
    expect(stateOf(coverage, 'C-1')).toBe('met');
    for (const code of SECTION_CODES) expect(stateOf(coverage, code)).toBe('missing');
    expect(coverage.score).toBe(14);
    expect(coverage.outdatedShare).toBeNull();
  });

  it('gives an empty site 0 when new documents concern it and its site was never built', () => {
    const facts = emptyCoverageFacts();
    facts.newlyEffective = { concerning: 3, shown: 0, basis: 'sync' };
    const coverage = assessCoverage(facts, AS_OF);
    expect(stateOf(coverage, 'C-1')).toBe('missing');
    expect(coverage.score).toBe(0);
    expect(coverage.met).toBe(0);
  });

  it('gives a complete, fresh site every requirement and 100', () => {
    const coverage = assessCoverage(completeSite(), AS_OF);
    expect(coverage.met).toBe(7);
    expect(coverage.score).toBe(100);
    expect(coverage.requirements.every((r) => r.stateLabel === 'Đạt')).toBe(true);
    expect(coverage.outdatedShare).toBe(0);
  });

  it('halves a section whose latest own item is older than its window, and only past the window', () => {
    const facts = completeSite();
    // C-2's window is 180 days: 2026-05-31 is 181 days before 2026-11-28; 2026-06-01 is 180.
    (facts.sections as Record<SectionCode, SectionFacts>)['C-2'] = section({
      latestOwnAt: '2026-05-31T00:00:00.000Z',
    });
    (facts.sections as Record<SectionCode, SectionFacts>)['C-3'] = section({
      latestOwnAt: '2026-06-01T00:00:00.000Z',
    });
    const coverage = assessCoverage(facts, AS_OF);
    expect(stateOf(coverage, 'C-2')).toBe('stale');
    expect(coverage.requirements.find((r) => r.code === 'C-2')!.note).toContain('181 ngày');
    expect(stateOf(coverage, 'C-3')).toBe('met');
    expect(coverage.score).toBe(93); // 6.5 of 7
    expect(coverage.met).toBe(6);
  });

  it('gives a stale C-1 the share of concerning documents its live release shows', () => {
    const facts = completeSite();
    facts.newlyEffective = { concerning: 4, shown: 1, basis: 'sync' };
    const coverage = assessCoverage(facts, AS_OF);
    const c1 = coverage.requirements.find((r) => r.code === 'C-1')!;
    expect(c1.state).toBe('partial');
    expect(c1.points).toBe(0.25);
    expect(c1.note).toContain('1/4');
    expect(coverage.score).toBe(89); // 6.25 of 7
  });

  it('marks a citing section outdated from half its own items flagged, not below', () => {
    const facts = completeSite();
    const sections = facts.sections as Record<SectionCode, SectionFacts>;
    sections['C-5'] = section({ own: 4, ownCiting: 4, ownOutdated: 2 });
    sections['C-2'] = section({ own: 4, ownCiting: 4, ownOutdated: 1 });
    const coverage = assessCoverage(facts, AS_OF);
    expect(stateOf(coverage, 'C-5')).toBe('outdated');
    expect(stateOf(coverage, 'C-2')).toBe('met');
    // The site's share is over the own citing items of every section: 3 flagged of 4 + 4 + 3 + 3.
    expect(coverage.outdatedShare).toBe(Math.round((3 / 14) * 1000) / 1000);
    expect(coverage.score).toBe(93);
  });

  it('gives half to a section the site shows only through national or provincial items', () => {
    const facts = completeSite();
    (facts.sections as Record<SectionCode, SectionFacts>)['C-4'] = section({
      own: 0,
      shown: 2,
      latestOwnAt: null,
      ownCiting: 0,
    });
    const coverage = assessCoverage(facts, AS_OF);
    expect(stateOf(coverage, 'C-4')).toBe('inherited');
    expect(coverage.met).toBe(6);
  });

  it('refuses a date that is not one', () => {
    expect(() => assessCoverage(completeSite(), 'hôm nay')).toThrow('asOf must be an ISO date');
  });
});
