import { and, eq, sql } from 'drizzle-orm';
import { canAct, UserError, type Post, type Thread, type User } from '../../../core/plugins/api.ts';
import { qaScores, qaVotes } from '../schema.ts';
import type { QaApi } from '../settings.ts';
import { isLivePost } from './records.ts';

export type VoteValue = -1 | 0 | 1;

export interface VoteResult {
  value: VoteValue;
  previous: VoteValue;
  score: number;
}

/**
 * A member's vote on a post of a question (0 removes it). Every vote on a post runs under the lock of
 * that post's score row, and the vote row is unique per (post, voter): the cached score moves by exactly
 * the difference, however many members vote at once.
 */
export async function castVote(api: QaApi, input: { thread: Thread; post: Post; voter: User | null; value: VoteValue }): Promise<VoteResult> {
  const { thread, post, voter, value } = input;
  if (!voter) throw new UserError(403, 'qa.error.loginToVote');
  if (!canAct(voter)) throw new UserError(403, 'error.403.body');
  if (post.threadId !== thread.id || !isLivePost(post)) throw new UserError(404, 'error.404.body');
  if (post.authorId === voter.id) throw new UserError(403, 'qa.error.ownPost');
  if (thread.locked) throw new UserError(409, 'qa.error.locked');

  const result = await api.db.transaction(async (tx) => {
    await tx.insert(qaScores).values({ postId: post.id, threadId: thread.id }).onConflictDoNothing();
    const [locked] = await tx.select().from(qaScores).where(eq(qaScores.postId, post.id)).for('update');
    const mine = and(eq(qaVotes.postId, post.id), eq(qaVotes.userId, voter.id));
    const [existing] = await tx.select({ value: qaVotes.value }).from(qaVotes).where(mine);
    const previous = (existing?.value ?? 0) as VoteValue;
    if (previous === value) return { value, previous, score: locked!.score };
    if (value === 0) await tx.delete(qaVotes).where(mine);
    else if (previous === 0) await tx.insert(qaVotes).values({ postId: post.id, userId: voter.id, value });
    else await tx.update(qaVotes).set({ value, updatedAt: new Date() }).where(mine);
    const up = Number(value === 1) - Number(previous === 1);
    const down = Number(value === -1) - Number(previous === -1);
    const [updated] = await tx
      .update(qaScores)
      .set({
        score: sql`${qaScores.score} + ${value - previous}`,
        upCount: sql`${qaScores.upCount} + ${up}`,
        downCount: sql`${qaScores.downCount} + ${down}`,
      })
      .where(eq(qaScores.postId, post.id))
      .returning({ score: qaScores.score });
    return { value, previous, score: updated!.score };
  });

  // the hook is about answers: votes on the question itself are not announced
  if (result.previous !== result.value && post.number > 1) {
    await api.emit('qa.answerVoted', { thread, answer: post, voter, value: result.value, previous: result.previous }, { user: voter, categoryId: thread.categoryId });
  }
  return result;
}
