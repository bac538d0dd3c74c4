import { and, asc, count, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { users } from '../../../core/plugins/api.ts';
import { badgesBadges, badgesGrants, badgesLedger, badgesRedemptions, badgesRewards, type Badge, type LedgerEntry, type Redemption, type Reward } from '../schema.ts';
import type { DbOrTx } from './tx.ts';

export const PAGE_SIZE = 30;

/** A member's ledger, newest first; keyset on id (`before` is the last id of the previous page). */
export async function ledgerPage(db: DbOrTx, userId: number, before?: number): Promise<{ entries: LedgerEntry[]; next: number | null }> {
  const entries = await db
    .select()
    .from(badgesLedger)
    .where(and(eq(badgesLedger.userId, userId), before ? lt(badgesLedger.id, before) : undefined))
    .orderBy(desc(badgesLedger.id))
    .limit(PAGE_SIZE + 1);
  const more = entries.length > PAGE_SIZE;
  const page = entries.slice(0, PAGE_SIZE);
  return { entries: page, next: more ? page[page.length - 1]!.id : null };
}

export interface HeldBadge {
  badge: Badge;
  grantedAt: Date;
}

export async function memberBadges(db: DbOrTx, userId: number): Promise<HeldBadge[]> {
  const rows = await db
    .select({ badge: badgesBadges, grantedAt: badgesGrants.createdAt })
    .from(badgesGrants)
    .innerJoin(badgesBadges, eq(badgesBadges.id, badgesGrants.badgeId))
    .where(eq(badgesGrants.userId, userId))
    .orderBy(sql`case ${badgesBadges.tier} when 'gold' then 0 when 'silver' then 1 else 2 end`, desc(badgesGrants.id));
  return rows;
}

/** Every badge with how many members hold it. */
export async function allBadges(db: DbOrTx): Promise<{ badge: Badge; holders: number }[]> {
  const holders = db.select({ badgeId: badgesGrants.badgeId, n: count().as('n') }).from(badgesGrants).groupBy(badgesGrants.badgeId).as('holders');
  const rows = await db
    .select({ badge: badgesBadges, holders: holders.n })
    .from(badgesBadges)
    .leftJoin(holders, eq(holders.badgeId, badgesBadges.id))
    .orderBy(sql`case ${badgesBadges.tier} when 'gold' then 0 when 'silver' then 1 else 2 end`, asc(badgesBadges.id));
  return rows.map((r) => ({ badge: r.badge, holders: Number(r.holders ?? 0) }));
}

export interface Holder {
  grantId: number;
  username: string;
  displayName: string;
  grantedAt: Date;
}

/** A badge's holders, newest first, keyset on the grant id. */
export async function badgeHolders(db: DbOrTx, badgeId: number, before?: number): Promise<{ holders: Holder[]; next: number | null }> {
  const rows = await db
    .select({ grantId: badgesGrants.id, username: users.username, displayName: users.displayName, grantedAt: badgesGrants.createdAt })
    .from(badgesGrants)
    .innerJoin(users, eq(users.id, badgesGrants.userId))
    .where(and(eq(badgesGrants.badgeId, badgeId), before ? lt(badgesGrants.id, before) : undefined))
    .orderBy(desc(badgesGrants.id))
    .limit(PAGE_SIZE + 1);
  const more = rows.length > PAGE_SIZE;
  const page = rows.slice(0, PAGE_SIZE);
  return { holders: page, next: more ? page[page.length - 1]!.grantId : null };
}

export function rewards(db: DbOrTx, activeOnly: boolean): Promise<Reward[]> {
  return db
    .select()
    .from(badgesRewards)
    .where(activeOnly ? eq(badgesRewards.active, true) : undefined)
    .orderBy(asc(badgesRewards.cost), asc(badgesRewards.id));
}

export interface RedemptionRow {
  redemption: Redemption;
  rewardName: string;
  rewardKind: Reward['kind'];
  username: string;
  displayName: string;
}

/** Redemptions for staff (all members, one status) or for one member; newest first, keyset on id. */
export async function redemptionList(
  db: DbOrTx,
  filter: { status?: Redemption['status']; userId?: number; before?: number },
): Promise<{ rows: RedemptionRow[]; next: number | null }> {
  const rows = await db
    .select({ redemption: badgesRedemptions, rewardName: badgesRewards.name, rewardKind: badgesRewards.kind, username: users.username, displayName: users.displayName })
    .from(badgesRedemptions)
    .innerJoin(badgesRewards, eq(badgesRewards.id, badgesRedemptions.rewardId))
    .innerJoin(users, eq(users.id, badgesRedemptions.userId))
    .where(
      and(
        filter.status ? eq(badgesRedemptions.status, filter.status) : undefined,
        filter.userId ? eq(badgesRedemptions.userId, filter.userId) : undefined,
        filter.before ? lt(badgesRedemptions.id, filter.before) : undefined,
      ),
    )
    .orderBy(desc(badgesRedemptions.id))
    .limit(PAGE_SIZE + 1);
  const more = rows.length > PAGE_SIZE;
  const page = rows.slice(0, PAGE_SIZE);
  return { rows: page, next: more ? page[page.length - 1]!.redemption.id : null };
}

export async function badgesByIds(db: DbOrTx, ids: number[]): Promise<Map<number, Badge>> {
  if (!ids.length) return new Map();
  const rows = await db.select().from(badgesBadges).where(inArray(badgesBadges.id, ids));
  return new Map(rows.map((b) => [b.id, b]));
}
