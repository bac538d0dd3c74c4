import { renderMarkdown } from '../../core/markdown/index.ts';
import { findProblems, parseTags } from './audit.ts';

const rel = 'rel="nofollow ugc noopener"';

describe('links', () => {
  it('marks external links nofollow ugc noopener and never sets a target', () => {
    const { html, links } = renderMarkdown('[site](https://example.com/a?b=1&c=2 "Title")');
    expect(html).toBe(`<p><a href="https://example.com/a?b=1&amp;c=2" title="Title" ${rel}>site</a></p>\n`);
    expect(html).not.toContain('target');
    expect(links).toEqual(['https://example.com/a?b=1&c=2']);
  });

  it('keeps links to this site without rel', () => {
    const { html, links } = renderMarkdown('[thread](/t/12#p3) [top](#top) [search](?q=x)');
    expect(html).toBe('<p><a href="/t/12#p3">thread</a> <a href="#top">top</a> <a href="?q=x">search</a></p>\n');
    expect(links).toEqual(['/t/12#p3', '#top', '?q=x']);
  });

  it('allows mailto links as external', () => {
    const { html } = renderMarkdown('[mail me](mailto:me@example.com)');
    expect(html).toBe(`<p><a href="mailto:me@example.com" ${rel}>mail me</a></p>\n`);
  });

  it('drops protocol-relative links, which point at another host, keeping the text', () => {
    for (const raw of ['[x](//evil.example)', '[x](/\\evil.example)', '[x](/%2F/evil.example)', '[x](/%09/evil.example)']) {
      const { html, links } = renderMarkdown(raw);
      expect(html).toBe('<p>x</p>\n');
      expect(links).toEqual([]);
    }
  });

  it('drops schemes other than http, https and mailto', () => {
    for (const scheme of ['ftp://host/file', 'file:///etc/passwd', 'tel:123', 'intent://x', 'vbscript:x', 'data:,x']) {
      expect(renderMarkdown(`[x](${scheme})`).html).toBe('<p>x</p>\n');
    }
  });

  it('turns bare URLs and e-mail addresses into links', () => {
    const { html, links } = renderMarkdown('see https://example.com/page. or write to me@example.com');
    expect(html).toBe(
      `<p>see <a href="https://example.com/page" ${rel}>https://example.com/page</a>. ` +
        `or write to <a href="mailto:me@example.com" ${rel}>me@example.com</a></p>\n`,
    );
    expect(links).toEqual(['https://example.com/page', 'mailto:me@example.com']);
  });

  it('does not guess links from bare domain-like words such as file names', () => {
    expect(renderMarkdown('edit config.py and README.md').html).toBe('<p>edit config.py and README.md</p>\n');
  });

  it('renders autolinks and reference links through the same policy', () => {
    const { html } = renderMarkdown('<https://example.com> [ref][r] [bad][b]\n\n[r]: https://example.org\n[b]: javascript:alert(1)');
    expect(html).toBe(
      `<p><a href="https://example.com" ${rel}>https://example.com</a> <a href="https://example.org" ${rel}>ref</a> bad</p>\n`,
    );
  });

  it('percent-encodes CJK paths and shows them readable', () => {
    const { html } = renderMarkdown('看这里https://example.com/路径，谢谢');
    expect(html).toBe(
      `<p>看这里<a href="https://example.com/%E8%B7%AF%E5%BE%84" ${rel}>https://example.com/路径</a>，谢谢</p>\n`,
    );
  });

  it('lists each link once', () => {
    expect(renderMarkdown('[a](https://x.example) [b](https://x.example)').links).toEqual(['https://x.example']);
  });
});

describe('images', () => {
  it('loads https images lazily', () => {
    const { html, images } = renderMarkdown('![a cat](https://img.example/cat.png "Cat")');
    expect(html).toBe('<p><img src="https://img.example/cat.png" alt="a cat" title="Cat" loading="lazy" /></p>\n');
    expect(images).toEqual(['https://img.example/cat.png']);
  });

  it('allows images from a path on this site', () => {
    const { html, images } = renderMarkdown('![upload](/uploads/1.png)');
    expect(html).toBe('<p><img src="/uploads/1.png" alt="upload" loading="lazy" /></p>\n');
    expect(images).toEqual(['/uploads/1.png']);
  });

  it('replaces other images with their alt text', () => {
    for (const src of ['http://img.example/a.png', 'a.png', '//img.example/a.png', 'data:image/png;base64,iVBOR', 'javascript:x']) {
      const { html, images } = renderMarkdown(`![the *alt*](${src})`);
      expect(html).toBe('<p>the alt</p>\n');
      expect(images).toEqual([]);
    }
  });

  it('lets a linked image through both policies', () => {
    const { html } = renderMarkdown('[![logo](https://img.example/l.png)](https://example.com)');
    expect(findProblems(html)).toEqual([]);
    expect(parseTags(html).map((tag) => tag.name)).toEqual(['p', 'a', 'img', 'a', 'p']);
  });
});
