import type { User } from '../../core/accounts/schema.ts';
import type { CategoryInput } from '../../core/forum/service/category-input.ts';
import { createCategory } from '../../core/forum/service/categories.ts';
import type { WriteContext } from '../../core/forum/service/context.ts';
import { createPost } from '../../core/forum/service/create-post.ts';
import { createThread, type NewThreadInput } from '../../core/forum/service/create-thread.ts';
import type { TestForum } from '../helpers/app.ts';

export function writeAs(forum: TestForum, user: User, at?: Date): WriteContext {
  return { db: forum.deps.db, hooks: forum.deps.plugins.hooks, user, at };
}

export function category(forum: TestForum, input: CategoryInput) {
  return createCategory(forum.deps.db, input);
}

export async function thread(forum: TestForum, user: User, input: Partial<NewThreadInput> & { categoryId: number }, at?: Date) {
  const { thread: created, post } = await createThread(
    { ...writeAs(forum, user, at), restrictTags: false },
    { title: 'A thread about things', raw: 'Opening post text.', ...input },
  );
  return { thread: created, post };
}

export async function reply(forum: TestForum, user: User, threadId: number, raw = 'A reply.', at?: Date) {
  return (await createPost(writeAs(forum, user, at), { threadId, raw })).post;
}

/** The value of an `href` that contains `needle`, from an HTML page. */
export function hrefs(html: string, needle: string): string[] {
  return [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&')).filter((h) => h.includes(needle));
}

