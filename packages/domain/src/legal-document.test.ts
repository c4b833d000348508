import { LEGAL_DOCUMENT_FIELD_LABELS, validateLegalDocumentInput } from './legal-document.js';

/** The 2019 Labour Code as an editor would enter it (census-93, laws-207). */
const LABOUR_CODE = {
  number: ' 45 / 2019 / qh14 ',
  documentType: 'code',
  title: 'Bộ luật Lao động',
  abstract: 'Bộ luật Lao động quy định tiêu chuẩn lao động; quyền, nghĩa vụ, trách nhiệm của người lao động…',
  signerTitle: 'Chủ tịch Quốc hội',
  signerName: 'Nguyễn Thị Kim Ngân',
  issuedDate: '2019-11-20',
  effectiveFrom: '2021-01-01',
  effectiveTo: null,
  gazetteNumber: '',
  scope: 'national',
  sourceUrl: 'https://thuvienphapluat.vn/van-ban/Lao-dong-Tien-luong/Bo-Luat-lao-dong-2019-333670.aspx',
};

function errorsOf(data: unknown) {
  const result = validateLegalDocumentInput(data);
  if (result.ok) throw new Error('expected validation errors');
  return result.errors;
}

describe('validateLegalDocumentInput', () => {
  it('accepts the 2019 Labour Code, normalising its number and turning blanks into null', () => {
    const result = validateLegalDocumentInput(LABOUR_CODE);
    expect(result).toMatchObject({
      ok: true,
      value: {
        number: '45/2019/QH14',
        gazetteNumber: null,
        effectiveTo: null,
        fullText: null,
        scopeSite: null,
        declaredStatus: null,
      },
    });
  });

  it('drops validity fields, which are derived and never typed by hand', () => {
    const result = validateLegalDocumentInput({
      ...LABOUR_CODE,
      validityStatus: 'expired',
      validityBasis: 'declared',
    });
    expect(result.ok && 'validityStatus' in result.value).toBe(false);
  });

  it('defaults the scope to national', () => {
    const { scope: _scope, ...withoutScope } = LABOUR_CODE;
    const result = validateLegalDocumentInput(withoutScope);
    expect(result.ok && result.value.scope).toBe('national');
  });

  it.each([
    [
      'a malformed number',
      { number: '45-2019-QH14' },
      'number',
      /^Số ký hiệu "45-2019-QH14" không đúng định dạng, ví dụ: 45\/2019\/QH14/,
    ],
    ['a missing number', { number: '' }, 'number', /^Số ký hiệu là bắt buộc\.$/],
    ['a missing title', { title: '   ' }, 'title', /^Tên văn bản là bắt buộc\.$/],
    ['a missing abstract', { abstract: null }, 'abstract', /^Trích yếu là bắt buộc\.$/],
    [
      'an abstract over 4,000 characters',
      { abstract: 'a'.repeat(4001) },
      'abstract',
      /^Trích yếu dài quá 4000 ký tự\.$/,
    ],
    ['an unknown type', { documentType: 'statute' }, 'documentType', /^Loại văn bản không hợp lệ/],
    [
      'an impossible date',
      { issuedDate: '2019-02-30' },
      'issuedDate',
      /^Ngày ban hành không phải ngày hợp lệ \(định dạng YYYY-MM-DD/,
    ],
    [
      'an effective date before the issued date',
      { effectiveFrom: '2019-11-19' },
      'effectiveFrom',
      /^Ngày có hiệu lực \(19\/11\/2019\) không được trước ngày ban hành \(20\/11\/2019\)\.$/,
    ],
    [
      'an end date on the effective date',
      { effectiveTo: '2021-01-01' },
      'effectiveTo',
      /^Ngày hết hiệu lực \(01\/01\/2021\) phải sau ngày có hiệu lực \(01\/01\/2021\)\.$/,
    ],
    [
      'an end date before the issued date when no effective date is given',
      { effectiveFrom: null, effectiveTo: '2019-01-01' },
      'effectiveTo',
      /phải sau ngày ban hành \(20\/11\/2019\)/,
    ],
    [
      'a gazette date before the issued date',
      { gazetteDate: '2019-11-01' },
      'gazetteDate',
      /^Ngày đăng công báo \(01\/11\/2019\) không được trước ngày ban hành/,
    ],
    [
      'a local document without a scope site',
      { scope: 'local', scopeSite: '' },
      'scopeSite',
      /^Địa bàn áp dụng là bắt buộc khi phạm vi là địa phương\.$/,
    ],
    [
      'a source that is not a web address',
      { sourceUrl: 'thuvienphapluat.vn' },
      'sourceUrl',
      /^Đường dẫn nguồn phải là địa chỉ web/,
    ],
    [
      'a declared status without its source',
      { declaredStatus: 'expired' },
      'declaredStatusSource',
      /^Nguồn công bố tình trạng hiệu lực là bắt buộc/,
    ],
    [
      'an unknown declared status',
      { declaredStatus: 'repealed', declaredStatusSource: 'vbpl.vn' },
      'declaredStatus',
      /^Tình trạng hiệu lực được công bố không hợp lệ/,
    ],
  ])('refuses %s, naming the field', (_label, change, path, message) => {
    const errors = errorsOf({ ...LABOUR_CODE, ...change });
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path).toBe(path);
    expect(errors[0]?.message).toMatch(message);
    expect(
      errors[0]?.message.startsWith(
        LEGAL_DOCUMENT_FIELD_LABELS[path as keyof typeof LEGAL_DOCUMENT_FIELD_LABELS],
      ),
    ).toBe(true);
  });

  it('reports every problem at once, in form order, including cross-field ones', () => {
    const errors = errorsOf({
      ...LABOUR_CODE,
      number: 'x',
      title: '',
      effectiveFrom: '2019-01-01',
      scope: 'local',
    });
    expect(errors.map((e) => e.path)).toEqual(['number', 'title', 'effectiveFrom', 'scopeSite']);
  });

  it('accepts a local document with its scope site', () => {
    const local = {
      ...LABOUR_CODE,
      number: '25/2024/QĐ-UBND',
      documentType: 'provincial_committee_decision',
      issuedDate: '2024-05-10',
      effectiveFrom: '2024-05-20',
      scope: 'local',
      scopeSite: 'ha-noi',
    };
    expect(validateLegalDocumentInput(local).ok).toBe(true);
  });

  it.each([null, 'văn bản', 42])('refuses input that is not an object: %j', (data) => {
    expect(errorsOf(data)).toEqual([
      { path: '', message: 'Dữ liệu văn bản phải là một đối tượng gồm các trường của văn bản.' },
    ]);
  });
});

describe('numbers of documents older than the modern numbering convention', () => {
  // The 1957 law on the freedom of assembly (laws-207) is numbered "101-SL/L.003", issued 20 May 1957.
  const decree1957 = {
    ...LABOUR_CODE,
    number: '101-SL/L.003',
    documentType: 'law',
    issuedDate: '1957-05-20',
    effectiveFrom: null,
  };

  it('are kept as printed when the document was issued before 1960', () => {
    const result = validateLegalDocumentInput(decree1957);
    expect(result).toMatchObject({ ok: true, value: { number: '101-SL/L.003' } });
  });

  it('are still refused for a document issued under the modern convention', () => {
    const result = validateLegalDocumentInput({ ...decree1957, issuedDate: '2019-11-20' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path)).toContain('number');
  });
});
