import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../../core/plugins/api.ts';

/** Why points moved. A reversal keeps the reason of the entry it undoes (and points at it with reversesId). */
export const ledgerReasons = ['thread', 'reply', 'like', 'answer', 'checkin', 'streak', 'event', 'invite', 'poll', 'signup', 'manual', 'redemption', 'refund'] as const;
export type LedgerReason = (typeof ledgerReasons)[number];
/** Actions an admin attaches points (and a daily cap) to. */
export const earningActions = ['thread', 'reply', 'like', 'answer', 'checkin', 'event', 'invite', 'poll'] as const;
export type EarningAction = (typeof earningActions)[number];
export const badgeTiers = ['gold', 'silver', 'bronze'] as const;
export type BadgeTier = (typeof badgeTiers)[number];
export const rewardKinds = ['title', 'badge', 'event_seat', 'gift'] as const;
export type RewardKind = (typeof rewardKinds)[number];
export const redemptionStatuses = ['pending', 'fulfilled', 'cancelled'] as const;
export type RedemptionStatus = (typeof redemptionStatuses)[number];

/**
 * The points ledger: append-only. Every grant, spend, refund and reversal is a row; the idempotency key makes a
 * retried hook or job grant once. Balances are kept in badges_members in the same transaction as each insert.
 */
export const badgesLedger = pgTable(
  'badges_ledger',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    points: integer('points').notNull(),
    reason: text('reason').$type<LedgerReason>().notNull(),
    /** What the points are for: 'post', 'thread', 'poll', 'checkin', 'redemption', 'user' … with its id. */
    sourceType: text('source_type'),
    sourceId: integer('source_id'),
    /** The other member involved: the liker, the admin who granted by hand, the new member an invite brought. */
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    note: text('note'),
    /** The entry this one undoes (a post deleted by staff, an unlike, an unaccepted answer). */
    reversesId: integer('reverses_id'),
    /** The calendar day in the forum's time zone when it happened: daily caps and week/month boards use it. */
    day: date('day', { mode: 'string' }).notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('badges_ledger_idempotency_idx').on(t.idempotencyKey),
    // a member's history, newest first (keyset on id)
    index('badges_ledger_user_idx').on(t.userId, t.id),
    // daily caps: today's points per member and action
    index('badges_ledger_cap_idx').on(t.userId, t.reason, t.day),
    // week/month leaderboards
    index('badges_ledger_day_idx').on(t.day, t.userId),
    // reversing what a deleted post earned
    index('badges_ledger_source_idx').on(t.sourceType, t.sourceId),
    uniqueIndex('badges_ledger_reverses_idx').on(t.reversesId),
    check('badges_ledger_points_check', sql`${t.points} <> 0`),
  ],
);

/** Per-member totals kept beside the ledger (same transaction), so a page shows balance and level in one query. */
export const badgesMembers = pgTable(
  'badges_members',
  {
    userId: integer('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** What the member can spend. Only redemptions are refused below zero; a staff reversal may dip under. */
    balance: integer('balance').notNull().default(0),
    /** Points earned minus reversals, never minus spending: levels follow this. */
    lifetime: integer('lifetime').notNull().default(0),
    level: integer('level').notNull().default(1),
    streak: integer('streak').notNull().default(0),
    longestStreak: integer('longest_streak').notNull().default(0),
    lastCheckinDay: date('last_checkin_day', { mode: 'string' }),
    checkinCount: integer('checkin_count').notNull().default(0),
    /** The badge the member chose to show beside their name. */
    featuredBadgeId: integer('featured_badge_id').references(() => badgesBadges.id, { onDelete: 'set null' }),
    /** A custom title bought with points. */
    title: text('title'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('badges_members_lifetime_idx').on(t.lifetime.desc().nullsFirst(), t.userId),
    index('badges_members_longest_streak_idx').on(t.longestStreak.desc().nullsFirst(), t.userId),
  ],
);

/** One row per member and calendar day checked in (forum time zone); analytics read check-ins from here. */
export const badgesCheckins = pgTable(
  'badges_checkins',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    streak: integer('streak').notNull(),
    points: integer('points').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.day] }), index('badges_checkins_day_idx').on(t.day)],
);

