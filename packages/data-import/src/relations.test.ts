// Relations read from the REAL texts: each pinned case was checked against the sentence in the corpus.
import { computeValidity, isDocumentNumber, isIsoDate, type IncomingRelation } from '@pbgdpl/domain';
import { loadDataset, resolveDataDir, type Dataset, type RelationRecord } from './index.js';

const dataDir = resolveDataDir(process.env, process.cwd());
let full: Dataset;
let demo: Dataset;

beforeAll(async () => {
  [full, demo] = await Promise.all([loadDataset({ dataDir }), loadDataset({ dataDir, subset: 'demo' })]);
}, 60_000);

const between = (source: string, target: string): RelationRecord[] =>
  full.relations.filter((relation) => relation.sourceNumber === source && relation.targetNumber === target);

const incoming = (target: string): IncomingRelation[] =>
  full.relations
    .filter((relation) => relation.targetNumber === target)
    .map(({ kind, sourceNumber, effectiveDate, partial, affectedPart }) => ({
      kind,
      sourceNumber,
      effectiveDate,
      partial,
      affectedPart,
    }));

describe('relations read from the laws', () => {
  it('records that the 2020 Enterprise Law replaces the 2014 one, wholly, from 2021-01-01', () => {
    expect(between('59/2020/QH14', '68/2014/QH13')).toEqual([
      {
        sourceNumber: '59/2020/QH14',
        kind: 'replaces',
        targetNumber: '68/2014/QH13',
        targetTitle: 'Luật Doanh nghiệp',
        partial: false,
        affectedPart: null,
        effectiveDate: '2021-01-01',
        note: null,
        targetInDataset: true,
      },
    ]);
  });

  it('records that the 2015 Occupational Safety Law ends part of the 2014 Social Insurance Law', () => {
    expect(between('84/2015/QH13', '58/2014/QH13')).toEqual([
      expect.objectContaining({
        kind: 'annuls',
        partial: true,
        effectiveDate: '2016-07-01',
        targetInDataset: true,
        affectedPart:
          'Các quy định về bảo hiểm tai nạn lao động, bệnh nghề nghiệp tại Mục 3 Chương III, khoản 4 Điều 84, ' +
          'điểm b khoản 1 và điểm a khoản 2 Điều 86, các điều 104, 105, 106, 107, 116 và 117',
      }),
    ]);
  });

  it('ends the 2000 Insurance Business Law by the 2022 one, and not the laws that had amended it', () => {
    expect(between('08/2022/QH15', '24/2000/QH10')).toEqual([
      expect.objectContaining({ kind: 'replaces', partial: false, effectiveDate: '2023-01-01' }),
    ]);
    expect(between('08/2022/QH15', '61/2010/QH12')).toEqual([]);
    expect(between('08/2022/QH15', '42/2019/QH14')).toEqual([]);
  });

  it.each([
    // [source, kind, target, partial, affected part] — each read by eye in the corpus
    ['45/2019/QH14', 'replaces', '10/2012/QH13', false, null],
    ['45/2019/QH14', 'annuls', '92/2015/QH13', true, 'khoản 2 Điều 32'],
    ['05/2022/QH15', 'replaces', '62/2006/QH11', false, null],
    ['06/2022/QH15', 'replaces', '15/2003/QH11', false, null],
    ['100/2015/QH13', 'annuls', '37/2009/QH12', false, null],
    ['61/2020/QH14', 'annuls', '65/2014/QH13', true, 'khoản 3 Điều 22 và Điều 171'],
    ['64/2020/QH14', 'annuls', '15/2017/QH14', true, 'điểm c khoản 4 và khoản 5 Điều 30, khoản 4 Điều 51'],
    ['23/2018/QH14', 'annuls', '41/2009/QH12', true, 'khoản 6 Điều 19'],
    ['97/2015/QH13', 'annuls', '67/2011/QH12', true, 'Điều 25 và khoản 3 Điều 15'],
    ['42/2013/QH13', 'annuls', '02/2011/QH13', true, 'Chương V'],
    ['45/2013/QH13', 'annuls', '15/2008/QH12', true, 'các quy định về trưng dụng đất'],
    ['08/2017/QH14', 'amends', '17/2012/QH13', true, 'khoản 1 Điều 73'],
    ['08/2022/QH15', 'amends', '61/2020/QH14', true, 'Phụ lục IV'],
    ['13/2008/QH12', 'replaces', '07/2003/QH11', false, null],
    ['27/2008/QH12', 'annuls', '05/1998/QH10', false, null],
  ])('%s %s %s (partial %s, %s)', (source, kind, target, partial, affectedPart) => {
    expect(between(source, target)).toContainEqual(expect.objectContaining({ kind, partial, affectedPart }));
  });

  it('keeps the number a text prints even when it is a misprint, and reports it', () => {
    expect(between('61/2020/QH14', '67/2014/QH14')).toEqual([
      expect.objectContaining({
        kind: 'annuls',
        partial: true,
        note: expect.stringContaining('trừ Điều 75'),
      }),
    ]);
    expect(full.report.map((issue) => issue.message)).toContainEqual(
      expect.stringMatching(/names 67\/2014\/QH14, but the QH14 legislature sat 2016–2021/),
    );
  });

  it('finds 233 relations, 74 of them to documents of the dataset (update when a formula is added)', () => {
    const byKind: Record<string, number> = {};
    for (const relation of full.relations) byKind[relation.kind] = (byKind[relation.kind] ?? 0) + 1;
    expect(byKind).toEqual({ replaces: 85, annuls: 97, amends: 51 });
    expect(full.relations.filter((relation) => relation.targetInDataset)).toHaveLength(74);
  });

  it('gives well-formed records: sources in the dataset, normalised numbers, no self relation, no duplicate, CMS lengths', () => {
    const numbers = new Set(full.documents.map((document) => document.number));
    const keys = new Set<string>();
    for (const relation of full.relations) {
      expect(numbers.has(relation.sourceNumber)).toBe(true);
      expect(isDocumentNumber(relation.targetNumber)).toBe(true);
      expect(relation.targetNumber).not.toBe(relation.sourceNumber);
      expect(relation.targetInDataset).toBe(numbers.has(relation.targetNumber));
      expect(relation.effectiveDate === null || isIsoDate(relation.effectiveDate)).toBe(true);
      expect(relation.targetTitle?.length ?? 0).toBeLessThanOrEqual(300);
      expect(relation.affectedPart?.length ?? 0).toBeLessThanOrEqual(300);
      expect(relation.note?.length ?? 0).toBeLessThanOrEqual(1000);
      if (relation.kind === 'amends') expect(relation.partial).toBe(true);
      const key = `${relation.sourceNumber}|${relation.kind}|${relation.targetNumber}`;
      expect(keys.has(key)).toBe(false);
      keys.add(key);
    }
  });

  it('finds none in the 2025 resolutions, whose texts act on no other document', () => {
    expect(full.relations.filter((relation) => /UBTVQH15|NQ\/TW/.test(relation.sourceNumber))).toEqual([]);
  });
});

