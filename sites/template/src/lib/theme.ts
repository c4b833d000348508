/**
 * Site colours from the registry (theme.primaryColor, theme.accentColor), made safe to read: the
 * primary colour is the header's background under white text, the accent colour is link text on
 * white and on the light grey surface of the footer and notices (and the background of the
 * current page number, under white text). A colour that would fail WCAG AA contrast (4.5:1) on
 * any of them is darkened until it passes, so an editor's choice can never make a site unreadable.
 */
export const DEFAULT_PRIMARY = '#a50e0e';
export const DEFAULT_ACCENT = '#0b4f8a';
/** The light background of the footer, notices and cards (--surface in site.css). */
export const SURFACE = '#f3f4f5';
const AA = 4.5;

export interface SiteColors {
  primary: string;
  accent: string;
}

export function siteColors(
  theme: { primaryColor: string | null; accentColor: string | null } | null,
): SiteColors {
  return {
    primary: readableOnWhite(validHex(theme?.primaryColor) ?? DEFAULT_PRIMARY),
    accent: readableOn(validHex(theme?.accentColor) ?? DEFAULT_ACCENT, ['#ffffff', SURFACE]),
  };
}

function validHex(value: string | null | undefined): string | null {
  return value && /^#[0-9a-fA-F]{6}$/.test(value) ? value.toLowerCase() : null;
}

/** The colour itself when it contrasts 4.5:1 with white, else the lightest darker shade that does. */
export function readableOnWhite(hex: string): string {
  return readableOn(hex, ['#ffffff']);
}

/** The colour itself when it contrasts 4.5:1 with every background, else the lightest darker shade that does. */
export function readableOn(hex: string, backgrounds: readonly string[]): string {
  const grounds = backgrounds.map(toRgb);
  const passes = (rgb: Rgb) => grounds.every((ground) => contrastRatio(rgb, ground) >= AA);
  let rgb = toRgb(hex);
  for (let i = 0; i < 100 && !passes(rgb); i++) rgb = rgb.map((c) => Math.floor(c * 0.95)) as Rgb;
  return toHex(rgb);
}

export type Rgb = [number, number, number];

export function toRgb(hex: string): Rgb {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
}

function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG 2 relative luminance. */
function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two colours (1 to 21). */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Contrast ratio against white (luminance 1). */
export function contrastWithWhite(rgb: Rgb): number {
  return contrastRatio(rgb, [255, 255, 255]);
}
