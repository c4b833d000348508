/**
 * Vietnamese-aware slugs for URLs and registry codes. "đ"/"Đ" do not decompose under NFD, so
 * they are mapped explicitly; every other diacritic is dropped after NFD decomposition.
 */
export function slugifyVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Same folding as slugifyVietnamese but keeps spaces: for accent-insensitive search keys. */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}
