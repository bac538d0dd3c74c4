import { asc, desc, eq, sql } from 'drizzle-orm';
import { posts, type Db } from '../../../core/plugins/api.ts';
import { qaQuestions, qaScores } from '../schema.ts';

/**
 * Display order of a question's posts: the question, then the accepted answer, then the other answers by
 * score (highest first) and age (oldest first), removed ones last. One indexed query over the thread's posts.
 */
export async function questionPostOrder(db: Db, threadId: number): Promise<number[]> {
  const rows = await db
    .select({ id: posts.id })
    .from(posts)
    .leftJoin(qaScores, eq(qaScores.postId, posts.id))
    .leftJoin(qaQuestions, eq(qaQuestions.threadId, posts.threadId))
    .where(eq(posts.threadId, threadId))
    .orderBy(
      asc(sql`case when ${posts.number} = 1 then 0 when ${posts.id} = ${qaQuestions.acceptedPostId} then 1 when ${posts.deletedAt} is not null then 3 else 2 end`),
      desc(sql`coalesce(${qaScores.score}, 0)`),
      asc(posts.number),
    );
  return rows.map((r) => r.id);
}
