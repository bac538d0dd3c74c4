import { eq } from 'drizzle-orm';
import type { PollEdit } from '../input/edit-form.ts';
import { pollsPolls, pollsQuestions, type Poll } from '../schema.ts';
import type { PollsApi } from '../settings.ts';
import { scheduleClose } from './schedule-close.ts';

/** Changes a poll's title, closing time and (polls) results mode. Questions and options stay: votes refer to them. */
export async function editPoll(api: PollsApi, poll: Poll, edit: PollEdit): Promise<Poll> {
  const updated = await api.db.transaction(async (tx) => {
    const [row] = await tx
      .update(pollsPolls)
      .set({ title: edit.title, closesAt: edit.closesAt, results: poll.kind === 'poll' ? edit.results : poll.results })
      .where(eq(pollsPolls.id, poll.id))
      .returning();
    // a plain poll's single question is its title
    if (poll.kind === 'poll') await tx.update(pollsQuestions).set({ prompt: edit.title }).where(eq(pollsQuestions.pollId, poll.id));
    return row!;
  });
  if (updated.closesAt?.getTime() !== poll.closesAt?.getTime()) await scheduleClose(api, updated);
  return updated;
}
