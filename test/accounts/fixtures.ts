import { eq } from 'drizzle-orm';
import { users, type User } from '../../core/accounts/schema.ts';
import { categories, posts, threads, type AccessLevel } from '../../core/forum/schema.ts';
import { mailMessages } from '../../core/mail/index.ts';
import type { TestForum } from '../helpers/app.ts';
import { testDatabase } from '../helpers/db.ts';

let seq = 0;

export async function category(forum: TestForum, readAccess: AccessLevel = 'everyone', parentId: number | null = null) {
  seq += 1;
  const [row] = await forum.deps.db
    .insert(categories)
    .values({ slug: `cat-${seq}`, name: `Category ${seq}`, readAccess, parentId })
    .returning();
  return row!;
}

/** A thread with its opening post, written straight into the tables. */
export async function thread(forum: TestForum, author: User, categoryId: number, title: string, body = `<p>${title} body</p>`) {
  const [t] = await forum.deps.db
    .insert(threads)
    .values({ categoryId, authorId: author.id, title, slug: title.toLowerCase().replace(/\W+/g, '-') })
    .returning();
  const [p] = await forum.deps.db
    .insert(posts)
    .values({ threadId: t!.id, authorId: author.id, number: 1, raw: title, html: body })
    .returning();
  return { thread: t!, post: p! };
}

export async function reply(forum: TestForum, author: User, threadId: number, number: number, html: string, createdAt?: Date) {
  const [p] = await forum.deps.db
    .insert(posts)
    .values({ threadId, authorId: author.id, number, raw: html, html, ...(createdAt ? { createdAt } : {}) })
    .returning();
  return p!;
}

export async function setUser(forum: TestForum, id: number, patch: Partial<typeof users.$inferInsert>) {
  await forum.deps.db.update(users).set(patch).where(eq(users.id, id));
}

export async function mails(forum: TestForum) {
  return forum.deps.db.select().from(mailMessages).orderBy(mailMessages.id);
}

/** The reset link's path from a mail's text. */
export function resetPath(text: string): string {
  const match = /https?:\/\/[^/\s]+(\/password\/reset\/[a-z2-7]+)/.exec(text);
  if (!match) throw new Error(`no reset link in: ${text}`);
  return match[1]!;
}

/** Boots the worker's database under the (longer) hook timeout rather than inside the first test. */
export async function warmDatabase(): Promise<void> {
  await testDatabase();
}
