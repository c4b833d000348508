/**
 * The public forms' fields (the contract in docs/forms.md) and their checks: what a citizen may
 * send with a legal question, a question or comment to a policy dialogue, and a report on a
 * published item. Every message is Vietnamese and names what to fix. Pure: the CMS looks up the
 * site, field, dialogue or item afterwards.
 */
import { cleanText, titleFromText } from './clean-text.js';
import { EMAIL_MAX_LENGTH, isValidEmail } from './email.js';

/** Longest values accepted, in characters after cleaning (the Q&A schema allows the same). */
export const SUBMISSION_LIMITS = {
  question: { min: 10, max: 5000 },
  name: { max: 120 },
  email: { max: EMAIL_MAX_LENGTH },
  phone: { max: 20 },
  reportMessage: { max: 2000 },
  code: { max: 80 },
} as const;

/** One problem with one field of a form. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
  /** The input held HTML or a script: the whole submission is refused as such. */
  readonly markup?: boolean;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

export interface QuestionInput {
  siteCode: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  fieldCode: string | null;
  question: string;
  title: string;
  consentToPublish: boolean;
}

export interface DialogueQuestionInput extends Omit<QuestionInput, 'fieldCode'> {
  dialogueId: string;
  kind: 'question' | 'comment';
}

export const REPORT_REASONS = ['wrong', 'outdated'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
export const REPORT_REASON_LABELS: Readonly<Record<ReportReason, { vi: string; en: string }>> = {
  wrong: { vi: 'Nội dung sai', en: 'Wrong' },
  outdated: { vi: 'Nội dung đã lỗi thời', en: 'Outdated' },
};

export interface ReportInput {
  siteCode: string;
  itemType: string;
  itemId: string;
  reason: ReportReason;
  message: string | null;
}

/** A form body as parsed from JSON or urlencoded (a repeated field arrives as a list). */
export type FormBody = Record<string, unknown>;

const CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DOCUMENT_ID = /^[a-z0-9]{10,40}$/;

/** The honeypot field: hidden from people, filled in by form-filling robots. */
export const HONEYPOT_FIELD = 'website';

/** Whether the hidden honeypot field came back filled. */
export function honeypotFilled(body: FormBody): boolean {
  const value = single(body[HONEYPOT_FIELD]);
  return typeof value === 'string' && value.trim() !== '';
}

/** A legal question to a site. */
export function parseQuestion(body: FormBody): Parsed<QuestionInput> {
  const problems: FieldProblem[] = markupInAnyField(body, ['question', 'name']);
  const siteCode = code(body, 'site', 'Trang nhận câu hỏi', problems, true)!;
  const fieldCode = code(body, 'field', 'Lĩnh vực', problems, false);
  const common = commonAsker(body, problems);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { siteCode, fieldCode, ...common! } };
}

/** A question or comment to a policy dialogue. */
export function parseDialogueQuestion(body: FormBody): Parsed<DialogueQuestionInput> {
  const problems: FieldProblem[] = markupInAnyField(body, ['question', 'name']);
  const siteCode = code(body, 'site', 'Trang gửi câu hỏi', problems, true)!;
  const dialogueId = text(body, 'dialogue', false);
  if (!dialogueId.text) problems.push({ field: 'dialogue', message: 'Thiếu cuộc đối thoại nhận câu hỏi.' });
  else if (!DOCUMENT_ID.test(dialogueId.text))
    problems.push({ field: 'dialogue', message: 'Mã cuộc đối thoại không hợp lệ.' });
  const kindValue = text(body, 'kind', false).text || 'question';
  if (kindValue !== 'question' && kindValue !== 'comment')
    problems.push({
      field: 'kind',
      message: 'Loại ý kiến phải là “question” (câu hỏi) hoặc “comment” (góp ý).',
    });
  const common = commonAsker(body, problems);
  if (problems.length > 0) return { ok: false, problems };
  const kind = kindValue as 'question' | 'comment';
  const title = kind === 'comment' ? titleFromText(`Góp ý: ${common!.question}`) : common!.title;
  return { ok: true, value: { siteCode, dialogueId: dialogueId.text, kind, ...common!, title } };
}

