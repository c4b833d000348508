import { detectFormat, renderFullText } from './full-text.js';

describe('rendering a document’s full text', () => {
  it('escapes raw HTML instead of passing it through', () => {
    const html = renderFullText('Điều 1. <script>alert(1)</script>\n\n<img src=x onerror="alert(2)">');
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;script&gt;');
  });

  it('drops images (a request to another host) and refuses javascript: links', () => {
    const html = renderFullText('![logo](https://example.org/x.png)\n\n[bấm](javascript:alert(1))');
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/href="javascript:/i);
  });

  it('renders a law given as plain text with one paragraph per line, not one run-on paragraph', () => {
    const law =
      'QUỐC HỘI\n--------\nLUẬT\nĐẦU TƯ\nChương I\nNHỮNG QUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\nLuật này quy định…\n1. Khoản một.';
    expect(detectFormat(law)).toBe('plain');
    const html = renderFullText(law);
    expect(html).toContain('<p>QUỐC HỘI</p>');
    expect(html).not.toContain('--------');
    expect(html).toContain('<h3 id="chuong-i">Chương I. NHỮNG QUY ĐỊNH CHUNG</h3>');
    expect(html).toContain('<h4 id="dieu-1">Điều 1. Phạm vi điều chỉnh</h4>');
    expect(html).toContain('<p>1. Khoản một.</p>');
  });

  it('keeps article headings at h3 when a law has no chapters', () => {
    expect(renderFullText('Điều 1. Một\nNội dung\nĐiều 2. Hai')).toContain('<h3 id="dieu-1">Điều 1. Một</h3>');
  });

  it('renders Markdown paragraphs and starts its headings at h3, below the page’s own', () => {
    const html = renderFullText('# Tiêu đề\n\nĐoạn một\nvẫn đoạn một.\n\nĐoạn hai.');
    expect(detectFormat('# Tiêu đề\n\nĐoạn')).toBe('markdown');
    expect(html).toContain('<h3>Tiêu đề</h3>');
    expect(html).toContain('<p>Đoạn một\nvẫn đoạn một.</p>');
    expect(html).toContain('<p>Đoạn hai.</p>');
  });

  it('turns the pandoc header table of a resolution into side-by-side blocks, not a code block', () => {
    const header = [
      '  ----------------------- -----------------------------------------------',
      '    **ỦY BAN THƯỜNG VỤ\\        **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\\',
      '         QUỐC HỘI**                Độc lập - Tự do - Hạnh phúc**',
      '',
      '   Số: 1656/NQ-UBTVQH15         *Hà Nội, ngày 16 tháng 6 năm 2025*',
      '  ----------------------- -----------------------------------------------',
      '',
      '**NGHỊ QUYẾT**',
    ].join('\n');
    const html = renderFullText(header);
    expect(html).not.toContain('<pre>');
    expect(html.match(/class="layout-row"/g)).toHaveLength(2);
    expect(html).toContain('<strong>ỦY BAN THƯỜNG VỤ<br>\nQUỐC HỘI</strong>');
    expect(html).toContain('<em>Hà Nội, ngày 16 tháng 6 năm 2025</em>');
    expect(html).toContain('<p><strong>NGHỊ QUYẾT</strong></p>');
  });

  it('turns the pandoc grid table of a signature block into columns and drops stray marks', () => {
    const signature = [
      '** **',
      '',
      '+---------------------+:--------------------------:+',
      '| *** ***             | **TM. ỦY BAN THƯỜNG VỤ\\     |',
      '|                     | CHỦ TỊCH\\**                 |',
      '| ***Nơi nhận:\\***    | \\                          |',
      '| - Chính phủ;\\       | \\                          |',
      '| - Lưu: HC.          | **Trần Thanh Mẫn**         |',
      '+---------------------+----------------------------+',
    ].join('\n');
    const html = renderFullText(signature);
    expect(html).not.toContain('** **');
    expect(html).not.toContain('|');
    expect(html).toContain('<li>Chính phủ;</li>');
    expect(html).toContain('<strong>TM. ỦY BAN THƯỜNG VỤ<br>\nCHỦ TỊCH</strong>');
    expect(html).toContain('<strong>Trần Thanh Mẫn</strong>');
  });
});
