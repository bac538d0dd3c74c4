import { eq, sql } from 'drizzle-orm';
import { canAct, type User } from '../../../core/plugins/api.ts';
import { BallotError, type Answer } from '../input/ballot.ts';
import { pollsChoices, pollsResponses, pollsTextAnswers } from '../schema.ts';
import type { PollsApi } from '../settings.ts';
import { emit } from './emit.ts';
import type { PollView } from './load-polls.ts';
import { isClosed } from './permissions.ts';
import { scoreQuiz } from './score.ts';

export interface VoteContext {
  user: User | null;
  categoryId: number;
  threadLocked: boolean;
}

/**
 * Records a member's vote or answer sheet. The database keeps one response per member and poll: a
 * poll vote is an upsert that locks the member's response row, so concurrent votes by one member run
 * one after the other and the last one wins; surveys and quizzes accept the first response only.
 */
export async function vote(api: PollsApi, view: PollView, answers: Answer[], ctx: VoteContext): Promise<{ changed: boolean }> {
  const { poll } = view;
  const user = ctx.user;
  if (!user) throw new BallotError({ 0: { key: 'polls.error.loginToVote' } }, 403);
  if (!canAct(user)) throw new BallotError({ 0: { key: 'polls.error.cannotAct' } }, 403);
  if (isClosed(poll)) throw new BallotError({ 0: { key: 'polls.error.closed' } }, 409);
  if (ctx.threadLocked) throw new BallotError({ 0: { key: 'polls.error.threadLocked' } }, 409);
  const changeable = poll.kind === 'poll';
  const score = poll.kind === 'quiz' ? scoreQuiz(view, answers) : null;
  const now = new Date();

  const changed = await api.db.transaction(async (tx) => {
    const insert = tx.insert(pollsResponses).values({ pollId: poll.id, userId: user.id, score, createdAt: now, updatedAt: now });
    const returning = { id: pollsResponses.id, inserted: sql<boolean>`(xmax = 0)` };
    const [response] = changeable
      ? await insert.onConflictDoUpdate({ target: [pollsResponses.pollId, pollsResponses.userId], set: { updatedAt: now } }).returning(returning)
      : await insert.onConflictDoNothing().returning(returning);
    if (!response) throw new BallotError({ 0: { key: 'polls.error.alreadyResponded' } }, 409);
    if (!response.inserted) await tx.delete(pollsChoices).where(eq(pollsChoices.responseId, response.id));
    const choices = answers.flatMap((a) => a.optionIds.map((optionId) => ({ responseId: response.id, pollId: poll.id, questionId: a.questionId, optionId })));
    if (choices.length) await tx.insert(pollsChoices).values(choices);
    const texts = answers.flatMap((a) => (a.text === null ? [] : [{ responseId: response.id, pollId: poll.id, questionId: a.questionId, body: a.text }]));
    if (texts.length) await tx.insert(pollsTextAnswers).values(texts);
    return !response.inserted;
  });
  await emit(
    api,
    'polls.voted',
    { pollId: poll.id, threadId: poll.threadId, kind: poll.kind, userId: poll.anonymous ? null : user.id, changed },
    { user: poll.anonymous ? null : user, categoryId: ctx.categoryId },
  );
  return { changed };
}
