/**
 * Which files an editor may attach where, and how large. Citizens download them on cheap phones
 * over mobile data, and a site must never serve an executable disguised as a leaflet: the
 * extension decides the kind, and a specific MIME type that disagrees with it is refused.
 */

/** An uploaded file as the CMS stores it (Strapi's upload plugin): size in kilobytes of 1,000 bytes. */
export interface UploadedFileFacts {
  readonly name: string;
  /** With the dot, as Strapi stores it: ".pdf". */
  readonly ext: string | null;
  readonly mime: string | null;
  /** Kilobytes (bytes / 1000), as Strapi's `size`. */
  readonly size: number | null;
}

export interface FileRule {
  /** Lower-case, with the dot. */
  readonly extensions: readonly string[];
  /** MIME types that may come with those extensions. */
  readonly mimes: readonly string[];
  readonly maxBytes: number;
  /** What to tell the editor: "PDF hoặc EPUB". */
  readonly description: string;
}

const MB = 1024 * 1024;
/** Every attachment but a video: the upload plugin's own limit (UPLOAD_SIZE_LIMIT_BYTES) by default. */
export const FILE_SIZE_LIMIT_BYTES = 50 * MB;
export const VIDEO_SIZE_LIMIT_BYTES = 500 * MB;

const OFFICE_DOCUMENTS = {
  '.pdf': ['application/pdf'],
  '.doc': ['application/msword'],
  '.docx': ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  '.ppt': ['application/vnd.ms-powerpoint'],
  '.pptx': ['application/vnd.openxmlformats-officedocument.presentationml.presentation'],
  '.odt': ['application/vnd.oasis.opendocument.text'],
  '.odp': ['application/vnd.oasis.opendocument.presentation'],
} as const;
const IMAGES = {
  '.jpg': ['image/jpeg'],
  '.jpeg': ['image/jpeg'],
  '.png': ['image/png'],
  '.webp': ['image/webp'],
} as const;

function rule(
  types: Readonly<Record<string, readonly string[]>>,
  maxBytes: number,
  description: string,
): FileRule {
  return {
    extensions: Object.keys(types),
    mimes: [...new Set(Object.values(types).flat())],
    maxBytes,
    description,
  };
}

export const FILE_RULES = {
  material: rule(
    { ...OFFICE_DOCUMENTS, ...IMAGES },
    FILE_SIZE_LIMIT_BYTES,
    'PDF, DOC, DOCX, PPT, PPTX, ODT, ODP, JPG, PNG hoặc WEBP',
  ),
  guidance: rule(
    { ...OFFICE_DOCUMENTS, ...IMAGES },
    FILE_SIZE_LIMIT_BYTES,
    'PDF, DOC, DOCX, PPT, PPTX, ODT, ODP, JPG, PNG hoặc WEBP',
  ),
  book: rule(
    { '.pdf': ['application/pdf'], '.epub': ['application/epub+zip'] },
    FILE_SIZE_LIMIT_BYTES,
    'PDF hoặc EPUB',
  ),
  // Text files are not recognised by content, so the browser's declared type comes through.
  caption: rule({ '.vtt': ['text/vtt', 'text/plain'] }, FILE_SIZE_LIMIT_BYTES, 'Tệp WebVTT (.vtt, text/vtt)'),
  video: rule({ '.mp4': ['video/mp4'], '.webm': ['video/webm'] }, VIDEO_SIZE_LIMIT_BYTES, 'MP4 hoặc WebM'),
  image: rule(IMAGES, FILE_SIZE_LIMIT_BYTES, 'JPG, PNG hoặc WEBP'),
} as const satisfies Record<string, FileRule>;

export type FileKind = keyof typeof FILE_RULES;

/** Declared when the client did not say: the extension then decides alone. */
const GENERIC_MIMES = new Set(['', 'application/octet-stream']);

/** "50 MB", "500 MB": sizes of the limits as editors read them. */
export function formatMegabytes(bytes: number): string {
  // One decimal, none when it is 0: Strapi keeps sizes in kilobytes, so 51 MB comes back as 50.99….
  const mb = Math.round((bytes / MB) * 10) / 10;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1).replace('.', ',')} MB`;
}

/**
 * Why `file` may not be attached as `kind`, in Vietnamese and starting with `label`, or null when
 * it may. The extension must be one of the kind's; a specific MIME type must match the kind too.
 */
export function fileProblem(file: UploadedFileFacts, kind: FileKind, label: string): string | null {
  const allowed: FileRule = FILE_RULES[kind];
  const ext = (file.ext ?? extensionOf(file.name)).toLowerCase();
  const mime = (file.mime ?? '').toLowerCase();
  const typeOk =
    allowed.extensions.includes(ext) && (GENERIC_MIMES.has(mime) || allowed.mimes.includes(mime));
  if (!typeOk) {
    return `${label}: tệp "${file.name}" không đúng định dạng; chỉ nhận ${allowed.description}.`;
  }
  const bytes = (file.size ?? 0) * 1000;
  if (bytes > allowed.maxBytes) {
    return (
      `${label}: tệp "${file.name}" nặng ${formatMegabytes(bytes)}, vượt giới hạn ` +
      `${formatMegabytes(allowed.maxBytes)}.`
    );
  }
  return null;
}

/** A file as the upload plugin receives it, before anything is stored. */
export interface IncomingUpload {
  readonly name: string;
  readonly mime: string | null;
  readonly bytes: number;
}

/**
 * The largest upload the media library takes for this MIME type: a video (video skits, M-4) up
 * to VIDEO_SIZE_LIMIT_BYTES, any other file FILE_SIZE_LIMIT_BYTES — what the attachment rules
 * allow anyway, so a 300 MB leaflet is refused at upload, not later on the item. `ceiling` (the
 * CMS's configured maximum, UPLOAD_SIZE_LIMIT_BYTES) caps both.
 */
export function uploadLimitBytes(mime: string | null, ceiling: number = VIDEO_SIZE_LIMIT_BYTES): number {
  return Math.min(isVideo(mime) ? VIDEO_SIZE_LIMIT_BYTES : FILE_SIZE_LIMIT_BYTES, ceiling);
}

/**
 * Why the media library refuses this upload for its size, in Vietnamese, or null when it may be
 * stored. Says the file's size, the limit that applies and what to do.
 */
export function uploadSizeProblem(file: IncomingUpload, ceiling?: number): string | null {
  const limit = uploadLimitBytes(file.mime, ceiling);
  if (file.bytes <= limit) return null;
  return (
    `Tệp "${file.name}" nặng ${formatMegabytes(file.bytes)}, vượt giới hạn ${formatMegabytes(limit)} ` +
    (isVideo(file.mime)
      ? 'cho một video. Hãy nén video hoặc cắt ngắn rồi tải lên lại.'
      : 'cho một tệp không phải video. Hãy giảm dung lượng tệp rồi tải lên lại.')
  );
}

/**
 * The refusal when a request carries more than the CMS reads at all (`limit` bytes), before any
 * file is looked at: the name and the kind are not known yet.
 */
export function uploadTooLargeMessage(limit: number): string {
  const video = formatMegabytes(uploadLimitBytes('video/mp4', limit));
  const other = formatMegabytes(uploadLimitBytes(null, limit));
  return (
    `Tệp tải lên quá lớn: một video được tối đa ${video}, tệp khác tối đa ${other}. ` +
    'Hãy giảm dung lượng tệp rồi tải lên lại.'
  );
}

function isVideo(mime: string | null): boolean {
  return (mime ?? '').toLowerCase().startsWith('video/');
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot) : '';
}
