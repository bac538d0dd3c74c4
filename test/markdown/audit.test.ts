import { findProblems } from './audit.ts';

// The XSS tests are only as good as this checker: it must notice each kind of leak.
describe('the HTML audit used by the markdown tests', () => {
  it('accepts clean post HTML', () => {
    expect(findProblems('<p>a &lt;b&gt; <a href="/t/1">x</a> <img src="/a.png" alt="" loading="lazy" /></p>')).toEqual([]);
  });

  it.each([
    ['<script>alert(1)</script>', 'tag <script>'],
    ['<p onclick="x">a</p>', 'attribute onclick on <p>'],
    ['<p hx-get="/x">a</p>', 'attribute hx-get on <p>'],
    ['<div data-hx-post="/x">a</div>', 'attribute data-hx-post on <div>'],
    ['<p id="x">a</p>', 'attribute id on <p>'],
    ['<a href="javascript:alert(1)">a</a>', 'script URL in href'],
    ['<a href="//evil.example">a</a>', 'href //evil.example'],
    ['<a href="https://x.example">a</a>', 'external link without rel: https://x.example'],
    ['<a href="/x" target="_blank">a</a>', 'attribute target on <a>'],
    ['<img src="data:image/png;base64,x" loading="lazy" />', 'script URL in src'],
    ['<img src="https://x.example/a.png" />', 'img without loading=lazy'],
    ['<p class="evil">a</p>', 'attribute class on <p>'],
    ['<p>a <b</p>', 'unrecognised markup'],
  ])('flags %s', (html, problem) => {
    expect(findProblems(html)).toContain(problem);
  });
});
