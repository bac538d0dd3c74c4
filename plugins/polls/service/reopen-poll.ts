import { eq } from 'drizzle-orm';
import { pollsPolls, type Poll } from '../schema.ts';
import type { PollsApi } from '../settings.ts';
import { isClosed } from './permissions.ts';

/** Opens a closed poll again; a closing time that has passed is dropped, so the poll stays open. */
export async function reopenPoll(api: PollsApi, poll: Poll, now = new Date()): Promise<void> {
  if (!isClosed(poll, now)) return;
  const closesAt = poll.closesAt && poll.closesAt.getTime() <= now.getTime() ? null : poll.closesAt;
  await api.db.update(pollsPolls).set({ closedAt: null, closesAt }).where(eq(pollsPolls.id, poll.id));
}
