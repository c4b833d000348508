/**
 * The beacon's decisions without a browser: when the reader asked not to be tracked, and which
 * queries are not even sent. generator/search-signals.test.ts drives the real page in Chromium.
 */
import { beaconQuery, trackingRefused } from './search-beacon.js';

describe('trackingRefused', () => {
  it.each([
    [{ globalPrivacyControl: true }, {}],
    [{ doNotTrack: '1' }, {}],
    [{ doNotTrack: 'yes' }, {}],
    [{}, { doNotTrack: '1' }],
    [{ msDoNotTrack: '1' }, {}],
  ])('honours Global Privacy Control and Do Not Track (%j, window %j)', (nav, win) => {
    expect(trackingRefused(nav, win)).toBe(true);
  });

  it('sends when the browser says nothing or says tracking is allowed', () => {
    expect(trackingRefused({}, {})).toBe(false);
    expect(trackingRefused({ doNotTrack: '0', globalPrivacyControl: false }, {})).toBe(false);
    expect(trackingRefused({ doNotTrack: null }, {})).toBe(false);
  });
});

describe('beaconQuery', () => {
  it('sends the query tidied (NFC, one space), as typed otherwise', () => {
    expect(beaconQuery('  Đất   đai '.normalize('NFD'))).toBe('Đất đai');
    expect(beaconQuery('45/2019/QH14')).toBe('45/2019/QH14');
    expect(beaconQuery('thuế 2019-2025')).toBe('thuế 2019-2025');
  });

  it.each([
    '',
    '   ',
    'a'.repeat(101),
    'ten@example.vn',
    'https://example.org',
    'www.example',
    '0912 345 678',
    '001099012345',
  ])('does not send “%s”', (query) => {
    expect(beaconQuery(query)).toBeNull();
  });
});