/** A report that a published item is wrong or outdated. */
export function parseReport(body: FormBody, reportableTypes: readonly string[]): Parsed<ReportInput> {
  const problems: FieldProblem[] = markupInAnyField(body, ['message']);
  const siteCode = code(body, 'site', 'Trang gửi báo cáo', problems, true)!;
  const itemType = text(body, 'itemType', false).text;
  if (!reportableTypes.includes(itemType))
    problems.push({ field: 'itemType', message: 'Loại nội dung được báo cáo không hợp lệ.' });
  const itemId = text(body, 'item', false).text;
  if (!DOCUMENT_ID.test(itemId))
    problems.push({ field: 'item', message: 'Thiếu hoặc sai mã nội dung được báo cáo.' });
  const reason = text(body, 'reason', false).text;
  if (!(REPORT_REASONS as readonly string[]).includes(reason))
    problems.push({
      field: 'reason',
      message: 'Hãy chọn lý do báo cáo: nội dung sai (“wrong”) hoặc đã lỗi thời (“outdated”).',
    });
  const message = text(body, 'message', true);
  markup(message, 'message', 'Nội dung báo cáo', problems);
  if (message.text.length > SUBMISSION_LIMITS.reportMessage.max)
    problems.push(
      tooLong('message', 'Nội dung báo cáo', SUBMISSION_LIMITS.reportMessage.max, message.text.length),
    );
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: { siteCode, itemType, itemId, reason: reason as ReportReason, message: message.text || null },
  };
}

function commonAsker(
  body: FormBody,
  problems: FieldProblem[],
): Omit<QuestionInput, 'siteCode' | 'fieldCode'> | null {
  const question = text(body, 'question', true);
  markup(question, 'question', 'Câu hỏi', problems);
  if (!question.text) problems.push({ field: 'question', message: 'Hãy nhập nội dung câu hỏi.' });
  else if (question.text.length < SUBMISSION_LIMITS.question.min)
    problems.push({
      field: 'question',
      message: `Câu hỏi quá ngắn: hãy viết ít nhất ${SUBMISSION_LIMITS.question.min} ký tự.`,
    });
  else if (question.text.length > SUBMISSION_LIMITS.question.max)
    problems.push(tooLong('question', 'Câu hỏi', SUBMISSION_LIMITS.question.max, question.text.length));

  const name = text(body, 'name', false);
  markup(name, 'name', 'Họ tên', problems);
  if (name.text.length > SUBMISSION_LIMITS.name.max)
    problems.push(tooLong('name', 'Họ tên', SUBMISSION_LIMITS.name.max, name.text.length));

  const emailText = text(body, 'email', false).text.toLowerCase();
  if (emailText.length > SUBMISSION_LIMITS.email.max)
    problems.push(tooLong('email', 'Email', SUBMISSION_LIMITS.email.max, emailText.length));
  else if (emailText && !isValidEmail(emailText))
    problems.push({
      field: 'email',
      message: `Email “${emailText.slice(0, 60)}” không hợp lệ (ví dụ: ten@example.vn).`,
    });

  const phone = phoneNumber(text(body, 'phone', false).text, problems);
  const consentToPublish = checked(body.consent);
  if (problems.length > 0) return null;
  return {
    name: name.text || null,
    email: emailText || null,
    phone,
    question: question.text,
    title: titleFromText(question.text),
    consentToPublish,
  };
}

/** Digits, with a leading + for international numbers; 8 to 15 digits (E.164). */
function phoneNumber(value: string, problems: FieldProblem[]): string | null {
  if (!value) return null;
  if (!/^[+\d][\d\s.()-]*$/.test(value)) {
    problems.push({ field: 'phone', message: 'Số điện thoại chỉ gồm chữ số (có thể bắt đầu bằng +).' });
    return null;
  }
  const digits = value.replace(/\D/g, '');
  const phone = (value.startsWith('+') ? '+' : '') + digits;
  if (digits.length < 8 || digits.length > 15 || phone.length > SUBMISSION_LIMITS.phone.max) {
    problems.push({
      field: 'phone',
      message: `Số điện thoại “${value.slice(0, 30)}” không hợp lệ (8 đến 15 chữ số).`,
    });
    return null;
  }
  return phone;
}

