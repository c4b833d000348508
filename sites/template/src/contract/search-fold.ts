/**
 * Accent folding for search. Pagefind folds combining accents itself ("hieu luc" finds "hiệu
 * lực"), but "đ" is a letter of its own, not "d" plus a mark, so "dat dai" would never find
 * "đất đai". The index (the builder's search/index-site.ts) therefore carries a folded copy of
 * every word that has a "đ", and the search page folds the reader's query the same way
 * (src/client/search.js: `foldQuery`, a browser script that cannot import this file, kept
 * identical by search-fold.test.ts).
 */

/** "Đất đai, Nghị định" → "dat dai, nghi dinh": no marks, đ → d, lower case, NFC in and out. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().normalize('NFC');
}

/** Words (letters and digits, with inner "/", "-", ".") as Pagefind would see them, in order. */
export function words(text: string): string[] {
  return text.normalize('NFC').match(/[\p{L}\p{N}]+(?:[/.-][\p{L}\p{N}]+)*/gu) ?? [];
}

/**
 * The words Pagefind cannot match without accents, folded: each word that has a "đ" (once per
 * text, in order of first appearance). Other words need no copy: Pagefind folds their accents.
 */
export function foldedExtras(text: string): string[] {
  const seen = new Set<string>();
  for (const word of words(text)) {
    if (!/[đĐ]/.test(word)) continue;
    seen.add(foldForSearch(word));
  }
  return [...seen];
}

/**
 * Adjacent pairs that involve a word with "đ", folded and joined ("nghị định" → "nghidinh",
 * "đất đai" → "datdai"), once per text. The search page adds the pairs of the reader's words to
 * the query (falling back to the words alone when that finds nothing), so "nghi dinh" finds
 * "Nghị định" rather than every text with "nghĩa" and "quy định" apart.
 */
export function foldedPairs(text: string): string[] {
  const list = words(text);
  const seen = new Set<string>();
  for (let i = 0; i + 1 < list.length; i += 1) {
    const [a, b] = [list[i]!, list[i + 1]!];
    if (!/[đĐ]/.test(a + b) || /[/.-]/.test(a + b)) continue;
    seen.add(foldForSearch(a) + foldForSearch(b));
  }
  return [...seen];
}

/** "45/2019/QH14", "15/2020/NĐ-CP" → "452019qh14", "152020ndcp": how two document numbers are compared. */
export function numberKey(number: string): string {
  return foldForSearch(number).replace(/[^a-z0-9]+/g, '');
}
