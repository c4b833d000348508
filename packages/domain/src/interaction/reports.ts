/**
 * Citizens' reports that a published item is wrong or outdated. Like Decidim, an item reported
 * by three different people is hidden until an editor has looked at it: one person cannot take
 * content down, a few can stop a wrong answer from spreading while it is checked.
 */

export const REPORT_HIDE_THRESHOLD = 3;

/** The editorial types a citizen may report (their public pages carry the report form). */
export const REPORTABLE_TYPES = [
  'introduction',
  'qa',
  'dialogue',
  'material',
  'video',
  'legal-situation',
  'book',
  'guidance',
  'news-item',
] as const;
export type ReportableType = (typeof REPORTABLE_TYPES)[number];

export const REPORT_STATUSES = ['received', 'item_hidden', 'resolved', 'dismissed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_STATUS_LABELS: Readonly<Record<ReportStatus, { vi: string; explanation: string }>> = {
  received: {
    vi: 'Đã tiếp nhận',
    explanation: 'Báo cáo đã đến cơ quan quản lý nội dung và đang chờ xem xét.',
  },
  item_hidden: {
    vi: 'Đang xem xét',
    explanation: 'Nhiều người cùng báo cáo: nội dung đã được tạm ẩn trong khi cơ quan kiểm tra lại.',
  },
  resolved: { vi: 'Đã xử lý', explanation: 'Cơ quan đã kiểm tra và xử lý nội dung được báo cáo.' },
  dismissed: {
    vi: 'Không chấp nhận',
    explanation: 'Cơ quan đã kiểm tra và thấy nội dung không sai hay lỗi thời.',
  },
};

/** Reports still waiting for an editor (they count towards hiding). */
export const OPEN_REPORT_STATUSES: readonly ReportStatus[] = ['received', 'item_hidden'];

/** Whether the open reports of an item, by reporter, call for hiding it. */
export function shouldHideItem(openReporterKeys: readonly string[]): boolean {
  return new Set(openReporterKeys).size >= REPORT_HIDE_THRESHOLD;
}
