import { formatTrackingCode, newTrackingCode, normaliseTrackingCode } from './tracking-code.js';

describe('tracking codes', () => {
  it('are ten Crockford base32 symbols, different each time', () => {
    const codes = new Set(Array.from({ length: 200 }, () => newTrackingCode()));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
  });

  it('use every symbol of the alphabet (the low five bits of each random byte)', () => {
    const code = newTrackingCode(() => Uint8Array.from([0, 9, 10, 17, 18, 20, 21, 26, 27, 31]));
    expect(code).toBe('09AHJMNTVZ');
  });

  it('are read back as typed by people: case, hyphen, spaces, O for 0, I and L for 1', () => {
    expect(normaliseTrackingCode('7k3qd-m2x9a')).toBe('7K3QDM2X9A');
    expect(normaliseTrackingCode(' 7K3QD M2X9A ')).toBe('7K3QDM2X9A');
    expect(normaliseTrackingCode('OIL00-11111')).toBe('0110011111');
  });

  it('refuse what cannot be a code', () => {
    for (const bad of ['', 'ABC', '7K3QDM2X9AB', '7K3QDM2X9U', '<script>', 42, null]) {
      expect(normaliseTrackingCode(bad)).toBeNull();
    }
  });

  it('are shown in two groups of five', () => {
    expect(formatTrackingCode('7K3QDM2X9A')).toBe('7K3QD-M2X9A');
  });
});
