import { bigint, date, index, integer, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';
import { categories } from '../forum/schema.ts';

/**
 * Page views, aggregated: one row per day (forum time zone) and kind ('member' | 'guest'),
 * bumped in batches from memory — never one row per view.
 */
export const analyticsPageViews = pgTable(
  'analytics_page_views',
  {
    day: date('day', { mode: 'string' }).notNull(),
    kind: text('kind').notNull(),
    views: bigint('views', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.kind] })],
);

/** Members who registered through an invitation (heard from the `invite.accepted` hook); others came directly. */
export const analyticsInvitedMembers = pgTable('analytics_invited_members', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  inviterId: integer('inviter_id').references(() => users.id, { onDelete: 'set null' }),
  acceptedAt: timestamp('accepted_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The daily roll-up: one row per day in the forum's time zone, replaced whenever the day is recomputed.
 * Trailing figures (WAU, MAU, segments) are as of the end of that day.
 */
export const analyticsDaily = pgTable('analytics_daily', {
  day: date('day', { mode: 'string' }).primaryKey(),
  membersTotal: integer('members_total').notNull(),
  newMembers: integer('new_members').notNull(),
  newInvited: integer('new_invited').notNull(),
  dau: integer('dau').notNull(),
  wau: integer('wau').notNull(),
  mau: integer('mau').notNull(),
  posts: integer('posts').notNull(),
  threads: integer('threads').notNull(),
  replies: integer('replies').notNull(),
  likes: integer('likes').notNull(),
  featuredThreads: integer('featured_threads').notNull(),
  lurkers: integer('lurkers').notNull(),
  regulars: integer('regulars').notNull(),
  actives: integer('actives').notNull(),
  cores: integer('cores').notNull(),
  memberViews: bigint('member_views', { mode: 'number' }).notNull(),
  guestViews: bigint('guest_views', { mode: 'number' }).notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Output per category per day (only categories with any output that day have a row). */
export const analyticsDailyCategories = pgTable(
  'analytics_daily_categories',
  {
    day: date('day', { mode: 'string' }).notNull(),
    categoryId: integer('category_id')
      .notNull()
      .references(() => categories.id, { onDelete: 'cascade' }),
    posts: integer('posts').notNull(),
    threads: integer('threads').notNull(),
    replies: integer('replies').notNull(),
    likes: integer('likes').notNull(),
    featuredThreads: integer('featured_threads').notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.categoryId] }), index('analytics_daily_categories_category_idx').on(t.categoryId, t.day)],
);

/** Posts and likes per hour of each day (forum time zone): the "when are members active" heatmap. */
export const analyticsDailyHours = pgTable(
  'analytics_daily_hours',
  {
    day: date('day', { mode: 'string' }).notNull(),
    hour: smallint('hour').notNull(),
    actions: integer('actions').notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.hour] })],
);

/** D-N retention per join day: of the members who joined that day, how many were active N days later. */
export const analyticsRetention = pgTable(
  'analytics_retention',
  {
    joinDay: date('join_day', { mode: 'string' }).notNull(),
    n: smallint('n').notNull(),
    cohort: integer('cohort').notNull(),
    retained: integer('retained').notNull(),
  },
  (t) => [primaryKey({ columns: [t.joinDay, t.n] })],
);

/** Weekly cohorts: members who joined in the week starting cohort_week, active in week W+offset (1…8). */
export const analyticsCohortWeeks = pgTable(
  'analytics_cohort_weeks',
  {
    cohortWeek: date('cohort_week', { mode: 'string' }).notNull(),
    weekOffset: smallint('week_offset').notNull(),
    cohort: integer('cohort').notNull(),
    active: integer('active').notNull(),
  },
  (t) => [primaryKey({ columns: [t.cohortWeek, t.weekOffset] })],
);

export type AnalyticsDay = typeof analyticsDaily.$inferSelect;
