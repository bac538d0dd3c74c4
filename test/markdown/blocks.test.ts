import { RENDER_VERSION, renderMarkdown } from '../../core/markdown/index.ts';
import { findProblems } from './audit.ts';

const html = (raw: string) => renderMarkdown(raw).html;

describe('block formatting', () => {
  it('downgrades headings so a post never has h1 or h2', () => {
    expect(html('# one\n## two\n### three\n#### four\n##### five\n###### six')).toBe(
      '<h3>one</h3>\n<h4>two</h4>\n<h5>three</h5>\n<h6>four</h6>\n<h6>five</h6>\n<h6>six</h6>\n',
    );
    expect(html('Title\n=====\n\nSub\n---')).toBe('<h3>Title</h3>\n<h4>Sub</h4>\n');
  });

  it('classes fenced code with its language', () => {
    expect(html('```js\nconst a = 1 < 2;\n```')).toBe('<pre><code class="language-js">const a = 1 &lt; 2;\n</code></pre>\n');
    expect(html('```c++ {linenos}\nint x;\n```')).toBe('<pre><code class="language-c++">int x;\n</code></pre>\n');
    expect(html('    indented()')).toBe('<pre><code>indented()\n</code></pre>\n');
  });

  it('drops a language class that is not a plain name', () => {
    for (const info of ['"><b>', 'a"b', 'js;x', 'x'.repeat(40), 'é']) {
      const out = html(`\`\`\`${info}\ncode\n\`\`\``);
      expect(out).toBe('<pre><code>code\n</code></pre>\n');
    }
  });

  it('renders inline formatting and strikethrough', () => {
    expect(html('*em* **strong** ~~gone~~ `code <b>`')).toBe(
      '<p><em>em</em> <strong>strong</strong> <s>gone</s> <code>code &lt;b&gt;</code></p>\n',
    );
  });

  it('renders lists, blockquotes and rules', () => {
    expect(html('- a\n- b\n\n3. c\n4. d\n\n> said\n\n---')).toBe(
      '<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<ol start="3">\n<li>c</li>\n<li>d</li>\n</ol>\n' +
        '<blockquote>\n<p>said</p>\n</blockquote>\n<hr />\n',
    );
  });

  it('renders tables with alignment as classes, since inline styles are refused', () => {
    const out = html('| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |');
    expect(out).toBe(
      '<table>\n<thead>\n<tr>\n<th class="align-left">a</th>\n<th class="align-center">b</th>\n' +
        '<th class="align-right">c</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td class="align-left">1</td>\n' +
        '<td class="align-center">2</td>\n<td class="align-right">3</td>\n</tr>\n</tbody>\n</table>\n',
    );
    expect(out).not.toContain('style');
  });

  it('turns single newlines into line breaks', () => {
    expect(html('line one\nline two')).toBe('<p>line one<br />\nline two</p>\n');
  });
});

describe('CJK text', () => {
  it('keeps Chinese paragraphs and single-newline breaks intact', () => {
    expect(html('你好，世界！\n这是第二行。\n\n新的段落：“引号”与《书名》。')).toBe(
      '<p>你好，世界！<br />\n这是第二行。</p>\n<p>新的段落：“引号”与《书名》。</p>\n',
    );
  });

  it('keeps Japanese, Korean, emoji and formatting around CJK words', () => {
    expect(html('日本語のテキスト、한국어 텍스트 👨‍👩‍👧 **重要**的事情')).toBe(
      '<p>日本語のテキスト、한국어 텍스트 👨‍👩‍👧 <strong>重要</strong>的事情</p>\n',
    );
  });

  it('renders CJK headings and list items', () => {
    expect(html('# 公告\n\n- 第一条\n- 第二条')).toBe('<h3>公告</h3>\n<ul>\n<li>第一条</li>\n<li>第二条</li>\n</ul>\n');
  });
});

describe('stability and size', () => {
  it('gives the same output for the same input, whatever was rendered before', () => {
    const raw = '# t\n\nhi @alice [x](https://x.example)\n\n[quote=alice post=1]\nq\n[/quote]';
    const first = renderMarkdown(raw);
    renderMarkdown('@alice @bob [quote=bob post=2]\nx\n[/quote]', { knownUsernames: new Set(['alice', 'bob']) });
    expect(renderMarkdown(raw)).toEqual(first);
    expect(first.mentions).toEqual([]);
  });

  it('has a render version', () => {
    expect(Number.isInteger(RENDER_VERSION) && RENDER_VERSION >= 1).toBe(true);
  });

  const big = 100_000;
  const hostile: Record<string, string> = {
    'one long line': 'a'.repeat(big),
    'open brackets': '['.repeat(big),
    'unclosed emphasis': '*a **b '.repeat(big / 7),
    'nested blockquotes': `${'>'.repeat(big / 2)} x`,
    'nested lists': Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(Math.min(i * 2, 400))}- x`).join('\n'),
    'backticks': '`a ``b ```c '.repeat(big / 12),
    'link destinations': '[a](<'.repeat(big / 5),
    'mentions': '@abcdefghijklmnopqrstuvwxyz '.repeat(big / 28),
    'entities': '&#x41;&amp;&#'.repeat(big / 13),
    'CJK': '中文测试，'.repeat(big / 5),
    'quote openers': '[quote=abc post=1]\n'.repeat(big / 19),
    'table columns': `${'|a'.repeat(big / 4)}\n${'|-'.repeat(big / 4)}`,
  };
  for (const [name, raw] of Object.entries(hostile)) {
    it(`renders 100 KB of ${name}`, () => {
      const { html: out } = renderMarkdown(raw, { knownUsernames: new Set(['abcdefghijklmnopqrst']) });
      expect(out.length).toBeGreaterThan(0);
      expect(findProblems(out)).toEqual([]);
    });
  }
});
