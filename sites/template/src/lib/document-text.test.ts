import { renderFullText } from './full-text.js';
import { documentText, partRange, textPartPath, tocHref, tocTree } from './document-text.js';

/** A law in plain text: chapters of articles, each with a few paragraphs of varied words. */
function law(chapters: number, articlesPerChapter: number): string {
  const lines = ['QUỐC HỘI', 'LUẬT', 'THỬ NGHIỆM'];
  let article = 0;
  const roman = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
  for (let c = 0; c < chapters; c++) {
    lines.push(`Chương ${roman[c]}`, `QUY ĐỊNH NHÓM ${c + 1}`);
    for (let a = 0; a < articlesPerChapter; a++) {
      article++;
      lines.push(`Điều ${article}. Nội dung điều ${article}`);
      for (let k = 1; k <= 4; k++)
        lines.push(`${k}. Khoản ${k} của điều ${article} quy định mức ${(article * 7919 + k * 104729) % 99991} đồng.`);
    }
  }
  return lines.join('\n');
}

describe('the contents of a document’s text', () => {
  it('lists chapters, sections and articles with anchors that exist in the text', () => {
    const html = renderFullText('Chương I\nCHUNG\nMục 1\nĐiều 1. Một\nNội dung\nĐiều 2\nHai\nChương II\nRIÊNG\nMục 1\nĐiều 3. Ba');
    const text = documentText(html);
    expect(text.inline).toBe(true);
    expect(text.toc.map((e) => [e.kind, e.id])).toEqual([
      ['chapter', 'chuong-i'],
      ['section', 'chuong-i-muc-1'],
      ['article', 'dieu-1'],
      ['article', 'dieu-2'],
      ['chapter', 'chuong-ii'],
      ['section', 'chuong-ii-muc-1'],
      ['article', 'dieu-3'],
    ]);
    for (const entry of text.toc) expect(html).toContain(`id="${entry.id}"`);
    expect(tocHref(text, text.toc[2]!)).toBe('#dieu-1');
  });

  it('keeps anchors unique when an amending law quotes articles of another', () => {
    const html = renderFullText('Điều 1. Sửa đổi\nĐiều 5. Được sửa như sau\nĐiều 2. Hiệu lực\nĐiều 5. Lại');
    expect(html).toContain('id="dieu-5"');
    expect(html).toContain('id="dieu-5-2"');
  });

  it('makes headings of the bold article lines of a converted resolution', () => {
    const html = renderFullText('**NGHỊ QUYẾT**\n\n**Điều 1. Sắp xếp các đơn vị hành chính**\n\nNội dung.\n\n**Điều 2. Hiệu lực thi hành**');
    expect(html).toContain('<h3 id="dieu-1">Điều 1. Sắp xếp các đơn vị hành chính</h3>');
    expect(html).toContain('<p><strong>NGHỊ QUYẾT</strong></p>');
    expect(documentText(html).toc.map((e) => e.id)).toEqual(['dieu-1', 'dieu-2']);
  });

  it('splits a long law into text pages under the budget, at chapter or article starts, losing nothing', () => {
    const html = renderFullText(law(8, 40));
    const budgets = { inline: 2 * 1024, part: 4 * 1024 };
    const text = documentText(html, budgets);
    expect(text.inline).toBe(false);
    expect(text.parts.length).toBeGreaterThan(2);
    expect(text.parts.map((p) => p.html).join('\n')).toBe(html);
    for (const part of text.parts.slice(1)) expect(part.html).toMatch(/^<h[3-6] id="(chuong|dieu)-/);
    // Every article is in the contents exactly once, pointing at the page it is on.
    const articles = text.toc.filter((e) => e.kind === 'article');
    expect(articles).toHaveLength(320);
    for (const entry of articles) expect(text.parts[entry.part - 1]!.html).toContain(`id="${entry.id}"`);
    expect(tocHref(text, articles.at(-1)!)).toMatch(/^toan-van\/trang-\d+\/#dieu-320$/);
    expect(text.parts[0]!.range).toMatch(/^Điều 1 – Điều \d+$/);
    expect(partRange([{ id: 'chuong-i', kind: 'chapter', text: 'Chương I. CHUNG', part: 1 }])).toBe('Chương I');
  });

  it('names text pages toan-van/ and toan-van/trang-N/', () => {
    expect(textPartPath(1)).toBe('toan-van/');
    expect(textPartPath(3)).toBe('toan-van/trang-3/');
  });
});

describe('the contents as a tree', () => {
  it('nests articles under sections under chapters', () => {
    const text = documentText(renderFullText('Chương I\nCHUNG\nMục 1\nĐiều 1. Một\nĐiều 2. Hai\nChương II\nRIÊNG\nĐiều 3. Ba'));
    const tree = tocTree(text.toc);
    expect(tree.map((n) => n.entry.id)).toEqual(['chuong-i', 'chuong-ii']);
    expect(tree[0]!.children.map((n) => n.entry.id)).toEqual(['chuong-i-muc-1']);
    expect(tree[0]!.children[0]!.children.map((n) => n.entry.id)).toEqual(['dieu-1', 'dieu-2']);
    expect(tree[1]!.children.map((n) => n.entry.id)).toEqual(['dieu-3']);
  });
});
