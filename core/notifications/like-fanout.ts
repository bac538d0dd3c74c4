import { eq } from 'drizzle-orm';
import type { User } from '../accounts/schema.ts';
import type { DbOrTx } from '../db/index.ts';
import { categories, type Post, type Thread } from '../forum/schema.ts';
import { deliverable, parentOf } from './audience.ts';
import { notifyGrouped } from './grouped.ts';

/** Tells the author about a like; likes of one post pile up in one unread notification ("A and 2 others…"). */
export async function fanOutLike(db: DbOrTx, event: { post: Post; thread: Thread; likedBy: User }): Promise<void> {
  const { post, thread, likedBy } = event;
  if (post.authorId === likedBy.id) return;
  const [category] = await db.select().from(categories).where(eq(categories.id, thread.categoryId)).limit(1);
  if (!category) return;
  const parent = await parentOf(db, category);
  const place = { threadId: thread.id, categoryId: category.id, parentCategoryId: parent?.id ?? null };
  const allowed = await deliverable(db, { actorId: likedBy.id, place, category, parent }, [post.authorId]);
  if (!allowed.has(post.authorId)) return;
  await notifyGrouped(db, {
    userId: post.authorId,
    type: 'like',
    data: { actor: likedBy.displayName, title: thread.title, postId: post.id, others: 0 },
    url: `/p/${post.id}`,
    actorId: likedBy.id,
    groupKey: `like:${post.id}`,
    counter: 'others',
    repeatActorCounts: false,
  });
}
