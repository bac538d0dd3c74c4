import { describe, expect, it } from 'vitest';
import { compact } from '../../core/moderation/rules/text.ts';
import { censor, checkWords, matches } from '../../core/moderation/rules/words.ts';
import type { WatchedWord } from '../../core/moderation/schema.ts';

const word = (pattern: string, action: WatchedWord['action'] = 'block', isRegex = false, id = 1): WatchedWord => ({
  id,
  pattern,
  isRegex,
  action,
  categoryId: null,
  createdById: null,
  createdAt: new Date(),
});

describe('watched words', () => {
  it('match inside Chinese text, where there are no word boundaries', () => {
    expect(matches(word('代开发票'), '本店长期代开发票，价格优惠')).toBe(true);
    expect(matches(word('代开发票'), '我们开会讨论发票的问题')).toBe(false);
  });

  it('are not fooled by spaces, punctuation, zero-width characters or full-width letters', () => {
    const spam = word('casino');
    expect(matches(spam, 'visit c a s i n o now')).toBe(true);
    expect(matches(spam, 'visit c.a-s_i*n/o now')).toBe(true);
    expect(matches(spam, 'visit ca\u200Bsi\u200Dno\uFEFF now')).toBe(true);
    expect(matches(spam, 'visit ＣＡＳＩＮＯ now')).toBe(true);
    expect(matches(word('代开发票'), '代 开\u200B发．票')).toBe(true);
    expect(matches(spam, 'a casual innovation')).toBe(false);
  });

  it('replace each occurrence, evasions included, with ***', () => {
    expect(censor([word('傻瓜', 'replace')], '你这个傻 瓜，真是傻瓜')).toBe('你这个***，真是***');
    expect(censor([word('idiot', 'replace')], 'You I D I O T!')).toBe('You ***!');
  });

  it('tell which rule blocked, and prefer block over hold over replace', () => {
    const words = [word('spam', 'replace', false, 1), word('scam', 'hold', false, 2), word('fraud', 'block', false, 3)];
    expect(checkWords(words, 'spam scam fraud').block?.id).toBe(3);
    const held = checkWords(words, 'spam and scam');
    expect(held.block).toBeUndefined();
    expect(held.hold?.id).toBe(2);
    expect(held.text).toBe('*** and scam');
  });

  it('supports patterns on the folded text', () => {
    expect(matches(word('v[i1]agra', 'block', true), 'Buy V 1 A G R A')).toBe(true);
    expect(matches(word('[', 'block', true), 'anything')).toBe(false);
  });

  it('keeps positions into the original text', () => {
    const c = compact('Ａ b\u200Bc');
    expect(c.text).toBe('abc');
    expect(c.start).toEqual([0, 2, 4]);
  });
});
