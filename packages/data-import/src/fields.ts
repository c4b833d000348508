/**
 * Legal fields (lĩnh vực). The laws carry none; their source URL does
 * (thuvienphapluat.vn/van-ban/<Category>/…), but only as a diacritic-free segment, so the
 * Vietnamese names of the categories that occur in the 207 laws are written out here.
 */
import { slugifyVietnamese } from '@pbgdpl/domain';
import type { FieldRecord } from './records.js';

type FieldName = Pick<FieldRecord, 'name' | 'nameEn'>;

/** Keyed by the field code (the URL segment, slugified). */
export const KNOWN_FIELDS: Readonly<Record<string, FieldName>> = {
  'bao-hiem': { name: 'Bảo hiểm', nameEn: 'Insurance' },
  'bat-dong-san': { name: 'Bất động sản', nameEn: 'Real estate' },
  'bo-may-hanh-chinh': { name: 'Bộ máy hành chính', nameEn: 'Administrative apparatus' },
  'chung-khoan': { name: 'Chứng khoán', nameEn: 'Securities' },
  'cong-nghe-thong-tin': { name: 'Công nghệ thông tin', nameEn: 'Information technology' },
  'dau-tu': { name: 'Đầu tư', nameEn: 'Investment' },
  'dich-vu-phap-ly': { name: 'Dịch vụ pháp lý', nameEn: 'Legal services' },
  'doanh-nghiep': { name: 'Doanh nghiệp', nameEn: 'Enterprises' },
  'giao-duc': { name: 'Giáo dục', nameEn: 'Education' },
  'giao-thong-van-tai': { name: 'Giao thông - Vận tải', nameEn: 'Transport' },
  'ke-toan-kiem-toan': { name: 'Kế toán - Kiểm toán', nameEn: 'Accounting and auditing' },
  'lao-dong-tien-luong': { name: 'Lao động - Tiền lương', nameEn: 'Labour and wages' },
  'linh-vuc-khac': { name: 'Lĩnh vực khác', nameEn: 'Other fields' },
  'quyen-dan-su': { name: 'Quyền dân sự', nameEn: 'Civil rights' },
  'so-huu-tri-tue': { name: 'Sở hữu trí tuệ', nameEn: 'Intellectual property' },
  'tai-chinh-nha-nuoc': { name: 'Tài chính nhà nước', nameEn: 'Public finance' },
  'tai-nguyen-moi-truong': { name: 'Tài nguyên - Môi trường', nameEn: 'Natural resources and environment' },
  'the-thao-y-te': { name: 'Thể thao - Y tế', nameEn: 'Sport and health' },
  'thu-tuc-to-tung': { name: 'Thủ tục tố tụng', nameEn: 'Judicial procedure' },
  'thue-phi-le-phi': { name: 'Thuế - Phí - Lệ phí', nameEn: 'Taxes, fees and charges' },
  'thuong-mai': { name: 'Thương mại', nameEn: 'Commerce' },
  'tien-te-ngan-hang': { name: 'Tiền tệ - Ngân hàng', nameEn: 'Currency and banking' },
  'trach-nhiem-hinh-su': { name: 'Trách nhiệm hình sự', nameEn: 'Criminal liability' },
  'van-hoa-xa-hoi': { name: 'Văn hóa - Xã hội', nameEn: 'Culture and society' },
  'vi-pham-hanh-chinh': { name: 'Vi phạm hành chính', nameEn: 'Administrative violations' },
  'xay-dung-do-thi': { name: 'Xây dựng - Đô thị', nameEn: 'Construction and urban planning' },
  'xuat-nhap-khau': { name: 'Xuất nhập khẩu', nameEn: 'Import and export' },
};

/** The field of the 2025 commune-merger resolutions and of 60-NQ/TW: both reorganise the state. */
export const ADMINISTRATIVE_APPARATUS = 'bo-may-hanh-chinh';

/** The category segment of a thuvienphapluat.vn document URL, as a field code; null when absent. */
export function fieldCodeFromSourceUrl(url: string): string | null {
  const match = /^https?:\/\/(?:www\.)?thuvienphapluat\.vn\/van-ban\/([^/]+)\/[^/]+$/.exec(url.trim());
  return match ? slugifyVietnamese(decodeURIComponent(match[1]!)) || null : null;
}

/** Collects the fields the imported documents use; unknown codes get a readable stand-in name. */
export class FieldRegistry {
  private readonly fields = new Map<string, FieldRecord>();

  /** @returns false when the code has no Vietnamese name in KNOWN_FIELDS (the caller reports it). */
  use(code: string): boolean {
    const known = KNOWN_FIELDS[code];
    if (!this.fields.has(code)) {
      const standIn = code.replace(/-/g, ' ').replace(/^./, (first) => first.toUpperCase());
      this.fields.set(code, {
        code,
        name: known?.name ?? standIn,
        nameEn: known?.nameEn ?? null,
        parentCode: null,
      });
    }
    return known !== undefined;
  }

  list(): FieldRecord[] {
    return [...this.fields.values()].sort((a, b) => a.code.localeCompare(b.code));
  }
}
