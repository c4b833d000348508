import { answerEmail, blocksToPlainText, newSubmissionEmail, rejectedEmail } from './notification-text.js';
import { REPORT_HIDE_THRESHOLD, shouldHideItem } from './reports.js';

describe('notification texts', () => {
  it('tell editors what arrived and where to open it', () => {
    const mail = newSubmissionEmail({
      siteName: 'Thành phố Hà Nội',
      kind: 'question',
      title: 'Tuổi nghỉ hưu?',
      adminUrl: 'https://cms/admin/x',
    });
    expect(mail.subject).toBe('[Thành phố Hà Nội] Câu hỏi pháp luật mới: Tuổi nghỉ hưu?');
    expect(mail.text).toContain('https://cms/admin/x');
  });

  it('give the asker the answer or the reason with the tracking code', () => {
    const answer = answerEmail({
      siteName: 'Hà Nội',
      trackingCode: '7K3QDM2X9A',
      question: 'Q',
      answer: 'A',
      published: true,
      statusUrl: null,
    });
    expect(answer.subject).toBe('Câu hỏi 7K3QD-M2X9A đã được trả lời — Hà Nội');
    expect(answer.text).toContain('Trả lời:\nA');
    const rejected = rejectedEmail({
      siteName: 'Hà Nội',
      trackingCode: '7K3QDM2X9A',
      question: 'Q',
      reason: 'Trùng lặp.',
      statusUrl: null,
    });
    expect(rejected.text).toContain('Lý do:\nTrùng lặp.');
  });

  it('turn rich text into plain lines', () => {
    expect(
      blocksToPlainText([
        {
          type: 'paragraph',
          children: [
            { type: 'text', text: 'Theo ' },
            { type: 'link', children: [{ type: 'text', text: 'Điều 169' }] },
          ],
        },
        {
          type: 'list',
          children: [{ type: 'list-item', children: [{ type: 'text', text: 'nam 62 tuổi' }] }],
        },
      ]),
    ).toBe('Theo Điều 169\n- nam 62 tuổi');
  });
});

describe('report threshold', () => {
  it('hides an item reported by three different people', () => {
    expect(REPORT_HIDE_THRESHOLD).toBe(3);
    expect(shouldHideItem(['a', 'a', 'b'])).toBe(false);
    expect(shouldHideItem(['a', 'b', 'c'])).toBe(true);
  });
});
