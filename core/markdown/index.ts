import { createEnv, renderState } from './env.ts';
import { markdown } from './renderer.ts';
import { sanitizePostHtml } from './sanitize.ts';
import { usernameLookupKey } from './usernames.ts';

export { excerpt, plainText } from './excerpt.ts';

/** Bump when the HTML for the same input changes; posts store the version their html was rendered with. */
export const RENDER_VERSION = 1;

export interface RenderOptions {
  /** Usernames (as typed after @) that exist; others stay plain text. Compared without case. */
  knownUsernames?: ReadonlySet<string>;
}

export interface RenderedMarkdown {
  /** Sanitised HTML, safe to output unescaped. */
  html: string;
  /** Distinct lower-cased usernames that became mention links. */
  mentions: string[];
  /** Distinct ids of quoted posts, in order of appearance. */
  quotedPostIds: number[];
  /** Distinct hrefs of the links the author wrote (not mentions or quote headers). */
  links: string[];
  /** Distinct image sources. */
  images: string[];
}

export function renderMarkdown(raw: string, options: RenderOptions = {}): RenderedMarkdown {
  const known = new Set<string>();
  for (const name of options.knownUsernames ?? []) known.add(usernameLookupKey(name));
  const env = createEnv(known);
  const html = sanitizePostHtml(markdown.render(raw, env));
  const state = renderState(env);
  return {
    html,
    mentions: [...state.mentions],
    quotedPostIds: [...state.quotedPostIds],
    links: [...state.links],
    images: [...state.images],
  };
}

/** Lower-cased, distinct @names in the text, outside code, links and quoted posts: the names to look up before rendering. */
export function extractMentions(raw: string): string[] {
  const env = createEnv();
  markdown.parse(raw, env);
  return [...renderState(env).mentionCandidates];
}
