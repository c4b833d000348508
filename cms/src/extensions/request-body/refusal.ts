import { uploadTooLargeMessage } from '@pbgdpl/domain';

/**
 * A request whose body the CMS will not read or cannot use: a 4xx with a stable code and a
 * Vietnamese message, answered in Strapi's error shape (`{ data: null, error }`) by the
 * request-body middleware, whichever route it was sent to.
 */
export class BodyRefused extends Error {
  override name = 'BodyRefused';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The error's name in the answer (Strapi's, where clients know it: PayloadTooLargeError). */
    readonly errorName = 'BodyRefused',
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** 32768 → "32 KB", 4194304 → "4 MB". */
export function humanBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.floor(bytes / (1024 * 1024)).toLocaleString('vi-VN')} MB`;
  return `${Math.floor(bytes / 1024).toLocaleString('vi-VN')} KB`;
}

export const BODY_REFUSALS = {
  tooLarge: (limit: number) =>
    new BodyRefused(
      413,
      'too_large',
      `Nội dung gửi lên quá lớn: địa chỉ này nhận tối đa ${humanBytes(limit)}.`,
      'PayloadTooLargeError',
      { limit },
    ),
  uploadTooLarge: (limit: number) =>
    new BodyRefused(413, 'too_large', uploadTooLargeMessage(limit), 'PayloadTooLargeError', { limit }),
  unreadable: () =>
    new BodyRefused(
      400,
      'unreadable',
      'Không đọc được nội dung gửi lên: JSON hoặc dữ liệu biểu mẫu không hợp lệ.',
    ),
  invalidUtf8: () =>
    new BodyRefused(
      400,
      'invalid_utf8',
      'Nội dung gửi lên không phải văn bản UTF-8 hợp lệ: hãy gửi lại bằng bảng mã UTF-8.',
    ),
  nulCharacter: (where: 'body' | 'query') =>
    new BodyRefused(
      400,
      'nul_character',
      where === 'body'
        ? 'Nội dung gửi lên chứa ký tự NUL (mã 0), không được chấp nhận.'
        : 'Địa chỉ yêu cầu chứa ký tự NUL (%00), không được chấp nhận.',
    ),
  reservedName: (name: string) =>
    new BodyRefused(400, 'reserved_name', `Tham số “${name}” không được dùng trong yêu cầu.`),
  compressed: () =>
    new BodyRefused(
      415,
      'unsupported_encoding',
      'Không nhận nội dung nén (Content-Encoding): hãy gửi dữ liệu không nén.',
    ),
  unsupportedType: () =>
    new BodyRefused(
      415,
      'unsupported_type',
      'Kiểu nội dung không được hỗ trợ: hãy gửi application/json hoặc dữ liệu biểu mẫu.',
    ),
  filesNotAccepted: () => new BodyRefused(415, 'files_not_accepted', 'Địa chỉ này không nhận tệp đính kèm.'),
  unexpectedBody: () =>
    new BodyRefused(
      400,
      'unexpected_body',
      'Phương thức này không nhận nội dung gửi lên: chỉ POST, PUT và PATCH được kèm dữ liệu.',
    ),
  aborted: () => new BodyRefused(400, 'aborted', 'Yêu cầu bị ngắt trước khi gửi xong; không có gì được lưu.'),
} as const;
