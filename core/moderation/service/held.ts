import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { users } from '../../accounts/schema.ts';
import type { DbOrTx } from '../../db/index.ts';
import { categories, posts, threads, type Post, type Thread } from '../../forum/schema.ts';
import { add } from '../../forum/service/counters.ts';

/**
 * Held content is counted nowhere (replies, category and member counts), exactly like deleted content:
 * holding a visible post takes it out of the counters, releasing puts it back. A first post carries its thread.
 */
async function moveCounters(tx: DbOrTx, post: Post, delta: 1 | -1, at: Date): Promise<Thread> {
  if (post.number === 1) {
    const [thread] = await tx
      .update(threads)
      .set({ heldAt: delta < 0 ? at : null })
      .where(eq(threads.id, post.threadId))
      .returning();
    if (!thread!.deletedAt) {
      await tx
        .update(categories)
        .set({ threadCount: add(categories.threadCount, delta), postCount: add(categories.postCount, delta * (thread!.replyCount + 1)) })
        .where(eq(categories.id, thread!.categoryId));
      await tx
        .update(users)
        .set({ threadCount: add(users.threadCount, delta), postCount: add(users.postCount, delta) })
        .where(eq(users.id, thread!.authorId));
    }
    return thread!;
  }
  const [thread] = await tx
    .update(threads)
    .set(
      delta > 0
        ? {
            replyCount: add(threads.replyCount, 1),
            // an approved reply becomes the latest activity if nothing newer came since
            lastPostAt: sql`greatest(${threads.lastPostAt}, ${post.createdAt.toISOString()}::timestamptz)`,
            lastPosterId: sql`case when ${threads.lastPostAt} <= ${post.createdAt.toISOString()}::timestamptz then ${post.authorId} else ${threads.lastPosterId} end`,
          }
        : { replyCount: add(threads.replyCount, -1) },
    )
    .where(eq(threads.id, post.threadId))
    .returning();
  if (!thread!.deletedAt && !thread!.heldAt) {
    await tx.update(categories).set({ postCount: add(categories.postCount, delta) }).where(eq(categories.id, thread!.categoryId));
  }
  await tx.update(users).set({ postCount: add(users.postCount, delta) }).where(eq(users.id, post.authorId));
  return thread!;
}

/** Hides a visible post (and, for a first post, its thread) pending review; null when it was already held. */
export async function holdPost(tx: DbOrTx, postId: number, reason: string, at = new Date()): Promise<Post | null> {
  const [post] = await tx
    .update(posts)
    .set({ heldAt: at, heldReason: reason })
    .where(and(eq(posts.id, postId), isNull(posts.heldAt)))
    .returning();
  if (!post) return null;
  if (!post.deletedAt) await moveCounters(tx, post, -1, at);
  return post;
}

/** Shows a held post again (approval), or null when it was not held. `fresh`: it was held from its creation on,
 * so nobody has been told about it yet. */
export async function releasePost(tx: DbOrTx, postId: number): Promise<{ post: Post; thread: Thread; fresh: boolean } | null> {
  const [before] = await tx.select().from(posts).where(and(eq(posts.id, postId), isNotNull(posts.heldAt))).limit(1);
  if (!before) return null;
  const [post] = await tx
    .update(posts)
    .set({ heldAt: null, heldReason: null })
    .where(and(eq(posts.id, postId), isNotNull(posts.heldAt)))
    .returning();
  if (!post) return null;
  const fresh = before.heldAt!.getTime() === before.createdAt.getTime();
  if (post.deletedAt) {
    const [thread] = await tx.select().from(threads).where(eq(threads.id, post.threadId));
    return { post, thread: thread!, fresh };
  }
  const thread = await moveCounters(tx, post, 1, new Date());
  return { post, thread, fresh };
}
