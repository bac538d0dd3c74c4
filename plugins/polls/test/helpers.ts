import { sql } from 'drizzle-orm';
import type { User } from '../../../core/accounts/schema.ts';
import { createPost } from '../../../core/forum/service/create-post.ts';
import { createThread } from '../../../core/forum/service/create-thread.ts';
import { createTestForum, type TestForum } from '../../../test/helpers/app.ts';
import { insertCategory } from '../../../test/plugins/helpers.ts';
import polls from '../plugin.tsx';

export { polls };

/** A forum with the polls plugin, one category where it is on, and a thread (with its first post) there. */
export async function pollsForum(options: { overrides?: Record<string, unknown>; env?: Record<string, string> } = {}) {
  const forum = await createTestForum({ plugins: [polls], env: options.env });
  const category = await insertCategory(forum.deps.db, 'Polls');
  await forum.deps.pluginHost.state.setCategory('polls', category.id, true, options.overrides);
  const author = await forum.member();
  const thread = await startThread(forum, author.user, category.id);
  return { forum, category, author, thread };
}

export async function startThread(forum: TestForum, user: User, categoryId: number, title = 'What should we do this weekend') {
  const { thread } = await createThread(
    { db: forum.deps.db, hooks: forum.deps.plugins.hooks, user, restrictTags: false },
    { categoryId, title, raw: 'Tell me what you think.' },
  );
  return thread;
}

export async function reply(forum: TestForum, user: User, threadId: number) {
  return (await createPost({ db: forum.deps.db, hooks: forum.deps.plugins.hooks, user }, { threadId, raw: 'Count me in!' })).post;
}

export const pollPath = (threadId: number, pollId: number, rest = '') => `/plugins/polls/t/${threadId}/p/${pollId}${rest}`;

/** Creates a poll through the "add a poll" route and returns its id. */
export async function addPoll(client: { post(path: string, fields: Record<string, string | string[]>): Promise<Response> }, threadId: number, fields: Record<string, string> = {}) {
  const res = await client.post(`/plugins/polls/t/${threadId}/new`, {
    polls_kind: 'poll',
    polls_title: 'Where shall we go?',
    polls_options: 'Hiking\nCinema\nBoard games',
    ...fields,
  });
  if (res.status !== 303) throw new Error(`poll not created: ${res.status} ${await res.text()}`);
  const id = /#polls-poll-(\d+)$/.exec(res.headers.get('location') ?? '')?.[1];
  return Number(id);
}

/** Option ids of a poll's questions, in order. */
export async function optionIds(forum: TestForum, pollId: number): Promise<{ questionId: number; optionId: number; label: string }[]> {
  return forum.deps.database.rows(
    sql`select question_id as "questionId", id as "optionId", label from polls_options where poll_id = ${pollId} order by question_id, position`,
  );
}

export async function count(forum: TestForum, query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await forum.deps.database.rows<{ n: number }>(query);
  return Number(row?.n ?? 0);
}

/** The thread page's canonical URL (the bare /t/:id redirects to it). */
export const threadUrl = (thread: { id: number; slug: string }) => `/t/${thread.id}/${encodeURIComponent(thread.slug)}`;
