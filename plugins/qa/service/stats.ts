import { and, count, eq, gte, lt, sql } from 'drizzle-orm';
import { posts, publicThread, threads, type Db } from '../../../core/plugins/api.ts';
import { qaQuestions } from '../schema.ts';

export interface QuestionStats {
  /** Questions asked in the range (visible threads only). */
  questions: number;
  /** Of those, questions with an accepted answer now. */
  solved: number;
  /** Median seconds from asking to the first visible reply by someone other than the asker; null if none was answered. */
  medianFirstAnswerSeconds: number | null;
  /** Median seconds from asking to the current acceptance; null if none was solved. */
  medianAcceptanceSeconds: number | null;
}

/**
 * Figures for questions asked in [start, end), optionally in one category: one query. The first answer is
 * found per question through the (thread_id, number) index of posts; medians use percentile_cont, which
 * ignores the nulls of unanswered and unsolved questions.
 */
export async function questionStats(db: Db, range: { start: Date; end: Date; categoryId?: number | null }): Promise<QuestionStats> {
  const firstAnswerAt = sql`(select min(${posts.createdAt}) from ${posts} where ${posts.threadId} = ${threads.id} and ${posts.number} > 1
    and ${posts.authorId} <> ${threads.authorId} and ${posts.deletedAt} is null and ${posts.heldAt} is null)`;
  const perQuestion = db
    .select({
      acceptedPostId: qaQuestions.acceptedPostId,
      toAnswer: sql<number | null>`extract(epoch from ${firstAnswerAt} - ${threads.createdAt})`.as('to_answer'),
      toAccept: sql<number | null>`case when ${qaQuestions.acceptedPostId} is not null
        then extract(epoch from ${qaQuestions.acceptedAt} - ${threads.createdAt}) end`.as('to_accept'),
    })
    .from(qaQuestions)
    .innerJoin(threads, eq(threads.id, qaQuestions.threadId))
    .where(
      and(
        gte(threads.createdAt, range.start),
        lt(threads.createdAt, range.end),
        publicThread(),
        range.categoryId ? eq(threads.categoryId, range.categoryId) : undefined,
      ),
    )
    .as('per_question');
  const [row] = await db
    .select({
      questions: count(),
      solved: count(perQuestion.acceptedPostId),
      medianFirstAnswer: sql<string | number | null>`percentile_cont(0.5) within group (order by ${perQuestion.toAnswer})`,
      medianAcceptance: sql<string | number | null>`percentile_cont(0.5) within group (order by ${perQuestion.toAccept})`,
    })
    .from(perQuestion);
  const seconds = (value: string | number | null | undefined) => (value === null || value === undefined ? null : Number(value));
  return {
    questions: Number(row?.questions ?? 0),
    solved: Number(row?.solved ?? 0),
    medianFirstAnswerSeconds: seconds(row?.medianFirstAnswer),
    medianAcceptanceSeconds: seconds(row?.medianAcceptance),
  };
}
