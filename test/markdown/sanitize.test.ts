import { sanitizePostHtml } from '../../core/markdown/sanitize.ts';
import { findProblems } from './audit.ts';

// The renderer never emits raw HTML; these check the sanitiser holds on its own.
describe('sanitizePostHtml', () => {
  it('removes dangerous elements with their content', () => {
    const out = sanitizePostHtml(
      '<p>ok</p><script>alert(1)</script><style>p{}</style><iframe src="https://x"></iframe><svg><circle/></svg>' +
        '<math><mi>x</mi></math><form><input name="a"></form><object></object><embed src="x">',
    );
    expect(out).toBe('<p>ok</p>');
  });

  it('removes event handlers, styles, ids, htmx attributes and targets', () => {
    const out = sanitizePostHtml(
      '<p onclick="x" style="color:red" id="main" hx-get="/admin" data-hx-post="/x" hx-on:click="y">t</p>' +
        '<a href="https://x.example" target="_blank" onmouseover="x">l</a>',
    );
    expect(out).toBe('<p>t</p><a href="https://x.example" rel="nofollow ugc noopener">l</a>');
    expect(findProblems(out)).toEqual([]);
  });

  it('removes script URLs and protocol-relative hosts from links', () => {
    for (const href of ['javascript:alert(1)', 'JAVASCRIPT:x', 'java&#x09;script:x', 'data:text/html,x', '//evil.example', '/\\evil.example']) {
      expect(sanitizePostHtml(`<a href="${href}">x</a>`)).toBe('<a>x</a>');
    }
  });

  it('drops images that are not https or from this site', () => {
    for (const src of ['data:image/svg+xml,x', 'http://x.example/a.png', 'a.png', '//x.example/a.png', 'javascript:x']) {
      expect(sanitizePostHtml(`<p><img src="${src}" onerror="x" alt="a"></p>`)).toBe('<p></p>');
    }
    expect(sanitizePostHtml('<img src="https://x.example/a.png" alt="a" onerror="x">')).toBe(
      '<img src="https://x.example/a.png" alt="a" loading="lazy" />',
    );
  });

  it('keeps only the classes the renderer generates', () => {
    expect(sanitizePostHtml('<code class="language-js evil">x</code><div class="quote-title x">y</div>')).toBe(
      '<code class="language-js">x</code><div class="quote-title">y</div>',
    );
    expect(sanitizePostHtml('<code class="language-js&quot;x">x</code><p class="quote">p</p>')).toBe('<code>x</code><p>p</p>');
    // a mention is always a link to this site
    expect(sanitizePostHtml('<a class="mention" href="https://x.example">@x</a>')).toBe(
      '<a href="https://x.example" rel="nofollow ugc noopener">@x</a>',
    );
  });

  it('keeps only a numeric post id on quotes', () => {
    expect(sanitizePostHtml('<aside class="quote" data-post-id="12" data-x="1">q</aside>')).toBe(
      '<aside class="quote" data-post-id="12">q</aside>',
    );
    expect(sanitizePostHtml('<aside class="quote" data-post-id="1 onclick">q</aside>')).toBe('<aside class="quote">q</aside>');
  });

  it('refuses h1 and h2, which belong to the page', () => {
    expect(sanitizePostHtml('<h1>a</h1><h2>b</h2><h3>c</h3>')).toBe('ab<h3>c</h3>');
  });
});
