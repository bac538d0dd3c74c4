import { asc, count, desc, eq } from 'drizzle-orm';
import { users, type Db } from '../../../core/plugins/api.ts';
import { pollsResponses, pollsTextAnswers, type Poll } from '../schema.ts';

export interface TextAnswer {
  body: string;
  /** How many gave this answer (anonymous surveys group equal answers). */
  count: number;
  /** Who answered; always null for anonymous surveys. */
  author: { username: string; displayName: string } | null;
}

/**
 * Short-text answers per question. Anonymous surveys: grouped and sorted by text, with no link to a
 * member or to the member's other answers. Otherwise each answer with its author, oldest first.
 */
export async function loadTextAnswers(db: Db, poll: Poll, limit = 1000): Promise<Map<number, TextAnswer[]>> {
  const out = new Map<number, TextAnswer[]>();
  const add = (questionId: number, answer: TextAnswer) => out.set(questionId, [...(out.get(questionId) ?? []), answer]);
  if (poll.anonymous) {
    const rows = await db
      .select({ questionId: pollsTextAnswers.questionId, body: pollsTextAnswers.body, n: count() })
      .from(pollsTextAnswers)
      .where(eq(pollsTextAnswers.pollId, poll.id))
      .groupBy(pollsTextAnswers.questionId, pollsTextAnswers.body)
      .orderBy(asc(pollsTextAnswers.questionId), desc(count()), asc(pollsTextAnswers.body))
      .limit(limit);
    for (const r of rows) add(r.questionId, { body: r.body, count: r.n, author: null });
    return out;
  }
  const rows = await db
    .select({ questionId: pollsTextAnswers.questionId, body: pollsTextAnswers.body, username: users.username, displayName: users.displayName })
    .from(pollsTextAnswers)
    .innerJoin(pollsResponses, eq(pollsResponses.id, pollsTextAnswers.responseId))
    .innerJoin(users, eq(users.id, pollsResponses.userId))
    .where(eq(pollsTextAnswers.pollId, poll.id))
    .orderBy(asc(pollsResponses.createdAt), asc(pollsResponses.id))
    .limit(limit);
  for (const r of rows) add(r.questionId, { body: r.body, count: 1, author: { username: r.username, displayName: r.displayName } });
  return out;
}
