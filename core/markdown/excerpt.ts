import type { Token } from 'markdown-it';
import { createEnv } from './env.ts';
import { markdown } from './renderer.ts';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The words of a post without Markdown: link text stays, code blocks and quoted posts go. */
export function plainText(raw: string): string {
  const parts: string[] = [];
  let quoteDepth = 0;
  for (const token of markdown.parse(raw, createEnv())) {
    if (token.type === 'post_quote_open') quoteDepth++;
    else if (token.type === 'post_quote_close') quoteDepth--;
    // code blocks are not inline tokens, and quoted posts are other members' words
    else if (quoteDepth === 0 && token.type === 'inline') {
      parts.push(inlineText(token.children ?? []));
    }
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

function inlineText(children: Token[]): string {
  let text = '';
  for (const child of children) {
    if (child.type === 'text' || child.type === 'text_special' || child.type === 'code_inline') text += child.content;
    else if (child.type === 'softbreak' || child.type === 'hardbreak') text += ' ';
  }
  return text;
}

/**
 * A plain-text excerpt of at most maxChars user-perceived characters (grapheme clusters, so CJK, emoji and
 * combining marks are never cut in half), ending in "…" when shortened. Plain text: escape it when rendering.
 */
export function excerpt(raw: string, maxChars = 200): string {
  const limit = Math.floor(maxChars);
  if (!(limit > 0)) return '';
  const text = plainText(raw);
  const kept: string[] = [];
  let shortened = false;
  for (const { segment } of segmenter.segment(text)) {
    if (kept.length === limit) {
      shortened = true;
      break;
    }
    kept.push(segment);
  }
  if (!shortened) return text;
  const next = kept.length - 1; // the grapheme the ellipsis replaces
  let cut = next;
  // in space-separated writing, end on a whole word when one ends close by
  const space = kept.lastIndexOf(' ', next);
  if (kept[next] !== ' ' && space > 0 && space >= next * 0.8) cut = space;
  return `${kept.slice(0, cut).join('').trimEnd()}…`;
}
