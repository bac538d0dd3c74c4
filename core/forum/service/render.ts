import { inArray } from 'drizzle-orm';
import { users } from '../../accounts/schema.ts';
import { normalizeUsername, usernameKey } from '../../accounts/service/usernames.ts';
import type { DbOrTx } from '../../db/index.ts';
import { extractMentions, RENDER_VERSION, renderMarkdown } from '../../markdown/index.ts';
import type { HookBus, HookContext } from '../../plugins/hooks.ts';

export interface RenderedPost {
  html: string;
  renderVersion: number;
  /** Lower-cased usernames that became mention links. */
  mentions: string[];
  quotedPostIds: number[];
}

/**
 * Markdown → sanitised HTML at write time. Only @names of members who exist become links:
 * one look-up for every name in the post.
 */
export async function renderPost(db: DbOrTx, hooks: HookBus, raw: string, ctx: HookContext): Promise<RenderedPost> {
  const knownUsernames = await existingMentions(db, extractMentions(raw));
  const rendered = renderMarkdown(raw, { knownUsernames });
  const { html } = await hooks.filter('post.render', { html: rendered.html, raw }, ctx);
  return { html, renderVersion: RENDER_VERSION, mentions: rendered.mentions, quotedPostIds: rendered.quotedPostIds };
}

async function existingMentions(db: DbOrTx, candidates: string[]): Promise<Set<string>> {
  if (candidates.length === 0) return new Set();
  const keyed = new Map(candidates.slice(0, 50).map((name) => [usernameKey(normalizeUsername(name)), name]));
  const found = await db.select({ username: users.username }).from(users).where(inArray(users.usernameKey, [...keyed.keys()]));
  // the look-up key folds look-alike letters; a mention links only when the name matches exactly, ignoring case
  const exact = new Set(found.map((u) => u.username.normalize('NFKC').toLowerCase()));
  return new Set(candidates.filter((name) => exact.has(name)));
}
