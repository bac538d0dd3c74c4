import { and, eq, isNull, lte } from 'drizzle-orm';
import { threads, type User } from '../../../core/plugins/api.ts';
import { pollsPolls, type Poll } from '../schema.ts';
import type { PollsApi } from '../settings.ts';
import { emit } from './emit.ts';

/** Closes a poll by hand; closing a closed poll changes nothing and announces nothing. */
export async function closePoll(api: PollsApi, poll: Poll, by: User, categoryId: number): Promise<void> {
  const [closed] = await api.db
    .update(pollsPolls)
    .set({ closedAt: new Date() })
    .where(and(eq(pollsPolls.id, poll.id), isNull(pollsPolls.closedAt)))
    .returning();
  if (closed) await emit(api, 'polls.closed', { pollId: poll.id, threadId: poll.threadId, closedBy: by.id }, { user: by, categoryId });
}

/** The scheduled close: records the closing time once it has passed (a job may run twice). */
export async function closeDuePoll(api: PollsApi, pollId: number, now = new Date()): Promise<void> {
  const [closed] = await api.db
    .update(pollsPolls)
    .set({ closedAt: pollsPolls.closesAt })
    .where(and(eq(pollsPolls.id, pollId), isNull(pollsPolls.closedAt), lte(pollsPolls.closesAt, now)))
    .returning();
  if (!closed) return;
  const [thread] = await api.db.select({ categoryId: threads.categoryId }).from(threads).where(eq(threads.id, closed.threadId));
  await emit(api, 'polls.closed', { pollId, threadId: closed.threadId, closedBy: null }, { user: null, categoryId: thread?.categoryId ?? null });
}
