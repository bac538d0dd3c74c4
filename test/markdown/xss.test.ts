import { renderMarkdown } from '../../core/markdown/index.ts';
import { findProblems, parseTags, textOf } from './audit.ts';

const known = new Set(['alice', 'bob_b']);

const payloads: Record<string, string> = {
  'script tag': '<script>alert(1)</script>',
  'script tag with src': '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  'javascript link': '[x](javascript:alert(1))',
  'mixed-case javascript link': '[x](JaVaScRiPt:alert(1))',
  'tab entity inside scheme': '[x](java&#x09;script:alert(1))',
  'newline entity inside scheme': '[x](java&#10;script:alert(1))',
  'entity-encoded scheme': '[x](&#106;avascript:alert(1))',
  'named entity colon': '[x](javascript&colon;alert(1))',
  'percent-encoded scheme': '[x](%6Aavascript:alert(1))',
  'percent-encoded colon': '[x](javascript%3Aalert(1))',
  'angle-bracket destination': '[x](<javascript:alert(1)>)',
  'leading space in destination': '[x](  javascript:alert(1))',
  'vbscript link': '[x](vbscript:msgbox(1))',
  'data html link': '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  'file link': '[x](file:///etc/passwd)',
  'svg data image': '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+PC9zdmc+)',
  'png data image': '![x](data:image/png;base64,iVBORw0KGgo=)',
  'javascript image': '![x](javascript:alert(1))',
  'img onerror': '<img src=x onerror=alert(1)>',
  'htmx attribute': '<a href="x" hx-get="/admin">click</a>',
  'data-hx attribute': '<div data-hx-post="/x">x</div>',
  iframe: '<iframe src="https://evil.example"></iframe>',
  'svg onload': '<svg onload=alert(1)><circle/></svg>',
  'math xlink': '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  'form and input': '<form action="/logout" method="post"><input name="_csrf"></form>',
  'style element': '<style>body{display:none}</style>',
  'style and id attributes': '<div style="position:fixed" id="csrf-token">x</div>',
  'object and embed': '<object data="x.swf"></object><embed src="x.swf">',
  'html comment': '<!-- <script>alert(1)</script> -->',
  'protocol-relative link': '[x](//evil.example)',
  'backslash protocol-relative link': '[x](/\\evil.example)',
  'javascript autolink': '<javascript:alert(1)>',
  'data autolink': '<data:text/html,<script>alert(1)</script>>',
  'reference javascript link': '[x][r]\n\n[r]: javascript:alert(1)',
  'shortcut reference javascript link': '[x]\n\n[x]: JAVASCRIPT:alert(1) "title"',
  'reference data image': '![x][r]\n\n[r]: data:image/svg+xml,<svg/onload=alert(1)>',
  'html in link text': '[<img src=x onerror=alert(1)>](https://ok.example)',
  'attribute breakout in alt': '![" onerror="alert(1)](https://ok.example/x.png)',
  'attribute breakout in title': '[x](https://ok.example "\\" onmouseover=\\"alert(1)")',
  'attribute breakout in href': '[x](https://ok.example/"onmouseover="alert(1))',
  'fence info breakout': '```"><script>alert(1)</script>\nx\n```',
  'fence info class injection': '```js onclick=alert(1)\nx\n```',
  'quote with script name': '[quote=<script> post=1]\nx\n[/quote]',
  'quote with extra attribute': '[quote=alice post=1 onclick=alert(1)]\nx\n[/quote]',
  'quote with quoted name': '[quote=alice" onmouseover="alert(1) post=1]\nx\n[/quote]',
  'unbalanced nested quote': '[quote=alice post=1]\n[quote=bob_b post=2]\n<script>alert(1)</script>\n[/quote]',
  'quote containing payloads': '[quote=alice post=1]\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>\n[/quote]',
  'deeply nested quotes': `${'[quote=alice post=1]\n'.repeat(5)}<script>x</script>\n${'[/quote]\n'.repeat(5)}`,
  'mention with markup': '@alice<script>alert(1)</script> @bob_b" onclick="x',
  'linkified javascript': 'see javascript:alert(1) and https://ok.example/?q="><script>',
  'email with script': '<a@b.c"><script>alert(1)</script>',
  'very long line': `${'<script>'.repeat(2_000)}${'a'.repeat(50_000)}`,
  'long line of brackets': `${'[x]('.repeat(10_000)}javascript:alert(1)${')'.repeat(10_000)}`,
};

describe('rendering hostile input', () => {
  for (const [name, raw] of Object.entries(payloads)) {
    it(`neutralises ${name}`, () => {
      const { html, links, images } = renderMarkdown(raw, { knownUsernames: known });
      expect(findProblems(html)).toEqual([]);
      expect(html).not.toMatch(/<\s*script/i);
      for (const tag of parseTags(html)) {
        expect(Object.keys(tag.attrs).filter((attr) => /^on\w+/.test(attr))).toEqual([]);
        expect(Object.keys(tag.attrs).filter((attr) => /^(data-)?hx-/.test(attr))).toEqual([]);
        expect(tag.attrs.target).toBeUndefined();
      }
      for (const url of [...links, ...images]) expect(url).not.toMatch(/^\s*(javascript|vbscript|data|file):/i);
    });
  }

  it('keeps the text of a refused link and drops the link', () => {
    expect(renderMarkdown('[click me](javascript:alert(1))').html).toBe('<p>click me</p>\n');
    expect(renderMarkdown('[click me](JaVaScRiPt:alert(1))').html).toBe('<p>click me</p>\n');
    expect(renderMarkdown('[click me](java&#x09;script:alert(1))').html).toBe('<p>click me</p>\n');
  });

  it('shows raw HTML as text instead of interpreting it', () => {
    const { html } = renderMarkdown('<b onclick="x">hi</b>');
    expect(html).toBe('<p>&lt;b onclick="x"&gt;hi&lt;/b&gt;</p>\n');
    expect(parseTags(html).map((tag) => tag.name)).toEqual(['p', 'p']);
  });

  it('turns a refused image into its alt text', () => {
    const { html, images } = renderMarkdown('![a chart](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)');
    expect(html).toBe('<p>a chart</p>\n');
    expect(images).toEqual([]);
  });

  it('never lets an address or a tag into a quote header', () => {
    const { html, quotedPostIds } = renderMarkdown('[quote=<script> post=1]\nx\n[/quote]');
    expect(quotedPostIds).toEqual([]);
    expect(html).not.toContain('<aside');
    expect(textOf(html)).toContain('[quote=<script> post=1]');
  });
});
