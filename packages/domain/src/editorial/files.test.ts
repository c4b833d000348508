import {
  FILE_SIZE_LIMIT_BYTES,
  VIDEO_SIZE_LIMIT_BYTES,
  fileProblem,
  formatMegabytes,
  uploadLimitBytes,
  uploadSizeProblem,
  uploadTooLargeMessage,
} from './files.js';

const file = (name: string, mime: string | null, sizeKb = 120) => ({
  name,
  ext: name.includes('.') ? name.slice(name.lastIndexOf('.')) : null,
  mime,
  size: sizeKb,
});
const kb = (bytes: number) => bytes / 1000;

describe('fileProblem', () => {
  it.each([
    ['material', file('to-gap-luat-dat-dai.pdf', 'application/pdf')],
    [
      'material',
      file('so-tay.DOCX', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
    ],
    [
      'material',
      file('bai-giang.pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'),
    ],
    ['material', file('bai-giang.ppt', 'application/vnd.ms-powerpoint')],
    ['material', file('de-cuong.odt', 'application/vnd.oasis.opendocument.text')],
    ['material', file('trinh-chieu.odp', 'application/vnd.oasis.opendocument.presentation')],
    ['material', file('infographic.webp', 'image/webp')],
    ['material', file('infographic.jpeg', 'image/jpeg')],
    ['book', file('bo-luat-lao-dong.epub', 'application/epub+zip')],
    ['book', file('bo-luat-lao-dong.pdf', 'application/pdf')],
    ['caption', file('phu-de.vi.vtt', 'text/vtt')],
    ['caption', file('phu-de.vtt', 'application/octet-stream')],
    ['video', file('tieu-pham.mp4', 'video/mp4')],
    ['image', file('anh.png', 'image/png')],
  ] as const)('accepts as %s: %j', (kind, f) => {
    expect(fileProblem(f, kind, 'Tệp')).toBeNull();
  });

  it.each([
    ['material', file('cai-dat.exe', 'application/x-msdownload'), /chỉ nhận PDF, DOC, DOCX/],
    [
      'material',
      file('bang-tinh.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
      /không đúng định dạng/,
    ],
    ['material', file('gia-mao.pdf', 'application/x-msdownload'), /không đúng định dạng/],
    [
      'book',
      file('sach.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
      /chỉ nhận PDF hoặc EPUB/,
    ],
    ['caption', file('phu-de.srt', 'application/x-subrip'), /WebVTT/],
    ['caption', file('phu-de.txt', 'text/plain'), /WebVTT/],
    ['video', file('tieu-pham.avi', 'video/x-msvideo'), /MP4 hoặc WebM/],
    ['image', file('bieu-tuong.svg', 'image/svg+xml'), /JPG, PNG hoặc WEBP/],
  ] as const)('refuses as %s: %j', (kind, f, message) => {
    expect(fileProblem(f, kind, 'Tệp tài liệu')).toMatch(message);
    expect(fileProblem(f, kind, 'Tệp tài liệu')).toMatch(/^Tệp tài liệu: tệp "/);
  });

  it('accepts a file at the size limit and refuses one just above it', () => {
    expect(
      fileProblem(file('a.pdf', 'application/pdf', kb(FILE_SIZE_LIMIT_BYTES)), 'material', 'Tệp'),
    ).toBeNull();
    expect(
      fileProblem(file('a.pdf', 'application/pdf', kb(FILE_SIZE_LIMIT_BYTES) + 1), 'material', 'Tệp'),
    ).toMatch(/vượt giới hạn 50 MB/);
  });

  it('lets a video be ten times larger than other files, and no more', () => {
    expect(fileProblem(file('v.mp4', 'video/mp4', kb(400 * 1024 * 1024)), 'video', 'Tệp video')).toBeNull();
    expect(
      fileProblem(file('v.mp4', 'video/mp4', kb(VIDEO_SIZE_LIMIT_BYTES) + 1), 'video', 'Tệp video'),
    ).toMatch(/vượt giới hạn 500 MB/);
    expect(fileProblem(file('c.vtt', 'text/vtt', kb(60 * 1024 * 1024)), 'caption', 'Phụ đề')).toMatch(
      /50 MB/,
    );
  });
});

describe('formatMegabytes', () => {
  it('writes whole megabytes plainly and others with a decimal comma', () => {
    expect(formatMegabytes(50 * 1024 * 1024)).toBe('50 MB');
    expect(formatMegabytes(60_000_000)).toBe('57,2 MB');
  });

  it('rounds to one decimal and drops a trailing ",0" (a size read back from kilobytes)', () => {
    expect(formatMegabytes(53_477_380)).toBe('51 MB');
    expect(formatMegabytes(1.04 * 1024 * 1024)).toBe('1 MB');
  });
});

describe('upload size limits', () => {
  const MB = 1024 * 1024;

  it('takes a video up to 500 MB and any other file up to 50 MB', () => {
    expect(VIDEO_SIZE_LIMIT_BYTES).toBeGreaterThanOrEqual(500 * MB);
    expect(uploadLimitBytes('video/mp4')).toBe(VIDEO_SIZE_LIMIT_BYTES);
    expect(uploadLimitBytes('VIDEO/WEBM')).toBe(VIDEO_SIZE_LIMIT_BYTES);
    expect(uploadLimitBytes('application/pdf')).toBe(FILE_SIZE_LIMIT_BYTES);
    expect(uploadLimitBytes(null)).toBe(FILE_SIZE_LIMIT_BYTES);
    expect(uploadSizeProblem({ name: 'tieu-pham.mp4', mime: 'video/mp4', bytes: 500 * MB })).toBeNull();
    expect(uploadSizeProblem({ name: 'to-gap.pdf', mime: 'application/pdf', bytes: 50 * MB })).toBeNull();
  });

  it('says in Vietnamese how large the file is, the limit for its kind and what to do', () => {
    expect(uploadSizeProblem({ name: 'tieu-pham.mp4', mime: 'video/mp4', bytes: 612 * MB })).toBe(
      'Tệp "tieu-pham.mp4" nặng 612 MB, vượt giới hạn 500 MB cho một video. ' +
        'Hãy nén video hoặc cắt ngắn rồi tải lên lại.',
    );
    expect(uploadSizeProblem({ name: 'so-tay.pdf', mime: 'application/pdf', bytes: 60 * MB })).toMatch(
      /^Tệp "so-tay.pdf" nặng 60 MB, vượt giới hạn 50 MB cho một tệp không phải video\./,
    );
  });

  it('never exceeds the configured ceiling', () => {
    expect(uploadLimitBytes('video/mp4', 100 * MB)).toBe(100 * MB);
    expect(uploadLimitBytes('image/png', 10 * MB)).toBe(10 * MB);
    expect(uploadSizeProblem({ name: 'a.mp4', mime: 'video/mp4', bytes: 101 * MB }, 100 * MB)).toMatch(
      /vượt giới hạn 100 MB cho một video/,
    );
    expect(uploadTooLargeMessage(500 * MB)).toBe(
      'Tệp tải lên quá lớn: một video được tối đa 500 MB, tệp khác tối đa 50 MB. ' +
        'Hãy giảm dung lượng tệp rồi tải lên lại.',
    );
  });
});
