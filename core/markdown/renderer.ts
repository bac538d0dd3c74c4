import MarkdownIt, { type MarkdownIt as Markdown } from 'markdown-it';
import { blockRule, fenceRenderer } from './blocks.ts';
import { linkPolicyRule } from './links.ts';
import { mentionRule } from './mentions.ts';
import { quotesPlugin } from './quotes.ts';

function createMarkdown(): Markdown {
  const md = new MarkdownIt('default', { html: false, linkify: true, typographer: false, breaks: true });
  // Every link is parsed and linkPolicyRule decides afterwards, so a refused URL leaves its text, not markdown syntax.
  md.validateLink = () => true;
  md.use(quotesPlugin);
  md.core.ruler.after('linkify', 'forum_links', linkPolicyRule);
  md.core.ruler.after('forum_links', 'forum_mentions', mentionRule);
  md.core.ruler.push('forum_blocks', blockRule);
  md.renderer.rules.fence = fenceRenderer(md);
  return md;
}

/** The one configured instance; rules keep per-render data in the env, never on the instance. */
export const markdown = createMarkdown();
