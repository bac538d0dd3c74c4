import { eq } from 'drizzle-orm';
import { UserError } from '../../http/errors.tsx';
import { logModerationAction } from '../../moderation/service/log.ts';
import { canToggleWiki } from '../permissions.ts';
import { posts, type Post } from '../schema.ts';
import type { WriteContext } from './context.ts';
import { canSeeThread, findPostContext } from './lookup.ts';

/**
 * Staff (and moderators of the post's category) mark a post as a wiki, or no longer: members whose trust
 * level unlocks `editWiki` may then edit its text (core/forum/service/edit-post.ts). Logged in the moderation log.
 */
export async function setWiki(ctx: Pick<WriteContext, 'db' | 'user'>, postId: number, wiki: boolean): Promise<Post> {
  const { db, user } = ctx;
  const found = await findPostContext(db, postId);
  if (!found || !canSeeThread(user, found)) throw new UserError(404, 'error.404.body');
  if (!canToggleWiki(user, found.category.id)) throw new UserError(403, 'forum.wiki.notAllowed');
  if (found.post.deletedAt) throw new UserError(409, 'forum.wiki.deleted');
  if (found.post.wiki === wiki) return found.post;
  return db.transaction(async (tx) => {
    const [post] = await tx.update(posts).set({ wiki }).where(eq(posts.id, postId)).returning();
    await logModerationAction(tx, {
      actorId: user.id,
      action: wiki ? 'post.wiki' : 'post.unwiki',
      targetType: 'post',
      targetId: postId,
      targetUserId: found.post.authorId,
      before: { wiki: found.post.wiki, threadId: found.thread.id, number: found.post.number },
      after: { wiki },
    });
    return post!;
  });
}
