import { contrastWithWhite, readableOnWhite, siteColors } from './theme.js';

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
