import { and, count, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { users } from '../../../core/plugins/api.ts';
import { paths } from '../paths.ts';
import { badgesBadges, badgesGrants, badgesLedger, badgesMembers, type Badge } from '../schema.ts';
import type { BadgesApi } from '../settings.ts';
import { builtinBadges, type MemberFacts, type RuleTrigger } from './builtin-badges.ts';
import type { DbOrTx } from './tx.ts';

export async function seedBuiltinBadges(db: DbOrTx): Promise<void> {
  await db
    .insert(badgesBadges)
    .values(builtinBadges.map((b) => ({ slug: b.slug, builtin: true, tier: b.tier })))
    .onConflictDoNothing();
}

/**
 * Gives a member a badge once: the unique (badge, member) index decides, so racing hooks grant it one time.
 * Returns whether this call granted it; the member is notified only then, in the same transaction: a job
 * killed between the two and retried would otherwise find the badge granted and never notify.
 */
export async function awardBadge(api: BadgesApi, userId: number, badge: Pick<Badge, 'id' | 'slug'>, by: { grantedById?: number | null; note?: string | null } = {}): Promise<boolean> {
  return api.transaction(async (tx) => {
    const [row] = await tx
      .insert(badgesGrants)
      .values({ badgeId: badge.id, userId, grantedById: by.grantedById ?? null, note: by.note ?? null })
      .onConflictDoNothing()
      .returning({ id: badgesGrants.id });
    if (!row) return false;
    await api.notify({ userId, type: 'badgeGranted', data: {}, url: paths.badge(badge.id), dedupeKey: `badge:${badge.id}` }, { tx });
    return true;
  });
}

/** Net count of an earning reason's entries for a member (a reversed entry cancels its grant). */
async function netCount(db: DbOrTx, userId: number, reason: 'answer' | 'event' | 'invite'): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(sum(sign(${badgesLedger.points})), 0)::int` })
    .from(badgesLedger)
    .where(and(eq(badgesLedger.userId, userId), eq(badgesLedger.reason, reason)));
  return Number(row?.n ?? 0);
}

async function facts(db: DbOrTx, userId: number, now: Date): Promise<MemberFacts | null> {
  const [member] = await db
    .select({ posts: users.postCount, threads: users.threadCount, likes: users.likesReceived, joinedAt: users.createdAt, streak: badgesMembers.streak })
    .from(users)
    .leftJoin(badgesMembers, eq(badgesMembers.userId, users.id))
    .where(eq(users.id, userId));
  if (!member) return null;
  // grants count too: points are granted before core counters are read back by some paths
  const [posted] = await db
    .select({ n: count() })
    .from(badgesLedger)
    .where(and(eq(badgesLedger.userId, userId), inArray(badgesLedger.reason, ['thread', 'reply']), gt(badgesLedger.points, 0), isNull(badgesLedger.reversesId)));
  const [acceptedAnswers, eventsAttended, invites] = await Promise.all([netCount(db, userId, 'answer'), netCount(db, userId, 'event'), netCount(db, userId, 'invite')]);
  return {
    posts: Math.max(member.posts + member.threads, Number(posted?.n ?? 0)),
    likesReceived: member.likes,
    acceptedAnswers,
    streak: member.streak ?? 0,
    eventsAttended,
    invites,
    joinedAt: member.joinedAt,
    now,
  };
}

/** Checks the built-in rules a trigger concerns and grants every badge now earned (each at most once). */
export async function checkBadgeRules(api: BadgesApi, userId: number, triggers: readonly RuleTrigger[], now = new Date()): Promise<string[]> {
  const rules = builtinBadges.filter((b) => b.triggers.some((t) => triggers.includes(t)));
  if (!rules.length) return [];
  const known = await api.db
    .select({ id: badgesBadges.id, slug: badgesBadges.slug })
    .from(badgesBadges)
    .leftJoin(badgesGrants, and(eq(badgesGrants.badgeId, badgesBadges.id), eq(badgesGrants.userId, userId)))
    .where(and(inArray(badgesBadges.slug, rules.map((r) => r.slug)), eq(badgesBadges.enabled, true), isNull(badgesGrants.id)));
  if (!known.length) return [];
  const f = await facts(api.db, userId, now);
  if (!f) return [];
  const granted: string[] = [];
  for (const badge of known) {
    const rule = rules.find((r) => r.slug === badge.slug);
    if (rule?.earned(f) && (await awardBadge(api, userId, badge))) granted.push(badge.slug);
  }
  return granted;
}