describe('validity derived from the extracted relations', () => {
  it('shows the 2014 Enterprise Law expired as of 2026-11-28, replaced by 59/2020/QH14', () => {
    const law = full.documents.find((document) => document.number === '68/2014/QH13')!;
    const result = computeValidity(
      {
        issuedDate: law.issuedDate,
        effectiveFrom: law.effectiveFrom,
        effectiveTo: null,
        relations: incoming('68/2014/QH13'),
      },
      '2026-11-28',
    );
    expect(result.status).toBe('expired');
    expect(result.basis).toBe('relations');
    expect(result.history).toContainEqual(
      expect.objectContaining({
        date: '2021-01-01',
        status: 'expired',
        cause: 'relation',
        kind: 'replaces',
        sourceNumber: '59/2020/QH14',
      }),
    );
  });

  it('shows the 2014 Social Insurance Law partly expired, with the amendment by the Labour Code in its history', () => {
    const law = full.documents.find((document) => document.number === '58/2014/QH13')!;
    const result = computeValidity(
      {
        issuedDate: law.issuedDate,
        effectiveFrom: law.effectiveFrom,
        effectiveTo: null,
        relations: incoming('58/2014/QH13'),
      },
      '2026-11-28',
    );
    expect(result.status).toBe('partly_expired');
    expect(result.history).toContainEqual(
      expect.objectContaining({ cause: 'relation', kind: 'amends', sourceNumber: '45/2019/QH14' }),
    );
  });
});

describe('the report', () => {
  it('sums up what was found', () => {
    expect(full.report).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        field: 'relations',
        source: 'legal-docs/laws-207/uts_vlc_laws_207.jsonl',
        message: expect.stringMatching(
          /^Relations read from the texts .*: 233 from \d+ documents .* 74 have their target in the dataset, 159 name an act outside it/,
        ),
      }),
    );
  });

  it('lists each statement it could not record, with where it is and an excerpt', () => {
    expect(full.report).toContainEqual({
      severity: 'warning',
      field: 'relations',
      source: expect.stringMatching(/^legal-docs\/laws-207\/uts_vlc_laws_207\.jsonl:\d+$/),
      message: expect.stringMatching(
        /^Relation statement not recorded: "Luật Công đoàn năm 1990" is named by date or year only.*Text: "Luật Công đoàn năm 1990 hết hiệu lực/,
      ),
    });
  });
});

describe('demo subset', () => {
  it('keeps the relations of its own documents, with targetInDataset meaning "seeded by the demo"', () => {
    const numbers = new Set(demo.documents.map((document) => document.number));
    expect(demo.relations.length).toBeGreaterThan(0);
    for (const relation of demo.relations) {
      expect(numbers.has(relation.sourceNumber)).toBe(true);
      expect(relation.targetInDataset).toBe(numbers.has(relation.targetNumber));
    }
    const fromDemoSources = full.relations.filter((relation) => numbers.has(relation.sourceNumber));
    expect(demo.relations.map((relation) => relation.targetNumber)).toEqual(
      fromDemoSources.map((relation) => relation.targetNumber),
    );
    expect(demo.relations.find((relation) => relation.sourceNumber === '59/2020/QH14')).toMatchObject({
      targetNumber: '68/2014/QH13',
      targetInDataset: true,
    });
  });
});
