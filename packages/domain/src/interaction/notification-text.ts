/**
 * The emails the platform sends about citizens' submissions, in Vietnamese plain text. Staff
 * emails name the item and link to the admin; they never carry the asker's contact details.
 * Askers' emails carry only their own question, its status and the answer or the reason.
 */
import { formatTrackingCode } from './tracking-code.js';

export interface EmailText {
  subject: string;
  text: string;
}

const FOOTER = '\n\n—\nThư tự động từ hệ thống Phổ biến, giáo dục pháp luật. Vui lòng không trả lời thư này.';

export function newSubmissionEmail(input: {
  siteName: string;
  kind: 'question' | 'dialogue' | 'report';
  title: string;
  adminUrl: string | null;
  dialogueTitle?: string | null;
}): EmailText {
  const what =
    input.kind === 'question'
      ? 'Câu hỏi pháp luật mới'
      : input.kind === 'dialogue'
        ? `Câu hỏi mới cho đối thoại “${input.dialogueTitle ?? ''}”`
        : 'Báo cáo mới về nội dung đã đăng';
  return {
    subject: `[${input.siteName}] ${what}: ${input.title}`.slice(0, 200),
    text:
      `${what} gửi tới trang ${input.siteName}:\n\n“${input.title}”\n\n` +
      (input.adminUrl
        ? `Xem và xử lý trong trang quản trị: ${input.adminUrl}`
        : 'Xem và xử lý trong trang quản trị.') +
      FOOTER,
  };
}

export function assignedEmail(input: {
  siteName: string;
  title: string;
  adminUrl: string | null;
}): EmailText {
  return {
    subject: `[${input.siteName}] Bạn được giao trả lời: ${input.title}`.slice(0, 200),
    text:
      `Bạn được giao trả lời câu hỏi “${input.title}” của trang ${input.siteName}.\n\n` +
      (input.adminUrl ? `Mở câu hỏi: ${input.adminUrl}` : 'Mở câu hỏi trong trang quản trị.') +
      FOOTER,
  };
}

export function forwardedEmail(input: {
  fromSiteName: string;
  toSiteName: string;
  title: string;
  adminUrl: string | null;
}): EmailText {
  return {
    subject: `[${input.toSiteName}] Câu hỏi được chuyển từ ${input.fromSiteName}: ${input.title}`.slice(
      0,
      200,
    ),
    text:
      `${input.fromSiteName} đã chuyển câu hỏi “${input.title}” tới ${input.toSiteName} để trả lời theo thẩm quyền.\n\n` +
      (input.adminUrl ? `Mở câu hỏi: ${input.adminUrl}` : 'Mở câu hỏi trong trang quản trị.') +
      FOOTER,
  };
}

export function itemHiddenEmail(input: {
  siteName: string;
  itemTitle: string;
  reporters: number;
  adminUrl: string | null;
}): EmailText {
  return {
    subject:
      `[${input.siteName}] Nội dung bị tạm ẩn sau ${input.reporters} báo cáo: ${input.itemTitle}`.slice(
        0,
        200,
      ),
    text:
      `${input.reporters} người đã báo cáo “${input.itemTitle}” là sai hoặc lỗi thời. Nội dung đã được gỡ khỏi trang ` +
      'trong khi chờ kiểm tra. Hãy kiểm tra, sửa nếu cần, xuất bản lại và đóng các báo cáo.\n\n' +
      (input.adminUrl ? `Xem các báo cáo: ${input.adminUrl}` : '') +
      FOOTER,
  };
}

export function answerEmail(input: {
  siteName: string;
  trackingCode: string;
  question: string;
  answer: string;
  published: boolean;
  statusUrl: string | null;
}): EmailText {
  const code = formatTrackingCode(input.trackingCode);
  return {
    subject: `Câu hỏi ${code} đã được trả lời — ${input.siteName}`,
    text:
      `${input.siteName} đã trả lời câu hỏi của bạn (mã tra cứu ${code}).\n\n` +
      `Câu hỏi:\n${input.question}\n\nTrả lời:\n${input.answer}\n\n` +
      (input.published
        ? 'Câu hỏi và câu trả lời đã được đăng trên trang, không kèm họ tên và thông tin liên hệ của bạn.\n'
        : '') +
      (input.statusUrl ? `Tra cứu: ${input.statusUrl}` : '') +
      FOOTER,
  };
}

export function rejectedEmail(input: {
  siteName: string;
  trackingCode: string;
  question: string;
  reason: string;
  statusUrl: string | null;
}): EmailText {
  const code = formatTrackingCode(input.trackingCode);
  return {
    subject: `Câu hỏi ${code} không được trả lời — ${input.siteName}`,
    text:
      `${input.siteName} không trả lời câu hỏi của bạn (mã tra cứu ${code}).\n\n` +
      `Câu hỏi:\n${input.question}\n\nLý do:\n${input.reason}\n\n` +
      (input.statusUrl ? `Tra cứu: ${input.statusUrl}` : '') +
      FOOTER,
  };
}

/** Strapi rich text (blocks) as plain text: one paragraph per line, list items with "- ". */
export function blocksToPlainText(blocks: unknown): string {
  if (!Array.isArray(blocks)) return typeof blocks === 'string' ? blocks : '';
  const lines: string[] = [];
  const inline = (children: unknown): string =>
    Array.isArray(children)
      ? children
          .map((c: { text?: unknown; children?: unknown }) =>
            typeof c?.text === 'string' ? c.text : inline(c?.children),
          )
          .join('')
      : '';
  for (const block of blocks as Array<{ type?: string; children?: unknown }>) {
    if (block?.type === 'list' && Array.isArray(block.children)) {
      for (const item of block.children as Array<{ children?: unknown }>)
        lines.push(`- ${inline(item?.children)}`);
    } else {
      lines.push(inline(block?.children));
    }
  }
  return lines.join('\n').trim();
}
