import type { DbOrTx } from '../../db/index.ts';
import type { Post } from '../schema.ts';
import type { Viewer } from '../permissions.ts';
import { canSeeThread, findPostContext } from './lookup.ts';
import { withAuthors } from './thread-page.ts';

/** What the reply box receives when quoting: the quoted post's Markdown inside a [quote] block. */
export function quoteText(post: Pick<Post, 'id' | 'raw'>, username: string): string {
  return `[quote=${username} post=${post.id}]\n${post.raw}\n[/quote]\n`;
}

/** The quote block for a post the viewer can see, or null (missing, hidden, deleted or held). */
export async function quoteFor(db: DbOrTx, viewer: Viewer, postId: number): Promise<string | null> {
  if (!Number.isSafeInteger(postId) || postId < 1 || postId > 2_147_483_647) return null;
  const found = await findPostContext(db, postId);
  if (!found || !canSeeThread(viewer, found) || found.post.deletedAt || found.post.heldAt) return null;
  const [view] = await withAuthors(db, [found.post], null);
  return view?.author ? quoteText(found.post, view.author.username) : null;
}
