import { quantile, responseTimes } from './response-time.js';

describe('responseTimes', () => {
  it('gives per site the received, answered, rejected and open counts and the median hours', () => {
    const at = (h: number) => new Date(Date.UTC(2026, 2, 1) + h * 3_600_000).toISOString();
    const figures = responseTimes([
      { siteCode: 'ha-noi', receivedAt: at(0), respondedAt: at(2) },
      { siteCode: 'ha-noi', receivedAt: at(0), respondedAt: at(4) },
      { siteCode: 'ha-noi', receivedAt: at(0), respondedAt: at(30) },
      { siteCode: 'ha-noi', receivedAt: at(1), respondedAt: null },
      { siteCode: 'ha-noi', receivedAt: at(1), respondedAt: at(3), rejected: true },
      { siteCode: 'an-giang', receivedAt: at(0), respondedAt: null },
      { siteCode: 'an-giang', receivedAt: null, respondedAt: at(1) },
    ]);
    expect(figures).toEqual([
      {
        siteCode: 'an-giang',
        received: 1,
        answered: 0,
        rejected: 0,
        open: 1,
        medianHours: null,
        p90Hours: null,
      },
      { siteCode: 'ha-noi', received: 5, answered: 3, rejected: 1, open: 1, medianHours: 4, p90Hours: 24.8 },
    ]);
  });

  it('interpolates quantiles between ranks', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([], 0.5)).toBeNull();
  });
});
