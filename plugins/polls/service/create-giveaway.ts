import { and, eq } from 'drizzle-orm';
import { ValidationError } from '../../../core/plugins/api.ts';
import type { NewGiveaway } from '../input/giveaway-form.ts';
import { pollsGiveaways, pollsPolls, type Giveaway } from '../schema.ts';
import type { PollsApi } from '../settings.ts';
import { DRAW_JOB, type DrawJob } from './draw.ts';

/** Stores a giveaway and, for a scheduled draw, queues the job that draws it (once: see drawGiveaway). */
export async function createGiveaway(api: PollsApi, input: { threadId: number; authorId: number; giveaway: NewGiveaway }): Promise<Giveaway> {
  const { giveaway } = input;
  if (giveaway.pollId !== null) {
    const [poll] = await api.db
      .select({ anonymous: pollsPolls.anonymous })
      .from(pollsPolls)
      .where(and(eq(pollsPolls.id, giveaway.pollId), eq(pollsPolls.threadId, input.threadId)));
    if (!poll) throw new ValidationError({ polls_poll: 'polls.error.pollRequired' });
    // the published eligible list would name the voters
    if (poll.anonymous) throw new ValidationError({ polls_poll: 'polls.error.pollAnonymous' });
  }
  const [row] = await api.db
    .insert(pollsGiveaways)
    .values({ threadId: input.threadId, authorId: input.authorId, ...giveaway })
    .returning();
  if (row!.drawAt) {
    await api.enqueue<DrawJob>(DRAW_JOB, { giveawayId: row!.id }, { startAfter: row!.drawAt, singletonKey: `draw:${row!.id}` });
  }
  return row!;
}
