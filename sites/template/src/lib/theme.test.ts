import {
  DEFAULT_ACCENT,
  SURFACE,
  contrastRatio,
  contrastWithWhite,
  readableOn,
  readableOnWhite,
  siteColors,
  toRgb,
} from './theme.js';

const rgb = (hex: string): [number, number, number] =>
  [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

describe('site colours', () => {
  it('keeps a registry colour that already contrasts 4.5:1 with white', () => {
    expect(readableOnWhite('#a50e0e')).toBe('#a50e0e');
  });

  it.each(['#ffdd00', '#88c0ff', '#ffffff', '#d4351c'])(
    'darkens %s until white text on it passes WCAG AA',
    (hex) => {
      const result = readableOnWhite(hex);
      expect(contrastWithWhite(rgb(result))).toBeGreaterThanOrEqual(4.5);
    },
  );

  it('falls back to the defaults when the theme is missing or malformed', () => {
    expect(siteColors(null)).toEqual({ primary: '#a50e0e', accent: '#0b4f8a' });
    expect(siteColors({ primaryColor: 'red', accentColor: null }).primary).toBe('#a50e0e');
  });
});

describe('the accent colour on the light surface of the footer and notices', () => {
  it.each(['#0b4f8a', '#1d70b8', '#00a3e0', '#6f777b'])('is at least 4.5:1 on white and on the surface for %s', (hex) => {
    const accent = siteColors({ primaryColor: null, accentColor: hex }).accent;
    expect(contrastRatio(toRgb(accent), toRgb('#ffffff'))).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(toRgb(accent), toRgb(SURFACE))).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps the default accent, which already passes on both', () => {
    expect(readableOn(DEFAULT_ACCENT, ['#ffffff', SURFACE])).toBe(DEFAULT_ACCENT);
  });
});
