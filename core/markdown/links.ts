import type { StateCore, Token } from 'markdown-it';
import { renderState, type RenderState } from './env.ts';
import { isAllowedImageSrc, linkKind } from './urls.ts';

export const externalRel = 'nofollow ugc noopener';

/**
 * Core rule: applies the URL policy to links and images after parsing. A refused link keeps its text,
 * a refused image becomes its alt text; external links get rel, images load lazily.
 */
export function linkPolicyRule(state: StateCore): void {
  const render = renderState(state.env);
  for (const block of state.tokens) {
    if (block.type === 'inline' && block.children) block.children = applyPolicy(block.children, state, render);
  }
}

function applyPolicy(children: Token[], state: StateCore, render: RenderState): Token[] {
  const out: Token[] = [];
  // one entry per open link: whether it was dropped, so its closer is dropped too
  const dropped: boolean[] = [];
  for (const token of children) {
    if (token.type === 'link_open') {
      const href = String(token.attrGet('href') ?? '');
      const kind = linkKind(href);
      dropped.push(kind === null);
      if (kind === null) continue;
      if (kind === 'absolute') token.attrSet('rel', externalRel);
      render.links.add(href);
    } else if (token.type === 'link_close') {
      if (dropped.pop()) continue;
    } else if (token.type === 'image') {
      const src = String(token.attrGet('src') ?? '');
      if (!isAllowedImageSrc(src)) {
        const alt = new state.Token('text', '', 0);
        alt.content = state.md.renderer.renderInlineAsText(token.children ?? [], state.md.options, state.env);
        out.push(alt);
        continue;
      }
      token.attrSet('loading', 'lazy');
      render.images.add(src);
    }
    out.push(token);
  }
  return out;
}
