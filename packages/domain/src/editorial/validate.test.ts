import { EDITORIAL_TYPES, type EditorialType } from './vocabulary.js';
import { validateEditorialInput, type EditorialInput } from './validate.js';

const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];
const site = 'quoc-gia';
const pdf = { name: 'to-gap.pdf', ext: '.pdf', mime: 'application/pdf', size: 420 };

/** A valid item of each type, as stored after the write (facts from the Labour Code, 45/2019/QH14). */
const VALID: Record<EditorialType, EditorialInput> = {
  introduction: {
    title: 'Giới thiệu Bộ luật Lao động 2019',
    introductionType: 'new_document',
    summary: 'Những điểm mới của Bộ luật Lao động số 45/2019/QH14.',
    body: paragraph('Bộ luật Lao động có hiệu lực từ ngày 01/01/2021.'),
    owningSite: site,
    citations: [{ documentNumber: '45/2019/QH14', article: '169' }],
  },
  qa: {
    title: 'Tuổi nghỉ hưu của người lao động',
    question: 'Tuổi nghỉ hưu của người lao động từ năm 2021 là bao nhiêu?',
    handlingStatus: 'received',
    owningSite: site,
  },
  dialogue: {
    title: 'Đối thoại về tiền lương',
    topic: 'Tiền lương tối thiểu',
    opensAt: '2025-06-01T01:00:00.000Z',
    liveAt: '2025-06-10T02:00:00.000Z',
    closesAt: '2025-06-15T10:00:00.000Z',
    phase: 'planned',
    owningSite: site,
  },
  material: {
    title: 'Tờ gấp Bộ luật Lao động',
    materialType: 'leaflet',
    summary: 'Tờ gấp giới thiệu Bộ luật Lao động.',
    files: [{ title: 'Tờ gấp', file: pdf }],
    owningSite: site,
  },
  video: {
    title: 'Tiểu phẩm: hợp đồng lao động',
    summary: 'Tiểu phẩm về giao kết hợp đồng lao động.',
    sourceType: 'youtube',
    youtubeId: 'dQw4w9WgXcQ',
    captions: [
      {
        language: 'vi',
        label: 'Tiếng Việt',
        file: { name: 'vi.vtt', ext: '.vtt', mime: 'text/vtt', size: 3 },
      },
    ],
    owningSite: site,
  },
  'legal-situation': {
    title: 'Thử việc bao lâu?',
    scenario: 'Anh A được tuyển làm kỹ sư.',
    question: 'Thời gian thử việc tối đa là bao lâu?',
    analysis: paragraph('Theo Điều 25 Bộ luật Lao động, không quá 60 ngày.'),
    quiz: {
      prompt: 'Thời gian thử việc tối đa với kỹ sư?',
      options: [
        { text: '30 ngày', isCorrect: false },
        { text: '60 ngày', isCorrect: true },
      ],
      explanation: 'Điều 25 khoản 2.',
    },
    owningSite: site,
  },
  book: {
    title: 'Bộ luật Lao động',
    authors: 'Quốc hội',
    description: 'Toàn văn Bộ luật Lao động.',
    files: [
      { title: 'EPUB', file: { name: 'blld.epub', ext: '.epub', mime: 'application/epub+zip', size: 900 } },
    ],
    owningSite: site,
  },
  guidance: {
    title: 'Kế hoạch PBGDPL năm 2025',
    guidanceType: 'plan',
    summary: 'Kế hoạch phổ biến, giáo dục pháp luật năm 2025.',
    owningSite: site,
  },
  'news-item': {
    title: 'Hội nghị phổ biến Bộ luật Lao động',
    summary: 'Hội nghị tại Hà Nội.',
    images: [{ name: 'hoi-nghi.jpg', ext: '.jpg', mime: 'image/jpeg', size: 300 }],
    owningSite: site,
  },
};

const errorsOf = (type: EditorialType, change: Record<string, unknown>) =>
  Object.fromEntries(
    validateEditorialInput(type, { ...VALID[type], ...change }).errors.map((e) => [e.path, e.message]),
  );

