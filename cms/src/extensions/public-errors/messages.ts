/**
 * Strapi's, Koa's and the plugins' own refusals on the public API, in Vietnamese, each with a
 * stable code. Our own refusals already carry a code and are left alone.
 */
export interface PublicRefusal {
  code: string;
  message: string;
}

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

/** A message already written for Vietnamese readers (our validation messages). */
export function isVietnamese(message: string): boolean {
  return VIETNAMESE.test(message);
}

/** The refusal for an HTTP status and Strapi's English message. */
export function refusalFor(status: number, message: string): PublicRefusal {
  const invalidKey = /^Invalid key (.+)$/.exec(message);
  if (invalidKey)
    return {
      code: 'invalid_parameter',
      message: `Tham số hoặc trường “${invalidKey[1]}” không hợp lệ hay không được phép.`,
    };
  if (message === 'Invalid credentials')
    return { code: 'invalid_credentials', message: 'Email hoặc mật khẩu không đúng.' };
  if (/token expired/i.test(message))
    return { code: 'token_expired', message: 'Mã truy cập đã hết hạn: hãy dùng mã mới hoặc đăng nhập lại.' };
  switch (status) {
    case 400:
      return {
        code: 'bad_request',
        message: 'Yêu cầu không hợp lệ: hãy kiểm tra lại tham số và dữ liệu gửi lên.',
      };
    case 401:
      return { code: 'unauthorized', message: 'Cần đăng nhập hoặc mã truy cập hợp lệ để dùng địa chỉ này.' };
    case 403:
      return { code: 'forbidden', message: 'Bạn không được phép thực hiện thao tác này.' };
    case 404:
      return { code: 'not_found', message: 'Không tìm thấy địa chỉ hoặc nội dung được yêu cầu.' };
    case 405:
      return { code: 'method_not_allowed', message: 'Phương thức này không được hỗ trợ cho địa chỉ này.' };
    case 409:
      return { code: 'conflict', message: 'Yêu cầu xung đột với dữ liệu hiện có.' };
    case 413:
      return { code: 'too_large', message: 'Nội dung gửi lên quá lớn.' };
    case 415:
      return {
        code: 'unsupported_type',
        message: 'Kiểu nội dung không được hỗ trợ: hãy gửi application/json.',
      };
    case 429:
      return { code: 'rate_limited', message: 'Quá nhiều yêu cầu trong thời gian ngắn: hãy thử lại sau.' };
    case 501:
    case 502:
    case 503:
    case 504:
      return { code: 'unavailable', message: 'Dịch vụ tạm thời chưa sẵn sàng: hãy thử lại sau ít phút.' };
    default:
      return status >= 500
        ? {
            code: 'server_error',
            message: 'Hệ thống gặp lỗi khi xử lý yêu cầu; không có gì bị thay đổi. Hãy thử lại sau.',
          }
        : { code: 'bad_request', message: 'Yêu cầu không được chấp nhận.' };
  }
}

/** A GraphQL error's message for the public, from its code and English message. */
export function graphqlRefusal(code: string | undefined, message: string): PublicRefusal {
  const field = /^Cannot query field "([^"]+)" on type "([^"]+)"/.exec(message);
  if (field)
    return {
      code: 'GRAPHQL_VALIDATION_FAILED',
      message: `Không có trường “${field[1]}” trong kiểu “${field[2]}”.`,
    };
  const inputField = /^Field "([^"]+)" is not defined by type "([^"]+)"/.exec(message);
  if (inputField)
    return {
      code: 'GRAPHQL_VALIDATION_FAILED',
      message: `Không có trường “${inputField[1]}” trong kiểu “${inputField[2]}”.`,
    };
  const argument = /^Unknown argument "([^"]+)" on field "([^"]+)"/.exec(message);
  if (argument)
    return {
      code: 'GRAPHQL_VALIDATION_FAILED',
      message: `Trường “${argument[2]}” không có tham số “${argument[1]}”.`,
    };
  if (/introspection/i.test(message))
    return { code: 'GRAPHQL_VALIDATION_FAILED', message: 'Truy vấn cấu trúc (introspection) không được mở.' };
  switch (code) {
    case 'FORBIDDEN':
      return { code, message: 'Bạn không được phép truy cập dữ liệu này.' };
    case 'UNAUTHENTICATED':
      return { code, message: 'Cần mã truy cập hợp lệ.' };
    case 'BAD_USER_INPUT':
      return { code, message: 'Giá trị gửi lên không hợp lệ.' };
    case 'GRAPHQL_PARSE_FAILED':
      return { code, message: 'Không đọc được truy vấn GraphQL: cú pháp không hợp lệ.' };
    case 'GRAPHQL_VALIDATION_FAILED':
      return { code, message: 'Truy vấn GraphQL không hợp lệ với cấu trúc dữ liệu của hệ thống.' };
    case 'BAD_REQUEST':
      return { code, message: 'Yêu cầu GraphQL không hợp lệ.' };
    case 'PERSISTED_QUERY_NOT_FOUND':
    case 'PERSISTED_QUERY_NOT_SUPPORTED':
      return { code, message: 'Truy vấn lưu sẵn không được hỗ trợ.' };
    default:
      return {
        code: 'INTERNAL_SERVER_ERROR',
        message: 'Hệ thống gặp lỗi khi xử lý truy vấn; hãy thử lại sau.',
      };
  }
}
