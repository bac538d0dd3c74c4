import type { MarkdownIt, StateBlock, Token } from 'markdown-it';
import { renderState, type RenderState } from './env.ts';
import { usernameChars } from './usernames.ts';

/**
 * Quoting another post:
 *
 *     [quote=alice post=123]
 *     quoted markdown
 *     [/quote]
 *
 * An opener without a matching closer, a bad name or a bad id stays plain text.
 */

const openPattern = new RegExp(`^\\[quote=(${usernameChars}{3,20}) post=([1-9]\\d{0,9})\\]$`, 'iu');
const closeLine = '[/quote]';
const fencePattern = /^(?:`{3,}|~{3,})/;
const maxDepth = 2;
// posts.id is a PostgreSQL integer
const maxPostId = 2_147_483_647;

export interface QuoteMeta {
  username: string;
  postId: number;
}

function lineText(state: StateBlock, line: number): string {
  return state.src.slice((state.bMarks[line] ?? 0) + (state.tShift[line] ?? 0), state.eMarks[line]).trimEnd();
}

function isCodeIndented(state: StateBlock, line: number): boolean {
  return (state.sCount[line] ?? 0) - state.blkIndent >= 4;
}

function opener(state: StateBlock, line: number): QuoteMeta | null {
  const start = (state.bMarks[line] ?? 0) + (state.tShift[line] ?? 0);
  if (state.src.charCodeAt(start) !== 0x5b /* [ */ || isCodeIndented(state, line)) return null;
  const match = openPattern.exec(lineText(state, line));
  if (!match?.[1] || !match[2]) return null;
  const postId = Number(match[2]);
  return postId <= maxPostId ? { username: match[1], postId } : null;
}

/** The line of the closer that pairs with the opener on startLine, counting nested openers. */
function findClose(state: StateBlock, startLine: number, endLine: number, render: RenderState): number | null {
  const key = `${startLine}:${state.bMarks[startLine]}:${state.blkIndent}:${endLine}`;
  const cached = render.quoteCloses.get(key);
  if (cached !== undefined) return cached;
  let depth = 1;
  let found: number | null = null;
  // the fence a quoted code block is open with: "[/quote]" inside it is code, not a closer
  let fence: string | null = null;
  for (let line = startLine + 1; line < endLine && render.quoteScanBudget > 0; line++, render.quoteScanBudget--) {
    const empty = state.isEmpty(line);
    // a non-empty line outdented past the container (e.g. the list item) ends it
    if (!empty && (state.sCount[line] ?? 0) < state.blkIndent) break;
    if (empty || isCodeIndented(state, line)) continue;
    const text = lineText(state, line);
    const marker = fencePattern.exec(text)?.[0];
    if (fence !== null) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && text.trim() === marker) fence = null;
    } else if (marker) {
      fence = marker;
    } else if (opener(state, line)) {
      depth++;
    } else if (text.toLowerCase() === closeLine && --depth === 0) {
      found = line;
      break;
    }
  }
  render.quoteCloses.set(key, found);
  return found;
}

function quoteRule(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const render = renderState(state.env);
  if (render.quoteDepth >= maxDepth) return false;
  const meta = opener(state, startLine);
  if (!meta) return false;
  const close = findClose(state, startLine, endLine, render);
  if (close === null) return false;
  if (silent) return true;

  const oldParent = state.parentType;
  const oldLineMax = state.lineMax;
  state.parentType = 'blockquote';
  state.lineMax = close;
  const open = state.push('post_quote_open', 'aside', 1);
  open.meta = { ...meta };
  open.map = [startLine, close + 1];
  render.quotedPostIds.add(meta.postId);
  render.quoteDepth++;
  state.md.block.tokenize(state, startLine + 1, close);
  render.quoteDepth--;
  state.push('post_quote_close', 'aside', -1);
  state.parentType = oldParent;
  state.lineMax = oldLineMax;
  state.line = close + 1;
  return true;
}

function quoteMeta(token: Token | undefined): QuoteMeta {
  const meta = token?.meta;
  const username = meta?.username;
  const postId = meta?.postId;
  if (typeof username !== 'string' || typeof postId !== 'number') throw new Error('post_quote_open without meta');
  return { username, postId };
}

export function quotesPlugin(md: MarkdownIt): void {
  md.block.ruler.before('table', 'post_quote', quoteRule, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.renderer.rules.post_quote_open = (tokens, idx) => {
    const { username, postId } = quoteMeta(tokens[idx]);
    return (
      `<aside class="quote" data-post-id="${postId}"><div class="quote-title">` +
      `<a href="/p/${postId}">${md.utils.escapeHtml(username)}</a>:</div><blockquote>\n`
    );
  };
  md.renderer.rules.post_quote_close = () => '</blockquote></aside>\n';
}
