import type { User } from '../../accounts/schema.ts';
import type { Database } from '../../db/index.ts';
import { enforce, type RateLimitRule } from '../../http/rate-limit.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** New accounts are how spam arrives: tighter limits on starting conversations in the first day. */
export const conversationLimits = {
  newMember: { name: 'conversation:start:new', limit: 3, windowSeconds: 3600 },
  everyone: { name: 'conversation:start', limit: 20, windowSeconds: 3600 },
} satisfies Record<string, RateLimitRule>;

/** Counts one new conversation for the member; 429 when over a limit. */
export async function enforceStartLimits(database: Database, user: Pick<User, 'id' | 'createdAt'>, now = new Date()): Promise<void> {
  if (now.getTime() - user.createdAt.getTime() < DAY_MS) await enforce(database, conversationLimits.newMember, `u${user.id}`);
  await enforce(database, conversationLimits.everyone, `u${user.id}`);
}
