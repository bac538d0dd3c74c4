import { and, eq, inArray, sql } from 'drizzle-orm';
import { users } from '../../accounts/schema.ts';
import type { DbOrTx } from '../../db/index.ts';
import { prepared } from '../../db/prepared.ts';
import { UserError } from '../../http/errors.tsx';
import { canAct } from '../permissions.ts';
import { postLikes, posts, threads, type Post } from '../schema.ts';
import { writeTime, type WriteContext } from './context.ts';
import { add } from './counters.ts';
import { canSeeThread, findPostContext } from './lookup.ts';

/** Likes or un-likes a post. The (post, member) primary key makes a second like impossible, even in a race. */
export async function toggleLike(ctx: WriteContext, postId: number): Promise<{ post: Post; liked: boolean }> {
  const { db, hooks, user } = ctx;
  const found = await findPostContext(db, postId);
  if (!found || !canSeeThread(user, found) || found.post.deletedAt || found.thread.deletedAt || found.post.heldAt) {
    throw new UserError(404, 'error.404.body');
  }
  if (found.post.authorId === user.id) throw new UserError(403, 'forum.like.own');
  if (!canAct(user)) throw new UserError(403, 'forum.like.sanctioned');
  const at = writeTime(ctx);
  const result = await db.transaction(async (tx) => {
    const inserted = await tx.insert(postLikes).values({ postId, userId: user.id, createdAt: at }).onConflictDoNothing().returning();
    const liked = inserted.length > 0;
    if (!liked) {
      const removed = await tx
        .delete(postLikes)
        .where(and(eq(postLikes.postId, postId), eq(postLikes.userId, user.id)))
        .returning();
      // a concurrent toggle already removed it: nothing changed
      if (removed.length === 0) return { post: found.post, liked: false, changed: false };
    }
    const delta = liked ? 1 : -1;
    const [post] = await tx.update(posts).set({ likeCount: add(posts.likeCount, delta) }).where(eq(posts.id, postId)).returning();
    await tx.update(threads).set({ likeCount: add(threads.likeCount, delta) }).where(eq(threads.id, found.thread.id));
    await tx.update(users).set({ likesReceived: add(users.likesReceived, delta) }).where(eq(users.id, found.post.authorId));
    await tx.update(users).set({ likesGiven: add(users.likesGiven, delta) }).where(eq(users.id, user.id));
    return { post: post!, liked, changed: true };
  });
  if (result.changed) {
    const hookCtx = { user, categoryId: found.category.id };
    if (result.liked) await hooks.action('post.liked', { post: result.post, thread: found.thread, likedBy: user }, hookCtx);
    else await hooks.action('post.unliked', { post: result.post, thread: found.thread, unlikedBy: user }, hookCtx);
  }
  return { post: result.post, liked: result.liked };
}

/** Which of these posts the viewer has liked, in one query. */
export async function likedByViewer(db: DbOrTx, userId: number | null, postIds: number[]): Promise<Set<number>> {
  if (userId === null || postIds.length === 0) return new Set();
  const query = prepared(db, 'likes.byViewer', (d) =>
    d
      .select({ postId: postLikes.postId })
      .from(postLikes)
      .where(and(eq(postLikes.userId, sql.placeholder('userId')), sql`${postLikes.postId} = any(${sql.placeholder('postIds')}::int[])`))
      .prepare('likes_by_viewer'),
  );
  const rows = await query.execute({ userId, postIds });
  return new Set(rows.map((r) => r.postId));
}
