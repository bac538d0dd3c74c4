import type { MarkdownIt, RendererRule, StateCore } from 'markdown-it';

// The page owns h1 (site) and h2 (thread title): post headings start at h3.
const headingTags: Record<string, string> = { h1: 'h3', h2: 'h4', h3: 'h5', h4: 'h6', h5: 'h6', h6: 'h6' };
const alignment = /text-align:(left|center|right)/;

/** Core rule: downgrades headings, and turns table alignment styles (refused by the CSP) into classes. */
export function blockRule(state: StateCore): void {
  for (const token of state.tokens) {
    if (token.type === 'heading_open' || token.type === 'heading_close') {
      token.tag = headingTags[token.tag] ?? 'h6';
    } else if (token.type === 'th_open' || token.type === 'td_open') {
      const align = alignment.exec(String(token.attrGet('style') ?? ''))?.[1];
      token.attrs = align ? [['class', `align-${align}`]] : null;
    }
  }
}

const languagePattern = /^[\w+-]{1,32}$/;

/** Fenced code: the language class only when the info string's first word is a plain language name. */
export function fenceRenderer(md: MarkdownIt): RendererRule {
  return function fence(tokens, idx) {
    const token = tokens[idx];
    if (!token) return '';
    const language = token.info.trim().split(/\s+/)[0] ?? '';
    const attributes = languagePattern.test(language) ? ` class="language-${language}"` : '';
    return `<pre><code${attributes}>${md.utils.escapeHtml(token.content)}</code></pre>\n`;
  };
}
