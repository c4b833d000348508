/**
 * The rules an editorial item must meet before it is stored, whatever path wrote it (CMS admin,
 * REST, GraphQL, scripts). Each problem is reported on its field, in Vietnamese, starting with
 * the field's label, and all problems are reported at once. Values the editor may type loosely
 * (a slug, a YouTube address, a cited number) come back normalised in `patch`.
 */
import { safeParseDocumentNumber } from '../document-number.js';
import type { FieldError } from '../legal-document.js';
import { editorialFieldLabel } from './field-texts.js';
import { fileProblem, type FileKind, type UploadedFileFacts } from './files.js';
import { editorialSlug } from './slug.js';
import { CITING_TYPES, type EditorialType } from './vocabulary.js';
import { parseYoutubeId } from './youtube.js';
import { QUIZ_OPTIONS, hasBlocksContent, isBlank, toInstant, formatVietnamTime } from './values.js';

/**
 * An item as it will be after the write: the stored values merged with the written ones, under
 * the CMS attribute names. Relations: any non-null value means "set". Media: the stored file's
 * facts (UploadedFileFacts), an array of them for a multiple field. Components: plain objects
 * (arrays for repeatable ones) whose media are resolved the same way. Rich text: Strapi blocks.
 */
export type EditorialInput = Readonly<Record<string, unknown>>;

export interface EditorialValidationOptions {
  /**
   * Whether the corpus holds a document with exactly this number. A cited number that the
   * document-number parser refuses is still accepted when it does (documents issued before
   * 1960 keep their numbers as printed, e.g. "101-SL/L.003").
   */
  isKnownDocumentNumber?: (number: string) => boolean;
}

/** Normalised values to store in place of what the editor typed. */
export interface EditorialPatch {
  /** The slug to store; `slugFromTitle` says it was made from the title (no editor's choice). */
  slug?: string;
  slugFromTitle?: boolean;
  youtubeId?: string;
  /** Canonical cited numbers by citation index (as typed for a known historic number). */
  citationNumbers?: string[];
}

export interface EditorialValidation {
  readonly ok: boolean;
  /** In the order of the form: identity, content, type rules, files, citations. */
  readonly errors: FieldError[];
  readonly patch: EditorialPatch;
}

/** Text fields that may not be missing or blank, by type (title first). */
export const REQUIRED_TEXT_FIELDS: Readonly<Record<EditorialType, readonly string[]>> = {
  introduction: ['title', 'summary'],
  qa: ['title', 'question'],
  dialogue: ['title', 'topic'],
  material: ['title', 'summary'],
  video: ['title', 'summary'],
  'legal-situation': ['title', 'scenario', 'question'],
  book: ['title', 'authors', 'description'],
  guidance: ['title', 'summary'],
  'news-item': ['title', 'summary'],
};

/** Rich-text (blocks) fields that must hold some text. */
export const REQUIRED_BLOCKS_FIELDS: Readonly<Partial<Record<EditorialType, readonly string[]>>> = {
  introduction: ['body'],
  'legal-situation': ['analysis'],
};

/** A place a file is attached: a field, or a component's field (`files.file`), and its kind. */
export interface FileField {
  readonly path: string;
  readonly kind: FileKind;
  /** The component holding the file field, when `path` goes through one. */
  readonly component?: string;
}

const FILES = (component: string, kind: FileKind, field = 'files'): FileField => ({
  path: `${field}.file`,
  kind,
  component,
});

/** Where files are attached, by type, and what kind each must be. */
export const FILE_FIELDS: Readonly<Record<EditorialType, readonly FileField[]>> = {
  introduction: [{ path: 'coverImage', kind: 'image' }],
  qa: [],
  dialogue: [],
  material: [{ path: 'coverImage', kind: 'image' }, FILES('shared.file', 'material')],
  video: [
    { path: 'videoFile', kind: 'video' },
    { path: 'poster', kind: 'image' },
    FILES('shared.caption-track', 'caption', 'captions'),
  ],
  'legal-situation': [],
  book: [{ path: 'cover', kind: 'image' }, FILES('shared.file', 'book')],
  guidance: [FILES('shared.file', 'guidance')],
  'news-item': [
    { path: 'coverImage', kind: 'image' },
    { path: 'images', kind: 'image' },
  ],
};

/** Every type's SEO component carries a share image. */
const SEO_IMAGE: FileField = { path: 'seo.shareImage', kind: 'image', component: 'shared.seo' };

type Report = (path: string, message: string) => void;

