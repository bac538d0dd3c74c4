import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { rateLimits } from '../accounts/schema.ts';
import { UserError } from './errors.tsx';

export interface RateLimitRule {
  /** e.g. "login:ip" — the bucket family. */
  name: string;
  limit: number;
  windowSeconds: number;
}

/**
 * Fixed-window counter in the database, so every app instance shares it. One statement:
 * a new window starts when the old one has ended, otherwise the count goes up.
 */
export async function hit(database: Database, rule: RateLimitRule, subject: string): Promise<{ allowed: boolean; count: number }> {
  const key = `${rule.name}:${subject}`.slice(0, 300);
  const windowEnd = sql`now() + make_interval(secs => ${rule.windowSeconds})`;
  const rows = await database.rows<{ count: number }>(sql`
    insert into ${rateLimits} (key, count, window_ends_at) values (${key}, 1, ${windowEnd})
    on conflict (key) do update set
      count = case when ${rateLimits.windowEndsAt} <= now() then 1 else ${rateLimits.count} + 1 end,
      window_ends_at = case when ${rateLimits.windowEndsAt} <= now() then ${windowEnd} else ${rateLimits.windowEndsAt} end
    returning count`);
  const count = Number(rows[0]?.count ?? 1);
  return { allowed: count <= rule.limit, count };
}

/** Counts a hit and throws 429 when the subject is over the limit. */
export async function enforce(database: Database, rule: RateLimitRule, subject: string): Promise<void> {
  const { allowed } = await hit(database, rule, subject);
  if (!allowed) throw new UserError(429, 'error.429.body');
}

/** Forgets a subject's count (e.g. after a successful login). */
export async function reset(database: Database, rule: RateLimitRule, subject: string): Promise<void> {
  await database.db.delete(rateLimits).where(sql`${rateLimits.key} = ${`${rule.name}:${subject}`.slice(0, 300)}`);
}
