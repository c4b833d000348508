import type { KoaContext as Context } from './koa';

/**
 * A refused demand request: a 4xx (or 503), a stable code for scripts and tests, and a Vietnamese
 * message. Answered in Strapi's error shape (`{ data: null, error }`), as the public forms are.
 */
export class DemandRejected extends Error {
  override name = 'DemandRejected';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

export const DEMAND_REJECT = {
  foreignOrigin: () =>
    new DemandRejected(
      403,
      'foreign_origin',
      'Chỉ các trang PBGDPL đã đăng ký mới gửi được số liệu tìm kiếm.',
    ),
  methodNotAllowed: () => new DemandRejected(405, 'method_not_allowed', 'Địa chỉ này chỉ nhận yêu cầu POST.'),
  unsupportedType: () =>
    new DemandRejected(
      415,
      'unsupported_type',
      'Dữ liệu phải được gửi dạng application/json hoặc text/plain (JSON).',
    ),
  tooLarge: () => new DemandRejected(413, 'too_large', 'Dữ liệu gửi lên quá lớn.'),
  unreadable: () =>
    new DemandRejected(
      400,
      'unreadable',
      'Không đọc được dữ liệu gửi lên: cần JSON dạng {"site": "…", "q": "…"}.',
    ),
  unknownSite: () =>
    new DemandRejected(400, 'unknown_site', 'Không có trang PBGDPL đang hoạt động nào mang mã này.', 'site'),
  badQuery: (message: string) => new DemandRejected(400, 'bad_query', message, 'q'),
  rateLimited: (retryAfter: number) =>
    new DemandRejected(
      429,
      'rate_limited',
      'Quá nhiều lượt gửi trong thời gian ngắn; lượt tìm kiếm này không được ghi nhận.',
      undefined,
      retryAfter,
    ),
  unavailable: () =>
    new DemandRejected(
      503,
      'unavailable',
      'Hệ thống tạm thời chưa ghi nhận được; hãy thử lại sau.',
      undefined,
      30,
    ),
  forbiddenScope: (message: string) => new DemandRejected(403, 'out_of_scope', message, 'site'),
  notFoundSite: (code: string) =>
    new DemandRejected(404, 'unknown_site', `Không có trang PBGDPL nào mang mã “${code}”.`, 'site'),
  badDays: () =>
    new DemandRejected(400, 'bad_days', 'Số ngày (days) phải là số nguyên từ 1 đến 366.', 'days'),
} as const;

export function answerRejection(ctx: Context, rejection: DemandRejected): void {
  if (rejection.retryAfter) ctx.set('Retry-After', String(rejection.retryAfter));
  ctx.status = rejection.status;
  ctx.set('Cache-Control', 'no-store');
  ctx.body = {
    data: null,
    error: {
      status: rejection.status,
      name: rejection.name,
      code: rejection.code,
      message: rejection.message,
      details: {
        errors: rejection.field
          ? [{ path: [rejection.field], message: rejection.message, name: 'ValidationError' }]
          : [],
      },
    },
  };
}
