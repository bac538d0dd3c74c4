import { excerpt, plainText } from '../../core/markdown/index.ts';

const graphemes = (text: string) => Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text), (s) => s.segment);

describe('plainText', () => {
  it('strips markdown and keeps the words', () => {
    expect(plainText('# Title\n\nSome **bold**, _em_ and ~~old~~ [link text](https://x.example) `code`.\n\n- one\n- two')).toBe(
      'Title Some bold, em and old link text code. one two',
    );
  });

  it('leaves out code blocks, images and quoted posts', () => {
    expect(plainText('before\n\n```js\nsecret()\n```\n\n![alt](https://x.example/a.png)\n\n[quote=alice post=1]\nher words\n[/quote]\nafter')).toBe(
      'before after',
    );
  });

  it('returns decoded text for the caller to escape', () => {
    expect(plainText('a &amp; b <i>x</i> &lt;3')).toBe('a & b <i>x</i> <3');
  });

  it('keeps CJK text and turns line breaks into spaces', () => {
    expect(plainText('**公告**：今天\n维护。')).toBe('公告：今天 维护。');
  });
});

describe('excerpt', () => {
  it('returns short text unchanged', () => {
    expect(excerpt('Just **a** short post.')).toBe('Just a short post.');
  });

  it('cuts long text to 200 characters by default, ending with an ellipsis', () => {
    const out = excerpt('a'.repeat(500));
    expect(graphemes(out)).toHaveLength(200);
    expect(out).toBe(`${'a'.repeat(199)}…`);
  });

  it('cuts CJK text at a character', () => {
    expect(excerpt('中文内容'.repeat(50), 10)).toBe('中文内容中文内容中…');
    expect(excerpt('中文内容中文', 6)).toBe('中文内容中文');
  });

  it('never splits emoji, flags or combining marks', () => {
    const family = '👨‍👩‍👧';
    const flag = '🇨🇳';
    const accented = 'e\u0301';
    const text = `${family}${flag}${accented}`.repeat(20);
    const out = excerpt(text, 7);
    expect(graphemes(out)).toHaveLength(7);
    expect(out).toBe(`${family}${flag}${accented}${family}${flag}${accented}…`);
    for (const part of graphemes(out.slice(0, -1))) expect([family, flag, accented]).toContain(part);
  });

  it('ends on a whole word in space-separated text when one ends nearby', () => {
    expect(excerpt('hello world foo', 14)).toBe('hello world…');
    expect(excerpt('one supercalifragilisticexpialidocious', 20)).toBe('one supercalifragil…');
  });

  it('returns nothing for a non-positive length', () => {
    expect(excerpt('text', 0)).toBe('');
  });

  it('handles a 100 KB post', () => {
    expect(graphemes(excerpt('长文'.repeat(50_000), 50))).toHaveLength(50);
  });
});
