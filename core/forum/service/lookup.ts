import { alias } from 'drizzle-orm/pg-core';
import { eq, sql } from 'drizzle-orm';
import { prepared } from '../../db/prepared.ts';
import type { DbOrTx } from '../../db/index.ts';
import { canReadCategory, canSeeDeleted, isStaffIn, type Viewer } from '../permissions.ts';
import { categories, posts, threads, type Category, type Post, type Thread } from '../schema.ts';

export interface ThreadContext {
  thread: Thread;
  category: Category;
  parent: Category | null;
}

export interface PostContext extends ThreadContext {
  post: Post;
}

const parents = alias(categories, 'parent_category');

/** A thread with its category and parent category, read fresh in one query. */
export async function findThreadContext(db: DbOrTx, threadId: number): Promise<ThreadContext | undefined> {
  const query = prepared(db, 'forum.threadContext', (d) =>
    d
      .select({ thread: threads, category: categories, parent: parents })
      .from(threads)
      .innerJoin(categories, eq(categories.id, threads.categoryId))
      .leftJoin(parents, eq(parents.id, categories.parentId))
      .where(eq(threads.id, sql.placeholder('threadId')))
      .limit(1)
      .prepare('thread_context'),
  );
  const [row] = await query.execute({ threadId });
  return row;
}

export async function findPostContext(db: DbOrTx, postId: number): Promise<PostContext | undefined> {
  const [row] = await db
    .select({ post: posts, thread: threads, category: categories, parent: parents })
    .from(posts)
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .innerJoin(categories, eq(categories.id, threads.categoryId))
    .leftJoin(parents, eq(parents.id, categories.parentId))
    .where(eq(posts.id, postId))
    .limit(1);
  return row;
}

/** Whether the viewer may see the thread at all: its category is readable and, once deleted, only staff see it. */
export function canSeeThread(viewer: Viewer, ctx: ThreadContext): boolean {
  if (!canReadCategory(viewer, ctx.category, ctx.parent)) return false;
  // held for review: staff and the author only
  if (ctx.thread.heldAt && !canSeeDeleted(viewer) && viewer?.id !== ctx.thread.authorId) return false;
  // scheduled (core/scheduling): staff only until it goes live
  if (ctx.thread.publishAt && !isStaffIn(viewer, ctx.category.id)) return false;
  return ctx.thread.deletedAt === null || canSeeDeleted(viewer);
}

/** A thread the viewer may read (category, parent and deletion rules), or undefined: the one check every route uses. */
export async function readableThreadContext(db: DbOrTx, viewer: Viewer, threadId: number): Promise<ThreadContext | undefined> {
  if (!Number.isSafeInteger(threadId) || threadId <= 0) return undefined;
  const found = await findThreadContext(db, threadId);
  return found && canSeeThread(viewer, found) ? found : undefined;
}
