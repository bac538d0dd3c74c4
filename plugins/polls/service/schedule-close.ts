import type { Poll } from '../schema.ts';
import type { PollsApi } from '../settings.ts';

export const CLOSE_JOB = 'close';

export interface CloseJob {
  pollId: number;
}

/**
 * Queues the job that marks a poll closed at its closing time (and fires 'polls.closed'). Votes are
 * refused from closes_at on whether or not the job has run yet; the job only records and announces it.
 */
export async function scheduleClose(api: PollsApi, poll: Pick<Poll, 'id' | 'closesAt'>): Promise<void> {
  if (!poll.closesAt) return;
  await api.enqueue<CloseJob>(CLOSE_JOB, { pollId: poll.id }, {
    startAfter: poll.closesAt,
    singletonKey: `close:${poll.id}:${poll.closesAt.getTime()}`,
  });
}
