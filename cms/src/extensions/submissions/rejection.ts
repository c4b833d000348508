/**
 * A refused submission: an HTTP status (always 4xx, or 503 when the CMS cannot take it now), a
 * stable code for the form's script and the tests, and a Vietnamese message for the citizen.
 */
export class SubmissionRejected extends Error {
  override name = 'SubmissionRejected';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** Seconds, for Retry-After (rate limits, 503). */
    readonly retryAfter?: number,
    /** Further problems, each on its field (a form with several mistakes). */
    readonly problems: ReadonlyArray<{ field: string; message: string }> = [],
  ) {
    super(message);
  }
}

const reject =
  (status: number, code: string) =>
  (message: string, field?: string, retryAfter?: number): SubmissionRejected =>
    new SubmissionRejected(status, code, message, field, retryAfter);

/** The refusals every form shares, with their messages. */
export const REJECT = {
  foreignOrigin: () =>
    reject(
      403,
      'foreign_origin',
    )('Biểu mẫu chỉ được gửi từ các trang PBGDPL đã đăng ký. Hãy mở trang của cơ quan và gửi lại từ đó.'),
  honeypot: () =>
    reject(400, 'honeypot')(
      'Không gửi được: một ô ẩn dành để chặn thư rác đã bị điền. Nếu bạn không dùng phần mềm tự điền, hãy tải lại trang và gửi lại.',
      'website',
    ),
  tokenMissing: () =>
    reject(403, 'token_missing')('Biểu mẫu thiếu mã xác nhận. Hãy tải lại trang rồi gửi lại.', 'token'),
  tokenInvalid: () =>
    reject(403, 'token_invalid')(
      'Mã xác nhận của biểu mẫu không hợp lệ. Hãy tải lại trang rồi gửi lại.',
      'token',
    ),
  tokenExpired: () =>
    reject(403, 'token_expired')(
      'Biểu mẫu đã hết hạn. Hãy tải lại trang rồi gửi lại (nội dung bạn viết có thể cần chép lại).',
      'token',
    ),
  tokenWrongSite: () =>
    reject(403, 'token_wrong_site')(
      'Mã xác nhận của biểu mẫu thuộc trang khác. Hãy tải lại trang rồi gửi lại.',
      'token',
    ),
  rateLimited: (waitText: string, retryAfter: number) =>
    reject(429, 'rate_limited')(
      `Bạn đã gửi quá nhiều lần trong thời gian ngắn. Hãy thử lại sau ${waitText}.`,
      undefined,
      retryAfter,
    ),
  siteBusy: (siteName: string, waitText: string, retryAfter: number) =>
    reject(429, 'site_busy')(
      `Trang “${siteName}” đang nhận quá nhiều câu hỏi cùng lúc. Hãy thử lại sau ${waitText}.`,
      undefined,
      retryAfter,
    ),
  unknownSite: (code: string) =>
    reject(404, 'unknown_site')(`Không có trang PBGDPL nào mang mã “${code}” trong sổ đăng ký.`, 'site'),
  disabledSite: (name: string) =>
    reject(404, 'unknown_site')(`Trang “${name}” đã ngừng hoạt động và không nhận câu hỏi.`, 'site'),
  unknownField: (code: string) =>
    reject(400, 'unknown_field')(`Không có lĩnh vực pháp luật mang mã “${code}”.`, 'field'),
  duplicate: () =>
    reject(409, 'duplicate')(
      'Câu hỏi có cùng nội dung đã được gửi tới trang này gần đây. Nếu đó là câu hỏi của bạn, hãy dùng mã tra cứu đã nhận; không cần gửi lại.',
      'question',
    ),
  unknownDialogue: () =>
    reject(404, 'unknown_dialogue')(
      'Không tìm thấy cuộc đối thoại này (có thể đã bị gỡ khỏi trang).',
      'dialogue',
    ),
  dialogueClosed: (message: string) => reject(409, 'dialogue_closed')(message, 'dialogue'),
  unknownItem: () =>
    reject(404, 'unknown_item')(
      'Không tìm thấy nội dung được báo cáo (có thể đã được gỡ hoặc đang tạm ẩn).',
      'item',
    ),
  alreadyReported: () =>
    reject(409, 'already_reported')('Bạn đã báo cáo nội dung này; cơ quan quản lý đang xem xét.', 'item'),
  badReturnTo: () =>
    reject(400, 'bad_return_to')(
      'Địa chỉ trang xác nhận (returnTo) không thuộc trang PBGDPL đã đăng ký.',
      'returnTo',
    ),
  badTrackingCode: () =>
    reject(400, 'bad_tracking_code')(
      'Mã tra cứu gồm 10 chữ và số, ví dụ 7K3QD-M2X9A. Hãy kiểm tra lại.',
      'code',
    ),
  unknownTrackingCode: () =>
    reject(404, 'unknown_tracking_code')(
      'Không tìm thấy câu hỏi hay báo cáo nào với mã tra cứu này.',
      'code',
    ),
  tooLarge: () => reject(413, 'too_large')('Nội dung gửi lên quá lớn. Câu hỏi tối đa 5.000 ký tự.'),
  unreadable: () =>
    reject(400, 'unreadable')('Không đọc được dữ liệu gửi lên. Hãy gửi lại từ biểu mẫu trên trang.'),
  unsupportedType: () =>
    reject(
      415,
      'unsupported_type',
    )('Biểu mẫu phải được gửi dạng application/x-www-form-urlencoded hoặc application/json.'),
  notFound: () => reject(404, 'not_found')('Không có địa chỉ này trong dịch vụ nhận câu hỏi.'),
  methodNotAllowed: () => reject(405, 'method_not_allowed')('Phương thức không được hỗ trợ cho địa chỉ này.'),
  unavailable: () =>
    reject(503, 'unavailable')(
      'Hệ thống tạm thời chưa nhận được câu hỏi. Nội dung chưa được lưu: hãy thử gửi lại sau ít phút.',
      undefined,
      30,
    ),
} as const;
