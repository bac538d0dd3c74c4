import { and, eq, isNotNull } from 'drizzle-orm';
import { posts, threads, users } from '../../../core/plugins/api.ts';
import { qaQuestions } from '../schema.ts';
import type { QaApi } from '../settings.ts';
import { plainText } from './structured-data.ts';

/** Questions are their own search document type (`qa_question`), so /search can filter solved / unsolved. */
export const SEARCH_TYPE = 'question';

export function declareSearchType(api: QaApi): void {
  api.search.type({
    name: SEARCH_TYPE,
    labelKey: 'qa.search.type',
    facets: [
      { key: 'qa_solved', kind: 'boolean', labelKey: 'qa.search.solved' },
      { key: 'qa_answers', kind: 'number', labelKey: 'qa.search.answers' },
    ],
  });
}

/**
 * (Re)indexes one question: title, question text, answer count and whether it is solved. Search is a
 * convenience: a failure is logged and never undoes the change that triggered it.
 */
export async function indexQuestion(api: QaApi, threadId: number): Promise<void> {
  try {
    const [row] = await api.db
      .select({ thread: threads, html: posts.html, username: users.username, displayName: users.displayName, accepted: qaQuestions.acceptedPostId })
      .from(threads)
      .innerJoin(posts, and(eq(posts.threadId, threads.id), eq(posts.number, 1)))
      .leftJoin(users, eq(users.id, threads.authorId))
      .leftJoin(qaQuestions, and(eq(qaQuestions.threadId, threads.id), isNotNull(qaQuestions.acceptedPostId)))
      .where(eq(threads.id, threadId))
      .limit(1);
    if (!row) return;
    const { thread } = row;
    if (!api.enabledIn(thread.categoryId)) {
      await api.search.remove(SEARCH_TYPE, [thread.id]);
      return;
    }
    await api.search.index([
      {
        type: SEARCH_TYPE,
        id: thread.id,
        title: thread.title,
        body: plainText(row.html),
        url: `/t/${thread.id}/${encodeURIComponent(thread.slug)}`,
        createdAt: thread.createdAt,
        threadId: thread.id,
        authorId: thread.authorId,
        authorName: row.displayName ?? row.username ?? '',
        facets: { qa_solved: row.accepted !== null, qa_answers: thread.replyCount },
      },
    ]);
  } catch (error) {
    api.logger.warn({ err: error, threadId }, 'qa: indexing the question for search failed');
  }
}
