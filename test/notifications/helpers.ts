import { and, desc, eq, sql } from 'drizzle-orm';
import type { User } from '../../core/accounts/schema.ts';
import { categories, posts, threads, type AccessLevel, type Category, type Post, type Thread } from '../../core/forum/schema.ts';
import { registerCoreNotifications } from '../../core/notifications/fanout.ts';
import { notifications } from '../../core/notifications/schema.ts';
import type { TestForum } from '../helpers/app.ts';

let seq = 0;

/** Wires core's fan-out into this forum's hook bus (a no-op once bootstrap does it). */
export function withFanOut(forum: TestForum): TestForum {
  registerCoreNotifications(forum.deps.plugins.hooks, forum.deps.db);
  return forum;
}

export async function makeCategory(forum: TestForum, input: { readAccess?: AccessLevel; parentId?: number } = {}): Promise<Category> {
  seq += 1;
  const [row] = await forum.deps.db
    .insert(categories)
    .values({ slug: `cat-${seq}`, name: `Category ${seq}`, readAccess: input.readAccess ?? 'everyone', parentId: input.parentId ?? null })
    .returning();
  return row!;
}

/** A thread with its opening post, inserted directly; fires 'thread.created' like the forum does. */
export async function startThread(forum: TestForum, author: User, category: Category, raw = 'Opening post.'): Promise<{ thread: Thread; post: Post }> {
  seq += 1;
  const { db } = forum.deps;
  const [thread] = await db
    .insert(threads)
    .values({ categoryId: category.id, authorId: author.id, title: `Thread number ${seq}`, slug: `thread-number-${seq}`, lastPostNumber: 1 })
    .returning();
  const [post] = await db.insert(posts).values({ threadId: thread!.id, authorId: author.id, number: 1, raw, html: `<p>${raw}</p>` }).returning();
  await forum.deps.plugins.hooks.action('thread.created', { thread: thread!, post: post!, category }, { user: author, categoryId: category.id });
  return { thread: thread!, post: post! };
}

/** A reply inserted directly; fires 'post.created'. */
export async function replyTo(
  forum: TestForum,
  author: User,
  thread: Thread,
  category: Category,
  raw = 'A reply.',
  replyToPostId: number | null = null,
): Promise<Post> {
  const { db } = forum.deps;
  const [updated] = await db
    .update(threads)
    .set({ lastPostNumber: sql`${threads.lastPostNumber} + 1`, replyCount: sql`${threads.replyCount} + 1` })
    .where(eq(threads.id, thread.id))
    .returning();
  const [post] = await db
    .insert(posts)
    .values({ threadId: thread.id, authorId: author.id, number: updated!.lastPostNumber, raw, html: `<p>${raw}</p>`, replyToPostId })
    .returning();
  await forum.deps.plugins.hooks.action('post.created', { post: post!, thread: updated!, category }, { user: author, categoryId: category.id });
  return post!;
}

export async function like(forum: TestForum, liker: User, post: Post, thread: Thread): Promise<void> {
  await forum.deps.plugins.hooks.action('post.liked', { post, thread, likedBy: liker }, { user: liker, categoryId: thread.categoryId });
}

export function notificationsOf(forum: TestForum, user: User) {
  return forum.deps.db.select().from(notifications).where(eq(notifications.userId, user.id)).orderBy(desc(notifications.id));
}

export function notificationsOfType(forum: TestForum, user: User, type: string) {
  return forum.deps.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, user.id), eq(notifications.type, type)));
}
