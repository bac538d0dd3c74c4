import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { badgesBadges, badgesGrants, badgesMembers, badgesRedemptions, badgesRewards, type Redemption, type Reward } from '../schema.ts';
import type { BadgesApi } from '../settings.ts';
import { awardBadge } from './award.ts';
import { record } from './ledger.ts';
import { forumDay } from './points.ts';

export type RedeemOutcome =
  | { ok: true; redemption: Redemption; reward: Reward; balance: number }
  | { ok: false; reason: 'not-found' | 'out-of-stock' | 'insufficient' | 'already-owned' };

class Refused extends Error {
  constructor(readonly reason: Extract<RedeemOutcome, { ok: false }>['reason']) {
    super(reason);
  }
}

/**
 * Buys a reward. One transaction: take one from stock only while stock remains, take the cost only while the
 * balance covers it (each a single conditional UPDATE … RETURNING, so concurrent requests queue on the row
 * locks and re-check), then the redemption and its ledger entry. A refusal rolls all of it back.
 * Titles and badges are delivered at once; seats and gifts wait for staff.
 */
export async function redeem(api: BadgesApi, userId: number, rewardId: number, note = ''): Promise<RedeemOutcome> {
  const day = await forumDay(api);
  try {
    const outcome = await api.db.transaction(async (tx) => {
      const [reward] = await tx
        .update(badgesRewards)
        .set({ stock: sql`case when ${badgesRewards.stock} is null then null else ${badgesRewards.stock} - 1 end` })
        .where(and(eq(badgesRewards.id, rewardId), eq(badgesRewards.active, true), or(isNull(badgesRewards.stock), gt(badgesRewards.stock, 0))))
        .returning();
      if (!reward) {
        const [exists] = await tx.select({ id: badgesRewards.id }).from(badgesRewards).where(and(eq(badgesRewards.id, rewardId), eq(badgesRewards.active, true)));
        throw new Refused(exists ? 'out-of-stock' : 'not-found');
      }
      if (reward.kind === 'badge' && reward.badgeId) {
        const [owned] = await tx.select({ id: badgesGrants.id }).from(badgesGrants).where(and(eq(badgesGrants.badgeId, reward.badgeId), eq(badgesGrants.userId, userId)));
        if (owned) throw new Refused('already-owned');
      }
      const delivered = reward.kind === 'title' || reward.kind === 'badge';
      const [redemption] = await tx
        .insert(badgesRedemptions)
        .values({ rewardId, userId, cost: reward.cost, note, status: delivered ? 'fulfilled' : 'pending', handledAt: delivered ? new Date() : null })
        .returning();
      // the debit: record() locks the member's totals row and updates it only WHERE balance >= cost
      const entry = await record(tx, { userId, points: -reward.cost, reason: 'redemption', sourceType: 'redemption', sourceId: redemption!.id, note: reward.name, key: `redeem:${redemption!.id}`, day, coveredOnly: true });
      if (!entry) throw new Refused('insufficient');
      if (reward.kind === 'title' && reward.title) await tx.update(badgesMembers).set({ title: reward.title }).where(eq(badgesMembers.userId, userId));
      return { ok: true as const, redemption: redemption!, reward, balance: entry.totals.balance };
    });
    if (outcome.reward.kind === 'badge' && outcome.reward.badgeId) {
      const [badge] = await api.db.select({ id: badgesBadges.id, slug: badgesBadges.slug }).from(badgesBadges).where(eq(badgesBadges.id, outcome.reward.badgeId));
      if (badge) await awardBadge(api, userId, badge, { note: outcome.reward.name });
    }
    return outcome;
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.reason };
    throw error;
  }
}

/** Staff mark a pending redemption handed over. */
export async function fulfil(api: BadgesApi, redemptionId: number, staffId: number): Promise<Redemption | null> {
  const [row] = await api.db
    .update(badgesRedemptions)
    .set({ status: 'fulfilled', handledById: staffId, handledAt: new Date() })
    .where(and(eq(badgesRedemptions.id, redemptionId), eq(badgesRedemptions.status, 'pending')))
    .returning();
  if (row) await api.notify({ userId: row.userId, type: 'redemptionFulfilled', data: {}, url: '/plugins/badges/me', dedupeKey: `fulfilled:${row.id}` });
  return row ?? null;
}

/** Staff cancel a pending redemption: the points come back (a ledger entry) and so does the stock. */
export async function cancel(api: BadgesApi, redemptionId: number, staffId: number): Promise<Redemption | null> {
  const day = await forumDay(api);
  return api.db.transaction(async (tx) => {
    const [row] = await tx
      .update(badgesRedemptions)
      .set({ status: 'cancelled', handledById: staffId, handledAt: new Date() })
      .where(and(eq(badgesRedemptions.id, redemptionId), eq(badgesRedemptions.status, 'pending')))
      .returning();
    if (!row) return null;
    await tx
      .update(badgesRewards)
      .set({ stock: sql`case when ${badgesRewards.stock} is null then null else ${badgesRewards.stock} + 1 end` })
      .where(eq(badgesRewards.id, row.rewardId));
    await record(tx, { userId: row.userId, points: row.cost, reason: 'refund', sourceType: 'redemption', sourceId: row.id, actorId: staffId, key: `refund:${row.id}`, day });
    return row;
  });
}