/** What each form field is called on the forms, for messages naming it. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  site: 'Mã trang',
  token: 'Mã xác nhận của biểu mẫu',
  returnTo: 'Địa chỉ trang xác nhận',
  question: 'Câu hỏi',
  name: 'Họ tên',
  email: 'Email',
  phone: 'Số điện thoại',
  field: 'Lĩnh vực',
  consent: 'Ô đồng ý công khai',
  dialogue: 'Cuộc đối thoại',
  kind: 'Loại ý kiến',
  itemType: 'Loại nội dung được báo cáo',
  item: 'Nội dung được báo cáo',
  reason: 'Lý do báo cáo',
  message: 'Nội dung báo cáo',
  [HONEYPOT_FIELD]: 'Ô chống thư rác',
};

/**
 * HTML, a script or a `javascript:` address in any field the form sent (every field, known or
 * not, at any depth of a JSON body), each named: the form is refused, never silently cleaned, so
 * a phone number or a code wrapped in markup does not turn into an empty or different value.
 * `checkedLater` fields are reported by their own checks (with the same message).
 */
export function markupInAnyField(body: FormBody, checkedLater: readonly string[] = []): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const visit = (value: unknown, field: string, depth: number) => {
    if (typeof value === 'string') {
      if (cleanText(value).hadMarkup) problems.push(markupProblem(field, fieldLabel(field)));
    } else if (Array.isArray(value) && depth < 4) {
      value.forEach((item) => visit(item, field, depth + 1));
    } else if (value && typeof value === 'object' && depth < 4) {
      for (const [key, item] of Object.entries(value)) visit(item, `${field}.${key}`, depth + 1);
    }
  };
  for (const [field, value] of Object.entries(body)) {
    if (checkedLater.includes(field)) continue;
    const before = problems.length;
    visit(value, field, 0);
    problems.splice(before + 1); // one problem per field is enough
  }
  return problems;
}

function fieldLabel(field: string): string {
  const top = field.split('.')[0]!;
  return FIELD_LABELS[top] ?? `Trường “${field.slice(0, 40)}”`;
}

function markupProblem(field: string, label: string): FieldProblem {
  return {
    field,
    markup: true,
    message: `${label} không được chứa mã HTML hay mã lệnh (như <script>, <a href>): hãy gửi chữ thường.`,
  };
}

function code(
  body: FormBody,
  field: string,
  label: string,
  problems: FieldProblem[],
  required: boolean,
): string | null {
  const value = text(body, field, false).text.toLowerCase();
  if (!value) {
    if (required) problems.push({ field, message: `Thiếu ${label.toLowerCase()}.` });
    return null;
  }
  if (value.length > SUBMISSION_LIMITS.code.max || !CODE.test(value)) {
    problems.push({ field, message: `${label}: mã “${value.slice(0, 40)}” không hợp lệ.` });
    return null;
  }
  return value;
}

function text(body: FormBody, field: string, multiline: boolean) {
  return cleanText(single(body[field]) ?? '', { multiline });
}

function markup(value: { hadMarkup: boolean }, field: string, label: string, problems: FieldProblem[]): void {
  if (value.hadMarkup) problems.push(markupProblem(field, label));
}

function tooLong(field: string, label: string, max: number, length: number): FieldProblem {
  return {
    field,
    message: `${label} quá dài: ${length.toLocaleString('vi-VN')} ký tự, tối đa ${max.toLocaleString('vi-VN')} ký tự.`,
  };
}

/** A checkbox: "on" (HTML default), "true", "1", "yes"/"có" or a JSON true. */
function checked(value: unknown): boolean {
  const v = single(value);
  if (v === true) return true;
  return typeof v === 'string' && ['on', 'true', '1', 'yes', 'có'].includes(v.trim().toLowerCase());
}

/** The first value of a field that may arrive repeated; non-text values are ignored. */
export function single(value: unknown): string | boolean | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}
