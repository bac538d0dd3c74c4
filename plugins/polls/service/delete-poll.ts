import { eq } from 'drizzle-orm';
import { pollsGiveaways, pollsPolls } from '../schema.ts';
import type { PollsApi } from '../settings.ts';

/** Deletes a poll with every vote (cascade). */
export async function deletePoll(api: PollsApi, pollId: number): Promise<void> {
  await api.db.delete(pollsPolls).where(eq(pollsPolls.id, pollId));
}

/** Deletes a giveaway with its recorded draw. */
export async function deleteGiveaway(api: PollsApi, giveawayId: number): Promise<void> {
  await api.db.delete(pollsGiveaways).where(eq(pollsGiveaways.id, giveawayId));
}