/** Validates an item of `type`; never throws. */
export function validateEditorialInput(
  type: EditorialType,
  input: EditorialInput,
  options: EditorialValidationOptions = {},
): EditorialValidation {
  const errors: FieldError[] = [];
  const report: Report = (path, message) => errors.push({ path, message });
  const patch: EditorialPatch = {};
  const label = (field: string) => editorialFieldLabel(type, field);

  for (const field of REQUIRED_TEXT_FIELDS[type]) {
    if (isBlank(input[field])) report(field, `${label(field)} là bắt buộc.`);
  }
  checkSlug(input, label, report, patch);
  if (input.owningSite === null || input.owningSite === undefined) {
    report('owningSite', `${label('owningSite')} là bắt buộc: chọn đơn vị đăng nội dung này.`);
  }
  for (const field of REQUIRED_BLOCKS_FIELDS[type] ?? []) {
    if (!hasBlocksContent(input[field])) report(field, `${label(field)} là bắt buộc.`);
  }
  TYPE_RULES[type]?.(input, label, report, patch);
  checkFiles(type, input, report);
  if ((CITING_TYPES as readonly string[]).includes(type)) checkCitations(input, options, report, patch);
  return { ok: errors.length === 0, errors, patch };
}

function checkSlug(
  input: EditorialInput,
  label: (f: string) => string,
  report: Report,
  patch: EditorialPatch,
) {
  const typed = typeof input.slug === 'string' ? input.slug.trim() : '';
  if (typed !== '') {
    const slug = editorialSlug(typed);
    if (slug === '') report('slug', `${label('slug')} "${typed}" phải có ít nhất một chữ cái hoặc chữ số.`);
    else patch.slug = slug;
    return;
  }
  if (isBlank(input.title)) return; // the missing title is reported already
  const slug = editorialSlug(String(input.title));
  if (slug === '') {
    report(
      'slug',
      `${label('slug')}: không tạo được từ tiêu đề, hãy nhập đường dẫn (ví dụ "hoi-dap-dat-dai").`,
    );
    return;
  }
  patch.slug = slug;
  patch.slugFromTitle = true;
}

type TypeRule = (
  input: EditorialInput,
  label: (field: string) => string,
  report: Report,
  patch: EditorialPatch,
) => void;

const TYPE_RULES: Partial<Record<EditorialType, TypeRule>> = {
  qa(input, label, report) {
    const status = input.handlingStatus;
    if (status === 'rejected' && isBlank(input.rejectionReason)) {
      report('rejectionReason', `${label('rejectionReason')} là bắt buộc khi từ chối câu hỏi.`);
    }
    if (status === 'answered' || status === 'published') {
      const when = status === 'answered' ? 'đã trả lời' : 'đã công khai';
      if (!hasBlocksContent(input.answer))
        report('answer', `${label('answer')} là bắt buộc khi câu hỏi ${when}.`);
      if (isBlank(input.answeredAt)) {
        report('answeredAt', `${label('answeredAt')} là bắt buộc khi câu hỏi ${when}.`);
      }
    }
  },

  dialogue(input, label, report) {
    const opens = toInstant(input.opensAt);
    const closes = toInstant(input.closesAt);
    const live = toInstant(input.liveAt);
    if (!opens) report('opensAt', `${label('opensAt')} là bắt buộc.`);
    if (!closes) report('closesAt', `${label('closesAt')} là bắt buộc.`);
    if (opens && closes && !(opens < closes)) {
      report(
        'closesAt',
        `${label('closesAt')} (${formatVietnamTime(closes)}) phải sau thời điểm ` +
          `${label('opensAt').toLowerCase()} (${formatVietnamTime(opens)}).`,
      );
    }
    if (live && opens && closes && (live < opens || live > closes)) {
      report(
        'liveAt',
        `${label('liveAt')} (${formatVietnamTime(live)}) phải nằm trong thời gian đối thoại, từ ` +
          `${formatVietnamTime(opens)} đến ${formatVietnamTime(closes)}.`,
      );
    }
    if (!isBlank(input.videoUrl) && !/^https?:\/\/[^\s/]+\S*$/.test(String(input.videoUrl).trim())) {
      report('videoUrl', `${label('videoUrl')} phải là địa chỉ web bắt đầu bằng http:// hoặc https://.`);
    }
  },

  video(input, label, report, patch) {
    if (input.sourceType === 'youtube') {
      const id = parseYoutubeId(input.youtubeId);
      if (id) patch.youtubeId = id;
      else if (isBlank(input.youtubeId)) {
        report('youtubeId', `${label('youtubeId')} là bắt buộc khi nguồn video là YouTube.`);
      } else {
        report(
          'youtubeId',
          `${label('youtubeId')} "${String(input.youtubeId).trim()}" không hợp lệ: dán địa chỉ video ` +
            '(https://www.youtube.com/watch?v=…) hoặc mã 11 ký tự.',
        );
      }
    }
    if (input.sourceType === 'upload' && !input.videoFile) {
      report('videoFile', `${label('videoFile')} là bắt buộc khi nguồn video là tệp tải lên.`);
    }
  },

  'legal-situation'(input, _label, report) {
    const quiz = input.quiz as Record<string, unknown> | null | undefined;
    if (!quiz || typeof quiz !== 'object') return;
    const quizLabel = (field: string) => editorialFieldLabel('situation.quiz', field);
    if (isBlank(quiz.prompt)) report('quiz.prompt', `${quizLabel('prompt')} là bắt buộc khi có trắc nghiệm.`);
    if (isBlank(quiz.explanation)) {
      report('quiz.explanation', `${quizLabel('explanation')} là bắt buộc khi có trắc nghiệm.`);
    }
    const options = Array.isArray(quiz.options) ? (quiz.options as Array<Record<string, unknown>>) : [];
    if (options.length < QUIZ_OPTIONS.min || options.length > QUIZ_OPTIONS.max) {
      report(
        'quiz.options',
        `${quizLabel('options')}: cần từ ${QUIZ_OPTIONS.min} đến ${QUIZ_OPTIONS.max} phương án, ` +
          `hiện có ${options.length}.`,
      );
    }
    options.forEach((option, i) => {
      if (isBlank(option?.text)) {
        report(
          `quiz.options.${i}.text`,
          `${editorialFieldLabel('situation.quiz-option', 'text')} ${i + 1} là bắt buộc.`,
        );
      }
    });
    const correct = options.filter((o) => o?.isCorrect === true).length;
    if (options.length > 0 && correct !== 1) {
      report('quiz.options', `${quizLabel('options')}: phải có đúng một phương án đúng, hiện có ${correct}.`);
    }
  },
};

