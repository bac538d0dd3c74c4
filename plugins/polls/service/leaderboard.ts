import { asc, desc, eq } from 'drizzle-orm';
import { users, type Db } from '../../../core/plugins/api.ts';
import { pollsResponses } from '../schema.ts';

export const LEADERBOARD_SIZE = 100;

/** A quiz's best scores; equal scores rank by who submitted first (the index serves this order). */
export async function leaderboard(db: Db, pollId: number) {
  return db
    .select({ username: users.username, displayName: users.displayName, score: pollsResponses.score, submittedAt: pollsResponses.createdAt })
    .from(pollsResponses)
    .innerJoin(users, eq(users.id, pollsResponses.userId))
    .where(eq(pollsResponses.pollId, pollId))
    .orderBy(desc(pollsResponses.score), asc(pollsResponses.createdAt), asc(pollsResponses.id))
    .limit(LEADERBOARD_SIZE);
}