/** Badges: built-in ones (slug names the rule) and custom ones admins create and grant by hand. */
export const badgesBadges = pgTable(
  'badges_badges',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    slug: text('slug').notNull(),
    builtin: boolean('builtin').notNull().default(false),
    /** Null for built-ins: their name and description come from the locale files. */
    name: text('name'),
    description: text('description'),
    tier: text('tier').$type<BadgeTier>().notNull().default('bronze'),
    enabled: boolean('enabled').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('badges_badges_slug_idx').on(t.slug), check('badges_badges_tier_check', sql`${t.tier} in ('gold', 'silver', 'bronze')`)],
);

/** A badge held by a member: once, enforced by the database. */
export const badgesGrants = pgTable(
  'badges_grants',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    badgeId: integer('badge_id')
      .notNull()
      .references(() => badgesBadges.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    grantedById: integer('granted_by_id').references(() => users.id, { onDelete: 'set null' }),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('badges_grants_badge_user_idx').on(t.badgeId, t.userId),
    // a badge's holders, newest first
    index('badges_grants_badge_idx').on(t.badgeId, t.id),
    index('badges_grants_user_idx').on(t.userId, t.id),
  ],
);

/** Levels (等级): a member is at the highest level whose threshold their lifetime points reach. */
export const badgesLevels = pgTable(
  'badges_levels',
  {
    level: integer('level').primaryKey(),
    /** Null: the default name for this level number from the locale files. */
    name: text('name'),
    minPoints: integer('min_points').notNull(),
    /** Granted on reaching the level. */
    badgeId: integer('badge_id').references(() => badgesBadges.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('badges_levels_min_points_idx').on(t.minPoints),
    check('badges_levels_level_check', sql`${t.level} >= 1`),
    check('badges_levels_min_points_check', sql`${t.minPoints} >= 0`),
  ],
);

/** Rewards members buy with points (积分兑换). Stock null means unlimited. */
export const badgesRewards = pgTable(
  'badges_rewards',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').$type<RewardKind>().notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    cost: integer('cost').notNull(),
    stock: integer('stock'),
    /** kind 'title': the title the member gets. */
    title: text('title'),
    /** kind 'badge': the badge granted. */
    badgeId: integer('badge_id').references(() => badgesBadges.id, { onDelete: 'set null' }),
    /** kind 'event_seat': the event's thread. */
    eventThreadId: integer('event_thread_id'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('badges_rewards_kind_check', sql`${t.kind} in ('title', 'badge', 'event_seat', 'gift')`),
    check('badges_rewards_cost_check', sql`${t.cost} > 0`),
    check('badges_rewards_stock_check', sql`${t.stock} is null or ${t.stock} >= 0`),
  ],
);

export const badgesRedemptions = pgTable(
  'badges_redemptions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    rewardId: integer('reward_id')
      .notNull()
      .references(() => badgesRewards.id, { onDelete: 'restrict' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    cost: integer('cost').notNull(),
    status: text('status').$type<RedemptionStatus>().notNull().default('pending'),
    /** What the member asked for (a shipping address for a gift, a note for staff). */
    note: text('note').notNull().default(''),
    handledById: integer('handled_by_id').references(() => users.id, { onDelete: 'set null' }),
    handledAt: timestamp('handled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // staff queue: pending first, oldest first
    index('badges_redemptions_status_idx').on(t.status, t.id),
    index('badges_redemptions_user_idx').on(t.userId, t.id),
    check('badges_redemptions_status_check', sql`${t.status} in ('pending', 'fulfilled', 'cancelled')`),
  ],
);

export type LedgerEntry = typeof badgesLedger.$inferSelect;
export type MemberTotals = typeof badgesMembers.$inferSelect;
export type Badge = typeof badgesBadges.$inferSelect;
export type Level = typeof badgesLevels.$inferSelect;
export type Reward = typeof badgesRewards.$inferSelect;
export type Redemption = typeof badgesRedemptions.$inferSelect;
