import { renderMarkdown } from '../../core/markdown/index.ts';
import { findProblems } from './audit.ts';

const header = (name: string, id: number) =>
  `<aside class="quote" data-post-id="${id}"><div class="quote-title"><a href="/p/${id}">${name}</a>:</div><blockquote>\n`;
const footer = '</blockquote></aside>\n';

describe('post quotes', () => {
  it('renders the quoted markdown inside an attributed aside', () => {
    const { html, quotedPostIds } = renderMarkdown('[quote=alice post=123]\nquoted **words**\n[/quote]');
    expect(html).toBe(`${header('alice', 123)}<p>quoted <strong>words</strong></p>\n${footer}`);
    expect(quotedPostIds).toEqual([123]);
  });

  it('quotes CJK usernames and text', () => {
    const { html } = renderMarkdown('[quote=小明同学 post=7]\n你好，世界\n第二行\n[/quote]');
    expect(html).toBe(`${header('小明同学', 7)}<p>你好，世界<br />\n第二行</p>\n${footer}`);
  });

  it('can start right after a paragraph line and is followed by text', () => {
    const { html } = renderMarkdown('as she said:\n[quote=alice post=8]\nyes\n[/quote]\nindeed');
    expect(html).toBe(`<p>as she said:</p>\n${header('alice', 8)}<p>yes</p>\n${footer}<p>indeed</p>\n`);
  });

  it('nests two levels and lists every quoted post in order', () => {
    const raw = '[quote=alice post=1]\nouter\n[quote=bob_b post=2]\ninner\n[/quote]\n[/quote]\n[quote=carol post=3]\nx\n[/quote]';
    const { html, quotedPostIds } = renderMarkdown(raw);
    expect(html).toBe(
      `${header('alice', 1)}<p>outer</p>\n${header('bob_b', 2)}<p>inner</p>\n${footer}${footer}` +
        `${header('carol', 3)}<p>x</p>\n${footer}`,
    );
    expect(quotedPostIds).toEqual([1, 2, 3]);
  });

  it('shows a third level as plain text', () => {
    const raw = '[quote=aaa post=1]\n[quote=bbb post=2]\n[quote=ccc post=3]\ndeep\n[/quote]\n[/quote]\n[/quote]';
    const { html, quotedPostIds } = renderMarkdown(raw);
    expect(quotedPostIds).toEqual([1, 2]);
    expect(html).toBe(
      `${header('aaa', 1)}${header('bbb', 2)}<p>[quote=ccc post=3]<br />\ndeep<br />\n[/quote]</p>\n${footer}${footer}`,
    );
  });

  it('leaves malformed quotes as plain text', () => {
    const malformed = [
      '[quote=alice post=1]\nno closer',
      '[quote=al post=1]\nname too short\n[/quote]',
      '[quote=<b> post=1]\nx\n[/quote]',
      '[quote=alice post=0]\nx\n[/quote]',
      '[quote=alice post=abc]\nx\n[/quote]',
      '[quote=alice post=2147483648]\nx\n[/quote]',
      '[quote=alice post=1 extra=2]\nx\n[/quote]',
      '[quote=alice]\nx\n[/quote]',
      '    [quote=alice post=1]\n    x\n    [/quote]',
    ];
    for (const raw of malformed) {
      const { html, quotedPostIds } = renderMarkdown(raw);
      expect(html).not.toContain('<aside');
      expect(quotedPostIds).toEqual([]);
      expect(findProblems(html)).toEqual([]);
    }
    expect(renderMarkdown('[quote=<b> post=1]\nx\n[/quote]').html).toBe(
      '<p>[quote=&lt;b&gt; post=1]<br />\nx<br />\n[/quote]</p>\n',
    );
  });

  it('pairs an inner closer with an inner opener, so an unclosed outer quote stays text', () => {
    const { html, quotedPostIds } = renderMarkdown('[quote=aaa post=1]\n[quote=bbb post=2]\ntext\n[/quote]');
    expect(quotedPostIds).toEqual([2]);
    expect(html).toBe(`<p>[quote=aaa post=1]</p>\n${header('bbb', 2)}<p>text</p>\n${footer}`);
  });

  it('does not close on a [/quote] inside a quoted code block', () => {
    const { html } = renderMarkdown('[quote=alice post=4]\n```\n[/quote]\n```\n[/quote]');
    expect(html).toBe(`${header('alice', 4)}<pre><code>[/quote]\n</code></pre>\n${footer}`);
  });

  it('quotes a table', () => {
    const { html } = renderMarkdown('[quote=alice post=3]\n| a |\n| - |\n| 1 |\n[/quote]');
    expect(html).toBe(
      `${header('alice', 3)}<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n</tr>\n</tbody>\n</table>\n${footer}`,
    );
  });

  it('works inside list items and blockquotes', () => {
    expect(renderMarkdown('- item\n\n  [quote=alice post=5]\n  x\n  [/quote]').quotedPostIds).toEqual([5]);
    expect(renderMarkdown('> [quote=alice post=6]\n> x\n> [/quote]').html).toBe(
      `<blockquote>\n${header('alice', 6)}<p>x</p>\n${footer}</blockquote>\n`,
    );
  });

  it('applies the link policy inside quotes', () => {
    const { html } = renderMarkdown('[quote=alice post=9]\n[ok](https://ok.example) [bad](javascript:alert(1))\n[/quote]');
    expect(html).toContain('<a href="https://ok.example" rel="nofollow ugc noopener">ok</a> bad');
    expect(findProblems(html)).toEqual([]);
  });

  it('finishes quickly on thousands of unclosed openers', () => {
    const raw = '[quote=aaa post=1]\n'.repeat(6_000);
    const { html, quotedPostIds } = renderMarkdown(raw);
    expect(quotedPostIds).toEqual([]);
    expect(html.startsWith('<p>[quote=aaa post=1]<br />')).toBe(true);
  });
});
