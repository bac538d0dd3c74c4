import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { users } from '../../accounts/schema.ts';
import type { DbOrTx } from '../../db/index.ts';
import { UserError } from '../../http/errors.tsx';
import { canAct, canDeletePost, isStaffViewer } from '../permissions.ts';
import { categories, posts, threads, type Post, type Thread } from '../schema.ts';
import { writeTime, type WriteContext } from './context.ts';
import { add } from './counters.ts';
import { canSeeThread, findPostContext } from './lookup.ts';
import { adjustTagCounts } from './tags.ts';

export interface PostChange {
  post: Post;
  thread: Thread;
}

/**
 * Soft-deletes a post (author or staff). Deleting the first post deletes the whole thread, softly too.
 * Counters only count what members can see, so they move with it.
 */
export async function deletePost(ctx: WriteContext, postId: number): Promise<PostChange> {
  const { db, hooks, user } = ctx;
  const found = await findPostContext(db, postId);
  if (!found || !canSeeThread(user, found)) throw new UserError(404, 'error.404.body');
  if (!canDeletePost(user, found.post)) throw new UserError(403, 'forum.delete.notAllowed');
  const at = writeTime(ctx);
  const result = await db.transaction(async (tx) => {
    const [post] = await tx
      .update(posts)
      .set({ deletedAt: at, deletedById: user.id })
      .where(and(eq(posts.id, postId), isNull(posts.deletedAt)))
      .returning();
    if (!post) return { post: found.post, thread: found.thread };
    if (post.heldAt) return { post, thread: await heldVisibility(tx, post, found.thread, at) };
    const thread = await applyVisibility(tx, post, -1, post.number === 1 ? at : undefined);
    return { post, thread };
  });
  await hooks.action('post.deleted', { ...result, byStaff: user.id !== found.post.authorId && isStaffViewer(user) }, { user, categoryId: found.category.id });
  return result;
}

/** Staff bring a deleted post back; restoring the first post restores its thread. */
export async function restorePost(ctx: WriteContext, postId: number): Promise<PostChange> {
  const { db, hooks, user } = ctx;
  const found = await findPostContext(db, postId);
  if (!found || !canSeeThread(user, found)) throw new UserError(404, 'error.404.body');
  if (!isStaffViewer(user) || !canAct(user)) throw new UserError(403, 'forum.restore.notAllowed');
  const result = await db.transaction(async (tx) => {
    const [post] = await tx
      .update(posts)
      .set({ deletedAt: null, deletedById: null })
      .where(and(eq(posts.id, postId), isNotNull(posts.deletedAt)))
      .returning();
    if (!post) return { post: found.post, thread: found.thread };
    if (post.heldAt) return { post, thread: await heldVisibility(tx, post, found.thread, null) };
    const thread = await applyVisibility(tx, post, +1, post.number === 1 ? null : undefined);
    return { post, thread };
  });
  await hooks.action('post.restored', result, { user, categoryId: found.category.id });
  return result;
}

/** A post held for review never moved a counter (core/moderation): only a held first post takes its thread along. */
async function heldVisibility(tx: DbOrTx, post: Post, thread: Thread, threadDeletedAt: Date | null): Promise<Thread> {
  if (post.number !== 1) return thread;
  const [updated] = await tx.update(threads).set({ deletedAt: threadDeletedAt }).where(eq(threads.id, post.threadId)).returning();
  // tags count held threads (they were attached on creation)
  await adjustTagCounts(tx, post.threadId, threadDeletedAt ? -1 : 1);
  return updated!;
}

/**
 * Moves every counter a post's visibility touches. `threadDeletedAt` is given when the post is the
 * first one: the thread disappears (a date) or comes back (null) with it, and with the thread all its posts.
 */
async function applyVisibility(tx: DbOrTx, post: Post, delta: 1 | -1, threadDeletedAt?: Date | null): Promise<Thread> {
  await tx.update(users).set({ postCount: add(users.postCount, delta) }).where(eq(users.id, post.authorId));
  if (threadDeletedAt === undefined) {
    const [thread] = await tx
      .update(threads)
      .set({ replyCount: add(threads.replyCount, delta) })
      .where(eq(threads.id, post.threadId))
      .returning();
    if (!thread!.deletedAt) {
      await tx.update(categories).set({ postCount: add(categories.postCount, delta) }).where(eq(categories.id, thread!.categoryId));
    }
    return thread!;
  }
  const [thread] = await tx.update(threads).set({ deletedAt: threadDeletedAt }).where(eq(threads.id, post.threadId)).returning();
  const visiblePosts = thread!.replyCount + 1;
  await tx
    .update(categories)
    .set({ threadCount: add(categories.threadCount, delta), postCount: add(categories.postCount, delta * visiblePosts) })
    .where(eq(categories.id, thread!.categoryId));
  await tx.update(users).set({ threadCount: add(users.threadCount, delta) }).where(eq(users.id, thread!.authorId));
  await adjustTagCounts(tx, thread!.id, delta);
  return thread!;
}
