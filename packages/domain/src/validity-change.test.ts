import { computeValidity, type IncomingRelation, type ValidityInput } from './validity.js';
import { describeValidityChange, documentLabel } from './validity-change.js';

// Real facts: the Enterprise Law 2014 (68/2014/QH13, in force 2015-07-01) is replaced by the
// Enterprise Law 2020 (59/2020/QH14) from 2021-01-01; the Insurance Business Law 2022
// (08/2022/QH15) amends Appendix IV of the Investment Law 2020 (61/2020/QH14) from 2023-01-01.
const enterprise2014 = { number: '68/2014/QH13', documentType: 'law', title: 'Luật Doanh nghiệp' };
const enterprise2020 = { number: '59/2020/QH14', documentType: 'law', title: 'Luật Doanh nghiệp' };
const investment2020 = { number: '61/2020/QH14', documentType: 'law', title: 'Luật Đầu tư' };
const insurance2022 = { number: '08/2022/QH15', documentType: 'law', title: 'Luật Kinh doanh bảo hiểm' };

const replacedBy2020: IncomingRelation = {
  kind: 'replaces',
  sourceNumber: '59/2020/QH14',
  effectiveDate: '2021-01-01',
  partial: false,
};
const amendedBy2022: IncomingRelation = {
  kind: 'amends',
  sourceNumber: '08/2022/QH15',
  effectiveDate: '2023-01-01',
  partial: true,
  affectedPart: 'Phụ lục IV',
};

const law2014: ValidityInput = { issuedDate: '2014-11-26', effectiveFrom: '2015-07-01', effectiveTo: null };
const law2020: ValidityInput = { issuedDate: '2020-06-17', effectiveFrom: '2021-01-01', effectiveTo: null };

describe('documentLabel', () => {
  it('names a document by its title and number when the title starts with its type', () => {
    expect(documentLabel(enterprise2014)).toBe('Luật Doanh nghiệp số 68/2014/QH13');
  });

  it('falls back to the type, then to "Văn bản", with the number', () => {
    expect(
      documentLabel({ number: '15/2025/NĐ-CP', documentType: 'decree', title: 'Quy định chi tiết' }),
    ).toBe('Nghị định số 15/2025/NĐ-CP');
    expect(documentLabel({ number: '59/2020/QH14' })).toBe('Văn bản số 59/2020/QH14');
    const longTitle =
      'Luật của quốc hội nước cộng hoà xã hội chủ nghĩa việt nam số 24/2000/qh10 ngày 09 tháng 12 năm 2000 về kinh doanh bảo hiểm';
    expect(documentLabel({ number: '24/2000/QH10', documentType: 'law', title: longTitle })).toBe(
      'Luật số 24/2000/QH10',
    );
  });
});

describe('describeValidityChange', () => {
  it('says who replaced the document and from when, once the replacement is recorded', () => {
    const before = computeValidity(law2014, '2026-11-28');
    const after = computeValidity({ ...law2014, relations: [replacedBy2020] }, '2026-11-28');
    expect(
      describeValidityChange({
        document: enterprise2014,
        before,
        after,
        sources: { '59/2020/QH14': enterprise2020 },
      }),
    ).toBe(
      'Luật Doanh nghiệp số 68/2014/QH13 đã bị thay thế bởi Luật Doanh nghiệp số 59/2020/QH14, từ ngày 01/01/2021.',
    );
  });

  it('speaks of a recorded replacement that is still ahead in the future tense', () => {
    const before = computeValidity(law2014, '2020-12-01');
    const after = computeValidity({ ...law2014, relations: [replacedBy2020] }, '2020-12-01');
    expect(after.status).toBe('in_force');
    expect(describeValidityChange({ document: enterprise2014, before, after })).toBe(
      'Luật Doanh nghiệp số 68/2014/QH13 sẽ bị thay thế bởi Văn bản số 59/2020/QH14, từ ngày 01/01/2021.',
    );
  });

  it('reports the night a recorded replacement comes into effect', () => {
    const input = { ...law2014, relations: [replacedBy2020] };
    const before = computeValidity(input, '2020-12-31');
    const after = computeValidity(input, '2021-01-01');
    expect(describeValidityChange({ document: enterprise2014, before, after })).toBe(
      'Luật Doanh nghiệp số 68/2014/QH13 đã bị thay thế bởi Văn bản số 59/2020/QH14, từ ngày 01/01/2021.',
    );
  });

  it('reports an amendment, with the part it touches, although the status stays in force', () => {
    const before = computeValidity(law2020, '2026-11-28');
    const after = computeValidity({ ...law2020, relations: [amendedBy2022] }, '2026-11-28');
    expect(after.status).toBe('in_force');
    expect(
      describeValidityChange({
        document: investment2020,
        before,
        after,
        sources: { '08/2022/QH15': insurance2022 },
      }),
    ).toBe(
      'Luật Đầu tư số 61/2020/QH14 đã được sửa đổi, bổ sung bởi Luật Kinh doanh bảo hiểm số 08/2022/QH15 (Phụ lục IV), từ ngày 01/01/2023.',
    );
  });

  it('reports reaching the end date', () => {
    // Illustrative dates: no end-dated document is in the shared data.
    const input = { ...law2020, effectiveTo: '2030-01-01' };
    expect(
      describeValidityChange({
        document: enterprise2020,
        before: computeValidity(input, '2029-12-31'),
        after: computeValidity(input, '2030-01-01'),
      }),
    ).toBe('Luật Doanh nghiệp số 59/2020/QH14 đã hết hiệu lực, từ ngày 01/01/2030.');
  });

  it('reports a status moving back when a relation recorded by mistake is removed', () => {
    const before = computeValidity({ ...law2014, relations: [replacedBy2020] }, '2026-11-28');
    const after = computeValidity(law2014, '2026-11-28');
    expect(describeValidityChange({ document: enterprise2014, before, after })).toBe(
      'Tình trạng hiệu lực của Luật Doanh nghiệp số 68/2014/QH13 thay đổi từ "Hết hiệu lực toàn bộ" thành "Còn hiệu lực".',
    );
  });

  it('is silent on a first computation and on entry into force by the document’s own date', () => {
    const after = computeValidity(law2020, '2021-01-01');
    expect(
      describeValidityChange({ document: enterprise2020, before: { status: null, history: null }, after }),
    ).toBeNull();
    expect(
      describeValidityChange({
        document: enterprise2020,
        before: computeValidity(law2020, '2020-12-31'),
        after,
      }),
    ).toBeNull();
  });

  it('is silent when nothing but the recomputation time differs', () => {
    const result = computeValidity({ ...law2014, relations: [replacedBy2020] }, '2026-11-28');
    expect(describeValidityChange({ document: enterprise2014, before: result, after: result })).toBeNull();
  });
});
