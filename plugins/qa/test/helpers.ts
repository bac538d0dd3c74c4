import { sql } from 'drizzle-orm';
import type { User } from '../../../core/accounts/schema.ts';
import { users } from '../../../core/db/schema.ts';
import { createPost } from '../../../core/forum/service/create-post.ts';
import { createThread } from '../../../core/forum/service/create-thread.ts';
import { createTestForum, type TestForum } from '../../../test/helpers/app.ts';
import { insertCategory } from '../../../test/plugins/helpers.ts';
import qa from '../plugin.tsx';

export { qa };

/** A forum with Q&A on in one category (“Help”), a plain category (“Chat”), an asker and a question. */
export async function qaForum(options: { overrides?: Record<string, unknown>; settings?: Record<string, unknown> } = {}) {
  const forum = await createTestForum({ plugins: [qa] });
  const category = await insertCategory(forum.deps.db, 'Help');
  const plain = await insertCategory(forum.deps.db, 'Chat');
  await forum.deps.pluginHost.state.setCategory('qa', category.id, true, options.overrides);
  if (options.settings) await forum.deps.pluginHost.state.setSettings('qa', options.settings);
  const asker = await forum.member();
  const thread = await ask(forum, asker.user, category.id);
  return { forum, category, plain, asker, thread };
}

export async function ask(forum: TestForum, user: User, categoryId: number, title = 'How do I reset my router?') {
  const { thread } = await createThread(
    { db: forum.deps.db, hooks: forum.deps.plugins.hooks, user, restrictTags: false },
    { categoryId, title, raw: 'It keeps dropping the connection. What should I try?' },
  );
  return thread;
}

export async function answer(forum: TestForum, user: User, threadId: number, raw = 'Hold the reset button for ten seconds.') {
  return (await createPost({ db: forum.deps.db, hooks: forum.deps.plugins.hooks, user }, { threadId, raw })).post;
}

/** Many members at once, inserted directly (no password hashing): for concurrency tests. */
export async function manyMembers(forum: TestForum, n: number, prefix = 'voter'): Promise<User[]> {
  const rows = Array.from({ length: n }, (_, i) => ({
    username: `${prefix}${i}`,
    usernameKey: `${prefix}${i}`,
    displayName: `${prefix} ${i}`,
    email: `${prefix}${i}@example.com`,
    emailKey: `${prefix}${i}@example.com`,
    passwordHash: 'x',
  }));
  return forum.deps.db.insert(users).values(rows).returning();
}

export async function count(forum: TestForum, query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await forum.deps.database.rows<{ n: number }>(query);
  return Number(row?.n ?? 0);
}

export const threadUrl = (thread: { id: number; slug: string }) => `/t/${thread.id}/${encodeURIComponent(thread.slug)}`;
export const votePath = (threadId: number, postId: number) => `/plugins/qa/t/${threadId}/p/${postId}/vote`;
export const acceptPath = (threadId: number, postId: number) => `/plugins/qa/t/${threadId}/p/${postId}/accept`;
export const unacceptPath = (threadId: number) => `/plugins/qa/t/${threadId}/unaccept`;

export async function score(forum: TestForum, postId: number): Promise<number> {
  const [row] = await forum.deps.database.rows<{ score: number }>(sql`select score from qa_scores where post_id = ${postId}`);
  return Number(row?.score ?? 0);
}

export async function acceptedId(forum: TestForum, threadId: number): Promise<number | null> {
  const [row] = await forum.deps.database.rows<{ id: number | null }>(sql`select accepted_post_id as id from qa_questions where thread_id = ${threadId}`);
  return row?.id ?? null;
}

/** The post ids in the order the thread page shows them. */
export function postOrder(html: string): number[] {
  return [...html.matchAll(/data-post-id="(\d+)"/g)].map((m) => Number(m[1]));
}

/** The markup of one post on a thread page (from its <article> to the next one). */
export function postHtml(html: string, postId: number): string {
  const start = html.indexOf(`data-post-id="${postId}"`);
  if (start < 0) return '';
  const end = html.indexOf('<article', start);
  return html.slice(start, end < 0 ? undefined : end);
}