describe('validateEditorialInput', () => {
  it.each(EDITORIAL_TYPES)('accepts a valid %s and makes its slug from the title', (type) => {
    const result = validateEditorialInput(type, VALID[type]);
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.patch.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(result.patch.slugFromTitle).toBe(true);
  });

  it('folds "đ" and the other diacritics of the title into the slug', () => {
    const result = validateEditorialInput('qa', { ...VALID.qa, title: 'Đất đai: đền bù khi thu hồi đất' });
    expect(result.patch.slug).toBe('dat-dai-den-bu-khi-thu-hoi-dat');
  });

  it('keeps the editor’s slug, normalised, and does not call it generated', () => {
    const result = validateEditorialInput('qa', { ...VALID.qa, slug: ' Tuổi Nghỉ Hưu ' });
    expect(result.patch).toMatchObject({ slug: 'tuoi-nghi-huu' });
    expect(result.patch.slugFromTitle).toBeUndefined();
  });

  it('refuses a slug with no letter or digit', () => {
    expect(errorsOf('qa', { slug: '---' }).slug).toMatch(/^Đường dẫn "---" phải có ít nhất một chữ cái/);
  });

  it.each([
    ['introduction', 'summary', /^Tóm tắt là bắt buộc/],
    ['qa', 'question', /^Câu hỏi là bắt buộc/],
    ['dialogue', 'topic', /^Chủ đề là bắt buộc/],
    ['legal-situation', 'scenario', /^Tình huống là bắt buộc/],
    ['book', 'authors', /^Tác giả là bắt buộc/],
    ['book', 'description', /^Giới thiệu sách là bắt buộc/],
    ['guidance', 'summary', /^Trích yếu là bắt buộc/],
    ['news-item', 'title', /^Tiêu đề là bắt buộc/],
  ] as const)('%s: a blank %s is refused, naming the field', (type, field, message) => {
    expect(errorsOf(type, { [field]: '  \n ' })[field]).toMatch(message);
  });

  it('requires rich text that a reader would see', () => {
    expect(errorsOf('introduction', { body: paragraph('   ') }).body).toMatch(/^Nội dung là bắt buộc/);
    expect(errorsOf('legal-situation', { analysis: null }).analysis).toMatch(
      /^Phân tích, giải đáp là bắt buộc/,
    );
  });

  it.each(EDITORIAL_TYPES)('%s: the owning site is required', (type) => {
    expect(errorsOf(type, { owningSite: null }).owningSite).toMatch(/^Trang sở hữu là bắt buộc/);
  });

  describe('video', () => {
    it('reads the id from a pasted YouTube address', () => {
      const result = validateEditorialInput('video', {
        ...VALID.video,
        youtubeId: 'https://youtu.be/dQw4w9WgXcQ?t=3',
      });
      expect(result.ok).toBe(true);
      expect(result.patch.youtubeId).toBe('dQw4w9WgXcQ');
    });

    it('refuses a YouTube video without a valid id', () => {
      expect(errorsOf('video', { youtubeId: null }).youtubeId).toMatch(/^Mã video YouTube là bắt buộc/);
      expect(errorsOf('video', { youtubeId: 'https://vimeo.com/1' }).youtubeId).toMatch(/không hợp lệ/);
    });

    it('refuses an uploaded video without its file, and a file that is not a video', () => {
      expect(errorsOf('video', { sourceType: 'upload', videoFile: null }).videoFile).toMatch(
        /^Tệp video là bắt buộc khi nguồn video là tệp tải lên/,
      );
      const avi = { name: 'a.avi', ext: '.avi', mime: 'video/x-msvideo', size: 100 };
      expect(errorsOf('video', { sourceType: 'upload', videoFile: avi }).videoFile).toMatch(/MP4 hoặc WebM/);
    });

    it('accepts an uploaded video of 400 MB and refuses one of 600 MB', () => {
      const mp4 = (mb: number) => ({
        name: 'v.mp4',
        ext: '.mp4',
        mime: 'video/mp4',
        size: (mb * 1024 * 1024) / 1000,
      });
      expect(errorsOf('video', { sourceType: 'upload', videoFile: mp4(400) })).toEqual({});
      expect(errorsOf('video', { sourceType: 'upload', videoFile: mp4(600) }).videoFile).toMatch(/500 MB/);
    });

    it('refuses a caption file that is not WebVTT, on the component’s file field', () => {
      const srt = { name: 'vi.srt', ext: '.srt', mime: 'application/x-subrip', size: 2 };
      const errors = errorsOf('video', { captions: [{ language: 'vi', label: 'Tiếng Việt', file: srt }] });
      expect(errors['captions.0.file']).toMatch(/^Phụ đề – tệp phụ đề: tệp "vi.srt".*WebVTT/);
    });
  });

  it('book: refuses files that are neither PDF nor EPUB', () => {
    const docx = { name: 'sach.docx', ext: '.docx', mime: 'application/msword', size: 10 };
    const errors = errorsOf('book', {
      files: [
        { title: 'PDF', file: pdf },
        { title: 'Word', file: docx },
      ],
    });
    expect(Object.keys(errors)).toEqual(['files.1.file']);
    expect(errors['files.1.file']).toMatch(/chỉ nhận PDF hoặc EPUB/);
  });

  it('material: refuses an executable and a file over 50 MB', () => {
    const exe = { name: 'x.exe', ext: '.exe', mime: 'application/x-msdownload', size: 10 };
    const big = { ...pdf, size: 60_000 };
    const errors = errorsOf('material', {
      files: [
        { title: 'a', file: exe },
        { title: 'b', file: big },
      ],
    });
    expect(errors['files.0.file']).toMatch(/không đúng định dạng/);
    expect(errors['files.1.file']).toMatch(/vượt giới hạn 50 MB/);
  });

  it('news: refuses an SVG among the images and an oversized share image', () => {
    const svg = { name: 'logo.svg', ext: '.svg', mime: 'image/svg+xml', size: 3 };
    const huge = { name: 'share.jpg', ext: '.jpg', mime: 'image/jpeg', size: 80_000 };
    const errors = errorsOf('news-item', { images: [svg], seo: { shareImage: huge } });
    expect(errors['images.0']).toMatch(/^Ảnh: tệp "logo.svg"/);
    expect(errors['seo.shareImage']).toMatch(/^SEO và chia sẻ – ảnh khi chia sẻ: .*50 MB/);
  });

  describe('dialogue', () => {
    it('refuses a dialogue that closes before it opens', () => {
      const errors = errorsOf('dialogue', { closesAt: '2025-05-01T00:00:00.000Z', liveAt: null });
      expect(errors.closesAt).toMatch(/^Kết thúc \(07:00 01\/05\/2025\) phải sau thời điểm mở nhận câu hỏi/);
    });

    it('refuses a live session outside the dialogue’s time, and accepts one at either end', () => {
      expect(errorsOf('dialogue', { liveAt: '2025-06-20T00:00:00.000Z' }).liveAt).toMatch(
        /^Phiên đối thoại trực tuyến .* phải nằm trong thời gian đối thoại/,
      );
      expect(errorsOf('dialogue', { liveAt: '2025-06-01T01:00:00.000Z' })).toEqual({});
      expect(errorsOf('dialogue', { liveAt: '2025-06-15T10:00:00.000Z' })).toEqual({});
    });

    it('requires both ends of the schedule and a web address for the video', () => {
      const errors = errorsOf('dialogue', { opensAt: null, closesAt: '', videoUrl: 'youtube' });
      expect(errors.opensAt).toMatch(/^Mở nhận câu hỏi là bắt buộc/);
      expect(errors.closesAt).toMatch(/^Kết thúc là bắt buộc/);
      expect(errors.videoUrl).toMatch(/http/);
    });
  });

  describe('legal-situation quiz', () => {
    const option = (text: string, isCorrect = false) => ({ text, isCorrect });
    const quiz = (options: unknown[]) => ({
      quiz: { ...(VALID['legal-situation'].quiz as object), options },
    });

    it('is optional', () => {
      expect(errorsOf('legal-situation', { quiz: null })).toEqual({});
    });

    it('needs from 2 to 6 options', () => {
      expect(errorsOf('legal-situation', quiz([option('60 ngày', true)]))['quiz.options']).toMatch(
        /cần từ 2 đến 6 phương án, hiện có 1/,
      );
      const seven = Array.from({ length: 7 }, (_, i) => option(`${i} ngày`, i === 0));
      expect(errorsOf('legal-situation', quiz(seven))['quiz.options']).toMatch(/hiện có 7/);
    });

    it('needs exactly one correct option', () => {
      expect(errorsOf('legal-situation', quiz([option('a'), option('b')]))['quiz.options']).toMatch(
        /đúng một phương án đúng, hiện có 0/,
      );
      expect(
        errorsOf('legal-situation', quiz([option('a', true), option('b', true)]))['quiz.options'],
      ).toMatch(/hiện có 2/);
    });

    it('needs the text of each option, the question and the explanation', () => {
      const errors = errorsOf('legal-situation', {
        quiz: { prompt: ' ', explanation: '', options: [option('a', true), option('')] },
      });
      expect(Object.keys(errors).sort()).toEqual(['quiz.explanation', 'quiz.options.1.text', 'quiz.prompt']);
    });
  });

  describe('qa handling status', () => {
    it('a rejected question needs the reason', () => {
      expect(errorsOf('qa', { handlingStatus: 'rejected' }).rejectionReason).toMatch(
        /^Lý do từ chối là bắt buộc/,
      );
      expect(errorsOf('qa', { handlingStatus: 'rejected', rejectionReason: 'Câu hỏi trùng lặp.' })).toEqual(
        {},
      );
    });

    it('a value sent as `status` (the draft/published switch) is not the handling status', () => {
      expect(errorsOf('qa', { status: 'rejected' })).toEqual({});
    });

    it.each(['answered', 'published'])('a question %s needs the answer and its date', (handlingStatus) => {
      const errors = errorsOf('qa', { handlingStatus, answer: paragraph(' ') });
      expect(errors.answer).toMatch(/^Trả lời là bắt buộc/);
      expect(errors.answeredAt).toMatch(/^Ngày trả lời là bắt buộc/);
      expect(
        errorsOf('qa', {
          handlingStatus,
          answer: paragraph('Nam 62 tuổi, nữ 60 tuổi.'),
          answeredAt: '2025-02-01',
        }),
      ).toEqual({});
    });
  });

  describe('citations', () => {
    it('normalises cited numbers', () => {
      const result = validateEditorialInput('introduction', {
        ...VALID.introduction,
        citations: [{ documentNumber: ' 45 / 2019 / qh14 ' }, { documentNumber: '15/2025/nđ-cp' }],
      });
      expect(result.ok).toBe(true);
      expect(result.patch.citationNumbers).toEqual(['45/2019/QH14', '15/2025/NĐ-CP']);
    });

    it('refuses a number that is not one, naming the citation', () => {
      const errors = errorsOf('qa', {
        citations: [{ documentNumber: '45/2019/QH14' }, { documentNumber: 'Luật Đất đai' }],
      });
      expect(errors['citations.1.documentNumber']).toMatch(
        /^Văn bản viện dẫn thứ 2: Số ký hiệu "Luật Đất đai" không đúng định dạng/,
      );
      expect(errorsOf('qa', { citations: [{ documentNumber: '' }] })['citations.0.documentNumber']).toMatch(
        /bắt buộc/,
      );
    });

    it('accepts a historic number the corpus holds as printed', () => {
      const input = { ...VALID.introduction, citations: [{ documentNumber: '101-SL/L.003' }] };
      expect(validateEditorialInput('introduction', input).ok).toBe(false);
      const result = validateEditorialInput('introduction', input, {
        isKnownDocumentNumber: (n) => n === '101-SL/L.003',
      });
      expect(result.ok).toBe(true);
      expect(result.patch.citationNumbers).toEqual(['101-SL/L.003']);
    });

    it('are not read on types that do not cite', () => {
      const result = validateEditorialInput('book', { ...VALID.book, citations: [{ documentNumber: 'x' }] });
      expect(result.ok).toBe(true);
      expect(result.patch.citationNumbers).toBeUndefined();
    });
  });

  it('reports every problem at once', () => {
    const errors = errorsOf('dialogue', {
      title: '',
      topic: '',
      owningSite: null,
      closesAt: '2025-01-01T00:00:00Z',
    });
    expect(Object.keys(errors)).toEqual(expect.arrayContaining(['title', 'topic', 'owningSite', 'closesAt']));
  });
});
