import { honeypotFilled, parseDialogueQuestion, parseQuestion, parseReport } from './submission-input.js';
import { REPORTABLE_TYPES } from './reports.js';

const QUESTION = 'Người lao động nghỉ hưu ở tuổi nào theo Bộ luật Lao động năm 2019?';

describe('parseQuestion', () => {
  it('accepts a minimal question and a full one', () => {
    const minimal = parseQuestion({ site: 'ha-noi', question: QUESTION });
    expect(minimal).toEqual({
      ok: true,
      value: {
        siteCode: 'ha-noi',
        fieldCode: null,
        name: null,
        email: null,
        phone: null,
        question: QUESTION,
        title: QUESTION,
        consentToPublish: false,
      },
    });
    const full = parseQuestion({
      site: 'HA-NOI',
      field: 'lao-dong-tien-luong',
      name: ' Nguyễn  Văn A ',
      email: 'Nguoi.Hoi@Example.VN',
      phone: '+84 912.345.678',
      question: QUESTION,
      consent: 'on',
    });
    expect(full.ok && full.value).toMatchObject({
      siteCode: 'ha-noi',
      fieldCode: 'lao-dong-tien-luong',
      name: 'Nguyễn Văn A',
      email: 'nguoi.hoi@example.vn',
      phone: '+84912345678',
      consentToPublish: true,
    });
  });

  it('names every field that is wrong, in Vietnamese', () => {
    const result = parseQuestion({
      site: 'Hà Nội',
      email: 'khong-phai-email',
      phone: 'abc',
      question: 'ngắn',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.fromEntries(result.problems.map((p) => [p.field, p.message]))).toEqual({
      site: 'Trang nhận câu hỏi: mã “hà nội” không hợp lệ.',
      question: 'Câu hỏi quá ngắn: hãy viết ít nhất 10 ký tự.',
      email: 'Email “khong-phai-email” không hợp lệ (ví dụ: ten@example.vn).',
      phone: 'Số điện thoại chỉ gồm chữ số (có thể bắt đầu bằng +).',
    });
  });

  it('refuses a question over 5,000 characters, counting composed characters', () => {
    const long = 'ệ'.normalize('NFD').repeat(5001);
    const result = parseQuestion({ site: 'ha-noi', question: long });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems[0]!.message).toBe('Câu hỏi quá dài: 5.001 ký tự, tối đa 5.000 ký tự.');
    expect(parseQuestion({ site: 'ha-noi', question: 'ệ'.normalize('NFD').repeat(5000) }).ok).toBe(true);
  });

  it('marks HTML and scripts as markup', () => {
    const result = parseQuestion({ site: 'ha-noi', question: `${QUESTION}<script>alert(1)</script>` });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ field: 'question', markup: true });
  });

  it('reads the first value of a repeated field', () => {
    const result = parseQuestion({ site: ['ha-noi', 'quoc-gia'], question: [QUESTION] });
    expect(result.ok && result.value.siteCode).toBe('ha-noi');
  });
});

describe('parseDialogueQuestion', () => {
  it('takes questions and comments for a dialogue', () => {
    const result = parseDialogueQuestion({
      site: 'ha-noi',
      dialogue: 'abcdefghijklmnopqrstuvwx',
      kind: 'comment',
      question: 'Đề nghị bổ sung quy định về đất ở.',
    });
    expect(result.ok && result.value).toMatchObject({
      kind: 'comment',
      title: 'Góp ý: Đề nghị bổ sung quy định về đất ở.',
    });
    const bad = parseDialogueQuestion({ site: 'ha-noi', dialogue: '../etc', kind: 'x', question: QUESTION });
    expect(bad.ok ? [] : bad.problems.map((p) => p.field)).toEqual(['dialogue', 'kind']);
  });
});

describe('parseReport', () => {
  it('takes a reason and an optional message', () => {
    const result = parseReport(
      { site: 'ha-noi', itemType: 'qa', item: 'abcdefghijklmnopqrstuvwx', reason: 'outdated' },
      REPORTABLE_TYPES,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        siteCode: 'ha-noi',
        itemType: 'qa',
        itemId: 'abcdefghijklmnopqrstuvwx',
        reason: 'outdated',
        message: null,
      },
    });
    const bad = parseReport(
      { site: 'ha-noi', itemType: 'legal-document', item: 'x', reason: 'boring' },
      REPORTABLE_TYPES,
    );
    expect(bad.ok ? [] : bad.problems.map((p) => p.field)).toEqual(['itemType', 'item', 'reason']);
  });
});

describe('honeypot', () => {
  it('is filled when the hidden field has text', () => {
    expect(honeypotFilled({ website: 'http://spam.example' })).toBe(true);
    expect(honeypotFilled({ website: '  ' })).toBe(false);
    expect(honeypotFilled({})).toBe(false);
  });
});

describe('markup in any field', () => {
  const FIELDS = ['site', 'token', 'email', 'phone', 'field', 'consent', 'returnTo', 'anything'];

  it.each(FIELDS)('refuses markup in %s, naming the field, instead of dropping it', (field) => {
    const result = parseQuestion({
      site: 'ha-noi',
      question: QUESTION,
      [field]: field === 'phone' ? '<b>0912345678</b>' : '<img src=x onerror=alert(1)>',
    });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems[0]).toMatchObject({
        field,
        markup: true,
        message: expect.stringMatching(/không được chứa mã HTML hay mã lệnh/),
      });
  });

  it('names the phone field when a phone number is wrapped in a script', () => {
    const result = parseQuestion({ site: 'ha-noi', question: QUESTION, phone: '<script>x</script>' });
    expect(!result.ok && result.problems[0]).toMatchObject({
      field: 'phone',
      message:
        'Số điện thoại không được chứa mã HTML hay mã lệnh (như <script>, <a href>): hãy gửi chữ thường.',
    });
  });

  it('looks inside JSON values and lists', () => {
    const nested = parseReport(
      { site: 'ha-noi', itemType: 'qa', item: 'abcdefghij', reason: ['wrong', '<a href="x">y</a>'] },
      ['qa'],
    );
    expect(!nested.ok && nested.problems[0]).toMatchObject({ field: 'reason', markup: true });
    const deep = parseDialogueQuestion({
      site: 'ha-noi',
      question: QUESTION,
      dialogue: { x: 'javascript:alert(1)' },
    });
    expect(!deep.ok && deep.problems[0]).toMatchObject({ field: 'dialogue.x', markup: true });
  });

  it('refuses addresses a hand-written pattern let through', () => {
    for (const email of ['a@b..vn', '.a@example.vn', 'a@-example.vn']) {
      const result = parseQuestion({ site: 'ha-noi', question: QUESTION, email });
      expect(!result.ok && result.problems[0]).toMatchObject({ field: 'email' });
    }
  });
});
