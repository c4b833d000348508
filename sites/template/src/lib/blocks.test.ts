import { blocksToPlainText, renderBlocks, safeHref } from './blocks.js';

const text = (t: string, marks: Record<string, boolean> = {}) => ({ type: 'text' as const, text: t, ...marks });
const paragraph = (...children: unknown[]) => ({ type: "paragraph", children });

describe('rendering Strapi blocks rich text', () => {
  it('renders paragraphs with escaped text and inline marks', () => {
    const html = renderBlocks([
      paragraph(text('Người lao động '), text('có quyền', { bold: true }), text(' <b>nghỉ</b>', { italic: true })),
    ]);
    expect(html).toBe('<p>Người lao động <strong>có quyền</strong><em> &lt;b&gt;nghỉ&lt;/b&gt;</em></p>');
  });

  it('never emits raw HTML, whatever a text node holds', () => {
    const html = renderBlocks([paragraph(text('<script>alert(1)</script><img src=x onerror=alert(2)>'))]);
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;script&gt;');
  });

  it('puts an editor’s Heading 1 under the page’s own h1, never skips a level, and caps levels at h6', () => {
    expect(renderBlocks([{ type: 'heading', level: 1, children: [text('Hỏi')] }])).toBe('<h2>Hỏi</h2>');
    const heading = (level: number) => ({ type: 'heading', level, children: [text(`H${level}`)] });
    // An editor who starts at Heading 2 (or jumps to 6) still gets an outline without gaps.
    expect(renderBlocks([heading(2), heading(3), heading(6), heading(2)])).toBe(
      '<h2>H2</h2>\n<h3>H3</h3>\n<h4>H6</h4>\n<h3>H2</h3>',
    );
    expect(renderBlocks([heading(1), heading(2), heading(3), heading(4), heading(5), heading(6)]).match(/<h6>/g)).toHaveLength(2);
    expect(renderBlocks([{ type: 'heading', level: 2, children: [text('Hai')] }], { headingOffset: 0 })).toBe(
      '<h2>Hai</h2>',
    );
  });

  it('renders ordered and unordered lists, nested lists included', () => {
    const html = renderBlocks([
      {
        type: 'list',
        format: 'ordered',
        children: [
          { type: 'list-item', children: [text('Một')] },
          {
            type: 'list-item',
            children: [
              text('Hai'),
              { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [text('a)')] }] },
            ],
          },
        ],
      },
    ]);
    expect(html).toBe('<ol><li>Một</li><li>Hai<ul><li>a)</li></ul></li></ol>');
  });

  it('keeps links with safe protocols and turns the others into plain text', () => {
    const link = (url: string) => renderBlocks([paragraph({ type: 'link', url, children: [text('xem')] })]);
    expect(link('https://vbpl.vn/van-ban?id=1&x=2')).toBe(
      '<p><a href="https://vbpl.vn/van-ban?id=1&amp;x=2" rel="nofollow noopener">xem</a></p>',
    );
    expect(link('/ha-noi/van-ban/')).toBe('<p><a href="/ha-noi/van-ban/">xem</a></p>');
    expect(link('mailto:pbgdpl@moj.gov.vn')).toBe('<p><a href="mailto:pbgdpl@moj.gov.vn">xem</a></p>');
    for (const unsafe of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'data:text/html,<b>', 'vbscript:x', '//evil.example/x', 'java\tscript:alert(1)'])
      expect(link(unsafe)).toBe('<p>xem</p>');
  });

  it('renders quotes and code as text, code unformatted', () => {
    expect(renderBlocks([{ type: 'quote', children: [text('Pháp luật là…')] }])).toBe(
      '<blockquote><p>Pháp luật là…</p></blockquote>',
    );
    expect(renderBlocks([{ type: 'code', children: [text('a < b && c')] }])).toBe(
      '<pre><code>a &lt; b &amp;&amp; c</code></pre>',
    );
  });

  it('renders an image the site serves with its alternative text, size and caption', () => {
    const html = renderBlocks([
      {
        type: 'image',
        image: { url: '/ha-noi/media/so-do.png', alternativeText: 'Sơ đồ "thủ tục"', caption: 'Hình 1', width: 640, height: 480 },
      },
    ]);
    expect(html).toBe(
      '<figure><img src="/ha-noi/media/so-do.png" alt="Sơ đồ &quot;thủ tục&quot;" width="640" height="480" loading="lazy" decoding="async"><figcaption>Hình 1</figcaption></figure>',
    );
  });

  it('does not load an image from another host: its alternative text stands in', () => {
    const html = renderBlocks([
      { type: 'image', image: { url: 'https://cms.example/uploads/a.png', alternativeText: 'Sơ đồ' } },
    ]);
    expect(html).toBe('<p class="image-missing">[Hình ảnh: Sơ đồ]</p>');
    const resolved = renderBlocks([{ type: 'image', image: { url: 'https://cms.example/uploads/a.png', alternativeText: '' } }], {
      resolveImage: () => '/ha-noi/media/a.png',
    });
    expect(resolved).toContain('<img src="/ha-noi/media/a.png" alt=""');
  });

  it('survives malformed input: not an array, unknown nodes, missing fields', () => {
    expect(renderBlocks(null)).toBe('');
    expect(renderBlocks('<p>x</p>')).toBe('');
    expect(renderBlocks([{ type: 'embed', children: [text('còn chữ')] }, 42, null, { type: 'paragraph' }])).toBe(
      '<p>còn chữ</p>',
    );
  });

  it('gives the plain text of blocks for summaries, shortened on a word', () => {
    expect(blocksToPlainText([paragraph(text('Một  hai')), { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [text('ba')] }] }])).toBe(
      'Một hai ba',
    );
    expect(blocksToPlainText([paragraph(text('abcdefghij'))], 5)).toBe('abcd…');
  });

  it('accepts only web, mail, telephone and same-site link targets', () => {
    expect(safeHref('tel:+84243825')).toBe('tel:+84243825');
    expect(safeHref('#dieu-3')).toBe('#dieu-3');
    expect(safeHref('ftp://x')).toBeNull();
    expect(safeHref(42)).toBeNull();
  });
});
