import type { StatusView } from './status';
import { escapeHtml } from './respond';

const TIME = new Intl.DateTimeFormat('vi-VN', {
  dateStyle: 'short',
  timeStyle: 'short',
  timeZone: 'Asia/Ho_Chi_Minh',
});

/** The tracking page without JavaScript: a definition list of what the citizen may see. */
export function statusHtml(view: StatusView): string {
  const rows: Array<[string, string | null]> = [
    ['Mã tra cứu', view.trackingCode],
    ['Trang', view.site?.name ?? null],
    ['Đối thoại', view.dialogue?.title ?? null],
    ['Nội dung được báo cáo', view.report?.itemTitle ?? null],
    ['Lý do báo cáo', view.report?.reason ?? null],
    ['Tình trạng', view.label],
    ['Tiếp nhận lúc', view.receivedAt ? TIME.format(new Date(view.receivedAt)) : null],
    ['Trả lời ngày', view.answeredAt ? TIME.format(new Date(view.answeredAt)) : null],
    ['Lý do từ chối', view.rejectionReason],
  ];
  const list = rows
    .filter((row): row is [string, string] => Boolean(row[1]))
    .map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('\n');
  const answer = view.answer
    ? `<h2>Câu trả lời</h2>${view.answer
        .split('\n')
        .map((line) => `<p>${escapeHtml(line)}</p>`)
        .join('')}`
    : '';
  return `<p>${escapeHtml(view.explanation)}</p>\n<dl>\n${list}\n</dl>\n${answer}`;
}
