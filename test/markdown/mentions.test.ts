import { extractMentions, renderMarkdown } from '../../core/markdown/index.ts';

const known = new Set(['alice', 'Bob_B', '小明同学', 'zoë-20']);
const link = (name: string, typed = name) => `<a class="mention" href="/u/${encodeURIComponent(name)}">@${typed}</a>`;

describe('mentions', () => {
  it('links known users and leaves unknown names as text', () => {
    const { html, mentions } = renderMarkdown('hi @alice and @nobody', { knownUsernames: known });
    expect(html).toBe(`<p>hi ${link('alice')} and @nobody</p>\n`);
    expect(mentions).toEqual(['alice']);
  });

  it('links nothing without known usernames', () => {
    const { html, mentions } = renderMarkdown('hi @alice');
    expect(html).toBe('<p>hi @alice</p>\n');
    expect(mentions).toEqual([]);
  });

  it('compares names without case and lists each once, lower-cased', () => {
    const { html, mentions } = renderMarkdown('@ALICE @Alice @bob_b', { knownUsernames: known });
    expect(html).toBe(`<p>${link('alice', 'ALICE')} ${link('alice', 'Alice')} ${link('bob_b')}</p>\n`);
    expect(mentions).toEqual(['alice', 'bob_b']);
  });

  it('links CJK names, also right after CJK text and with a full-width ＠', () => {
    const { html, mentions } = renderMarkdown('谢谢@小明同学 的帮助，＠小明同学 辛苦了', { knownUsernames: known });
    expect(html).toBe(`<p>谢谢${link('小明同学')} 的帮助，${link('小明同学')} 辛苦了</p>\n`);
    expect(mentions).toEqual(['小明同学']);
  });

  it('encodes the name in the profile URL', () => {
    const { html } = renderMarkdown('@Zoë-20', { knownUsernames: known });
    expect(html).toBe(`<p>${link('zoë-20', 'Zoë-20')}</p>\n`);
    expect(html).toContain('href="/u/zo%C3%AB-20"');
  });

  it('ignores mentions in inline code, code blocks and indented code', () => {
    const raw = '`@alice`\n\n```\n@alice\n```\n\n    @alice\n';
    const { html, mentions } = renderMarkdown(raw, { knownUsernames: known });
    expect(html).not.toContain('class="mention"');
    expect(mentions).toEqual([]);
    expect(extractMentions(raw)).toEqual([]);
  });

  it('ignores mentions inside links and e-mail addresses', () => {
    const raw = '[@alice](/somewhere) <https://x.example/@alice> mail alice@alice.example or x@alice';
    const { html, mentions } = renderMarkdown(raw, { knownUsernames: known });
    expect(html).not.toContain('class="mention"');
    expect(mentions).toEqual([]);
  });

  it('requires 3 to 20 name characters and a clean end', () => {
    const { html } = renderMarkdown('@al @alice_x @abcdefghijklmnopqrstu', {
      knownUsernames: new Set(['al', 'alice', 'abcdefghijklmnopqrst']),
    });
    expect(html).toBe('<p>@al @alice_x @abcdefghijklmnopqrstu</p>\n');
    const twenty = renderMarkdown('@abcdefghijklmnopqrst.', { knownUsernames: new Set(['abcdefghijklmnopqrst']) });
    expect(twenty.mentions).toEqual(['abcdefghijklmnopqrst']);
  });

  it('links a mention inside emphasis and headings, and keeps an escaped one as text', () => {
    const { html } = renderMarkdown('# hello @alice\n\n**@alice** \\@alice', { knownUsernames: known });
    expect(html).toBe(`<h3>hello ${link('alice')}</h3>\n<p><strong>${link('alice')}</strong> @alice</p>\n`);
  });

  it('does not re-notify the people mentioned in a quoted post', () => {
    const raw = '[quote=bob_b post=5]\nping @alice\n[/quote]\nthanks @bob_b';
    const { html, mentions } = renderMarkdown(raw, { knownUsernames: known });
    expect(html).toContain('<p>ping @alice</p>');
    expect(mentions).toEqual(['bob_b']);
    expect(extractMentions(raw)).toEqual(['bob_b']);
  });
});

describe('extractMentions', () => {
  it('returns every candidate once, lower-cased, outside code', () => {
    expect(extractMentions('@Alice @alice @Bob `@carol`\n\n```\n@dave\n```\n谢谢@小明同学')).toEqual(['alice', 'bob', '小明同学']);
  });

  it('finds exactly the names rendering would link', () => {
    const raw = 'cc @alice, @ghost and e-mail a@b.example';
    const candidates = extractMentions(raw);
    expect(candidates).toEqual(['alice', 'ghost']);
    expect(renderMarkdown(raw, { knownUsernames: new Set(candidates) }).mentions).toEqual(candidates);
  });
});
