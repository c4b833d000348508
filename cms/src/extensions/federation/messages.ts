import { errors } from '@strapi/utils';

/** What an editor reads when the federation refuses a write (Vietnamese, naming the field). */
export const MESSAGES = {
  outOfScope: (site: SiteLabel | null) =>
    site
      ? `Mục này thuộc trang “${site.name}” (${site.code}), ngoài phạm vi của bạn: bạn không được sửa, xuất bản hay xóa nội dung của đơn vị khác.`
      : 'Mục này chưa có trang sở hữu: chỉ Quản trị viên quốc gia được thay đổi.',
  ownerOutOfScope: (site: SiteLabel | null) =>
    site
      ? `Bạn chỉ được gán nội dung cho trang của đơn vị mình; trang “${site.name}” (${site.code}) nằm ngoài phạm vi của bạn.`
      : 'Trang sở hữu được chọn không tồn tại.',
  ownerRequired: 'Hãy chọn trang sở hữu (thuộc đơn vị của bạn) cho nội dung này.',
  ownerCannotBeEmpty: 'Không được bỏ trống trang sở hữu của nội dung.',
  linkOutOfScope: (label: string) =>
    `Chỉ được liên kết tới nội dung của đơn vị mình hoặc nội dung quốc gia đã xuất bản; “${label}” thuộc đơn vị khác hoặc chưa được xuất bản.`,
  citationOutOfScope: (n: number, number: string) =>
    `Trích dẫn ${n}: văn bản số “${number}” chưa được công bố và thuộc đơn vị khác; chỉ được trích dẫn văn bản đã công bố hoặc văn bản của đơn vị mình.`,
  nationalOnly: (what: string) => `Chỉ Quản trị viên quốc gia được thay đổi “${what}”.`,
  siteFieldsNotAllowed: (fields: string[]) =>
    `Quản trị viên đơn vị chỉ được sửa giao diện, liên hệ và chủ đề không theo dõi của trang mình; không được sửa: ${fields.join(', ')}.`,
  siteDelete:
    'Không xóa trang khỏi sổ đăng ký: hãy ngừng hoạt động hoặc hợp nhất trang (lệnh site-registry) để giữ nội dung, nhật ký và địa chỉ cũ.',
  membershipAdminOnly: 'Chỉ Quản trị viên đơn vị (hoặc quốc gia) được quản lý thành viên của trang.',
  membershipUnknownEmail: (email: string) =>
    `Không có tài khoản quản trị nào với email “${email}”. Hãy tạo tài khoản trước.`,
  membershipDuplicate: (email: string) => `Tài khoản “${email}” đã là thành viên của trang này.`,
  membershipRole: 'Vai trò của tài khoản mới phải là biên tập viên, người duyệt hoặc quản trị viên đơn vị.',
  membershipSiteRequired: 'Hãy chọn trang cho thành viên.',
  relationSourceOutOfScope:
    'Chỉ được ghi quan hệ giữa văn bản khi văn bản nguồn thuộc trang của đơn vị mình.',
  auditAppendOnly: 'Nhật ký thao tác chỉ được ghi thêm: không ai được tạo tay, sửa hay xóa một mục nhật ký.',
  publicWrite: 'Không được phép thay đổi nội dung khi chưa đăng nhập.',
} as const;

export interface SiteLabel {
  id: number;
  code: string;
  name: string;
}

/**
 * 403 naming the field, in the shape the admin panel shows next to it. A PolicyError (a
 * ForbiddenError) because Strapi's route layer replaces any other ForbiddenError's message
 * with a bare "Forbidden".
 */
export function refusal(message: string, field: string): errors.PolicyError {
  return new errors.PolicyError(message, {
    errors: [{ path: [field], message, name: 'ForbiddenError' }],
  });
}

/** 400 naming the field. */
export function invalid(message: string, field: string): errors.ValidationError {
  return new errors.ValidationError(message, {
    errors: [{ path: [field], message, name: 'ValidationError' }],
  });
}

/** Whether an error is one of ours (a refusal of scope), for the audit log. */
export function isRefusal(error: unknown): boolean {
  return error instanceof errors.ForbiddenError;
}