/** Walks `path` ("files.file") through objects and arrays, yielding [dotted path, value] pairs. */
function* valuesAt(
  value: unknown,
  segments: readonly string[],
  prefix: string,
): Generator<[string, unknown]> {
  if (segments.length === 0) {
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) yield [`${prefix}.${i}`, item];
    } else yield [prefix, value];
    return;
  }
  const [head, ...rest] = segments as [string, ...string[]];
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* valuesAt(item, segments, `${prefix}.${i}`);
    return;
  }
  if (value && typeof value === 'object') {
    const next = (value as Record<string, unknown>)[head];
    yield* valuesAt(next, rest, prefix === '' ? head : `${prefix}.${head}`);
  }
}

function checkFiles(type: EditorialType, input: EditorialInput, report: Report) {
  for (const { path, kind, component } of [...FILE_FIELDS[type], SEO_IMAGE]) {
    const [head = '', field = ''] = path.split('.');
    const label = component
      ? `${editorialFieldLabel(type, head)} – ${editorialFieldLabel(component, field).toLowerCase()}`
      : editorialFieldLabel(type, head);
    for (const [at, file] of valuesAt(input, path.split('.'), '')) {
      if (!isFile(file)) continue;
      const problem = fileProblem(file, kind, label);
      if (problem) report(at, problem);
    }
  }
}

function isFile(value: unknown): value is UploadedFileFacts {
  return (
    typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string'
  );
}

function checkCitations(
  input: EditorialInput,
  options: EditorialValidationOptions,
  report: Report,
  patch: EditorialPatch,
) {
  if (!Array.isArray(input.citations)) return;
  const numberLabel = editorialFieldLabel('shared.legal-citation', 'documentNumber');
  const numbers: string[] = [];
  (input.citations as Array<Record<string, unknown> | null>).forEach((citation, i) => {
    const path = `citations.${i}.documentNumber`;
    const where = `Văn bản viện dẫn thứ ${i + 1}`;
    const typed =
      typeof citation?.documentNumber === 'string' ? citation.documentNumber.normalize('NFC').trim() : '';
    if (typed === '') {
      report(path, `${where}: ${numberLabel.toLowerCase()} là bắt buộc.`);
      numbers.push(typed);
      return;
    }
    const parsed = safeParseDocumentNumber(typed);
    if (parsed.ok) numbers.push(parsed.value.normalized);
    else if (options.isKnownDocumentNumber?.(typed)) numbers.push(typed);
    else {
      report(path, `${where}: ${parsed.error.message}`);
      numbers.push(typed);
    }
  });
  patch.citationNumbers = numbers;
}
