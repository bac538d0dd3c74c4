import { inArray, sql } from 'drizzle-orm';
import { users } from '../accounts/schema.ts';
import { memberActiveDays } from '../activity/schema.ts';
import type { DbOrTx } from '../db/index.ts';
import { moderationReports } from '../moderation/schema.ts';
import { threadReads } from '../watching/schema.ts';
import { estimateReadMinutes, type TrustStats } from './compute.ts';

/** Reports count against a member once staff upheld them, for this long. */
export const FLAG_WINDOW_DAYS = 180;
const UPHELD = ['removed', 'edited'];

export interface MemberTrustRow {
  id: number;
  role: 'member' | 'moderator' | 'admin';
  trustLevel: number;
  trustLevelLocked: boolean;
  stats: TrustStats;
}

/** Activity figures for a batch of members: one grouped query per source, never one per member. */
export async function trustStatsFor(db: DbOrTx, ids: number[]): Promise<MemberTrustRow[]> {
  if (ids.length === 0) return [];
  const [people, days, reads, flags] = await Promise.all([
    db
      .select({
        id: users.id,
        role: users.role,
        trustLevel: users.trustLevel,
        trustLevelLocked: users.trustLevelLocked,
        posts: users.postCount,
        likesGiven: users.likesGiven,
        likesReceived: users.likesReceived,
      })
      .from(users)
      .where(inArray(users.id, ids)),
    db
      .select({ userId: memberActiveDays.userId, n: sql<number>`count(*)::int` })
      .from(memberActiveDays)
      .where(inArray(memberActiveDays.userId, ids))
      .groupBy(memberActiveDays.userId),
    db
      .select({
        userId: threadReads.userId,
        posts: sql<number>`coalesce(sum(${threadReads.lastReadPostNumber}), 0)::int`,
        threads: sql<number>`count(*)::int`,
      })
      .from(threadReads)
      .where(inArray(threadReads.userId, ids))
      .groupBy(threadReads.userId),
    db
      .select({
        userId: moderationReports.targetUserId,
        n: sql<number>`count(distinct (${moderationReports.targetType}, ${moderationReports.targetId}))::int`,
      })
      .from(moderationReports)
      .where(
        sql`${inArray(moderationReports.targetUserId, ids)} and ${inArray(moderationReports.outcome, UPHELD)}
            and ${moderationReports.createdAt} > now() - make_interval(days => ${FLAG_WINDOW_DAYS})`,
      )
      .groupBy(moderationReports.targetUserId),
  ]);
  const daysBy = new Map(days.map((r) => [r.userId, Number(r.n)]));
  const readsBy = new Map(reads.map((r) => [r.userId, { posts: Number(r.posts), threads: Number(r.threads) }]));
  const flagsBy = new Map(flags.map((r) => [r.userId, Number(r.n)]));
  return people.map((p) => {
    const read = readsBy.get(p.id) ?? { posts: 0, threads: 0 };
    return {
      id: p.id,
      role: p.role,
      trustLevel: p.trustLevel,
      trustLevelLocked: p.trustLevelLocked,
      stats: {
        daysVisited: daysBy.get(p.id) ?? 0,
        postsRead: read.posts,
        readMinutes: estimateReadMinutes(read.posts, read.threads),
        likesGiven: p.likesGiven,
        likesReceived: p.likesReceived,
        posts: p.posts,
        flagsAgainst: flagsBy.get(p.id) ?? 0,
      },
    };
  });
}
