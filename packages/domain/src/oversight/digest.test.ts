import { coverageDigestEmail } from './digest.js';

describe('the weekly digest text', () => {
  it('lists the gaps of each site, lowest score first, and says nothing when all is met', () => {
    const mail = coverageDigestEmail({
      day: '2026-11-30',
      dashboardUrl: 'https://cms.example.vn/admin/plugins/pbgdpl-coverage',
      sites: [
        {
          code: 'ha-noi',
          name: 'Thành phố Hà Nội',
          score: 71,
          met: 5,
          total: 7,
          gaps: [
            {
              code: 'TS',
              label: 'Tủ sách pháp luật điện tử',
              state: 'missing',
              stateLabel: 'Chưa có',
              note: 'Chưa có bài nào.',
            },
          ],
        },
        {
          code: 'ha-noi-ba-dinh',
          name: 'Phường Ba Đình',
          score: 14,
          met: 1,
          total: 7,
          gaps: [
            {
              code: 'C-2',
              label: 'Giới thiệu văn bản mới',
              state: 'stale',
              stateLabel: 'Lâu chưa cập nhật',
              note: 'Bài mới nhất của đơn vị đã 200 ngày (quá 180 ngày).',
            },
          ],
        },
        { code: 'ha-noi-ngoc-ha', name: 'Phường Ngọc Hà', score: 100, met: 7, total: 7, gaps: [] },
      ],
    })!;
    expect(mail.subject).toBe('[PBGDPL] 2 trang còn yêu cầu nội dung chưa đạt');
    expect(mail.text.indexOf('Phường Ba Đình')).toBeLessThan(mail.text.indexOf('Thành phố Hà Nội'));
    expect(mail.text).toContain('C-2 Giới thiệu văn bản mới: Lâu chưa cập nhật.');
    expect(mail.text).toContain('30/11/2026');
    expect(mail.text).not.toContain('Ngọc Hà');
    expect(coverageDigestEmail({ day: '2026-11-30', dashboardUrl: null, sites: [] })).toBeNull();
  });

  it('lists at most maxSites sites and says how many more there are', () => {
    const sites = Array.from({ length: 5 }, (_, i) => ({
      code: `xa-${i}`,
      name: `Xã ${i}`,
      score: i,
      met: 0,
      total: 7,
      gaps: [
        {
          code: 'C-3',
          label: 'Hỏi đáp',
          state: 'missing' as const,
          stateLabel: 'Chưa có',
          note: 'Chưa có bài nào.',
        },
      ],
    }));
    const mail = coverageDigestEmail({ day: '2026-11-30', dashboardUrl: null, sites, maxSites: 2 })!;
    expect(mail.text).toContain('Xã 1 (xa-1)');
    expect(mail.text).not.toContain('Xã 2 (xa-2)');
    expect(mail.text).toContain('… và 3 trang khác');
  });
});
