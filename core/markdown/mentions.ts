import type { StateCore, Token } from 'markdown-it';
import { renderState, type RenderState } from './env.ts';
import { usernameChars, usernameLookupKey } from './usernames.ts';

// Chinese input methods often type the full-width "＠".
const mentionPattern = new RegExp(`[@＠](${usernameChars}{3,20})(?!${usernameChars})`, 'gu');
// A letter, digit or address character right before "@" means an e-mail address or a path, not a mention…
const wordBefore = /[\p{L}\p{N}\p{M}_.+\-@＠/\\]/u;
// …except CJK, which has no spaces: "谢谢@小明" is a mention.
const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

function canStartMention(before: string | undefined): boolean {
  return before === undefined || cjk.test(before) || !wordBefore.test(before);
}

function lastChar(text: string): string | undefined {
  return [...text.slice(-2)].at(-1);
}

/**
 * Core rule: turns @names in text (not in code, links or quoted posts) into mention links for known users,
 * and records every candidate. Runs before text_join, so an escaped "\@name" stays text.
 */
export function mentionRule(state: StateCore): void {
  const render = renderState(state.env);
  let quoteDepth = 0;
  for (const block of state.tokens) {
    if (block.type === 'post_quote_open') quoteDepth++;
    else if (block.type === 'post_quote_close') quoteDepth--;
    else if (block.type === 'inline' && block.children && quoteDepth === 0) {
      block.children = linkMentions(block.children, state, render);
    }
  }
}

function linkMentions(children: Token[], state: StateCore, render: RenderState): Token[] {
  const out: Token[] = [];
  let linkDepth = 0;
  let before: string | undefined;
  for (const token of children) {
    if (token.type === 'link_open') linkDepth++;
    else if (token.type === 'link_close') linkDepth--;
    if (token.type !== 'text' || linkDepth > 0) {
      out.push(token);
      before = token.type === 'text' || token.type === 'text_special' ? lastChar(token.content) : undefined;
      continue;
    }
    out.push(...splitText(token.content, before, state, render));
    before = lastChar(token.content);
  }
  return out;
}

function splitText(text: string, before: string | undefined, state: StateCore, render: RenderState): Token[] {
  const out: Token[] = [];
  let consumed = 0;
  for (const match of text.matchAll(mentionPattern)) {
    const at = match.index;
    const name = match[1] ?? '';
    if (!canStartMention(at === 0 ? before : lastChar(text.slice(Math.max(0, at - 2), at)))) continue;
    const key = usernameLookupKey(name);
    render.mentionCandidates.add(key);
    if (!render.knownUsernames.has(key)) continue;
    render.mentions.add(key);
    if (at > consumed) out.push(textToken(state, text.slice(consumed, at)));
    const open = new state.Token('link_open', 'a', 1);
    open.attrs = [
      ['class', 'mention'],
      ['href', `/u/${encodeURIComponent(key)}`],
    ];
    const close = new state.Token('link_close', 'a', -1);
    out.push(open, textToken(state, `@${name}`), close);
    consumed = at + match[0].length;
  }
  if (consumed < text.length) out.push(textToken(state, text.slice(consumed)));
  return out;
}

function textToken(state: StateCore, content: string): Token {
  const token = new state.Token('text', '', 0);
  token.content = content;
  return token;
}
