/**
 * Site colours from the registry (theme.primaryColor, theme.accentColor), made safe to read: the
 * primary colour is the header's background under white text, the accent colour is link text on
 * white. A colour that would fail WCAG AA contrast (4.5:1) is darkened until it passes, so an
 * editor's choice can never make a site unreadable.
 */
export const DEFAULT_PRIMARY = '#a50e0e';
export const DEFAULT_ACCENT = '#0b4f8a';
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
    accent: readableOnWhite(validHex(theme?.accentColor) ?? DEFAULT_ACCENT),
  };
}

function validHex(value: string | null | undefined): string | null {
  return value && /^#[0-9a-fA-F]{6}$/.test(value) ? value.toLowerCase() : null;
}

/** The colour itself when it contrasts 4.5:1 with white, else the lightest darker shade that does. */
export function readableOnWhite(hex: string): string {
  let rgb = toRgb(hex);
  for (let i = 0; i < 100 && contrastWithWhite(rgb) < AA; i++)
    rgb = rgb.map((c) => Math.floor(c * 0.95)) as Rgb;
  return toHex(rgb);
}

type Rgb = [number, number, number];

function toRgb(hex: string): Rgb {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
}

function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG 2 relative luminance and contrast ratio against white (luminance 1). */
export function contrastWithWhite(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return 1.05 / (luminance + 0.05);
}
