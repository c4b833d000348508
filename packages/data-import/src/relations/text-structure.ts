/**
 * A law's text as the sequence of its structural units (Điều, khoản, điểm), which is what the
 * relation patterns need: an expiry is stated in a khoản, a list of expiring acts follows in
 * điểm a), b) …, and "Bãi bỏ khoản 3 Điều 22" inside "Sửa đổi, bổ sung … của Luật Nhà ở …"
 * concerns the act named by the enclosing khoản. New wording that an amending law inserts into
 * another act is quoted (“…”) and is that act's text, not the amending law's: it is blanked so
 * that its "hết hiệu lực" or "Bãi bỏ" are never read as the amending law's own.
 */

export type UnitLevel = 'article' | 'clause' | 'point' | 'heading' | 'text';

export interface TextUnit {
  level: UnitLevel;
  /** The unit's text without its label ("Điều 5.", "2.", "a)"). */
  text: string;
  /** The label as printed, for excerpts: "Điều 5", "2", "a". */
  label: string | null;
}

const ARTICLE = /^Điều\s+(\d+[a-zđ]?)\s*[.:]?\s*(.*)$/u;
/** "2. …" but not "1.4 …", a numbered row of an annexed table. */
const CLAUSE = /^(\d{1,3})\.(?!\d)\s*(.*)$/u;
const POINT = /^([a-zđ])\)\s*(.*)$/u;
/** Part, chapter and section headings close whatever amendment an article opened. */
const HEADING = /^(?:Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC)\s+[\dIVXLC]+\b/u;

/**
 * Normalises what the corpus writes inconsistently: NFC, the Icelandic "Ð" (U+00D0) some texts
 * use for "Đ", Markdown emphasis and escapes in the converted resolutions, and quoted insertions.
 */
export function cleanLawText(text: string): string {
  let clean = text.normalize('NFC');
  // Each pass only when needed: the corpus is 24 MB and most texts need none of them.
  if (/[\u00d0\u00f0]/u.test(clean)) clean = clean.replace(/\u00d0/gu, 'Đ').replace(/\u00f0/gu, 'đ');
  if (clean.includes('**') || clean.includes('\\'))
    clean = clean.replace(/\*\*/gu, '').replace(/\\([.\-*()])/gu, '$1');
  return clean.includes('“') ? clean.replace(/“[^“”]*”/gu, '“…”') : clean;
}

/** The text's units in order. A label alone on its line ("1.", "Điều 118.") joins the next line. */
export function splitUnits(text: string): TextUnit[] {
  const lines = cleanLawText(text)
    .split('\n')
    // Only runs and odd whitespace are replaced: rewriting every single space of 24 MB is slow.
    .map((line) => (/\s\s|[^\S ]/u.test(line) ? line.replace(/\s{2,}|[^\S ]/gu, ' ') : line).trim())
    .filter((line) => line !== '');
  const joined: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    let line = lines[i]!;
    // "6. Bãi bỏ" then the parts on the next line is one statement broken by the PDF conversion.
    while (
      i + 1 < lines.length &&
      (/^(?:Điều\s+\d+[a-zđ]?\.?|\d{1,3}\.|[a-zđ]\))$/u.test(line) || /\bBãi bỏ$/u.test(line))
    ) {
      i += 1;
      line = `${line} ${lines[i]!}`;
    }
    joined.push(line);
  }
  return joined.map(toUnit);
}

function toUnit(line: string): TextUnit {
  const article = ARTICLE.exec(line);
  if (article) return { level: 'article', label: `Điều ${article[1]!}`, text: article[2]! };
  if (HEADING.test(line)) return { level: 'heading', label: null, text: line };
  const clause = CLAUSE.exec(line);
  if (clause) return { level: 'clause', label: clause[1]!, text: clause[2]! };
  const point = POINT.exec(line);
  if (point) return { level: 'point', label: point[1]!, text: point[2]! };
  return { level: 'text', label: null, text: line };
}

/**
 * A unit's sentences. A clause may state the entry into force and an expiry in two sentences
 * ("Luật này có hiệu lực … . Luật dạy nghề số 76/2006/QH11 hết hiệu lực …"); a new sentence
 * starts after "." or ":" followed by a capital letter. Not after ";", which separates the
 * items of one list ("Bãi bỏ … số 05/1998/QH10; Luật sửa đổi … số 08/2003/QH11; …").
 */
export function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.:])\s+(?=\p{Lu})/u).filter((sentence) => sentence.trim() !== '');
}

/** The "a) …; b) …" points that follow unit `index`, for statements ending in "sau đây:". */
export function pointsAfter(units: readonly TextUnit[], index: number): string[] {
  const points: string[] = [];
  for (let i = index + 1; i < units.length && units[i]!.level === 'point'; i += 1)
    points.push(units[i]!.text);
  return points;
}
